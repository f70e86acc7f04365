package dev.emporium.customers;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The staff account to make sure of at startup; none when either value is missing.
 *
 * @param email the staff account's e-mail address ({@code EMPORIUM_ADMIN_EMAIL})
 * @param password its password ({@code EMPORIUM_ADMIN_PASSWORD})
 */
@ConfigurationProperties("emporium.admin")
record StaffSettings(String email, String password) {

	boolean configured() {
		return email != null && !email.isBlank() && password != null && !password.isEmpty();
	}

}
