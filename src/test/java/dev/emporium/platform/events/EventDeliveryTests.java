package dev.emporium.platform.events;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionOperations;

import dev.emporium.platform.events.DeliveryProbe.Parcel;
import dev.emporium.platform.events.DeliveryProbe.ParcelListener;
import dev.emporium.platform.events.DeliveryProbe.PoisonPill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Delivery of event publications on real PostgreSQL: a poison event is retried with
 * backoff and parked with its error while everything else flows, staff retry and discard
 * it over HTTP, a publication a crash left is delivered once, and retention deletes only
 * old completed publications.
 */
@SpringBootTest(properties = { "emporium.events.check-interval=100ms", "emporium.events.staleness=30s",
		"emporium.events.retry.max-attempts=3", "emporium.events.retry.initial-backoff=100ms",
		"emporium.events.retry.max-backoff=300ms", "emporium.events.retention.completed=7d" })
@AutoConfigureMockMvc
class EventDeliveryTests {

	static final String PROBLEM = "https://emporium.dev/problems/";

	static final AtomicInteger poisonAttempts = new AtomicInteger();

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionOperations transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	MockMvc mvc;

	@Autowired
	PublicationRetention retention;

	@Autowired
	InboxRetention inboxRetention;

	@Test
	void poisonEventIsRetriedWithBackoffThenParkedWithItsErrorWhileOthersKeepFlowing() throws Exception {
		var pill = new PoisonPill(UUID.randomUUID());
		publish(pill);
		var parcel = new Parcel(UUID.randomUUID(), 0);
		publish(parcel);

		var failing = DeliveryProbe.listenerId(Rejecting.class, "on", PoisonPill.class);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(publication(failing, pill.id())).isEqualTo("FAILED 3"));
		Thread.sleep(1000); // several check intervals and more than the longest backoff
		assertThat(publication(failing, pill.id())).isEqualTo("FAILED 3");
		assertThat(DeliveryProbe.count(pill.id())).as("deliveries to the failing listener").isEqualTo(3);
		assertThat(publication(DeliveryProbe.listenerId(PoisonAccepting.class, "on", PoisonPill.class), pill.id()))
			.startsWith("COMPLETED");
		assertThat(publication(listenerOfParcels(), parcel.id())).startsWith("COMPLETED");

