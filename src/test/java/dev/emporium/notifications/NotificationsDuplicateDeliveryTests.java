package dev.emporium.notifications;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

import dev.emporium.customers.CustomerRegistered;
import dev.emporium.notifications.Notification.Kind;
import dev.emporium.orders.OrderCancellationRefused;
import dev.emporium.orders.OrderCancelled;
import dev.emporium.orders.OrderConfirmed;
import dev.emporium.orders.OrderDelivered;
import dev.emporium.orders.OrderShipped;
import dev.emporium.shared.IdentifiedEvent;
import dev.emporium.shared.ListenerThreadPerEvent;
import dev.emporium.shared.Money;
import dev.emporium.shared.Redeliveries;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every notifications listener applies one event once: the same instance delivered twice
 * records one notification and leaves one inbox row; a delivery that fails leaves none,
 * so its retry still notifies.
 */
@ApplicationModuleTest
@Import({ ListenerThreadPerEvent.class, Redeliveries.class })
class NotificationsDuplicateDeliveryTests {

	private final Notifications notifications;

	private final JdbcClient jdbc;

	private final EventPublicationRepository publications;

	private final FailedEventPublications failedPublications;

	private final Redeliveries redeliveries;

	NotificationsDuplicateDeliveryTests(Notifications notifications, JdbcClient jdbc,
			EventPublicationRepository publications, FailedEventPublications failedPublications,
			Redeliveries redeliveries) {
		this.notifications = notifications;
		this.jdbc = jdbc;
		this.publications = publications;
		this.failedPublications = failedPublications;
		this.redeliveries = redeliveries;
	}

	@Test
	void remembersARedeliveredRegistrationOnce(Scenario scenario) {
		var customer = new CustomerRegistered(UUID.randomUUID(), "ada@example.com", "Ada Lovelace");

		redeliveries.deliverTwice(scenario, customer);

		assertThat(recipientsOf(customer.customerId())).isEqualTo(1);
		assertThat(redeliveries.inboxRows("notifications", customer)).isEqualTo(1);
	}

	@Test
	void notifiesOnceOfARedeliveredConfirmation(Scenario scenario) {
		var customerId = registered(scenario);

		notifiesOnce(scenario, new OrderConfirmed(UUID.randomUUID(), customerId, Money.of("37.00", "EUR")), customerId,
				Kind.CONFIRMED);
	}

	@Test
	void notifiesOnceOfARedeliveredCancellation(Scenario scenario) {
		var customerId = registered(scenario);

		notifiesOnce(scenario, new OrderCancelled(UUID.randomUUID(), customerId, "CUSTOMER_REQUEST"), customerId,
				Kind.CANCELLED);
	}

	@Test
	void notifiesOnceOfARedeliveredRefusalToCancel(Scenario scenario) {
		var customerId = registered(scenario);
		var refused = new OrderCancellationRefused(UUID.randomUUID(), customerId, "TRK-0002");

		notifiesOnce(scenario, refused, customerId, Kind.CANCELLATION_REFUSED);

		assertThat(notificationsOf(customerId)).singleElement().satisfies(notification -> {
			assertThat(notification.subject()).contains("could not be cancelled");
			assertThat(notification.body()).contains("already left our warehouse").contains("TRK-0002");
		});
	}

	@Test
	void notifiesOnceOfARedeliveredShipment(Scenario scenario) {
		var customerId = registered(scenario);

		notifiesOnce(scenario, new OrderShipped(UUID.randomUUID(), customerId, "TRK-0001"), customerId, Kind.SHIPPED);
	}

	@Test
	void notifiesOnceOfARedeliveredDelivery(Scenario scenario) {
		var customerId = registered(scenario);

		notifiesOnce(scenario, new OrderDelivered(UUID.randomUUID(), customerId), customerId, Kind.DELIVERED);
	}

	@Test
	void rollsTheInboxRowBackWhenTheListenerFailsSoTheRetryStillNotifies(Scenario scenario) {
		var customerId = UUID.randomUUID();
		var delivered = new OrderDelivered(UUID.randomUUID(), customerId);

		scenario.publish(delivered)
			.andWaitForStateChange(() -> failed(delivered), list -> !list.isEmpty())
			.andVerify(failed -> assertThat(redeliveries.inboxRows("notifications", delivered)).isZero());

		redeliveries.deliver(scenario, new CustomerRegistered(customerId, "late@example.com", "Grace Hopper"));
		scenario.stimulate(() -> failedPublications.resubmit(ResubmissionOptions.defaults()))
			.andWaitForStateChange(() -> notificationsOf(customerId), list -> !list.isEmpty())
			.andVerify(
					list -> assertThat(list).singleElement().extracting(Notification::kind).isEqualTo(Kind.DELIVERED));
		redeliveries.deliver(scenario, delivered);

		assertThat(notificationsOf(customerId)).hasSize(1);
		assertThat(redeliveries.inboxRows("notifications", delivered)).isEqualTo(1);
	}

	private void notifiesOnce(Scenario scenario, IdentifiedEvent event, UUID customerId, Kind kind) {
		redeliveries.deliverTwice(scenario, event);

		assertThat(notificationsOf(customerId)).singleElement().extracting(Notification::kind).isEqualTo(kind);
		assertThat(redeliveries.inboxRows("notifications", event)).isEqualTo(1);
	}

	private UUID registered(Scenario scenario) {
		var customer = new CustomerRegistered(UUID.randomUUID(), "ada@example.com", "Ada Lovelace");
		redeliveries.deliver(scenario, customer);
		return customer.customerId();
	}

	private int recipientsOf(UUID customerId) {
		return jdbc.sql("SELECT count(*) FROM notifications.recipient WHERE customer_id = ?")
			.param(customerId)
			.query(Integer.class)
			.single();
	}

	private List<Notification> notificationsOf(UUID customerId) {
		return notifications.findByCustomerId(customerId, Pageable.unpaged()).getContent();
	}

	private List<EventPublication> failed(IdentifiedEvent event) {
		return publications.findByStatus(EventPublication.Status.FAILED)
			.stream()
			.filter(publication -> publication.getEvent() instanceof IdentifiedEvent failed
					&& failed.eventId().equals(event.eventId()))
			.map(EventPublication.class::cast)
			.toList();
	}

}
