package dev.emporium.inventory;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ReservationTests {

	private final UUID orderId = UUID.randomUUID();

	@Test
	void heldReservationCanBeReleased() {
		var reservation = Reservation.reserved(orderId, Map.of("MUG-001", 2));

		reservation.release();

		assertThat(reservation.status()).isEqualTo(ReservationStatus.RELEASED);
		assertThat(reservation.lines()).containsExactly(new ReservationLine("MUG-001", 2));
	}

	@Test
	void heldReservationCanBeCommittedOnce() {
		var reservation = Reservation.reserved(orderId, Map.of("MUG-001", 2));

		reservation.commit();

		assertThat(reservation.status()).isEqualTo(ReservationStatus.COMMITTED);
		assertThatIllegalStateException().isThrownBy(reservation::commit);
		assertThatIllegalStateException().isThrownBy(reservation::release);
	}

	@Test
	void rejectedReservationHoldsNothingAndCannotBeReleased() {
		var reservation = Reservation.rejected(orderId);

		assertThat(reservation.isReserved()).isFalse();
		assertThat(reservation.lines()).isEmpty();
		assertThatIllegalStateException().isThrownBy(reservation::release);
	}

	@Test
	void tombstoneIsReleasedWithoutLines() {
		var tombstone = Reservation.releasedBeforeRequest(orderId);

		assertThat(tombstone.status()).isEqualTo(ReservationStatus.RELEASED);
		assertThat(tombstone.lines()).isEmpty();
		assertThatIllegalStateException().isThrownBy(tombstone::commit);
	}

}
