package dev.emporium.endtoend;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The checkout scenario against the packaged application as most users run it: one
 * process with every module, its own throw-away PostgreSQL and no Kafka.
 */
class CheckoutEndToEndTests extends CheckoutScenario {

	private RunningApplication application;

	@BeforeAll
	void startApplication() throws Exception {
		application = RunningApplication.start();
		shopAt(application.baseUrl());
	}

	@AfterAll
	void stopApplication() throws Exception {
		if (application != null) {
			application.close();
		}
	}

}
