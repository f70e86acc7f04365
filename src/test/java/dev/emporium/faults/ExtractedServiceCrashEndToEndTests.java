package dev.emporium.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.http.HttpHeaders;

import dev.emporium.endtoend.Extraction;
import dev.emporium.endtoend.KafkaBroker;
import dev.emporium.endtoend.LocalProcesses;
import dev.emporium.endtoend.ShopClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kills an extracted service with SIGKILL, database and all, while orders flow through
 * it, and starts it again on its own data: the monolith goes on accepting orders while
 * the service is down, since only events lead to it, and once it is back every order
 * completes and the stock adds up. Inventory is the module taken out: it holds the stock,
 * and every order goes through it.
 */
class ExtractedServiceCrashEndToEndTests {

	private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);

	/**
	 * Long enough for a restart, and for the broker to give the restarted service its
	 * partitions once the dead consumer's session has expired.
	 */
	private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(150);

	@TempDir(cleanup = CleanupMode.ON_SUCCESS)
	Path directory;

	@Test
	void ordersPlacedWhileTheInventoryServiceIsDownCompleteOnceItIsBack() throws Exception {
		var begin = Instant.now();
		try (var broker = KafkaBroker.start()) {
			var extraction = Extraction.of("inventory", broker);
			try (var service = KillableApplication.on(Files.createDirectory(directory.resolve("service")),
					extraction.servicePort(), extraction.serviceArguments());
					var monolith = KillableApplication.on(Files.createDirectory(directory.resolve("monolith")),
							extraction.monolithPort(), extraction.monolithArguments())) {
				LocalProcesses.startTogether(service::start, monolith::start);
				var anonymous = ShopClient.anonymous(monolith.baseUrl(), HTTP_TIMEOUT);
				var staff = anonymous.loggedInAs(KillableApplication.ADMIN_EMAIL, KillableApplication.ADMIN_PASSWORD);
				var customer = anonymous.registeredCustomer("Crash Tester");
				var plenty = OrderLoad.productInStock(staff, "CRASH", 20);
				var scarce = OrderLoad.productInStock(staff, "CRASH", 2);
				var paid = new ArrayList<String>();
				var declined = new ArrayList<String>();

				// Placed just before the kill: some are still on their way to the
				// service, or
				// in its hands, when it dies.
				for (int i = 0; i < 3; i++) {
					paid.add(place(customer, plenty, 1, "tok_visa"));
				}
				declined.add(place(customer, plenty, 2, "tok_declined"));
				service.killEverything();

				// Placed while it is down.
				for (int i = 0; i < 2; i++) {
					paid.add(place(customer, plenty, 2, "tok_visa"));
				}
				declined.add(place(customer, plenty, 1, "tok_declined"));
				var contended = new ArrayList<String>();
				for (int i = 0; i < 3; i++) {
					contended.add(place(customer, scarce, 1, "tok_visa"));
				}
				var killed = Instant.now();
				service.start();

				var all = new ArrayList<String>(paid);
				all.addAll(declined);
				all.addAll(contended);
				var settled = await("every order settled").atMost(SETTLE_TIMEOUT)
					.pollInterval(Duration.ofMillis(500))
					.until(() -> finalStates(staff, all), states -> states.size() == all.size());
				var recovery = Duration.between(killed, Instant.now());

				paid.forEach(id -> assertThat(settled.get(id)).as("order " + id).isEqualTo("PAID"));
				declined.forEach(id -> assertThat(settled.get(id)).as("order " + id).isEqualTo("CANCELLED"));
				declined.forEach(id -> assertThat(reasonOf(staff, id)).isEqualTo("PAYMENT_DECLINED"));
				var contendedStates = contended.stream().map(settled::get).toList();
				assertThat(contendedStates).as("three orders for two in stock")
					.containsExactlyInAnyOrder("PAID", "PAID", "CANCELLED");
				contended.stream()
					.filter(id -> settled.get(id).equals("CANCELLED"))
					.forEach(id -> assertThat(reasonOf(staff, id)).isEqualTo("OUT_OF_STOCK"));
				// 3 x 1 + 2 x 2 reserved by the paid orders; the declined ones released
				// theirs.
				await("stock adds up").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
					assertStock(staff, plenty, 20, 7);
					assertStock(staff, scarce, 2, 2);
				});
				System.out.printf("extracted service crash: module=inventory orders=%d recoveredIn=%.1fs total=%.1fs%n",
						all.size(), recovery.toMillis() / 1000.0,
						Duration.between(begin, Instant.now()).toMillis() / 1000.0);
			}
		}
	}

	/**
	 * Placing an order needs the catalog, which the monolith runs, and no answer from
	 * inventory: it must be accepted whether the service is up or not.
	 */
	private static String place(ShopClient customer, String sku, int quantity, String paymentToken) {
		var answer = customer.post("/orders",
				Map.of("lines", List.of(Map.of("sku", sku, "quantity", quantity)), "shippingAddress",
						Map.of("name", "Crash Tester", "line1", "1 Crash Lane", "city", "Berlin", "postalCode", "10115",
								"country", "DE"),
						"paymentToken", paymentToken),
				new HttpHeaders());
		assertThat(answer.getStatusCode().value()).as(answer.toString()).isEqualTo(201);
		return answer.getBody().get("id").asString();
	}

	/** The orders that reached a final state, with that state. */
	private static Map<String, String> finalStates(ShopClient staff, List<String> orderIds) {
		var states = new LinkedHashMap<String, String>();
		for (var id : orderIds) {
			var status = staff.get("/orders/" + id).getBody().get("status").asString();
			if (status.equals("PAID") || status.equals("CANCELLED")) {
				states.put(id, status);
			}
		}
		return states;
	}

	private static String reasonOf(ShopClient staff, String orderId) {
		return staff.get("/orders/" + orderId).getBody().get("cancellationReason").asString();
	}

	private static void assertStock(ShopClient staff, String sku, int onHand, int reserved) {
		var stock = staff.get("/inventory/" + sku).getBody();
		assertThat(stock.get("onHand").asInt()).as("on hand of " + sku).isEqualTo(onHand);
		assertThat(stock.get("reserved").asInt()).as("reserved of " + sku).isEqualTo(reserved);
	}

}
