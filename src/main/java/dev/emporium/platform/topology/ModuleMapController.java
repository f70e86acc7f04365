package dev.emporium.platform.topology;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shows staff the module map: where each module runs, at which URL, whether it is ready,
 * and which modules it depends on, as the operations console draws it.
 */
@RestController
@PreAuthorize("hasRole('STAFF')")
@Tag(name = "Modules", description = "Where each module runs and whether it is ready (staff only)")
class ModuleMapController {

	private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

	private static final String MAP_EXAMPLE = """
			{"process": "monolith", "modules": [
			  {"name": "catalog", "location": "LOCAL", "health": "UP", "dependsOn": []},
			  {"name": "inventory", "location": "REMOTE", "url": "http://inventory.internal:8081", "health": "DOWN",
			   "dependsOn": ["catalog", "shipping"]}]}""";

	private final ModuleTopology topology;

	private final ApplicationAvailability availability;

	private final ModuleHealthProbe probe = new ModuleHealthProbe(PROBE_TIMEOUT);

	ModuleMapController(ModuleTopology topology, ApplicationAvailability availability) {
		this.topology = topology;
		this.availability = availability;
	}

	@GetMapping("/api/v1/admin/modules")
	@Operation(summary = "Show where each module runs and whether it is ready (staff)",
			description = "A local module runs in this process and is UP while this process is ready; a remote "
					+ "one is UP when its service answers its readiness probe (/actuator/health/readiness) with 200 "
					+ "within 1 s. process is monolith, or service <module> in an extracted service.")
	@ApiResponse(responseCode = "200", description = "The modules, in name order", useReturnTypeSchema = true,
			content = @Content(mediaType = "application/json", examples = @ExampleObject(MAP_EXAMPLE)))
	@ApiResponse(responseCode = "401", description = "No valid access token",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "403", description = "Not staff",
			content = @Content(mediaType = "application/problem+json"))
	ModuleMap modules() {
		var ready = probe.ready(topology.remoteModules().stream().map(topology::url).toList());
		var here = availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC;
		var modules = topology.modules().stream().map(module -> {
			var dependsOn = List.copyOf(topology.index().dependenciesOf(module));
			if (topology.isLocal(module)) {
				return new ModuleView(module, Location.LOCAL, null, Health.of(here), dependsOn);
			}
			var url = topology.url(module);
			return new ModuleView(module, Location.REMOTE, url, Health.of(ready.get(url)), dependsOn);
		}).toList();
		return new ModuleMap(topology.service().map(module -> "service " + module).orElse("monolith"), modules);
	}

	/**
	 * The modules as seen from the process that answers.
	 */
	record ModuleMap(String process, List<ModuleView> modules) {
	}

	/**
	 * One module: {@code url} only for a remote one.
	 */
	record ModuleView(String name, Location location, @Nullable URI url, Health health, List<String> dependsOn) {
	}

	enum Location {

		LOCAL, REMOTE

	}

	enum Health {

		UP, DOWN;

		static Health of(boolean ready) {
			return ready ? UP : DOWN;
		}

	}

}
