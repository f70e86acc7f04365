package dev.emporium.payments;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.Repository;

/**
 * The payments, at most one per order.
 */
interface Payments extends Repository<Payment, UUID> {

	Payment save(Payment payment);

	Optional<Payment> findByOrderId(UUID orderId);

}
