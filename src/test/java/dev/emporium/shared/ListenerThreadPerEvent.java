package dev.emporium.shared;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * Runs every asynchronous listener on a new thread. A {@code Scenario} records events
 * through an inheritable thread local, which pooled threads keep from the test that
 * created them: with the default pool, later tests would not see the events their
 * listeners publish.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ListenerThreadPerEvent {

	@Bean
	SimpleAsyncTaskExecutor taskExecutor() {
		return new SimpleAsyncTaskExecutor("listener-");
	}

}
