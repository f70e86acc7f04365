package dev.emporium.shipping;

import java.util.UUID;

/**
 * A shipment reached its recipient.
 */
public record ShipmentDelivered(UUID shipmentId, UUID orderId) {
}
