package dev.emporium.architecture;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

import dev.emporium.EmporiumApplication;

/**
 * Verifies the module arrangement: no cycles, and modules use each other only through
 * their published API.
 */
class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(EmporiumApplication.class);

	@Test
	void modulesAreAcyclicAndUseOnlyPublishedApis() {
		EmporiumRules.verify(modules);
	}

}
