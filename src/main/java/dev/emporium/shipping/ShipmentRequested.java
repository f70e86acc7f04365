package dev.emporium.shipping;

import java.util.UUID;

import dev.emporium.shared.Address;

/**
 * Somebody asked shipping to ship a paid order to an address. Shipping creates at most
 * one shipment per order.
 */
public record ShipmentRequested(UUID orderId, UUID customerId, Address address) {
}
