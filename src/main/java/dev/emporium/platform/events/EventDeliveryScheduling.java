package dev.emporium.platform.events;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Runs module listeners asynchronously, after the publishing transaction commits, as
 * {@code @ApplicationModuleListener} expects; schedules the recovery of stale and failed
 * publications and the cleanup of completed ones; and records listener failures.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
@EnableScheduling
class EventDeliveryScheduling implements SchedulingConfigurer {

	private final PublicationRecovery recovery;

	private final PublicationRetention retention;

	private final InboxRetention inboxRetention;

	private final EventDeliverySettings settings;

	EventDeliveryScheduling(PublicationRecovery recovery, PublicationRetention retention, InboxRetention inboxRetention,
			EventDeliverySettings settings) {
		this.recovery = recovery;
		this.retention = retention;
		this.inboxRetention = inboxRetention;
		this.settings = settings;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		var interval = settings.checkInterval();
		registrar.addFixedDelayTask(new FixedDelayTask(recovery::recoverStaleAndFailed, interval, interval));
		var cleanup = settings.retention().cleanupInterval();
		registrar.addFixedDelayTask(new FixedDelayTask(retention::deleteExpired, cleanup, cleanup));
		registrar.addFixedDelayTask(new FixedDelayTask(inboxRetention::deleteExpired, cleanup, cleanup));
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static ListenerFailureAdvisor listenerFailureAdvisor(ObjectProvider<PublicationFailures> failures) {
		return new ListenerFailureAdvisor(failures::getObject);
	}

}
