package dev.emporium.platform.database;

import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Starts the embedded PostgreSQL server once the application context is created, so that
 * its start overlaps the reading of the bean definitions (docs/architecture.md, "Data").
 * Registered in {@code META-INF/spring.factories}; idle when
 * {@code spring.datasource.url} names a server.
 */
class EmbeddedPostgresStartup implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final String BEAN_NAME = "startingPostgres";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		var environment = context.getEnvironment();
		if (!EmbeddedPostgresConfiguration.isWanted(environment)
				|| !(context instanceof GenericApplicationContext beans) || beans.containsBeanDefinition(BEAN_NAME)) {
			return;
		}
		var settings = Binder.get(environment)
			.bindOrCreate("emporium.embedded-postgres", EmbeddedPostgresSettings.class);
		var server = StartingPostgres.start(settings);
		// A bean, so that closing the context stops the server after everything using it.
		beans.registerBean(BEAN_NAME, StartingPostgres.class, () -> server);
		// A start that fails before that bean is created leaves it to no one else.
		context.addApplicationListener(new StopOnFailedStart(server));
	}

	/**
	 * Stops the server when the application fails to start.
	 */
	private record StopOnFailedStart(StartingPostgres server) implements ApplicationListener<ApplicationEvent> {

		@Override
		public void onApplicationEvent(ApplicationEvent event) {
			if (event instanceof ApplicationFailedEvent) {
				try {
					server.close();
				}
				catch (Exception ex) {
					// The start failed already; that failure is the one to report.
				}
			}
		}

	}

}
