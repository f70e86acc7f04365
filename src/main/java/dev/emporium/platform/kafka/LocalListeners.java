package dev.emporium.platform.kafka;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.aop.framework.autoproxy.AutoProxyUtils;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.modulith.events.core.ConditionalEventListener;
import org.springframework.util.ClassUtils;
import org.springframework.util.function.SingletonSupplier;

/**
 * Whether some listener of this process takes an event: a listener method
 * ({@code @EventListener} and what is built on it, such as
 * {@code @ApplicationModuleListener}) found as Spring's own event listener processor
 * finds them, by the type it takes, or a bean that decides event by event as Spring
 * Modulith's externalizer does ({@link ConditionalEventListener}). A record that no one
 * here takes is skipped by the bridge rather than published in a transaction of its own
 * (docs/events.md, "Across processes: Kafka").
 */
final class LocalListeners {

	// Found on first use: by the first record, every listener bean exists.
	private final Supplier<Set<Class<?>>> parameterTypes;

	private final Supplier<Collection<ConditionalEventListener>> conditional;

	private final Map<Class<?>, Boolean> taken = new ConcurrentHashMap<>();

	LocalListeners(ConfigurableListableBeanFactory beans) {
		this.parameterTypes = SingletonSupplier.of(() -> parameterTypes(beans));
		this.conditional = SingletonSupplier
			.of(() -> List.copyOf(beans.getBeansOfType(ConditionalEventListener.class).values()));
	}

	/** Whether some local listener takes this event. */
	boolean listenTo(Object event) {
		return taken.computeIfAbsent(event.getClass(),
				type -> parameterTypes.get().stream().anyMatch(parameter -> parameter.isAssignableFrom(type)))
				|| conditional.get().stream().anyMatch(listener -> listener.supports(event));
	}

	private static Set<Class<?>> parameterTypes(ConfigurableListableBeanFactory beans) {
		var types = new LinkedHashSet<Class<?>>();
		for (var name : beans.getBeanDefinitionNames()) {
			var type = AutoProxyUtils.determineTargetClass(beans, name);
			if (type == null || ConditionalEventListener.class.isAssignableFrom(type)) {
				continue;
			}
			MethodIntrospector
				.selectMethods(ClassUtils.getUserClass(type),
						(MethodIntrospector.MetadataLookup<EventListener>) method -> AnnotatedElementUtils
							.findMergedAnnotation(method, EventListener.class))
				.forEach((method, listener) -> types.addAll(parameterTypes(method, listener)));
		}
		return Set.copyOf(types);
	}

	private static List<Class<?>> parameterTypes(Method method, EventListener listener) {
		var declared = listener.classes();
		return Arrays.asList((declared.length > 0) ? declared : method.getParameterTypes());
	}

}
