package dev.emporium.platform;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Externalization is switched on exactly when some module runs in another process, over
 * what the configuration files say.
 */
class EventExternalizationSwitchTests {

	@Test
	void switchesExternalizationOnWhenAModuleIsRemote() {
		var environment = environment(Map.of("emporium.modules.payments.mode", "remote",
				"emporium.modules.payments.url", "http://payments:8080"));

		switchOn(environment);

		assertThat(environment.getProperty(EventExternalizationSwitch.EXTERNALIZATION)).isEqualTo("true");
	}

	@Test
	void switchesExternalizationOnInAnExtractedService() {
		var environment = environment(Map.of("emporium.service", "inventory"));

		switchOn(environment);

		assertThat(environment.getProperty(EventExternalizationSwitch.EXTERNALIZATION)).isEqualTo("true");
	}

	@Test
	void leavesExternalizationOffWhileEveryModuleIsLocal() {
		var environment = environment(Map.of("emporium.modules.payments.mode", "local"));

		switchOn(environment);

		assertThat(environment.getProperty(EventExternalizationSwitch.EXTERNALIZATION)).isEqualTo("false");
		assertThat(environment.getPropertySources().contains(EventExternalizationSwitch.PROPERTY_SOURCE)).isFalse();
	}

	private static StandardEnvironment environment(Map<String, Object> properties) {
		var environment = new StandardEnvironment();
		var configured = new HashMap<String, Object>(properties);
		configured.put(EventExternalizationSwitch.EXTERNALIZATION, "false");
		environment.getPropertySources().addLast(new MapPropertySource("application.yml", configured));
		return environment;
	}

	private static void switchOn(StandardEnvironment environment) {
		new EventExternalizationSwitch(new DeferredLogs()).postProcessEnvironment(environment, new SpringApplication());
	}

}
