package dev.emporium.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Applies Emporium's architecture rules to the application's code (tests excluded).
 */
@AnalyzeClasses(packages = "dev.emporium", importOptions = ImportOption.DoNotIncludeTests.class)
class EmporiumArchitectureTests {

	@ArchTest
	static final ArchRule module_apis_carry_only_records_of_values_and_ids = EmporiumRules.module_apis_carry_only_records_of_values_and_ids;

	@ArchTest
	static final ArchRule transactional_code_does_not_call_other_modules = EmporiumRules.transactional_code_does_not_call_other_modules;

	@ArchTest
	static final ArchRule module_sql_touches_only_its_own_schema = EmporiumRules.module_sql_touches_only_its_own_schema;

	@ArchTest
	static final ArchRule events_are_immutable_records = EmporiumRules.events_are_immutable_records;

	@ArchTest
	static final ArchRule events_carry_an_identity = EmporiumRules.events_carry_an_identity;

	@ArchTest
	static final ArchRule events_go_to_the_topic_of_the_module_that_produces_them = EmporiumRules.events_go_to_the_topic_of_the_module_that_produces_them;

	@ArchTest
	static final ArchRule listeners_consult_the_inbox = EmporiumRules.listeners_consult_the_inbox;

	@ArchTest
	static final ArchRule controllers_are_not_public = EmporiumRules.controllers_are_not_public;

	@ArchTest
	static final ArchRule repositories_are_not_public = EmporiumRules.repositories_are_not_public;

	@ArchTest
	static final ArchRule entities_are_not_public = EmporiumRules.entities_are_not_public;

	@ArchTest
	static final ArchRule no_class_uses_field_injection = EmporiumRules.no_class_uses_field_injection;

	@ArchTest
	static final ArchRule no_class_writes_to_standard_streams = EmporiumRules.no_class_writes_to_standard_streams;

	@ArchTest
	static final ArchRule no_class_uses_java_util_logging = EmporiumRules.no_class_uses_java_util_logging;

	@ArchTest
	static final ArchRule top_level_packages_are_modules_not_layers = EmporiumRules.top_level_packages_are_modules_not_layers;

	@ArchTest
	static final ArchRule packages_inside_a_module_are_free_of_cycles = EmporiumRules.packages_inside_a_module_are_free_of_cycles;

	@ArchTest
	static final ArchRule platform_code_lives_in_rooms = EmporiumRules.platform_code_lives_in_rooms;

	@ArchTest
	static final ArchRule the_platform_names_no_business_module = EmporiumRules.the_platform_names_no_business_module;

}
