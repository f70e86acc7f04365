package dev.emporium.platform.events;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.emporium.EmporiumApplication;
import dev.emporium.platform.events.DeliveryProbe.Parcel;
import dev.emporium.platform.events.DeliveryProbe.ParcelListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two application instances on one PostgreSQL database recover the same backlog of stale
 * publications side by side, and every publication is delivered exactly once.
 */
class TwoInstanceDeliveryTests {

	static final int PUBLICATIONS = 300;

	static EmbeddedPostgres postgres;

	static final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	@BeforeAll
	static void startTwoInstancesOnOneDatabase() throws IOException {
		postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start();
		for (var name : List.of("one", "two")) {
			instances.add(new SpringApplicationBuilder(EmporiumApplication.class, Instance.class)
				.initializers(context -> context.getBeanFactory()
					.registerSingleton("testComponentsExcluded", new TestComponentsExcluded()))
				// Arguments, so that they win over application.yml and the test
				// properties.
				.run("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
						"--spring.datasource.username=postgres", "--server.port=0", "--emporium.demo.enabled=false",
						"--emporium.test.instance=" + name, "--emporium.events.check-interval=50ms",
						"--emporium.events.batch-size=10", "--emporium.events.staleness=30s"));
		}
	}

	@AfterAll
	static void stop() throws IOException {
		instances.forEach(ConfigurableApplicationContext::close);
		postgres.close();
	}

	@Test
	void eachStalePublicationIsDeliveredExactlyOnceByOneOfTwoInstances() {
		var context = instances.get(0);
		var jdbc = context.getBean(JdbcClient.class);
		var json = context.getBean(JsonMapper.class);
		var listener = DeliveryProbe.listenerId(ParcelListener.class, "on", Parcel.class);
		var parcels = new ArrayList<Parcel>();
		for (int i = 0; i < PUBLICATIONS; i++) {
			var parcel = new Parcel(UUID.randomUUID(), 5);
			parcels.add(parcel);
			// As a process killed mid-delivery leaves them: PROCESSING, long ago.
			jdbc.sql(
					"""
							INSERT INTO events.event_publication (id, listener_id, event_type, serialized_event, publication_date,
							                                      status, completion_attempts, last_resubmission_date)
							VALUES (:id, :listener, :type, :event, now() - interval '5 minutes' + :i * interval '1 millisecond',
							        'PROCESSING', 1, now() - interval '5 minutes')""")
				.param("id", UUID.randomUUID())
				.param("listener", listener)
				.param("type", Parcel.class.getName())
				.param("event", json.writeValueAsString(parcel))
				.param("i", i)
				.update();
		}

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(jdbc
				.sql("""
						SELECT count(*) FROM events.event_publication WHERE listener_id = :listener AND status = 'COMPLETED'""")
				.param("listener", listener)
				.query(Integer.class)
				.single()).isEqualTo(PUBLICATIONS));

		var byInstance = new HashMap<String, Integer>();
		for (var parcel : parcels) {
			var deliveries = DeliveryProbe.deliveries.get(parcel.id());
			assertThat(deliveries).as("deliveries of %s", parcel.id()).hasSize(1);
			byInstance.merge(deliveries.get(0), 1, Integer::sum);
		}
		assertThat(byInstance).as("publications delivered per instance").containsOnlyKeys("one", "two");
		assertThat(byInstance.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(PUBLICATIONS);
		System.getLogger(getClass().getName())
			.log(System.Logger.Level.INFO, "Two instances delivered " + PUBLICATIONS + " publications: " + byInstance);
	}

	/**
	 * One instance's test listener, named after the instance.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class Instance {

		@Bean
		ParcelListener parcels(Environment environment) {
			return new ParcelListener(environment.getRequiredProperty("emporium.test.instance"));
		}

	}

	/**
	 * Keeps the test configurations of other test classes out of these contexts, as
	 * Spring Boot's test support does for its own.
	 */
	static class TestComponentsExcluded extends TypeExcludeFilter {

		@Override
		public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
			return reader.getAnnotationMetadata().hasAnnotation(TestComponent.class.getName())
					|| reader.getAnnotationMetadata().hasMetaAnnotation(TestComponent.class.getName())
					|| reader.getClassMetadata().getClassName().contains("Tests$");
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof TestComponentsExcluded;
		}

		@Override
		public int hashCode() {
			return TestComponentsExcluded.class.hashCode();
		}

	}

}
