package dev.emporium.notifications;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Stands in for an external SMTP server (none is available as a Maven artifact here):
 * keeps the messages it is given, or refuses them as an unreachable server would.
 */
class RecordingMailServer extends JavaMailSenderImpl {

	final List<MimeMessage> received = new CopyOnWriteArrayList<>();

	volatile boolean unreachable;

	@Override
	protected void doSend(MimeMessage[] mimeMessages, Object[] originalMessages) {
		if (unreachable) {
			throw new MailSendException("Mail server connection failed: Connection refused");
		}
		received.addAll(List.of(mimeMessages));
	}

}
