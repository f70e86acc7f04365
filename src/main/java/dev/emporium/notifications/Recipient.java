package dev.emporium.notifications;

import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * Where to send a customer's notifications: a copy of the contact details customers
 * published when the account was created.
 */
@Table(schema = "notifications", name = "recipient")
record Recipient(@Id UUID customerId, String email, String name) {
}
