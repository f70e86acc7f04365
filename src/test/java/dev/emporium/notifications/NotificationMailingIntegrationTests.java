package dev.emporium.notifications;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Pageable;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

import dev.emporium.customers.CustomerRegistered;
import dev.emporium.orders.OrderShipped;
import dev.emporium.shared.ListenerThreadPerEvent;

import static org.assertj.core.api.Assertions.assertThat;

@ApplicationModuleTest
@Import({ ListenerThreadPerEvent.class, NotificationMailingIntegrationTests.MailServer.class })
class NotificationMailingIntegrationTests {

	@Autowired
	RecordingMailServer mailServer;

	@Autowired
	Notifications notifications;

	@Autowired
	NotificationManagement management;

	@AfterEach
	void reachable() {
		mailServer.unreachable = false;
	}

	@Test
	void emailsTheNotificationToTheCustomer(Scenario scenario) {
		var customer = registered();
		var shipped = new OrderShipped(UUID.randomUUID(), customer.customerId(), "TRK-4242");

		scenario.publish(shipped)
			.andWaitForStateChange(() -> notificationsOf(customer.customerId()),
					list -> !list.isEmpty() && list.get(0).status() != NotificationStatus.RECORDED)
			.andVerify(list -> {
				var notification = list.get(0);
				assertThat(notification.status()).isEqualTo(NotificationStatus.SENT);
				assertThat(notification.sentAt()).isNotNull();
				var mail = mailTo(customer.email());
				assertThat(mail.subject()).isEqualTo(notification.subject()).contains(shipped.orderId().toString());
				assertThat(mail.from()).contains("orders@emporium.dev");
				assertThat(mail.text()).contains("Tracking number: TRK-4242");
			});
	}

	@Test
	void recordsAFailedNotificationWhenTheMailServerIsUnreachable(Scenario scenario) {
		var customer = registered();
		mailServer.unreachable = true;

		scenario.publish(new OrderShipped(UUID.randomUUID(), customer.customerId(), "TRK-5151"))
			.andWaitForStateChange(() -> notificationsOf(customer.customerId()),
					list -> !list.isEmpty() && list.get(0).status() != NotificationStatus.RECORDED)
			.andVerify(list -> {
				var notification = list.get(0);
				assertThat(notification.status()).isEqualTo(NotificationStatus.FAILED);
				assertThat(notification.failure()).contains("Connection refused");
				assertThat(notification.sentAt()).isNull();
			});
	}

	private CustomerRegistered registered() {
		var customer = new CustomerRegistered(UUID.randomUUID(), UUID.randomUUID() + "@example.com", "Ada Lovelace");
		management.remember(customer);
		return customer;
	}

	private Mail mailTo(String email) {
		return mailServer.received.stream()
			.map(Mail::of)
			.filter(mail -> mail.to().equals(email))
			.findFirst()
			.orElseThrow();
	}

	private List<Notification> notificationsOf(UUID customerId) {
		return notifications.findByCustomerId(customerId, Pageable.unpaged()).getContent();
	}

	record Mail(String to, String from, String subject, String text) {

		static Mail of(MimeMessage message) {
			try {
				return new Mail(message.getRecipients(RecipientType.TO)[0].toString(), message.getFrom()[0].toString(),
						message.getSubject(), String.valueOf(message.getContent()));
			}
			catch (MessagingException | IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class MailServer {

		@Bean
		RecordingMailServer mailServer() {
			return new RecordingMailServer();
		}

	}

}
