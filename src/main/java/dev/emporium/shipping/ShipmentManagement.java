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
 * Creates a shipment per requested order, accepts or refuses cancellations, and records
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

	/**
	 * Accepts a cancellation unless the shipment has left, and answers either way. The
	 * row lock makes it and a dispatch of the same shipment run one after the other.
	 */
	void cancel(UUID orderId) {
		shipments.lockOrder(orderId);
		var shipment = shipments.findLockedByOrderId(orderId)
			.orElseGet(() -> shipments.save(Shipment.cancelledBeforeRequest(orderId)));
		if (shipment.hasLeft()) {
			log.info("Order {} asked to cancel shipment {}, which is already {}: refused", orderId, shipment.id(),
					shipment.status());
			events.publishEvent(new ShipmentCancellationRefused(shipment.id(), orderId, shipment.status().name(),
					shipment.trackingNumber()));
			return;
		}
		if (shipment.status() == ShipmentStatus.PENDING) {
			shipment.cancel();
			shipment = shipments.save(shipment);
		}
		events.publishEvent(new ShipmentCancelled(shipment.id(), orderId));
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
