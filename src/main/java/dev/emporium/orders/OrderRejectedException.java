package dev.emporium.orders;

import org.springframework.http.HttpStatus;

import dev.emporium.shared.ProblemException;

/**
 * An order request breaks one of the ordering rules; answered as a 422 problem whose type
 * is {@link #slug()}.
 */
class OrderRejectedException extends ProblemException {

	private final String slug;

	OrderRejectedException(String slug, String title, String detail) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, slug, title, detail);
		this.slug = slug;
	}

	String slug() {
		return slug;
	}

}
