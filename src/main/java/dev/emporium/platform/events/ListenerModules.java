package dev.emporium.platform.events;

import org.springframework.modulith.events.support.DelegatingEventExternalizer;

import dev.emporium.platform.topology.ModuleIndex;

/**
 * Names the module a listener belongs to, by its listener ID; the publications of Spring
 * Modulith's Kafka externalizer belong to {@value #KAFKA}, so that staff can tell a
 * failed send from a failed listener.
 */
final class ListenerModules {

	/** The pseudo-module of the externalizer's publications. */
	static final String KAFKA = "kafka";

	// What the listener ID of the externalizer's listener method starts with.
	private static final String EXTERNALIZER = DelegatingEventExternalizer.class.getName() + ".";

	private ListenerModules() {
	}

	/**
	 * The module of a listener ID such as
	 * {@code dev.emporium.inventory.Listeners.on(dev.emporium.orders.OrderPlaced)}.
	 */
	static String of(String listenerId) {
		if (listenerId.startsWith(EXTERNALIZER)) {
			return KAFKA;
		}
		var parenthesis = listenerId.indexOf('(');
		var type = (parenthesis < 0) ? listenerId : listenerId.substring(0, parenthesis);
		return ModuleIndex.moduleOf(type).orElse("external");
	}

	/** What the listener IDs of a module's listeners start with. */
	static String prefix(String module) {
		return KAFKA.equals(module) ? EXTERNALIZER : ModuleIndex.ROOT_PACKAGE + "." + module + ".";
	}

}
