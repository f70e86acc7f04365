package dev.emporium.shipping;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.emporium.shared.Address;
import dev.emporium.shared.Caller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShipmentTests {

	static final Address ADDRESS = new Address("Ada Lovelace", "12 St James's Square", null, "London", "SW1Y 4JH",
			"GB");

	private final UUID customerId = UUID.randomUUID();

	private final Shipment shipment = Shipment.requested(UUID.randomUUID(), customerId, ADDRESS);

	@Test
	void startsPending() {
		assertThat(shipment.status()).isEqualTo(ShipmentStatus.PENDING);
		assertThat(shipment.trackingNumber()).isNull();
	}

	@Test
	void dispatchesAPendingShipmentWithItsTrackingNumber() {
		shipment.dispatch("1Z999");

		assertThat(shipment.status()).isEqualTo(ShipmentStatus.DISPATCHED);
		assertThat(shipment.trackingNumber()).isEqualTo("1Z999");
		assertThat(shipment.dispatchedAt()).isNotNull();
	}

	@Test
	void requiresAShortNonBlankTrackingNumber() {
		assertThatIllegalArgumentException().isThrownBy(() -> shipment.dispatch(null));
		assertThatIllegalArgumentException().isThrownBy(() -> shipment.dispatch("  "));
		assertThatIllegalArgumentException().isThrownBy(() -> shipment.dispatch("X".repeat(65)));
		assertThat(shipment.status()).isEqualTo(ShipmentStatus.PENDING);
	}

	@Test
	void deliversOnlyADispatchedShipment() {
		assertThatThrownBy(shipment::deliver).isInstanceOf(InvalidShipmentStateException.class);

		shipment.dispatch("1Z999");
		shipment.deliver();

		assertThat(shipment.status()).isEqualTo(ShipmentStatus.DELIVERED);
		assertThat(shipment.deliveredAt()).isNotNull();
	}

	@Test
	void dispatchesOnlyOnce() {
		shipment.dispatch("1Z999");

		assertThatThrownBy(() -> shipment.dispatch("OTHER")).isInstanceOf(InvalidShipmentStateException.class);
		assertThat(shipment.trackingNumber()).isEqualTo("1Z999");
	}

	@Test
	void cancelsOnlyWhilePending() {
		var dispatched = Shipment.requested(UUID.randomUUID(), customerId, ADDRESS);
		dispatched.dispatch("1Z999");

		shipment.cancel();

		assertThat(shipment.status()).isEqualTo(ShipmentStatus.CANCELLED);
		assertThatThrownBy(() -> shipment.dispatch("1Z999")).isInstanceOf(ShipmentCancelledException.class);
		assertThatThrownBy(dispatched::cancel).isInstanceOf(InvalidShipmentStateException.class);
		assertThat(dispatched.status()).isEqualTo(ShipmentStatus.DISPATCHED);
	}

	@Test
	void tombstoneIsCancelledWithoutCustomerOrAddress() {
		var tombstone = Shipment.cancelledBeforeRequest(UUID.randomUUID());

		assertThat(tombstone.status()).isEqualTo(ShipmentStatus.CANCELLED);
		assertThat(tombstone.address()).isNull();
		assertThat(tombstone.isVisibleTo(new Caller(UUID.randomUUID(), false))).isFalse();
	}

	@Test
	void isVisibleToItsCustomerAndStaffOnly() {
		assertThat(shipment.isVisibleTo(new Caller(customerId, false))).isTrue();
		assertThat(shipment.isVisibleTo(new Caller(UUID.randomUUID(), true))).isTrue();
		assertThat(shipment.isVisibleTo(new Caller(UUID.randomUUID(), false))).isFalse();
	}

}
