package dev.emporium.platform;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when some module runs in another process, so that what connects to Kafka is not
 * even defined in the all-local monolith.
 */
class DistributedTopologyCondition implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		var beans = context.getBeanFactory();
		var topology = (beans != null && beans.containsSingleton("moduleTopology"))
				? beans.getBean("moduleTopology", ModuleTopology.class) : ModuleTopology.from(context.getEnvironment());
		return topology.isDistributed();
	}

}
