package dev.emporium.shipping;

import java.util.UUID;

/**
 * A shipment reached its recipient. Carries the tracking number because a delivery
 * implies the dispatch, whose event a listener may not have seen yet.
 */
public record ShipmentDelivered(UUID shipmentId, UUID orderId, String trackingNumber) {
}
