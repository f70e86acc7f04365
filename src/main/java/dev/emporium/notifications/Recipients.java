package dev.emporium.notifications;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/**
 * The customers notifications can be sent to.
 */
interface Recipients extends Repository<Recipient, UUID> {

	Optional<Recipient> findById(UUID customerId);

	@Modifying
	@Query("""
			INSERT INTO notifications.recipient (customer_id, email, name) VALUES (:customerId, :email, :name)
			ON CONFLICT (customer_id) DO UPDATE SET email = excluded.email, name = excluded.name""")
	void upsert(UUID customerId, String email, String name);

}
