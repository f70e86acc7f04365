package dev.emporium.endtoend;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.Select;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The client pages in a real browser against the packaged application: a shopper buys in
 * the storefront while staff ship it from the operations console, a payment listener that
 * fails is seen and retried from the console, and the storefront still sells with
 * inventory extracted. One Chromium serves every journey, each in tabs of its own; each
 * journey saves screenshots in target/screenshots and checks every page with axe-core.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClientPagesEndToEndTests {

	private Browser browser;

	private RunningApplication application;

	private JdbcClient database;

	private String shopperTab;

	private String consoleTab;

	private String orderId;

	@BeforeAll
	void startBrowserAndApplication() throws Exception {
		assumeTrue(Browser.installed(),
				"Debian's chromium and chromium-driver are not installed (.ci/run installs them)");
		var databasePort = LocalProcesses.freePort();
		// One delivery attempt: a failing listener's publication is parked at once, for
		// the
		// console to show.
		application = RunningApplication.start(LocalProcesses.freePort(),
				List.of("--emporium.embedded-postgres.port=" + databasePort, "--emporium.events.retry.max-attempts=1"));
		database = JdbcClient.create(new DriverManagerDataSource(
				"jdbc:postgresql://localhost:" + databasePort + "/postgres", "postgres", ""));
		stock(application.baseUrl(),
				Map.of("MUG-100", "Stoneware mug", "TOTE-100", "Linen tote bag", "TEA-100", "Breakfast tea"));
		browser = Browser.start();
		shopperTab = browser.driver().getWindowHandle();
	}

	@AfterAll
	void stop() throws Exception {
		if (browser != null) {
			browser.close();
		}
		if (application != null) {
			application.close();
		}
	}

	@Test
	@Order(1)
	void shopperRegistersBuysTwoProductsAndSeesThemPaid() {
		var shop = application.baseUrl();
		browser.open(shop + "/");
		browser.text("#results", "Stoneware mug");
		browser.screenshot("storefront-1-catalog");
		browser.assertAccessible("the catalog");

		browser.type("#search", "mug");
		browser.click("form.search button");
		browser.text("h1", "matching");
		browser.text("#results", "Stoneware mug");
		assertThat(browser.all(".product")).hasSize(1);
		browser.click(".product h2 a");
		browser.text("h1", "Stoneware mug");
		browser.assertAccessible("a product page");
		browser.click("form.add button");
		browser.text(".alert-success", "added to your cart");

		browser.open(shop + "/#/");
		browser.click("button[data-sku='TOTE-100']");
		browser.text("#cart-count", "2");
		browser.click("a[data-route='cart']");
		browser.text("h1", "Your cart");
		browser.assertAccessible("the cart");
		browser.click("#checkout");

		browser.text("h1", "Checkout");
		browser.click("a.button[href='#/account']");
		browser.text("h1", "Sign in or register");
		browser.assertAccessible("the account page");
		browser.type("#register-name", "Ada Lovelace");
		browser.type("#register-email", "ada-" + System.nanoTime() + "@example.com");
		browser.type("#register-password", "short");
		browser.click("#register button[type='submit']");
		browser.text("#register-password-error", "must have at least 8 characters");
		browser.type("#register-password", "correct-horse-battery");
		browser.click("#register button[type='submit']");

		browser.text("h1", "Checkout");
		browser.click("#place-order");
		browser.text(".alert-error", "invalid");
		browser.text("#field-shippingAddress-city-error", "must not be blank");
		browser.screenshot("storefront-2-checkout-field-errors");
		browser.assertAccessible("the checkout with field errors");
		browser.type("#field-shippingAddress-line1", "12 Analytical St");
		browser.type("#field-shippingAddress-city", "London");
		browser.type("#field-shippingAddress-postalCode", "N1 7AA");
		browser.type("#field-shippingAddress-country", "GB");
		new Select(browser.find("#payment-token")).selectByValue("tok_visa");
		browser.click("#place-order");

		browser.text("#order-status [data-status]", "PAID");
		browser.text("#confirmation", "Thank you for your order");
		assertThat(browser.find("#order-total").getText()).contains("21.50");
		orderId = browser.find("dd.mono").getText();
		browser.screenshot("storefront-3-order-paid");
		browser.assertAccessible("the paid order");

		browser.click("a[data-route='notifications']");
		browser.until(driver -> {
			driver.navigate().refresh();
			return browser.all(".notifications li").isEmpty() ? null : true;
		}, "the confirmation notification");
		browser.find(".notifications a[href='#/orders/" + orderId + "']");
		browser.assertAccessible("the notifications");
		browser.asPhone(() -> {
			browser.open(shop + "/#/orders/" + orderId);
			browser.text("#order-status [data-status]", "PAID");
			browser.screenshot("storefront-4-order-on-a-phone");
			browser.assertAccessible("the order on a phone");
		});
		browser.assertNoConsoleErrors();
	}

	@Test
	@Order(2)
	void staffDispatchAndDeliverItAndTheShopperSeesItDelivered() {
		assumeTrue(orderId != null, "the shopper's journey placed no order");
		browser.driver().switchTo().newWindow(WindowType.TAB);
		consoleTab = browser.driver().getWindowHandle();
		browser.open(application.baseUrl() + "/console");
		browser.text("h1", "Operations console");
		browser.assertAccessible("the console's sign-in");
		browser.type("#staff-email", RunningApplication.ADMIN_EMAIL);
		browser.type("#staff-password", RunningApplication.ADMIN_PASSWORD);
		browser.click("#staff-sign-in button[type='submit']");

		browser.text("#count-PAID", "1");
		browser.text("#module-table tbody", "inventory");
		assertThat(browser.all("#module-table tbody tr")).hasSize(7);
		assertThat(browser.find("#module-table tbody").getText()).doesNotContain("DOWN").doesNotContain("remote");
		assertThat(browser.all("svg.chart .module")).hasSize(7);
		browser.text("#stock-table", "MUG-100");
		var shipment = "li.shipment[data-order='" + orderId + "']";
		browser.find(shipment);
		browser.screenshot("console-1-dashboard");
		browser.assertAccessible("the console");

		browser.type(shipment + " input[name='trackingNumber']", "1Z999AA10123456784");
		browser.click(shipment + " button[data-action='dispatch']");
		browser.text(shipment, "DISPATCHED");
		browser.click(shipment + " button[data-action='deliver']");
		browser.until(driver -> browser.all(shipment).isEmpty() ? true : null,
				"the delivered shipment to leave the list");
		browser.text("#count-DELIVERED", "1");

		browser.type("#restock-TEA-100", "5");
		browser.click("tr[data-sku='TEA-100'] button");
		browser.text("tr[data-sku='TEA-100'] .available", "25");
		browser.assertNoConsoleErrors();

		browser.driver().switchTo().window(shopperTab);
		browser.open(application.baseUrl() + "/#/orders/" + orderId);
		browser.text("#order-status [data-status]", "DELIVERED");
		browser.text("dd.mono", "1Z999AA10123456784");
		browser.screenshot("storefront-5-order-delivered");
		browser.assertAccessible("the delivered order");
		browser.assertNoConsoleErrors();
	}

	@Test
	@Order(3)
	void aFailingPaymentListenerShowsInTheConsoleAndIsRetriedFromThereToPaid() {
		assumeTrue(consoleTab != null, "the staff journey opened no console");
		// A real failure: the sandbox gateway's ledger is gone, so every charge fails in
		// the
		// payment listener until it is back.
		database.sql("ALTER TABLE payments.sandbox_charge RENAME TO sandbox_charge_away").update();
		try {
			browser.open(application.baseUrl() + "/#/product/TEA-100");
			browser.click("form.add button");
			browser.open(application.baseUrl() + "/#/checkout");
			browser.type("#field-shippingAddress-line1", "12 Analytical St");
			browser.type("#field-shippingAddress-city", "London");
			browser.type("#field-shippingAddress-postalCode", "N1 7AA");
			browser.type("#field-shippingAddress-country", "GB");
			browser.click("#place-order");
			browser.text("#order-status [data-status]", "RESERVED");

			browser.driver().switchTo().window(consoleTab);
			var failed = "#failed-publications li[data-event-type='PaymentRequested']";
			browser.text(failed, "sandbox_charge");
			browser.text("#backlog-table", "payments");
			browser.screenshot("console-2-failed-payment");
			browser.assertAccessible("the console with a failed publication");
		}
		finally {
			database.sql("ALTER TABLE payments.sandbox_charge_away RENAME TO sandbox_charge").update();
		}
		browser.click("#failed-publications li[data-event-type='PaymentRequested'] button[data-action='retry']");
		browser.text("#event-answers", "Resubmitted");
		browser.until(driver -> browser.all("#failed-publications li").isEmpty() ? true : null,
				"the failed publication to be delivered");
		browser.text("#count-PAID", "1");
		browser.assertNoConsoleErrors();

		browser.driver().switchTo().window(shopperTab);
		browser.text("#order-status [data-status]", "PAID");
		browser.screenshot("storefront-6-paid-after-retry");
		browser.assertNoConsoleErrors();
	}

	@Test
	@Order(4)
	void theStorefrontStillSellsWithInventoryExtracted() throws Exception {
		assumeTrue(browser != null, "no browser");
		var begin = Instant.now();
		try (var broker = KafkaBroker.start()) {
			var extraction = Extraction.of("inventory", broker);
			var monolith = new RunningApplication[1];
			var service = new RunningApplication[1];
			try {
				LocalProcesses.startTogether(
						() -> monolith[0] = RunningApplication.start(extraction.monolithPort(),
								extraction.monolithArguments()),
						() -> service[0] = RunningApplication.start(extraction.servicePort(),
								extraction.serviceArguments()));
				System.out.println("client pages: inventory extracted and started in "
						+ Duration.between(begin, Instant.now()).toSeconds() + " s");
				stock(extraction.monolithUrl(), Map.of("MUG-100", "Stoneware mug"));
				browser.driver().switchTo().newWindow(WindowType.TAB);
				var shop = extraction.monolithUrl();
				browser.open(shop + "/#/product/MUG-100");
				browser.click("form.add button");
				browser.open(shop + "/#/account");
				browser.type("#register-name", "Grace Hopper");
				browser.type("#register-email", "grace@example.com");
				browser.type("#register-password", "correct-horse-battery");
				browser.click("#register button[type='submit']");
				browser.text("h1", "Checkout");
				browser.type("#field-shippingAddress-line1", "1 Navy Yard");
				browser.type("#field-shippingAddress-city", "Arlington");
				browser.type("#field-shippingAddress-postalCode", "22202");
				browser.type("#field-shippingAddress-country", "US");
				browser.click("#place-order");
				browser.text("#order-status [data-status]", "PAID");
				browser.text("#confirmation", "Thank you for your order");
				browser.screenshot("extracted-1-order-paid");

				browser.open(shop + "/console");
				browser.type("#staff-email", RunningApplication.ADMIN_EMAIL);
				browser.type("#staff-password", RunningApplication.ADMIN_PASSWORD);
				browser.click("#staff-sign-in button[type='submit']");
				browser.text("#module-table tr[data-module='inventory']", extraction.serviceUrl());
				browser.text("#module-table tr[data-module='inventory']", "UP");
				browser.text("#stock-table tr[data-sku='MUG-100'] .available", "19");
				browser.screenshot("extracted-2-console-module-map");
				browser.assertAccessible("the console with a module elsewhere");
				browser.assertNoConsoleErrors();
			}
			finally {
				if (monolith[0] != null) {
					monolith[0].close();
				}
				if (service[0] != null) {
					service[0].close();
				}
			}
		}
	}

	/** Products in the catalog with 20 of each in stock, made by staff over the API. */
	private static void stock(String baseUrl, Map<String, String> products) {
		var staff = ShopClient.anonymous(baseUrl)
			.loggedInAs(RunningApplication.ADMIN_EMAIL, RunningApplication.ADMIN_PASSWORD);
		products.forEach((sku, name) -> {
			var created = staff.post("/products",
					Map.of("sku", sku, "name", name, "description",
							"A " + name.toLowerCase() + " from the end-to-end journeys", "price",
							Map.of("amount", sku.startsWith("MUG") ? "12.50" : "9.00", "currency", "EUR")));
			assertThat(created.getStatusCode().value()).as(created.toString()).isEqualTo(201);
			var restocked = staff.post("/inventory/" + sku + "/restock", Map.of("quantity", 20));
			assertThat(restocked.getStatusCode().value()).as(restocked.toString()).isEqualTo(200);
		});
	}

}
