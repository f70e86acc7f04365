package dev.emporium.inventory;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.Repository;

/**
 * One reservation per order.
 */
interface Reservations extends Repository<Reservation, UUID> {

	Optional<Reservation> findByOrderId(UUID orderId);

	boolean existsByOrderId(UUID orderId);

	Reservation save(Reservation reservation);

}
