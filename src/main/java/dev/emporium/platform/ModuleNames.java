package dev.emporium.platform;

import java.util.List;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.stereotype.Component;

/**
 * Names the application module a listener or event type belongs to: the first package
 * below the application's root package ({@code dev.emporium.inventory.X} is
 * {@code inventory}).
 */
@Component
class ModuleNames {

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

	String packagePrefix(String module) {
		return root + module + ".";
	}

}
