package dev.emporium.customers;

import java.util.UUID;

import org.springframework.modulith.events.Externalized;

import dev.emporium.shared.IdentifiedEvent;

/**
 * A customer account was created; carries the contact details other modules keep a copy
 * of.
 */
@Externalized("emporium.customers::#{#this.customerId()}")
public record CustomerRegistered(UUID eventId, UUID customerId, String email, String name) implements IdentifiedEvent {

	/**
	 * A new event with a fresh {@code eventId}.
	 */
	public CustomerRegistered(UUID customerId, String email, String name) {
		this(UUID.randomUUID(), customerId, email, name);
	}

}
