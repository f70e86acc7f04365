package dev.emporium.customers;

import java.util.UUID;

/**
 * A customer account was created; carries the contact details other modules keep a copy
 * of.
 */
public record CustomerRegistered(UUID customerId, String email, String name) {
}
