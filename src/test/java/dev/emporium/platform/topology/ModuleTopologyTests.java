package dev.emporium.platform.topology;

import java.net.URI;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ModuleTopologyTests {

	@Test
	void runsEveryModuleLocallyByDefault() {
		var topology = ModuleTopology.from(new MockEnvironment());

		assertThat(topology.modules()).containsExactly("catalog", "customers", "inventory", "notifications", "orders",
				"payments", "shipping");
		assertThat(topology.isDistributed()).isFalse();
		assertThat(topology.remoteModules()).isEmpty();
		assertThat(topology.localModules()).isEqualTo(topology.modules());
	}

	@Test
	void takesOutAModuleConfiguredAsRemote() {
		var topology = ModuleTopology
			.from(new MockEnvironment().withProperty("emporium.modules.inventory.mode", "remote")
				.withProperty("emporium.modules.inventory.url", "http://inventory:8081"));

		assertThat(topology.isDistributed()).isTrue();
		assertThat(topology.remoteModules()).containsExactly("inventory");
		assertThat(topology.url("inventory")).isEqualTo(URI.create("http://inventory:8081"));
		assertThat(topology.isRemoteClass("dev.emporium.inventory.Stock")).isTrue();
		assertThat(topology.isRemoteClass("dev.emporium.orders.Order")).isFalse();
		assertThat(topology.isRemoteClass("dev.emporium.EmporiumApplication")).isFalse();
	}

	@Test
	void acceptsTheModeInAnyCaseAsEnvironmentVariablesWriteIt() {
		var topology = ModuleTopology
			.from(new MockEnvironment().withProperty("emporium.modules.payments.mode", "REMOTE")
				.withProperty("emporium.modules.payments.url", "http://payments"));

		assertThat(topology.isRemote("payments")).isTrue();
	}

	@Test
	void runsOnlyTheServedModuleInAServiceAndFindsTheOthersAtTheMonolith() {
		var topology = ModuleTopology.from(new MockEnvironment().withProperty("emporium.service", "payments")
			.withProperty("emporium.monolith.url", "http://shop:8080")
			.withProperty("emporium.modules.catalog.url", "http://catalog:8082"));

		assertThat(topology.service()).contains("payments");
		assertThat(topology.localModules()).containsExactly("payments");
		assertThat(topology.url("orders")).isEqualTo(URI.create("http://shop:8080"));
		assertThat(topology.url("catalog")).as("a module extracted elsewhere")
			.isEqualTo(URI.create("http://catalog:8082"));
		assertThat(topology.isLocal("shared")).isTrue();
		assertThat(topology.isLocal("platform")).isTrue();
	}

	@Test
	void refusesARemoteModuleWithoutUrl() {
		assertThatIllegalStateException().isThrownBy(
				() -> ModuleTopology.from(new MockEnvironment().withProperty("emporium.modules.orders.mode", "remote")))
			.withMessageContaining("emporium.modules.orders.url");
	}

	@Test
	void refusesUnknownModulesAndBadUrls() {
		assertThatIllegalStateException()
			.isThrownBy(() -> ModuleTopology.from(new MockEnvironment().withProperty("emporium.service", "billing")))
			.withMessageContaining("billing");
		assertThatIllegalStateException()
			.isThrownBy(() -> ModuleTopology
				.from(new MockEnvironment().withProperty("emporium.modules.invntory.mode", "remote")))
			.withMessageContaining("invntory");
		assertThatIllegalStateException().isThrownBy(
				() -> ModuleTopology.from(new MockEnvironment().withProperty("emporium.modules.orders.mode", "remote")
					.withProperty("emporium.modules.orders.url", "orders:8080")))
			.withMessageContaining("orders:8080");
	}

	@Test
	void namesTheModuleOfAClass() {
		assertThat(ModuleIndex.moduleOf("dev.emporium.inventory.Stock")).contains("inventory");
		assertThat(ModuleIndex.moduleOf("dev.emporium.inventory.Stock$Line")).contains("inventory");
		assertThat(ModuleIndex.moduleOf("dev.emporium.EmporiumApplication")).isEmpty();
		assertThat(ModuleIndex.moduleOf("org.example.Other")).isEmpty();
	}

}
