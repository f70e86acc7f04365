package dev.emporium.orders;

/**
 * An order request breaks one of the ordering rules; answered as a 422 problem whose type
 * is {@link #slug()}.
 */
class OrderRejectedException extends RuntimeException {

	private final String slug;

	private final String title;

	OrderRejectedException(String slug, String title, String detail) {
		super(detail);
		this.slug = slug;
		this.title = title;
	}

	String slug() {
		return slug;
	}

	String title() {
		return title;
	}

}
