package dev.emporium.platform.events;

import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.tracing.Tracer;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

import org.springframework.aop.framework.Advised;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.emporium.shared.IdentifiedEvent;

/**
 * Gives a module listener that is invoked outside the trace its event was published in,
 * as when recovery resubmits a publication after a restart or on another instance, that
 * trace: an observation of the redelivery, child of the stored context, that the
 * listener's own spans (asynchronous ones too) descend from. It goes first in the
 * listener's advice, before {@code @Async} hands the call to another thread, which the
 * context then follows.
 */
class ListenerTraceRestoring implements BeanPostProcessor {

	static final String OBSERVATION = "emporium.events.redelivery";

	private static final String TRACEPARENT = "traceparent";

	private final AnnotationMatchingPointcut pointcut = new AnnotationMatchingPointcut(null,
			TransactionalEventListener.class, true);

	private final DefaultPointcutAdvisor advisor;

	ListenerTraceRestoring(Supplier<EventTraces> traces, Supplier<Tracer> tracer,
			Supplier<ObservationRegistry> observations) {
		MethodInterceptor restore = (MethodInvocation invocation) -> {
			var arguments = invocation.getArguments();
			if (arguments.length == 0 || !(arguments[0] instanceof IdentifiedEvent event)) {
				return invocation.proceed();
			}
			var traceparent = traces.get().traceparent(event.eventId());
			var current = tracer.get().currentTraceContext().context();
			// In its trace already (a first delivery), or published in none.
			if (traceparent.isEmpty() || (current != null && traceparent.get().contains(current.traceId()))) {
				return invocation.proceed();
			}
			var context = new ReceiverContext<String>((carrier, key) -> TRACEPARENT.equals(key) ? carrier : null,
					Kind.CONSUMER);
			context.setCarrier(traceparent.get());
			var method = invocation.getMethod();
			var listener = method.getDeclaringClass().getSimpleName() + "." + method.getName();
			return Observation.createNotStarted(OBSERVATION, () -> context, observations.get())
				.contextualName("redeliver " + event.getClass().getSimpleName() + " to " + listener)
				.lowCardinalityKeyValue(ListenerObservationAdvisor.MODULE_KEY,
						ListenerModules.of(method.getDeclaringClass().getName() + "." + method.getName()))
				.lowCardinalityKeyValue("event", event.getClass().getSimpleName())
				.lowCardinalityKeyValue("listener", listener)
				.observeChecked(invocation::proceed);
		};
		this.advisor = new DefaultPointcutAdvisor(pointcut, restore);
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		// Every module listener is proxied already (Modulith's completion, @Async).
		if (bean instanceof Advised advised && !advised.isFrozen()
				&& AopUtils.canApply(pointcut, AopUtils.getTargetClass(bean))) {
			advised.addAdvisor(0, advisor);
		}
		return bean;
	}

}
