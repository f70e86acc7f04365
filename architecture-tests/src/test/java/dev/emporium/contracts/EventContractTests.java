package dev.emporium.contracts;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.expression.ParserContext;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.modulith.events.Externalized;

import dev.emporium.architecture.EventRoundTrip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The events' contracts, committed under {@code docs/events/}: a JSON Schema per event
 * and version ({@code schemas/<type id>.v<version>.json}) and the AsyncAPI document
 * ({@code asyncapi.yaml}). Fails when they are out of date, when an event changed in a
 * way consumers of its committed schema cannot read without a new {@code @EventVersion},
 * when an old version's schema was dropped, and when the JSON the application's own
 * mapper writes does not match the schema. Run with {@code -Demporium.docs.update=true}
 * to write the fresh copies; that never overwrites a schema with an incompatible one.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventContractTests {

	static final Path EVENTS = Path.of("docs", "events");

	static final Path SCHEMAS = EVENTS.resolve("schemas");

	static final Path ASYNCAPI = EVENTS.resolve("asyncapi.yaml");

	static final String UPDATE = "emporium.docs.update";

	static final String REGENERATE = CommittedSchemas.REGENERATE;

	private static final EventSchemas generator = new EventSchemas();

	private static final CommittedSchemas committed = new CommittedSchemas(SCHEMAS, generator);

	private static List<EventContract> events;

	private static JsonMapper applicationMapper;

	@BeforeAll
	static void readEventsAndTheApplicationsMapper() {
		events = EventContract.all();
		// Boot's Jackson auto-configuration with the application's configuration files.
		try (var context = new SpringApplicationBuilder(JacksonAutoConfiguration.class).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.run()) {
			applicationMapper = context.getBean(JsonMapper.class);
		}
	}

	@Test
	@Order(1)
	void findsTheEventsOfEveryModule() {
		assertThat(events).extracting(EventContract::typeId)
			.contains("catalog.ProductPriceChanged", "customers.CustomerRegistered",
					"inventory.StockReservationRequested", "inventory.StockReserved", "orders.OrderPlaced",
					"payments.PaymentCompleted", "shipping.ShipmentDispatched")
			.doesNotContain("shared.Money", "shared.Address");
		assertThat(events).filteredOn(event -> event.typeId().equals("inventory.StockReservationRequested"))
			.extracting(EventContract::topic, EventContract::keyProperty)
			.containsExactly(tuple("emporium.orders", "orderId"));
	}

	@TestFactory
	@Order(2)
	Stream<DynamicTest> everyEventHasACommittedSchemaItsCurrentRecordIsCompatibleWith() {
		return events.stream().map(event -> DynamicTest.dynamicTest(event.typeId(), () -> {
			List<String> problems = committed.check(event, Boolean.getBoolean(UPDATE));
			if (!problems.isEmpty()) {
				fail(String.join("\n", problems));
			}
		}));
	}

	@Test
	@Order(3)
	void everyCommittedSchemaBelongsToAnEventVersion() throws IOException {
		assertThat(committed.strays(events))
			.as("schemas of no current event version: an event was removed or renamed (which breaks its consumers: "
					+ "keep publishing it until none is left), or its version lowered; delete them by hand once "
					+ "nothing reads them")
			.isEmpty();
	}

	@TestFactory
	@Order(4)
	Stream<DynamicTest> whatTheApplicationWritesMatchesTheSchema() {
		return events.stream().map(event -> DynamicTest.dynamicTest(event.typeId(), () -> {
			JsonNode schema = generator.schemaOf(event);
			Object complete = EventRoundTrip.sample(event.type());
			Object sparse = EventRoundTrip.sample(event.type(), EventContractTests::isNullable);
			for (Object sample : List.of(complete, sparse)) {
				String json = applicationMapper.writeValueAsString(sample);
				assertThat(SchemaConformance.violations(applicationMapper.readTree(json), schema))
					.as("%s as the application writes it: %s", event.typeId(), json)
					.isEmpty();
			}
			Object key = new SpelExpressionParser()
				.parseExpression(event.type().getAnnotation(Externalized.class).value().split("::", 2)[1],
						ParserContext.TEMPLATE_EXPRESSION)
				.getValue(new StandardEvaluationContext(complete));
			assertThat(key).as("the Kafka key of %s", event.typeId())
				.isInstanceOf(schema.at("/properties/" + event.keyProperty() + "/format").asString("").equals("uuid")
						? UUID.class : String.class);
		}));
	}

	@Test
	@Order(5)
	void committedAsyncApiDocumentIsUpToDateAndItsReferencesResolve() throws IOException {
		String yaml = AsyncApiDocument.yaml(AsyncApiDocument.of(events, generator::schemaOf, projectVersion()));
		if (Boolean.getBoolean(UPDATE)) {
			Files.writeString(ASYNCAPI, yaml);
		}
		assertThat(ASYNCAPI).as("%s is missing; generate it with %s", ASYNCAPI, REGENERATE).exists();
		assertThat(Files.readString(ASYNCAPI).replace("\r\n", "\n"))
			.as("%s is out of date with the events; regenerate it with %s and commit it", ASYNCAPI, REGENERATE)
			.isEqualTo(yaml);

		Map<String, Object> document = new Yaml().load(Files.readString(ASYNCAPI));
		assertThat(AsyncApiDocument.unresolvedReferences(document, EVENTS))
			.as("references in %s that lead nowhere", ASYNCAPI)
			.isEmpty();
		assertThat(AsyncApiDocument.references(document)).as("every event's schema is referenced")
			.containsAll(events.stream().map(event -> AsyncApiDocument.SCHEMAS + event.schemaFile()).toList());
	}

	private static boolean isNullable(RecordComponent component) {
		return EventSchemas.declaresNullable(component, component.getAnnotatedType());
	}

	/** The application's version, which the AsyncAPI document carries. */
	private static String projectVersion() throws IOException {
		Matcher version = Pattern.compile("</parent>.*?<version>([^<]+)</version>", Pattern.DOTALL)
			.matcher(Files.readString(Path.of("pom.xml")));
		assertThat(version.find()).as("the project version in pom.xml").isTrue();
		return version.group(1);
	}

}
