package dev.emporium.platform.kafka;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.modulith.events.support.DelegatingEventExternalizer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monolith with every module local has nothing that would connect to Kafka: no
 * externalizer, no listener container, no topics to create. (Same configuration as
 * {@code EmporiumApplicationTests}, so the two share one context.)
 */
@SpringBootTest
@AutoConfigureMockMvc
class AllLocalDeploymentTests {

	@Autowired
	ApplicationContext context;

	@Test
	void definesNothingThatConnectsToKafka() {
		assertThat(context.getEnvironment().getProperty("spring.modulith.events.externalization.enabled"))
			.isEqualTo("false");
		assertThat(context.getBeanNamesForType(DelegatingEventExternalizer.class)).isEmpty();
		assertThat(context.getBeanNamesForType(MessageListenerContainer.class)).isEmpty();
		assertThat(context.getBeanNamesForType(KafkaAdmin.NewTopics.class)).isEmpty();
		assertThat(context.getBeanNamesForType(EventBridge.class)).isEmpty();
	}

}
