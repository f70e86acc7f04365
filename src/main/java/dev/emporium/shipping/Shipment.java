package dev.emporium.shipping;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.Table;

import dev.emporium.shared.Address;
import dev.emporium.shared.Caller;

/**
 * The one shipment of a paid order: PENDING until staff dispatch it with a tracking
 * number, then DISPATCHED and DELIVERED, or CANCELLED while still pending, after which it
 * can never be dispatched. A CANCELLED shipment without customer and address is the
 * tombstone of a cancellation that arrived before the request.
 */
@Table(schema = "shipping", name = "shipment")
class Shipment {

	static final int MAX_TRACKING_NUMBER_LENGTH = 64;

	@Id
	private final UUID id;

	private final UUID orderId;

	private final UUID customerId;

	@Embedded.Nullable(prefix = "address_")
	private final Address address;

	private ShipmentStatus status;

	private String trackingNumber;

	private final Instant createdAt;

	private Instant updatedAt;

	private Instant dispatchedAt;

	private Instant deliveredAt;

	@Version
	private Long version;

	@PersistenceCreator
	Shipment(UUID id, UUID orderId, UUID customerId, Address address, ShipmentStatus status, String trackingNumber,
			Instant createdAt, Instant updatedAt, Instant dispatchedAt, Instant deliveredAt, Long version) {
		this.id = id;
		this.orderId = orderId;
		this.customerId = customerId;
		this.address = address;
		this.status = status;
		this.trackingNumber = trackingNumber;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.dispatchedAt = dispatchedAt;
		this.deliveredAt = deliveredAt;
		this.version = version;
	}

	private Shipment(UUID orderId, UUID customerId, Address address, ShipmentStatus status) {
		this(UUID.randomUUID(), Objects.requireNonNull(orderId, "An order is required"), customerId, address, status,
				null, Instant.now(), Instant.now(), null, null, null);
	}

	static Shipment requested(UUID orderId, UUID customerId, Address address) {
		return new Shipment(orderId, Objects.requireNonNull(customerId, "A customer is required"),
				Objects.requireNonNull(address, "An address is required"), ShipmentStatus.PENDING);
	}

	static Shipment cancelledBeforeRequest(UUID orderId) {
		return new Shipment(orderId, null, null, ShipmentStatus.CANCELLED);
	}

	void dispatch(String trackingNumber) {
		if (trackingNumber == null || trackingNumber.isBlank()
				|| trackingNumber.length() > MAX_TRACKING_NUMBER_LENGTH) {
			throw new IllegalArgumentException(
					"A tracking number of 1 to %d characters is required".formatted(MAX_TRACKING_NUMBER_LENGTH));
		}
		if (status == ShipmentStatus.CANCELLED) {
			throw new ShipmentCancelledException(id);
		}
		moveFrom(ShipmentStatus.PENDING, ShipmentStatus.DISPATCHED);
		this.trackingNumber = trackingNumber;
		this.dispatchedAt = updatedAt;
	}

	void deliver() {
		moveFrom(ShipmentStatus.DISPATCHED, ShipmentStatus.DELIVERED);
		this.deliveredAt = updatedAt;
	}

	void cancel() {
		moveFrom(ShipmentStatus.PENDING, ShipmentStatus.CANCELLED);
	}

	boolean hasLeft() {
		return status == ShipmentStatus.DISPATCHED || status == ShipmentStatus.DELIVERED;
	}

	boolean isVisibleTo(Caller caller) {
		return caller.staff() || caller.customerId().equals(customerId);
	}

	private void moveFrom(ShipmentStatus expected, ShipmentStatus target) {
		if (status != expected) {
			throw new InvalidShipmentStateException(id, status, target);
		}
		status = target;
		updatedAt = Instant.now();
	}

	UUID id() {
		return id;
	}

	UUID orderId() {
		return orderId;
	}

	UUID customerId() {
		return customerId;
	}

	Address address() {
		return address;
	}

	ShipmentStatus status() {
		return status;
	}

	String trackingNumber() {
		return trackingNumber;
	}

	Instant createdAt() {
		return createdAt;
	}

	Instant dispatchedAt() {
		return dispatchedAt;
	}

	Instant deliveredAt() {
		return deliveredAt;
	}

}
