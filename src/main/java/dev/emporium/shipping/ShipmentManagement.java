package dev.emporium.shipping;

import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.emporium.shared.Caller;

/**
 * Creates a shipment per requested order, cancels pending ones on request, and records
 * staff dispatching and delivering them.
 */
@Service
@Transactional
class ShipmentManagement {

	private static final Logger log = LoggerFactory.getLogger(ShipmentManagement.class);

	private final Shipments shipments;

	private final ApplicationEventPublisher events;

	ShipmentManagement(Shipments shipments, ApplicationEventPublisher events) {
		this.shipments = shipments;
		this.events = events;
	}

	void request(ShipmentRequested request) {
		shipments.lockOrder(request.orderId());
		shipments.findByOrderId(request.orderId())
			.ifPresentOrElse(
					existing -> log.debug("Order {} already has shipment {} ({}); ignoring the request",
							request.orderId(), existing.id(), existing.status()),
					() -> shipments
						.save(Shipment.requested(request.orderId(), request.customerId(), request.address())));
	}

	void cancel(UUID orderId) {
		shipments.lockOrder(orderId);
		shipments.findLockedByOrderId(orderId).ifPresentOrElse(shipment -> {
			switch (shipment.status()) {
				case PENDING -> {
					shipment.cancel();
					shipments.save(shipment);
				}
				case DISPATCHED, DELIVERED -> log.warn("Order {} asked to cancel shipment {}, which is already {}",
						orderId, shipment.id(), shipment.status());
				case CANCELLED -> log.debug("Shipment {} of order {} is already cancelled", shipment.id(), orderId);
			}
		}, () -> shipments.save(Shipment.cancelledBeforeRequest(orderId)));
	}

	Shipment dispatch(UUID shipmentId, String trackingNumber) {
		var shipment = shipments.findLockedById(shipmentId)
			.orElseThrow(() -> new ShipmentNotFoundException(shipmentId));
		shipment.dispatch(trackingNumber);
		var dispatched = shipments.save(shipment);
		events.publishEvent(new ShipmentDispatched(shipmentId, shipment.orderId(), trackingNumber));
		return dispatched;
	}

	Shipment deliver(UUID shipmentId) {
		var shipment = shipments.findLockedById(shipmentId)
			.orElseThrow(() -> new ShipmentNotFoundException(shipmentId));
		shipment.deliver();
		var delivered = shipments.save(shipment);
		events.publishEvent(new ShipmentDelivered(shipmentId, shipment.orderId(), shipment.trackingNumber()));
		return delivered;
	}

	@Transactional(readOnly = true)
	Shipment shipment(UUID shipmentId, Caller caller) {
		return shipments.findById(shipmentId)
			.filter(shipment -> shipment.isVisibleTo(caller))
			.orElseThrow(() -> new ShipmentNotFoundException(shipmentId));
	}

	@Transactional(readOnly = true)
	List<Shipment> shipmentsOfOrder(UUID orderId, Caller caller) {
		return shipments.findByOrderId(orderId).filter(shipment -> shipment.isVisibleTo(caller)).stream().toList();
	}

}
