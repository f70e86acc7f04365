package dev.emporium.platform.topology;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the topology sets in the environment: externalization is switched on exactly when
 * some module runs in another process, over what the configuration files say; an
 * extracted service gets defaults of its own, under what is configured.
 */
class TopologyEnvironmentTests {

	@Test
	void switchesExternalizationOnWhenAModuleIsRemote() {
		var environment = environment(Map.of("emporium.modules.payments.mode", "remote",
				"emporium.modules.payments.url", "http://payments:8080"));

		deploy(environment);

		assertThat(environment.getProperty(ModuleDeployment.EXTERNALIZATION)).isEqualTo("true");
	}

	@Test
	void switchesExternalizationOnInAnExtractedService() {
		var environment = environment(Map.of("emporium.service", "inventory"));

		deploy(environment);

		assertThat(environment.getProperty(ModuleDeployment.EXTERNALIZATION)).isEqualTo("true");
	}

	@Test
	void leavesExternalizationOffWhileEveryModuleIsLocal() {
		var environment = environment(Map.of("emporium.modules.payments.mode", "local"));

		deploy(environment);

		assertThat(environment.getProperty(ModuleDeployment.EXTERNALIZATION)).isEqualTo("false");
		assertThat(environment.getPropertySources().contains(ModuleDeployment.DISTRIBUTED_EVENTS)).isFalse();
	}

	@Test
	void publishesTheTopologyItWorkedOutAsABean() {
		var context = new GenericApplicationContext();
		context.setEnvironment(environment(Map.of("emporium.service", "inventory")));

		new ModuleDeployment().initialize(context);

		assertThat(context.getBeanFactory().getSingleton("moduleTopology")).isInstanceOfSatisfying(ModuleTopology.class,
				topology -> assertThat(topology.service()).contains("inventory"));
	}

	@Test
	void givesAnExtractedServiceItsOwnDataDirectoryAndName() {
		var environment = environment(Map.of("emporium.service", "inventory"));

		new ServiceDefaults().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("emporium.embedded-postgres.data-directory"))
			.isEqualTo("data/inventory/postgres");
		assertThat(environment.getProperty("spring.application.name")).isEqualTo("emporium-inventory");
	}

	@Test
	void letsConfiguredSettingsWinOverAServicesDefaults() {
		var environment = environment(
				Map.of("emporium.service", "inventory", "emporium.embedded-postgres.data-directory", "/var/inventory"));

		new ServiceDefaults().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("emporium.embedded-postgres.data-directory")).isEqualTo("/var/inventory");
	}

	private static StandardEnvironment environment(Map<String, Object> properties) {
		var environment = new StandardEnvironment();
		var configured = new HashMap<String, Object>(properties);
		configured.put(ModuleDeployment.EXTERNALIZATION, "false");
		environment.getPropertySources().addLast(new MapPropertySource("application.yml", configured));
		return environment;
	}

	private static void deploy(StandardEnvironment environment) {
		var context = new GenericApplicationContext();
		context.setEnvironment(environment);
		new ModuleDeployment().initialize(context);
	}

}
