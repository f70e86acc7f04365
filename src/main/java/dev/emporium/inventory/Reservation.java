package dev.emporium.inventory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * What inventory did about one order: the stock it holds for it (RESERVED), gave back
 * (RELEASED), handed to a shipment (COMMITTED), or refused to reserve (REJECTED). A
 * RELEASED reservation without lines is the tombstone of a release that arrived before
 * the reservation request.
 */
@Table(schema = "inventory", name = "reservation")
class Reservation {

	@Id
	private final UUID id;

	private final UUID orderId;

	private ReservationStatus status;

	@MappedCollection(idColumn = "reservation_id", keyColumn = "line_no")
	private final List<ReservationLine> lines;

	private final Instant createdAt;

	private Instant updatedAt;

	@Version
	private Long version;

	@PersistenceCreator
	Reservation(UUID id, UUID orderId, ReservationStatus status, List<ReservationLine> lines, Instant createdAt,
			Instant updatedAt, Long version) {
		this.id = id;
		this.orderId = orderId;
		this.status = status;
		this.lines = List.copyOf(lines);
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.version = version;
	}

	private Reservation(UUID orderId, ReservationStatus status, List<ReservationLine> lines) {
		this(UUID.randomUUID(), orderId, status, lines, Instant.now(), Instant.now(), null);
	}

	static Reservation reserved(UUID orderId, Map<String, Integer> quantitiesBySku) {
		var lines = quantitiesBySku.entrySet()
			.stream()
			.map(entry -> new ReservationLine(entry.getKey(), entry.getValue()))
			.toList();
		return new Reservation(orderId, ReservationStatus.RESERVED, lines);
	}

	static Reservation rejected(UUID orderId) {
		return new Reservation(orderId, ReservationStatus.REJECTED, List.of());
	}

	static Reservation releasedBeforeRequest(UUID orderId) {
		return new Reservation(orderId, ReservationStatus.RELEASED, List.of());
	}

	void release() {
		moveFromReserved(ReservationStatus.RELEASED);
	}

	void commit() {
		moveFromReserved(ReservationStatus.COMMITTED);
	}

	boolean isReserved() {
		return status == ReservationStatus.RESERVED;
	}

	UUID orderId() {
		return orderId;
	}

	ReservationStatus status() {
		return status;
	}

	List<ReservationLine> lines() {
		return lines;
	}

	private void moveFromReserved(ReservationStatus target) {
		if (!isReserved()) {
			throw new IllegalStateException("Reservation for order %s is %s, not RESERVED".formatted(orderId, status));
		}
		status = target;
		updatedAt = Instant.now();
	}

}
