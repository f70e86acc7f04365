package dev.emporium.architecture;

import java.util.Set;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.all;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Emporium's architecture rules, each named as the sentence it enforces. They find
 * modules relative to the root package of whatever they check (see {@link Modules}), so
 * the same constants guard the application and prove themselves on the fixtures.
 */
final class EmporiumRules {

	// Spring Modulith: module graph and published APIs.

	static final String MODULES_ARE_ACYCLIC_AND_USE_ONLY_PUBLISHED_APIS = "modules are acyclic and use only other modules' published API";

	static final String MODULES_BECAUSE = "a module that reaches into another's internals or sits in a cycle cannot be extracted into a service on its own; "
			+ "its base package and @NamedInterface packages are all a remote client would see";

	// Extraction rules.

	static final ArchRule module_apis_carry_only_records_of_values_and_ids = classes()
		.that(describe("are module APIs", type -> Modules.isModuleApi(type) && !Modules.inASharedModule(type)))
		.should(new CarryOnlyValues())
		.as("module APIs carry only records of values and IDs")
		.because("what crosses a module boundary becomes a message or a remote call after extraction, "
				+ "and an entity, repository, JDBC or web type cannot travel over the wire");

	static final ArchRule transactional_code_does_not_call_other_modules = methods()
		.that(NoCallsIntoOtherModules.runInATransaction())
		.should(new NoCallsIntoOtherModules())
		.as("transactional code does not call other modules")
		.because("after extraction no transaction spans two services, so cross-module work inside a transaction "
				+ "must go through events published with it")
		.allowEmptyShould(true);

	static final ArchRule module_sql_touches_only_its_own_schema = all(new SqlSources()).should(new OwnSchemaOnly())
		.as("module SQL touches only its own schema")
		.because("a foreign key, join or view across schemas ties two modules' databases together, "
				+ "and extraction moves each schema to its own database");

	static final ArchRule events_are_immutable_records = classes().that(ImmutableEvents.areEvents())
		.should(new ImmutableEvents())
		.as("events are immutable records")
		.because("events are delivered asynchronously, stored as JSON in the publication registry and will cross "
				+ "a broker after extraction, so a listener must see exactly what was published");

	static final ArchRule events_carry_an_identity = classes().that(ImmutableEvents.areEvents())
		.should(new CarryAnIdentity())
		.as("events carry an identity")
		.because("the registry delivers an event at least once, and a listener's inbox can only tell a redelivery "
				+ "from a new event by an ID that is stored with the event when it is published");

	static final ArchRule events_go_to_the_topic_of_the_module_that_produces_them = classes()
		.that(GoToTheirProducersTopic.areIdentifiedEvents())
		.should(new GoToTheirProducersTopic())
		.as("events go to the topic of the module that produces them")
		.because("once modules run in several processes, a process sends an event to Kafka only when its topic "
				+ "names a module it runs, and reads the topics of the modules it does not run: an event on another "
				+ "module's topic never leaves its process, and a key keeps one aggregate's events in order")
		.allowEmptyShould(true);

	static final ArchRule listeners_consult_the_inbox = methods().that(ConsultTheInbox.areModuleListeners())
		.should(new ConsultTheInbox())
		.as("listeners consult the inbox")
		.because("a redelivered event must change nothing, so every listener does its work through its module's "
				+ "inbox, which records the event's ID in the transaction of its effect and skips the work when the "
				+ "event was already applied")
		.allowEmptyShould(true);

	static final ArchRule controllers_are_not_public = classes()
		.that(describe("are controllers", Modules::isController))
		.should()
		.notBePublic()
		.as("controllers are not public")
		.because("HTTP endpoints are reached over HTTP, never as Java types, so a module can move behind its own URL")
		.allowEmptyShould(true);

	static final ArchRule repositories_are_not_public = classes()
		.that(describe("are repositories", Modules::isRepository))
		.should()
		.notBePublic()
		.as("repositories are not public")
		.because("only the owning module may touch its tables, so its data can move to its own database")
		.allowEmptyShould(true);

	static final ArchRule entities_are_not_public = classes().that(describe("are entities", Modules::isEntity))
		.should()
		.notBePublic()
		.as("entities are not public")
		.because("other modules see IDs and value records, never the aggregate, so the aggregate can change "
				+ "or move without breaking them")
		.allowEmptyShould(true);

