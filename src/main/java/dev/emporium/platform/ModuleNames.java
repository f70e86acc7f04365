package dev.emporium.platform;

import java.util.List;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.modulith.events.support.DelegatingEventExternalizer;
import org.springframework.stereotype.Component;

/**
 * Names the application module a listener or event type belongs to: the first package
 * below the application's root package ({@code dev.emporium.inventory.X} is
 * {@code inventory}). The publications of Spring Modulith's event externalizer, which
 * sends events to Kafka when modules run in several processes, belong to {@value #KAFKA},
 * so that staff can tell a failed send from a failed module listener and filter by it.
 */
@Component
class ModuleNames {

	/** The pseudo-module of the externalizer's publications. */
	static final String KAFKA = "kafka";

	// What the listener ID of the externalizer's listener method starts with.
	private static final String EXTERNALIZER = DelegatingEventExternalizer.class.getName() + ".";

	private final String root;

	ModuleNames(BeanFactory beans) {
		List<String> packages = AutoConfigurationPackages.has(beans) ? AutoConfigurationPackages.get(beans) : List.of();
		this.root = packages.isEmpty() ? "" : packages.get(0) + ".";
	}

	/**
	 * The module of a listener ID such as
	 * {@code dev.emporium.inventory.Listeners.on(dev.emporium.orders.OrderPlaced)}.
	 */
	String ofListener(String listenerId) {
		if (listenerId.startsWith(EXTERNALIZER)) {
			return KAFKA;
		}
		var parenthesis = listenerId.indexOf('(');
		return ofType(parenthesis < 0 ? listenerId : listenerId.substring(0, parenthesis));
	}

	String ofType(String className) {
		if (!className.startsWith(root)) {
			return "external";
		}
		var rest = className.substring(root.length());
		var dot = rest.indexOf('.');
		return dot < 0 ? "" : rest.substring(0, dot);
	}

	/**
	 * What the listener IDs of a module's listeners start with.
	 */
	String listenerPrefix(String module) {
		return KAFKA.equals(module) ? EXTERNALIZER : root + module + ".";
	}

}
