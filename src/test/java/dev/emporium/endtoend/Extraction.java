package dev.emporium.endtoend;

import java.util.List;

/**
 * One module taken out of the monolith into a service of its own, as a user configures
 * it: the monolith runs the module remote at the service's URL, the service runs that
 * module alone and finds every other one at the monolith, and both exchange events
 * through the same Kafka broker. Ports are chosen before either process starts, since
 * each must be told where the other listens. Public for the fault tests in
 * {@code dev.emporium.faults}.
 *
 * @param module the module extracted
 * @param monolithPort the monolith's HTTP port
 * @param servicePort the service's HTTP port
 * @param bootstrapServers the Kafka broker both use
 */
public record Extraction(String module, int monolithPort, int servicePort, String bootstrapServers) {

	/** The module on free ports, with the given broker. */
	public static Extraction of(String module, KafkaBroker broker) {
		return new Extraction(module, LocalProcesses.freePort(), LocalProcesses.freePort(), broker.bootstrapServers());
	}

	public String monolithUrl() {
		return "http://localhost:" + monolithPort;
	}

	public String serviceUrl() {
		return "http://localhost:" + servicePort;
	}

	/** What the monolith is started with, besides its port. */
	public List<String> monolithArguments() {
		return List.of("--emporium.modules." + module + ".mode=remote",
				"--emporium.modules." + module + ".url=" + serviceUrl(),
				"--spring.kafka.bootstrap-servers=" + bootstrapServers);
	}

	/** What the service is started with, besides its port. */
	public List<String> serviceArguments() {
		return List.of("--emporium.service=" + module, "--emporium.monolith.url=" + monolithUrl(),
				"--spring.kafka.bootstrap-servers=" + bootstrapServers);
	}

}
