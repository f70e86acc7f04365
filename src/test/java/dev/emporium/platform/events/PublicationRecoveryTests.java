package dev.emporium.platform.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.emporium.platform.events.DeliveryProbe.Parcel;
import dev.emporium.platform.events.DeliveryProbe.ParcelListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A recovery pass drains a backlog larger than one batch, batch after batch as the
 * listeners take them, instead of leaving the rest for later passes; each publication is
 * still delivered once. The startup pass, which runs on the scheduler when the context is
 * ready, is kept off the test's publications.
 */
@SpringBootTest(properties = { "emporium.events.check-interval=1h", "emporium.events.startup-staleness=1h",
		"emporium.events.batch-size=10", "emporium.events.staleness=30s" })
class PublicationRecoveryTests {

	@Autowired
	PublicationRecovery recovery;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Test
	void onePassDrainsABacklogOfManyBatches() {
		var parcels = new ArrayList<Parcel>();
		for (int i = 0; i < 45; i++) {
			var parcel = new Parcel(UUID.randomUUID(), 5);
			parcels.add(parcel);
			jdbc.sql(
					"""
							INSERT INTO events.event_publication (id, listener_id, event_type, serialized_event, publication_date,
							                                      status, completion_attempts, last_resubmission_date)
							VALUES (:id, :listener, :type, :event, now() - interval '2 minutes', 'PROCESSING', 1,
							        now() - interval '2 minutes')""")
				.param("id", UUID.randomUUID())
				.param("listener", DeliveryProbe.listenerId(ParcelListener.class, "on", Parcel.class))
				.param("type", Parcel.class.getName())
				.param("event", json.writeValueAsString(parcel))
				.update();
		}

		assertThat(recovery.recoverStaleAndFailed()).isEqualTo(45);

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(parcels)
				.allSatisfy(parcel -> assertThat(DeliveryProbe.count(parcel.id())).as("deliveries of %s", parcel)
					.isEqualTo(1)));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Listeners {

		@Bean
		ParcelListener parcels() {
			return new ParcelListener("recovery");
		}

	}

}
