package dev.emporium.orders;

import java.util.List;

/**
 * An order names SKUs that the catalog does not know.
 */
class UnknownSkusException extends RuntimeException {

	private final List<String> skus;

	UnknownSkusException(List<String> skus) {
		super("The catalog has no product with SKU " + String.join(", ", skus));
		this.skus = List.copyOf(skus);
	}

	List<String> skus() {
		return skus;
	}

}
