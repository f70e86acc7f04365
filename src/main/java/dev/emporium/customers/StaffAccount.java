package dev.emporium.customers;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Makes sure at every start that the configured staff account exists, is staff and logs
 * in with the configured password.
 */
@Component
class StaffAccount implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(StaffAccount.class);

	private final StaffSettings settings;

	private final CustomerManagement customers;

	StaffAccount(StaffSettings settings, CustomerManagement customers) {
		this.settings = settings;
		this.customers = customers;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!settings.configured()) {
			if (settings.email() != null || settings.password() != null) {
				log.warn("Set both emporium.admin.email and emporium.admin.password to create a staff account");
			}
			return;
		}
		Customer staff;
		try {
			staff = customers.ensureStaff(settings.email(), settings.password());
		}
		catch (EmailTakenException ex) {
			// Another instance created the account at the same moment: promote that one.
			staff = customers.ensureStaff(settings.email(), settings.password());
		}
		catch (InvalidCustomerException ex) {
			log.error("No staff account: emporium.admin.email or emporium.admin.password is refused: {}",
					ex.getBody().getProperties() != null ? ex.getBody().getProperties().get("errors")
							: ex.getMessage());
			return;
		}
		log.info("Staff account {} is ready", staff.email());
	}

}
