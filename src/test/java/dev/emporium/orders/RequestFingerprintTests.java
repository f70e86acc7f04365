package dev.emporium.orders;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.emporium.shared.Address;

import static org.assertj.core.api.Assertions.assertThat;

class RequestFingerprintTests {

	static final Address ADDRESS = OrderTests.ADDRESS;

	@Test
	void ignoresTheOrderOfLines() {
		var one = RequestFingerprint.of(List.of(new RequestedLine("A", 1), new RequestedLine("B", 2)), ADDRESS, "tok");
		var other = RequestFingerprint.of(List.of(new RequestedLine("B", 2), new RequestedLine("A", 1)), ADDRESS,
				"tok");

		assertThat(one).isEqualTo(other).hasSize(64);
	}

	@Test
	void tellsDifferentRequestsApart() {
		var one = RequestFingerprint.of(List.of(new RequestedLine("A", 1)), ADDRESS, "tok");

		assertThat(RequestFingerprint.of(List.of(new RequestedLine("A", 2)), ADDRESS, "tok")).isNotEqualTo(one);
		assertThat(RequestFingerprint.of(List.of(new RequestedLine("A", 1)), ADDRESS, "tok2")).isNotEqualTo(one);
		assertThat(RequestFingerprint.of(List.of(new RequestedLine("A", 1)),
				new Address("Ada Lovelace", "12 St James's Square", "Flat 2", "London", "SW1Y 4JH", "GB"), "tok"))
			.isNotEqualTo(one);
		// field boundaries are length-prefixed, so shifting characters between fields is
		// a
		// different request
		assertThat(RequestFingerprint.of(List.of(new RequestedLine("A1", 1)), ADDRESS, "tok"))
			.isNotEqualTo(RequestFingerprint.of(List.of(new RequestedLine("A", 11)), ADDRESS, "tok"));
	}

}
