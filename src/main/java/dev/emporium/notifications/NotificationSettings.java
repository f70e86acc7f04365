package dev.emporium.notifications;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How notification e-mails are sent; the mail server itself is Spring Boot's
 * {@code spring.mail.*}.
 *
 * @param from the sender address of every notification e-mail
 */
@ConfigurationProperties("emporium.notifications")
record NotificationSettings(@DefaultValue("Emporium <orders@emporium.dev>") String from) {
}
