package dev.emporium.orders;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import dev.emporium.shared.Address;

/**
 * The SHA-256 of an order request in canonical form (lines sorted by SKU, every field
 * length-prefixed), which tells a retried request from a different one sent with the same
 * Idempotency-Key.
 */
final class RequestFingerprint {

	private RequestFingerprint() {
	}

	static String of(List<RequestedLine> lines, Address address, String paymentToken) {
		var canonical = new StringBuilder();
		lines.stream()
			.sorted(Comparator.comparing(RequestedLine::sku).thenComparingInt(RequestedLine::quantity))
			.forEach(line -> append(canonical, line.sku(), Integer.toString(line.quantity())));
		append(canonical, address.name(), address.line1(), address.line2(), address.city(), address.postalCode(),
				address.country(), paymentToken);
		try {
			var digest = MessageDigest.getInstance("SHA-256")
				.digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime provides SHA-256", ex);
		}
	}

	private static void append(StringBuilder canonical, String... values) {
		Stream.of(values)
			.forEach(value -> canonical.append(value == null ? "-" : value.length() + ":" + value).append('|'));
	}

}
