package dev.emporium.platform.topology;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Registers a bean or configuration only where the {@link ModuleTopology} meets every
 * attribute set: a module runs here ({@link #localModule}) or elsewhere
 * ({@link #remoteModule}), some module runs elsewhere ({@link #distributed}), this is the
 * monolith ({@link #monolith}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@Documented
@Conditional(ConditionalOnModuleTopology.OnModuleTopology.class)
public @interface ConditionalOnModuleTopology {

	String localModule() default "";

	String remoteModule() default "";

	boolean distributed() default false;

	/** Only in the process clients call, not in an extracted service. */
	boolean monolith() default false;

	/**
	 * Evaluates the annotation against the topology configured in the environment.
	 */
	class OnModuleTopology implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			var attributes = metadata.getAnnotationAttributes(ConditionalOnModuleTopology.class.getName());
			if (attributes == null) {
				return true;
			}
			var topology = topology(context);
			var local = (String) attributes.get("localModule");
			var remote = (String) attributes.get("remoteModule");
			var distributed = (Boolean) attributes.get("distributed");
			var monolith = (Boolean) attributes.get("monolith");
			return (local.isEmpty() || topology.isLocal(local)) && (remote.isEmpty() || topology.isRemote(remote))
					&& (!distributed || topology.isDistributed()) && (!monolith || topology.service().isEmpty());
		}

		private static ModuleTopology topology(ConditionContext context) {
			var beans = context.getBeanFactory();
			if (beans != null && beans.containsSingleton("moduleTopology")) {
				return (ModuleTopology) beans.getSingleton("moduleTopology");
			}
			return ModuleTopology.from(context.getEnvironment());
		}

	}

}
