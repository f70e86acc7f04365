package dev.emporium.platform.topology;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.ConstructorArgumentValues.ValueHolder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * Works out the {@link ModuleTopology} once, before any bean definition is read
 * (registered in {@code META-INF/spring.factories}), publishes it as a bean, and starts
 * only the modules that run here; when some module runs elsewhere it also switches event
 * externalization on (docs/architecture.md, "Extraction").
 */
class ModuleDeployment implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final Logger log = LoggerFactory.getLogger(ModuleDeployment.class);

	static final String DISTRIBUTED_EVENTS = "emporiumDistributedEvents";

	static final String EXTERNALIZATION = "spring.modulith.events.externalization.enabled";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		var topology = ModuleTopology.from(context.getEnvironment());
		var beans = context.getBeanFactory();
		if (!beans.containsSingleton("moduleTopology")) {
			beans.registerSingleton("moduleTopology", topology);
		}
		if (topology.isDistributed()) {
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource(DISTRIBUTED_EVENTS, Map.of(EXTERNALIZATION, "true")));
			beans.registerSingleton(RemoteModuleExclusion.class.getName(), new RemoteModuleExclusion(topology));
			// A bean definition: a post-processor handed to the context would run
			// before the configuration classes, and their repositories, are read.
			if (beans instanceof BeanDefinitionRegistry registry) {
				registry.registerBeanDefinition(RemoteRepositoryRemoval.class.getName(), new RootBeanDefinition(
						RemoteRepositoryRemoval.class, () -> new RemoteRepositoryRemoval(topology)));
			}
			log.info("Module deployment: {}", topology.describe());
			log.info("Some modules run elsewhere: events are externalized to Kafka ({}=true)", EXTERNALIZATION);
		}
	}

	/**
	 * Leaves the classes of remote modules out of component and configuration-properties
	 * scanning.
	 */
	static final class RemoteModuleExclusion extends TypeExcludeFilter {

		private final ModuleTopology topology;

		RemoteModuleExclusion(ModuleTopology topology) {
			this.topology = topology;
		}

		@Override
		public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
			return topology.isRemoteClass(reader.getClassMetadata().getClassName());
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof RemoteModuleExclusion exclusion
					&& exclusion.topology.remoteModules().equals(topology.remoteModules());
		}

		@Override
		public int hashCode() {
			return Objects.hash(RemoteModuleExclusion.class, topology.remoteModules());
		}

	}

	/**
	 * Removes the repository definitions of remote modules, which Spring Data's
	 * repository scanning registers regardless of {@link RemoteModuleExclusion}.
	 */
	static final class RemoteRepositoryRemoval implements BeanDefinitionRegistryPostProcessor, Ordered {

		private final ModuleTopology topology;

		RemoteRepositoryRemoval(ModuleTopology topology) {
			this.topology = topology;
		}

		@Override
		public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) throws BeansException {
			Arrays.stream(registry.getBeanDefinitionNames())
				.filter(name -> objectTypeOf(registry.getBeanDefinition(name)).filter(topology::isRemoteClass)
					.isPresent())
				.toList()
				.forEach(registry::removeBeanDefinition);
		}

		/**
		 * The repository interface a definition produces: Spring Data records it as the
		 * factory bean's object type and passes it as the factory's constructor argument.
		 */
		private static Optional<String> objectTypeOf(BeanDefinition definition) {
			return Stream
				.concat(Stream.of(definition.getAttribute(FactoryBean.OBJECT_TYPE_ATTRIBUTE)),
						definition.getConstructorArgumentValues()
							.getIndexedArgumentValues()
							.values()
							.stream()
							.map(ValueHolder::getValue))
				.map(ModuleDeployment.RemoteRepositoryRemoval::typeName)
				.flatMap(Optional::stream)
				.findFirst();
		}

		private static Optional<String> typeName(Object type) {
			if (type instanceof Class<?> clazz) {
				return Optional.of(clazz.getName());
			}
			if (type instanceof ResolvableType resolvable && resolvable.resolve() != null) {
				return Optional.of(resolvable.resolve().getName());
			}
			if (type instanceof String name && name.startsWith(ModuleIndex.ROOT_PACKAGE + ".")) {
				return Optional.of(name);
			}
			return Optional.empty();
		}

		@Override
		public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) throws BeansException {
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

}
