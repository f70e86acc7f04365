package dev.emporium.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.modulith.core.ApplicationModuleIdentifier;
import org.springframework.modulith.core.ApplicationModuleIdentifiers;
import org.springframework.modulith.runtime.flyway.SpringModulithFlywayMigrationStrategy;

import dev.emporium.platform.topology.ModuleTopology;

/**
 * Migrates only the schemas of the modules that run in this process, each with its own
 * history table, so that the monolith leaves an extracted module's schema and data alone
 * (docs/extraction.md, "Moving the data"); and only those of modules that have
 * migrations, so that the platform and the shared kernel cost no empty history table and
 * no warning.
 */
@Configuration(proxyBeanMethods = false)
class LocalModuleMigrations {

	@Bean
	@Primary
	FlywayMigrationStrategy localModulesOnly(ApplicationModuleIdentifiers modules,
			ObjectProvider<ModuleTopology> topology, ResourcePatternResolver resources) {
		var where = topology.getIfAvailable();
		return new SpringModulithFlywayMigrationStrategy(ApplicationModuleIdentifiers.of(modules.stream()
			.filter(module -> where == null || where.isLocal(module.toString()))
			.filter(module -> hasMigrations(resources, module))
			.toList()));
	}

	private static boolean hasMigrations(ResourcePatternResolver resources, ApplicationModuleIdentifier module) {
		try {
			return resources.getResources("classpath*:db/migration/" + module + "/*.sql").length > 0;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
