package dev.emporium.platform.database;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.modulith.core.ApplicationModuleIdentifiers;
import org.springframework.modulith.runtime.flyway.SpringModulithFlywayMigrationStrategy;

import dev.emporium.platform.topology.ConditionalOnModuleTopology;
import dev.emporium.platform.topology.ModuleTopology;

/**
 * Migrates only the schemas of the modules that run in this process, each with its own
 * history table, so that the monolith leaves an extracted module's schema and data alone
 * (docs/extraction.md, "Moving the data").
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnModuleTopology(distributed = true)
class LocalModuleMigrations {

	@Bean
	@Primary
	FlywayMigrationStrategy localModulesOnly(ApplicationModuleIdentifiers modules, ModuleTopology topology) {
		return new SpringModulithFlywayMigrationStrategy(ApplicationModuleIdentifiers
			.of(modules.stream().filter(module -> topology.isLocal(module.toString())).toList()));
	}

}
