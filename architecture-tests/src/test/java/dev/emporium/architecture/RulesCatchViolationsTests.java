package dev.emporium.architecture;

import java.util.UUID;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Proves that every rule can fail: the same rules as {@link EmporiumArchitectureTests},
 * applied to fixtures under {@code fixtures.emporium.<rule>} that break them on purpose.
 * Each failure must name the rule's sentence, the offending class and member, and why.
 */
class RulesCatchViolationsTests {

	private static final String FIXTURES = "fixtures.emporium.";

	@Test
	void modularityCatchesInternalAccessAndCycles() throws Exception {
		var modules = ApplicationModules.of(Class.forName(FIXTURES + "modularity.FixtureSystem"), location -> true);

		assertThatThrownBy(() -> EmporiumRules.verify(modules)).isInstanceOf(AssertionError.class)
			.hasMessageContaining("Rule 'modules are acyclic and use only other modules' published API, because")
			.hasMessageContaining("Module 'orders' depends on module 'catalog' via "
					+ "fixtures.emporium.modularity.orders.OrderPricing -> "
					+ "fixtures.emporium.modularity.catalog.internal.PriceTable")
			.hasMessageContaining("Cycle detected: Slice catalog")
			.hasMessageContaining("Module 'catalog' depends on module 'orders' via "
					+ "fixtures.emporium.modularity.catalog.Restocking -> fixtures.emporium.modularity.orders.OrderPlaced. "
					+ "Allowed targets: none.");
	}

	@Test
	void moduleApisMayNotCarryEntitiesOrJdbcOrWebTypes() {
		failureOf(EmporiumRules.module_apis_carry_only_records_of_values_and_ids, "apivalues")
			.contains("Rule 'module APIs carry only records of values and IDs, because what crosses a module boundary")
			.contains("method fixtures.emporium.apivalues.catalog.Catalog.findProduct(java.lang.String) uses "
					+ "fixtures.emporium.apivalues.catalog.Product, which is an entity")
			.contains(
					"Catalog.summarise(java.sql.ResultSet) uses java.sql.ResultSet, which is a JDBC, persistence or web type")
			.contains(
					"Catalog.view(java.lang.String) uses fixtures.emporium.apivalues.catalog.ProductView, which is neither a record nor an enum")
			.contains("component fixtures.emporium.apivalues.catalog.ProductRepriced.product uses "
					+ "fixtures.emporium.apivalues.catalog.Product, which is an entity")
			.doesNotContain("Catalog.fine(");
	}

	@Test
	void transactionalCodeMayNotCallOtherModules() {
		failureOf(EmporiumRules.transactional_code_does_not_call_other_modules, "transactions")
			.contains("Rule 'transactional code does not call other modules, because after extraction no transaction")
			.contains("OrderManagement.place() calls fixtures.emporium.transactions.catalog.Catalog.findProduct() "
					+ "of module catalog in (OrderManagement.java:")
			.contains("OrderManagement.reprice() calls fixtures.emporium.transactions.catalog.Catalog.findProduct()")
			.contains("OrderListener.on() -> OrderListener.price() calls "
					+ "fixtures.emporium.transactions.catalog.Catalog.findProduct()")
			.doesNotContain("quote()")
			.doesNotContain("Prices.format")
			.doesNotContain("ProductSummary.price");
	}

	@Test
	void moduleSqlMayNotTouchAnotherSchema() {
		String migration = "fixtures/emporium/sql/db/migration/inventory/V1__stock.sql";
		failureOf(EmporiumRules.module_sql_touches_only_its_own_schema, "sql")
			.contains(
					"Rule 'module SQL touches only its own schema, because a foreign key, join or view across schemas")
			.contains("SQL of module inventory at " + migration
					+ ":8 uses schema catalog in 'catalog.products', but may only use schema inventory")
			.contains("SQL of module inventory at " + migration + ":13 uses schema catalog")
			.contains("SQL of module inventory at " + migration
					+ ":15 refers to table products of schema catalog in 'references products'")
			.contains("SQL of module inventory at fixtures.emporium.sql.inventory.Stocks.findSellable() @Query:1 "
					+ "uses schema catalog in 'catalog.products'")
			.doesNotContain("findBySku")
			.doesNotContain("V1__products.sql")
			.doesNotContain("__root");
	}

	@Test
	void eventsMustBeImmutableRecords() {
		failureOf(EmporiumRules.events_are_immutable_records, "events")
			.contains("Rule 'events are immutable records, because events are delivered asynchronously")
			.contains("Event fixtures.emporium.events.orders.OrderPlaced is a class, not a record")
			.contains("Event fixtures.emporium.events.orders.OrderLinesChanged: record OrderLinesChanged has 1 "
					+ "collection component(s) but its constructor makes 0 unmodifiable copies")
			.contains(
					"Event fixtures.emporium.events.orders.OrderTagged: component OrderTagged.tags is an array, which is mutable")
			.contains("Event fixtures.emporium.events.shipping.ParcelWeighed is a class, not a record")
			.doesNotContain("OrderPaid")
			.doesNotContain("OrderView");
	}

