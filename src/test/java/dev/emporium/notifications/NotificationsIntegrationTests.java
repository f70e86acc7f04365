package dev.emporium.notifications;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Pageable;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

import dev.emporium.customers.CustomerRegistered;
import dev.emporium.notifications.Notification.Kind;
import dev.emporium.notifications.NotificationManagement.UnknownRecipientException;
import dev.emporium.orders.OrderCancelled;
import dev.emporium.orders.OrderConfirmed;
import dev.emporium.orders.OrderDelivered;
import dev.emporium.orders.OrderShipped;
import dev.emporium.shared.ListenerThreadPerEvent;
import dev.emporium.shared.Money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@ApplicationModuleTest
@Import(ListenerThreadPerEvent.class)
class NotificationsIntegrationTests {

	@Autowired
	Notifications notifications;

	@Autowired
	Recipients recipients;

	@Autowired
	NotificationManagement management;

	@Autowired
	EventPublicationRegistry registry;

	@Autowired
	EventPublicationRepository publications;

	@Autowired
	FailedEventPublications failedPublications;

	@Test
	void recordsTheConfirmationForARegisteredCustomerWhenNoMailServerIsConfigured(Scenario scenario) {
		var customer = register(scenario);
		var confirmed = new OrderConfirmed(UUID.randomUUID(), customer.customerId(), Money.of("37.00", "EUR"));

		scenario.publish(confirmed)
			.andWaitForStateChange(() -> notificationsOf(customer.customerId()), list -> !list.isEmpty())
			.andVerify(list -> {
				assertThat(list).hasSize(1);
				var notification = list.get(0);
				assertThat(notification.status()).isEqualTo(NotificationStatus.RECORDED);
				assertThat(notification.kind()).isEqualTo(Kind.CONFIRMED);
				assertThat(notification.orderId()).isEqualTo(confirmed.orderId());
				assertThat(notification.email()).isEqualTo(customer.email());
				assertThat(notification.subject()).contains(confirmed.orderId().toString()).contains("confirmed");
				assertThat(notification.body()).startsWith("Hello Ada Lovelace,").contains("37.00 EUR");
				assertThat(notification.sentAt()).isNull();
			});
	}

	@Test
	void recordsARedeliveredEventOnce(Scenario scenario) {
		var customer = register(scenario);
		var shipped = new OrderShipped(UUID.randomUUID(), customer.customerId(), "TRK-0001");

		scenario.stimulate((transactions, events) -> {
			transactions.executeWithoutResult(status -> events.publishEvent(shipped));
		}).andWaitForStateChange(() -> incompletePublicationsOf(shipped.orderId()), List::isEmpty).andVerify(none -> {
			assertThat(notificationsOf(customer.customerId())).hasSize(1);
		});
		scenario.publish(shipped)
			.andWaitForStateChange(() -> incompletePublicationsOf(shipped.orderId()), List::isEmpty)
			.andVerify(none -> assertThat(notificationsOf(customer.customerId())).singleElement()
				.satisfies(notification -> assertThat(notification.body()).contains("Tracking number: TRK-0001")));
	}

	@Test
	void refusesToNotifyARecipientItDoesNotKnowYet() {
		var customerId = UUID.randomUUID();

		assertThatExceptionOfType(UnknownRecipientException.class).isThrownBy(() -> management.notify(customerId,
				UUID.randomUUID(), Kind.DELIVERED, recipient -> new Notification.Message("subject", "body")));
		assertThat(notificationsOf(customerId)).isEmpty();
	}

	@Test
	void notifiesOnceTheRecipientArrivesWhenTheFailedEventIsRetried(Scenario scenario) {
		var customerId = UUID.randomUUID();
		var delivered = new OrderDelivered(UUID.randomUUID(), customerId);

		scenario.publish(delivered)
			.andWaitForStateChange(() -> failedPublicationsOf(delivered.orderId()), list -> !list.isEmpty())
			.andVerify(failed -> assertThat(notificationsOf(customerId)).isEmpty());

		scenario.publish(new CustomerRegistered(customerId, "late@example.com", "Grace Hopper"))
			.andWaitForStateChange(() -> recipients.findById(customerId))
			.andVerify(recipient -> assertThat(recipient).isPresent());

		scenario.stimulate(() -> failedPublications.resubmit(ResubmissionOptions.defaults()))
			.andWaitForStateChange(() -> notificationsOf(customerId), list -> !list.isEmpty())
			.andVerify(list -> assertThat(list).singleElement().satisfies(notification -> {
				assertThat(notification.kind()).isEqualTo(Kind.DELIVERED);
				assertThat(notification.email()).isEqualTo("late@example.com");
			}));
	}

	@Test
	void explainsACancellationInPlainWords(Scenario scenario) {
		var customer = register(scenario);
		var cancelled = new OrderCancelled(UUID.randomUUID(), customer.customerId(), "PAYMENT_DECLINED");

		scenario.publish(cancelled)
			.andWaitForStateChange(() -> notificationsOf(customer.customerId()), list -> !list.isEmpty())
			.andVerify(list -> assertThat(list).singleElement().satisfies(notification -> {
				assertThat(notification.kind()).isEqualTo(Kind.CANCELLED);
				assertThat(notification.subject()).contains("cancelled");
				assertThat(notification.body()).contains("declined the payment").doesNotContain("PAYMENT_DECLINED");
			}));
	}

	@Test
	void keepsTheLatestContactDetailsOfARegistrationDeliveredAgain() {
		var customerId = UUID.randomUUID();

		management.remember(new CustomerRegistered(customerId, "old@example.com", "Ada"));
		management.remember(new CustomerRegistered(customerId, "new@example.com", "Ada L."));

		assertThat(recipients.findById(customerId)).contains(new Recipient(customerId, "new@example.com", "Ada L."));
	}

	private CustomerRegistered register(Scenario scenario) {
		var customer = new CustomerRegistered(UUID.randomUUID(), "ada@example.com", "Ada Lovelace");
		scenario.publish(customer)
			.andWaitForStateChange(() -> recipients.findById(customer.customerId()))
			.andVerify(recipient -> assertThat(recipient).isPresent());
		return customer;
	}

	private List<Notification> notificationsOf(UUID customerId) {
		return notifications.findByCustomerId(customerId, Pageable.unpaged()).getContent();
	}

	private List<EventPublication> incompletePublicationsOf(UUID orderId) {
		return registry.findIncompletePublications()
			.stream()
			.filter(publication -> publication.getEvent() instanceof OrderShipped event
					&& event.orderId().equals(orderId))
			.map(EventPublication.class::cast)
			.toList();
	}

	private List<EventPublication> failedPublicationsOf(UUID orderId) {
		return publications.findByStatus(EventPublication.Status.FAILED)
			.stream()
			.filter(publication -> publication.getEvent() instanceof OrderDelivered event
					&& event.orderId().equals(orderId))
			.map(EventPublication.class::cast)
			.toList();
	}

}
