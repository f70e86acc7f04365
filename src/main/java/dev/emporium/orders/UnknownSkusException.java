package dev.emporium.orders;

import java.util.List;

import org.springframework.http.HttpStatus;

import dev.emporium.shared.ProblemException;

/**
 * An order names SKUs that the catalog does not know; its problem lists them in
 * {@code skus}.
 */
class UnknownSkusException extends ProblemException {

	private final List<String> skus;

	UnknownSkusException(List<String> skus) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-sku", "Unknown SKU",
				"The catalog has no product with SKU " + String.join(", ", skus));
		this.skus = List.copyOf(skus);
		getBody().setProperty("skus", this.skus);
	}

	List<String> skus() {
		return skus;
	}

}