		var later = new Parcel(UUID.randomUUID(), 0);
		publish(later);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(publication(listenerOfParcels(), later.id())).startsWith("COMPLETED"));

		mvc.perform(get("/api/v1/admin/events/failed").param("module", "platform").with(staff()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.listener == '%s')].module", failing).value(hasItem("platform")))
			.andExpect(jsonPath("$[?(@.listener == '%s')].attempts", failing).value(hasItem(3)))
			.andExpect(jsonPath("$[?(@.listener == '%s')].parked", failing).value(hasItem(true)))
			.andExpect(jsonPath("$[?(@.listener == '%s')].lastError", failing)
				.value(hasItem(containsString("IllegalStateException: rejects every pill"))))
			.andExpect(
					jsonPath("$[?(@.listener == '%s')].eventType", failing).value(hasItem(PoisonPill.class.getName())));
		mvc.perform(get("/api/v1/admin/events/failed").param("module", "orders").with(staff()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(0));
		mvc.perform(get("/api/v1/admin/events/summary").with(staff()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.eventType == '%s' && @.status == 'PARKED')].module", PoisonPill.class.getName())
				.value(hasItem("platform")));
	}

	@Test
	void staffRetryAParkedPublicationWithItsAttemptsResetAndDiscardIt() throws Exception {
		var failing = DeliveryProbe.listenerId(Rejecting.class, "on", PoisonPill.class);
		var pill = new PoisonPill(UUID.randomUUID());
		var id = parked(pill, failing);

		mvc.perform(post("/api/v1/admin/events/{id}/retry", id).with(customer())).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/admin/events/{id}/retry", id).with(staff())).andExpect(status().isAccepted());
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(DeliveryProbe.count(pill.id())).isEqualTo(6));
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(publication(failing, pill.id())).isEqualTo("FAILED 3"));

		mvc.perform(post("/api/v1/admin/events/{id}/discard", id).with(staff())).andExpect(status().isNoContent());
		assertThat(publication(failing, pill.id())).isEqualTo("none");
		assertThat(jdbc.sql("SELECT count(*) FROM events.publication_failure WHERE publication_id = :id")
			.param("id", id)
			.query(Integer.class)
			.single()).isZero();
		mvc.perform(post("/api/v1/admin/events/{id}/retry", id).with(staff()))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.type").value(PROBLEM + "event-publication-not-found"));
		mvc.perform(post("/api/v1/admin/events/{id}/discard", UUID.randomUUID()).with(staff()))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/admin/events/not-a-uuid/retry").with(staff()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value(PROBLEM + "invalid-parameter"));
	}

	@Test
	void retryingOrDiscardingACompletedPublicationIsAConflict() throws Exception {
		var parcel = new Parcel(UUID.randomUUID(), 0);
		publish(parcel);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(publication(listenerOfParcels(), parcel.id())).startsWith("COMPLETED"));
		var id = id(listenerOfParcels(), parcel.id());

		mvc.perform(post("/api/v1/admin/events/{id}/retry", id).with(staff()))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.type").value(PROBLEM + "event-publication-not-retryable"));
		mvc.perform(post("/api/v1/admin/events/{id}/discard", id).with(staff())).andExpect(status().isConflict());
		assertThat(DeliveryProbe.count(parcel.id())).isEqualTo(1);
	}

	@Test
	void staffAloneListParkedPublicationsByModule() throws Exception {
		var failing = DeliveryProbe.listenerId(Rejecting.class, "on", PoisonPill.class);
		var pill = new PoisonPill(UUID.randomUUID());
		var id = parked(pill, failing);

		mvc.perform(get("/api/v1/admin/events/failed").with(customer())).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/admin/events/failed").param("module", "platform").with(staff()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == '%s')].parked", id).value(hasItem(true)))
			.andExpect(jsonPath("$[?(@.id == '%s')].module", id).value(hasItem("platform")));
		mvc.perform(get("/api/v1/admin/events/failed").param("module", "inventory").with(staff()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == '%s')]", id).isEmpty());
		mvc.perform(get("/api/v1/admin/events/summary").with(staff()))
			.andExpect(jsonPath("$[?(@.status == 'PARKED')].module").value(hasItem("platform")));
	}

	@Test
	void publicationACrashedProcessLeftIsDeliveredOnceAfterTheStalenessPeriod() throws Exception {
		var parcel = new Parcel(UUID.randomUUID(), 0);
		var id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO events.event_publication (id, listener_id, event_type, serialized_event, publication_date,
				                                      status, completion_attempts, last_resubmission_date)
				VALUES (:id, :listener, :type, :event, now() - interval '2 minutes', 'PROCESSING', 1,
				        now() - interval '2 minutes')""")
			.param("id", id)
			.param("listener", listenerOfParcels())
			.param("type", Parcel.class.getName())
			.param("event", json.writeValueAsString(parcel))
			.update();

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(publication(listenerOfParcels(), parcel.id())).startsWith("COMPLETED"));
		Thread.sleep(500);
		assertThat(DeliveryProbe.count(parcel.id())).isEqualTo(1);
	}

	@Test
	void retentionDeletesOldCompletedPublicationsOnlyAndKeepsRecentAndIncompleteOnes() {
		var oldCompleted = insert("now() - interval '8 days'", "now() - interval '8 days'", "'COMPLETED'");
		var recentCompleted = insert("now() - interval '8 days'", "now() - interval '6 days'", "'COMPLETED'");
		var oldIncomplete = insert("now() - interval '30 days'", "NULL", "'FAILED'");

		assertThat(retention.deleteExpired()).isGreaterThanOrEqualTo(1);

		assertThat(exists(oldCompleted)).isFalse();
		assertThat(exists(recentCompleted)).isTrue();
		assertThat(exists(oldIncomplete)).isTrue();
	}

	@Test
	void inboxRetentionForgetsOldEventIdsButNotWhileAnOlderPublicationIsIncomplete() {
		var old = applied("orders", "now() - interval '9 days'");
		var recent = applied("inventory", "now() - interval '1 day'");

		var parked = insert("now() - interval '10 days'", "NULL", "'FAILED'");
		inboxRetention.deleteExpired();
		assertThat(isApplied("orders", old)).as("kept: a parked publication older than it may be retried").isTrue();

		jdbc.sql("DELETE FROM events.event_publication WHERE id = :id").param("id", parked).update();
		jdbc.sql(
				"DELETE FROM events.event_publication WHERE completion_date IS NULL AND publication_date < now() - interval '8 days'")
			.update();
		assertThat(inboxRetention.deleteExpired()).isGreaterThanOrEqualTo(1);

		assertThat(isApplied("orders", old)).isFalse();
		assertThat(isApplied("inventory", recent)).isTrue();
	}

	/**
	 * Publishes a poison pill and waits until its failing publication is parked after its
	 * three attempts.
	 */
	private UUID parked(PoisonPill pill, String failingListener) {
		publish(pill);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(publication(failingListener, pill.id())).isEqualTo("FAILED 3"));
		return id(failingListener, pill.id());
	}

	private UUID applied(String module, String when) {
		var eventId = UUID.randomUUID();
		jdbc.sql("INSERT INTO %s.inbox (event_id, listener, applied_at) VALUES (:id, 'Test', %s)".formatted(module,
				when))
			.param("id", eventId)
			.update();
		return eventId;
	}

	private boolean isApplied(String module, UUID eventId) {
		return jdbc.sql("SELECT count(*) FROM %s.inbox WHERE event_id = :id".formatted(module))
			.param("id", eventId)
			.query(Integer.class)
			.single() > 0;
	}

	private UUID insert(String published, String completed, String status) {
		var id = UUID.randomUUID();
		// An unknown listener: recovery would leave it failed; 99 attempts keep it
		// parked.
		jdbc.sql(
				"""
						INSERT INTO events.event_publication (id, listener_id, event_type, serialized_event, publication_date,
						                                      completion_date, status, completion_attempts)
						VALUES (:id, 'dev.emporium.platform.Gone.on(java.lang.Object)', 'java.lang.Object', '{}', %s, %s, %s, 99)"""
					.formatted(published, completed, status))
			.param("id", id)
			.update();
		return id;
	}

	private boolean exists(UUID id) {
		return jdbc.sql("SELECT count(*) FROM events.event_publication WHERE id = :id")
			.param("id", id)
			.query(Integer.class)
			.single() > 0;
	}

	private void publish(Object event) {
		transactions.executeWithoutResult(status -> events.publishEvent(event));
	}

	private String publication(String listener, UUID eventId) {
		List<String> states = jdbc.sql("""
				SELECT status || ' ' || completion_attempts FROM events.event_publication
				 WHERE listener_id = :listener AND serialized_event LIKE :event""")
			.param("listener", listener)
			.param("event", "%" + eventId + "%")
			.query(String.class)
			.list();
		return states.isEmpty() ? "none" : String.join(",", states);
	}

	private UUID id(String listener, UUID eventId) {
		return jdbc
			.sql("""
					SELECT id FROM events.event_publication WHERE listener_id = :listener AND serialized_event LIKE :event""")
			.param("listener", listener)
			.param("event", "%" + eventId + "%")
			.query(UUID.class)
			.single();
	}

	private static String listenerOfParcels() {
		return DeliveryProbe.listenerId(ParcelListener.class, "on", Parcel.class);
	}

	private static JwtRequestPostProcessor staff() {
		return jwt().jwt(token -> token.subject(UUID.randomUUID().toString()))
			.authorities(new SimpleGrantedAuthority("ROLE_STAFF"));
	}

	private static JwtRequestPostProcessor customer() {
		return jwt().jwt(token -> token.subject(UUID.randomUUID().toString()))
			.authorities(new SimpleGrantedAuthority("ROLE_CUSTOMER"));
	}

	/**
	 * A listener that rejects every pill, and one that accepts them.
	 */
	static class Rejecting {

		@ApplicationModuleListener
		void on(PoisonPill pill) {
			DeliveryProbe.record(pill.id(), "rejecting");
			throw new IllegalStateException("rejects every pill");
		}

	}

	static class PoisonAccepting {

		@ApplicationModuleListener
		void on(PoisonPill pill) {
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Listeners {

		@Bean
		Rejecting rejecting() {
			return new Rejecting();
		}

		@Bean
		PoisonAccepting poisonAccepting() {
			return new PoisonAccepting();
		}

		@Bean
		ParcelListener parcels() {
			return new ParcelListener("single");
		}

	}

}
