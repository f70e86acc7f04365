package dev.emporium.notifications;

import java.nio.charset.StandardCharsets;

import jakarta.mail.MessagingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends notifications as plain-text e-mails when a mail server is configured
 * ({@code spring.mail.host}); without one, notifications are only recorded.
 */
@Component
class NotificationMailer {

	private static final Logger log = LoggerFactory.getLogger(NotificationMailer.class);

	private final ObjectProvider<JavaMailSender> mailSender;

	private final NotificationSettings settings;

	NotificationMailer(ObjectProvider<JavaMailSender> mailSender, NotificationSettings settings) {
		this.mailSender = mailSender;
		this.settings = settings;
	}

	Notification deliver(Notification notification) {
		var sender = mailSender.getIfAvailable();
		if (sender == null) {
			return notification;
		}
		try {
			var message = sender.createMimeMessage();
			var helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
			helper.setFrom(settings.from());
			helper.setTo(notification.email());
			helper.setSubject(notification.subject());
			helper.setText(notification.body());
			sender.send(message);
			return notification.sent();
		}
		catch (MailException | MessagingException ex) {
			// Kept as FAILED with the reason rather than thrown: the notification stays
			// readable
			// in the API, and a retry would not fix a misconfigured or unreachable
			// server.
			log.warn("Could not e-mail notification {} to {}", notification.id(), notification.email(), ex);
			return notification.failed(ex.getMessage());
		}
	}

}
