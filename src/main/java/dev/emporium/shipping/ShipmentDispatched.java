package dev.emporium.shipping;

import java.util.UUID;

/**
 * A shipment left the warehouse with a carrier's tracking number.
 */
public record ShipmentDispatched(UUID shipmentId, UUID orderId, String trackingNumber) {
}
