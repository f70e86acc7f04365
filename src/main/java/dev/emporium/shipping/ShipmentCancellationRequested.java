package dev.emporium.shipping;

import java.util.UUID;

/**
 * Somebody asked shipping not to ship an order: a pending shipment is cancelled, and none
 * is created later.
 */
public record ShipmentCancellationRequested(UUID orderId) {
}