	@Test
	void eventsMustCarryAnIdentity() {
		failureOf(EmporiumRules.events_carry_an_identity, "identity")
			.contains("Rule 'events carry an identity, because the registry delivers an event at least once")
			.contains("Event fixtures.emporium.identity.orders.OrderPaid does not implement the event identity "
					+ "interface of a shared module (one declaring UUID eventId())")
			.contains("Event fixtures.emporium.identity.orders.OrderCancelled: its first component is not UUID eventId")
			.contains("Event fixtures.emporium.identity.orders.OrderShipped: its first component is not UUID eventId")
			.doesNotContain("OrderPaid: its first component")
			.doesNotContain("OrderCancelled does not implement")
			.doesNotContain("OrderPlaced")
			.doesNotContain("EventIdentity ");
	}

	@Test
	void eventsMustGoToTheTopicOfTheOneModuleThatProducesThem() {
		failureOf(EmporiumRules.events_go_to_the_topic_of_the_module_that_produces_them, "externalized")
			.contains("Rule 'events go to the topic of the module that produces them, because once modules run")
			.contains("Event fixtures.emporium.externalized.orders.OrderNoted is not @Externalized; module orders "
					+ "produces it, so: @Externalized(\"emporium.orders::<aggregate id>\")")
			.contains("Event fixtures.emporium.externalized.orders.OrderArchived is @Externalized without a key")
			.contains("Event fixtures.emporium.externalized.orders.OrderForgotten is constructed by no module")
			.contains("Event fixtures.emporium.externalized.payments.RefundRequested is @Externalized to "
					+ "emporium.payments, but module orders produces it: emporium.orders")
			.contains("Event fixtures.emporium.externalized.shipping.ParcelLost is constructed by modules "
					+ "[orders, shipping]")
			.doesNotContain("OrderPlaced")
			.doesNotContain("PaymentRequested")
			.doesNotContain("OrderArchived is @Externalized to");
	}

	@Test
	void listenersMustConsultTheirInboxFirst() {
		failureOf(EmporiumRules.listeners_consult_the_inbox, "inbox")
			.contains("Rule 'listeners consult the inbox, because a redelivered event must change nothing")
			.contains("Listener CatalogListeners.on(ProductRetired) does not call applyOnce of module orders itself")
			.contains("Listener CatalogListeners.on(ProductRestocked) does not call applyOnce of module orders itself")
			.contains(
					"Listener CatalogListeners.on(ProductDiscontinued) does not call applyOnce of module orders itself")
			.contains(
					"Listener CatalogListeners.on(ProductRenamed) calls fixtures.emporium.inbox.orders.Orders.touch() "
							+ "in (CatalogListeners.java:")
			.contains(
					"Listener CatalogListeners.on(ProductRelisted) calls fixtures.emporium.inbox.orders.Orders.touch() "
							+ "in (CatalogListeners.java:")
			.doesNotContain("ProductRepriced")
			.doesNotContain("firstDelivery");
	}

	@Test
	void eventsMustSurviveAJsonRoundTrip() throws Exception {
		var event = Class.forName(FIXTURES + "roundtrip.OrderNoted");

		assertThatThrownBy(() -> EventRoundTrip.assertSurvivesJson(event)).isInstanceOf(AssertionError.class)
			.hasMessageContaining("Rule 'events survive a JSON round trip, because events are stored as JSON")
			.hasMessageContaining("fixtures.emporium.roundtrip.OrderNoted")
			.hasMessageContaining("note=note-sample")
			.hasMessageContaining("note=null");
	}

	@Test
	void eventsMustKeepTheirIdentityThroughJson() throws Exception {
		var event = Class.forName(FIXTURES + "roundtrip.OrderRenumbered");

		assertThatThrownBy(() -> EventRoundTrip.assertSurvivesJson(event)).isInstanceOf(AssertionError.class)
			.hasMessageContaining("Rule 'events survive a JSON round trip, because events are stored as JSON")
			.hasMessageContaining("fixtures.emporium.roundtrip.OrderRenumbered wrote eventId "
					+ UUID.nameUUIDFromBytes("eventId".getBytes()) + " but read eventId ")
			.hasMessageContaining("deserialise with the canonical constructor");
	}

	@Test
	void eventsMustNotChangeAfterPublication() throws Exception {
		var event = Class.forName(FIXTURES + "roundtrip.OrderLinesChanged");

		assertThatThrownBy(() -> EventRoundTrip.assertCollectionsAreUnmodifiable(event))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("Rule 'events are immutable records, because")
			.hasMessageContaining("fixtures.emporium.roundtrip.OrderLinesChanged.skus can change after publication");
	}

