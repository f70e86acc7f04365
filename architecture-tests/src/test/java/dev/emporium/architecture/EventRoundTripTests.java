package dev.emporium.architecture;

import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event of the application (as {@link ImmutableEvents#areEvents()} finds them)
 * survives a JSON round trip and keeps its collections unmodifiable: one test per event.
 */
class EventRoundTripTests {

	static final Stream<Class<?>> events() {
		var classes = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
			.importPackages("dev.emporium");
		return classes.stream()
			.filter(ImmutableEvents.areEvents())
			.filter(JavaClass::isRecord)
			.sorted((a, b) -> a.getName().compareTo(b.getName()))
			.map(JavaClass::reflect);
	}

	@TestFactory
	Stream<DynamicTest> everyEventSurvivesAJsonRoundTrip() {
		return events().map(event -> DynamicTest.dynamicTest(event.getSimpleName(),
				() -> EventRoundTrip.assertSurvivesJson(event)));
	}

	@TestFactory
	Stream<DynamicTest> everyEventKeepsItsCollectionsUnmodifiable() {
		return events().map(event -> DynamicTest.dynamicTest(event.getSimpleName(),
				() -> EventRoundTrip.assertCollectionsAreUnmodifiable(event)));
	}

	@org.junit.jupiter.api.Test
	void findsTheEventsOfEveryModule() {
		assertThat(events().map(Class::getSimpleName))
			.contains("OrderPlaced", "StockReservationRequested", "PaymentCompleted", "ShipmentDispatched",
					"CustomerRegistered")
			.doesNotContain("ProductSummary", "Money");
	}

}