	// Coding rules.

	static final ArchRule no_class_uses_field_injection = GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION
		.as("no class uses field injection")
		.because("constructor injection into final fields shows a class's dependencies, including those on "
				+ "other modules, and lets module tests build it without a container");

	static final ArchRule no_class_writes_to_standard_streams = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS
		.as("no class writes to System.out or System.err or calls printStackTrace")
		.because("an extracted service reports through its logs and observability, which the standard streams bypass");

	static final ArchRule no_class_uses_java_util_logging = GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING
		.as("no class uses java.util.logging")
		.because("every module logs through SLF4J so that its logs look the same once it runs as a service");

	static final ArchRule top_level_packages_are_modules_not_layers = classes()
		.should(new ArchCondition<JavaClass>("reside in a module, not in a layer-first top-level package") {
			@Override
			public void check(JavaClass type, ConditionEvents events) {
				Modules.moduleOf(type)
					.filter(LAYERS::contains)
					.ifPresent(layer -> events.add(SimpleConditionEvent.violated(type,
							"Class %s resides in top-level package '%s', a technical layer rather than a module"
								.formatted(type.getName(), layer))));
			}
		})
		.as("top-level packages are modules, not layers")
		.because("a module is extracted by moving one top-level package; a layer cuts across all of them");

	static final ArchRule packages_inside_a_module_are_free_of_cycles = slices().assignedFrom(new SliceAssignment() {
		@Override
		public SliceIdentifier getIdentifierOf(JavaClass type) {
			return Modules.inAModule(type) ? SliceIdentifier.of(type.getPackageName()) : SliceIdentifier.ignore();
		}

		@Override
		public String getDescription() {
			return "packages inside a module";
		}
	})
		.should()
		.beFreeOfCycles()
		.as("packages inside a module are free of cycles")
		.because("a module whose packages depend on each other in a cycle cannot be split or reshaped later")
		.allowEmptyShould(true);

	// The platform's rooms.

	static final ArchRule platform_code_lives_in_rooms = classes()
		.that(describe("belong to the platform", EmporiumRules::inPlatform))
		.should(new ArchCondition<JavaClass>("reside in one of its rooms") {
			@Override
			public void check(JavaClass type, ConditionEvents events) {
				if (Modules.inModuleBasePackage(type) && !type.getSimpleName().equals("package-info")) {
					events.add(SimpleConditionEvent.violated(type,
							"Class %s resides in the platform's base package, in no room".formatted(type.getName())));
				}
			}
		})
		.as("platform code lives in rooms")
		.because(
				"a newcomer finds infrastructure by its concern, and a room can be reshaped without touching the others")
		.allowEmptyShould(true);

	static final ArchRule the_platform_names_no_business_module = classes()
		.that(describe("belong to the platform", EmporiumRules::inPlatform))
		.should(new ArchCondition<JavaClass>("depend on no business module") {
			@Override
			public void check(JavaClass type, ConditionEvents events) {
				type.getDirectDependenciesFromSelf()
					.stream()
					.filter(dependency -> Modules.inAModule(dependency.getTargetClass())
							&& !Modules.inASharedModule(dependency.getTargetClass()))
					.forEach(
							dependency -> events.add(SimpleConditionEvent.violated(type, dependency.getDescription())));
			}
		})
		.as("the platform names no business module")
		.because("infrastructure that knows one module breaks when that module is extracted; what belongs to a module "
				+ "lives in it")
		.allowEmptyShould(true);

	private static final Set<String> LAYERS = Set.of("controller", "controllers", "service", "services", "repository",
			"repositories", "model", "models", "dto", "dtos", "entity", "entities", "web", "domain");

	private EmporiumRules() {
	}

	private static boolean inPlatform(JavaClass type) {
		return Modules.moduleOf(type).filter("platform"::equals).isPresent();
	}

	/**
	 * Spring Modulith's own check, failing with the rule's sentence and reason around its
	 * report.
	 */
	static void verify(ApplicationModules modules) {
		try {
			modules.verify();
		}
		catch (Violations violations) {
			throw new AssertionError(
					"Architecture Violation - Rule '%s, because %s' was violated:%n%s".formatted(
							MODULES_ARE_ACYCLIC_AND_USE_ONLY_PUBLISHED_APIS, MODULES_BECAUSE, violations.getMessage()),
					violations);
		}
	}

}