	@Test
	void controllersRepositoriesAndEntitiesMayNotBePublic() {
		failureOf(EmporiumRules.controllers_are_not_public, "visibility")
			.contains("Rule 'controllers are not public, because HTTP endpoints are reached over HTTP")
			.contains("Class <fixtures.emporium.visibility.catalog.ProductController> has modifier PUBLIC")
			.doesNotContain("ProductAdminController");
		failureOf(EmporiumRules.repositories_are_not_public, "visibility")
			.contains("Rule 'repositories are not public, because only the owning module may touch its tables")
			.contains("Class <fixtures.emporium.visibility.catalog.Products> has modifier PUBLIC");
		failureOf(EmporiumRules.entities_are_not_public, "visibility")
			.contains("Rule 'entities are not public, because other modules see IDs and value records")
			.contains("Class <fixtures.emporium.visibility.catalog.Product> has modifier PUBLIC");
	}

	@Test
	void fieldInjectionIsCaught() {
		failureOf(EmporiumRules.no_class_uses_field_injection, "coding")
			.contains("Rule 'no class uses field injection, because constructor injection into final fields")
			.contains("Field <fixtures.emporium.coding.orders.OrderMailer.sender> is annotated with @Autowired");
	}

	@Test
	void standardStreamsAndPrintStackTraceAreCaught() {
		failureOf(EmporiumRules.no_class_writes_to_standard_streams, "coding")
			.contains("Rule 'no class writes to System.out or System.err or calls printStackTrace, because")
			.contains("Method <fixtures.emporium.coding.orders.OrderPrinter.print(java.lang.String)> gets field "
					+ "<java.lang.System.out>")
			.contains("Method <fixtures.emporium.coding.orders.OrderPrinter.fail(java.lang.Exception)> calls method "
					+ "<java.lang.Exception.printStackTrace()>");
	}

	@Test
	void javaUtilLoggingIsCaught() {
		failureOf(EmporiumRules.no_class_uses_java_util_logging, "coding")
			.contains("Rule 'no class uses java.util.logging, because every module logs through SLF4J")
			.contains("Static Initializer <fixtures.emporium.coding.orders.OrderAudit.<clinit>()> "
					+ "sets field <fixtures.emporium.coding.orders.OrderAudit.log>");
	}

	@Test
	void layerFirstTopLevelPackagesAreCaught() {
		failureOf(EmporiumRules.top_level_packages_are_modules_not_layers, "layers")
			.contains("Rule 'top-level packages are modules, not layers, because a module is extracted by moving")
			.contains("Class fixtures.emporium.layers.service.OrderService resides in top-level package 'service'")
			.doesNotContain("layers.orders.Order ");
	}

	@Test
	void packageCyclesInsideAModuleAreCaught() {
		failureOf(EmporiumRules.packages_inside_a_module_are_free_of_cycles, "cycles")
			.contains("Rule 'packages inside a module are free of cycles, because a module whose packages")
			.contains("Cycle detected: Slice fixtures.emporium.cycles.orders.")
			.contains("Field <fixtures.emporium.cycles.orders.web.OrderPage.order> has type "
					+ "<fixtures.emporium.cycles.orders.domain.Order>")
			.contains("Method <fixtures.emporium.cycles.orders.domain.Order.render()>");
	}

	@Test
	void cyclesBetweenThePlatformsRoomsAreCaught() {
		failureOf(EmporiumRules.packages_inside_a_module_are_free_of_cycles, "rooms")
			.contains("Cycle detected: Slice fixtures.emporium.rooms.platform.")
			.contains("Field <fixtures.emporium.rooms.platform.web.ProblemPage.gateway> has type "
					+ "<fixtures.emporium.rooms.platform.topology.Gateway>")
			.contains("Method <fixtures.emporium.rooms.platform.topology.Gateway.unavailable()>");
	}

	@Test
	void platformCodeOutsideARoomIsCaught() {
		failureOf(EmporiumRules.platform_code_lives_in_rooms, "rooms")
			.contains("Rule 'platform code lives in rooms, because a newcomer finds infrastructure by its concern")
			.contains("Class fixtures.emporium.rooms.platform.Leftover resides in the platform's base package")
			.doesNotContain("ProblemPage");
	}

	@Test
	void platformCodeThatNamesABusinessModuleIsCaught() {
		failureOf(EmporiumRules.the_platform_names_no_business_module, "rooms")
			.contains("Rule 'the platform names no business module, because infrastructure that knows one module")
			.contains("Method <fixtures.emporium.rooms.platform.security.OrderOwnership.owns("
					+ "fixtures.emporium.rooms.orders.Order, java.lang.String)> has parameter of type "
					+ "<fixtures.emporium.rooms.orders.Order>")
			.doesNotContain("Gateway");
	}

	private static AbstractStringAssert<?> failureOf(ArchRule rule, String fixture) {
		JavaClasses classes = new ClassFileImporter().importPackages(FIXTURES + fixture);
		AssertionError failure = catchThrowableOfType(AssertionError.class, () -> rule.check(classes));
		assertThat(failure).as("%s must fail on fixtures.emporium.%s", rule.getDescription(), fixture).isNotNull();
		return assertThat(failure.getMessage()).contains("Architecture Violation");
	}

}
