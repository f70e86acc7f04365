package dev.emporium.platform.events;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.core.Ordered;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Observes every invocation of a transactional event listener (every
 * {@code @ApplicationModuleListener}, and the Kafka externalizer until its send
 * completes) as {@code emporium.events.consumed}: a span per invocation, named after the
 * listener and its event, in the listening module; and a timer by module, event type,
 * listener and error. Spring Modulith's module spans leave out a module's listeners for
 * its own events (the requests it serves, like {@code PaymentRequested}); this covers
 * all.
 */
class ListenerObservationAdvisor extends AbstractPointcutAdvisor {

	private static final long serialVersionUID = 1L;

	static final String OBSERVATION = "emporium.events.consumed";

	// The tag Spring Modulith's observations carry, so that a module's spans group alike.
	static final String MODULE_KEY = "module.key";

	private final transient AnnotationMatchingPointcut pointcut = new AnnotationMatchingPointcut(null,
			TransactionalEventListener.class, true);

	private final transient MethodInterceptor advice;

	ListenerObservationAdvisor(Supplier<ObservationRegistry> observations) {
		this.advice = (MethodInvocation invocation) -> {
			var method = invocation.getMethod();
			var arguments = invocation.getArguments();
			var event = (arguments.length > 0 && arguments[0] != null) ? arguments[0].getClass().getSimpleName()
					: "none";
			var listener = method.getDeclaringClass().getSimpleName();
			var observation = Observation.createNotStarted(OBSERVATION, observations.get())
				.contextualName(listener + "." + method.getName() + "(" + event + ")")
				.lowCardinalityKeyValue(MODULE_KEY,
						ListenerModules.of(method.getDeclaringClass().getName() + "." + method.getName()))
				.lowCardinalityKeyValue("event", event)
				.lowCardinalityKeyValue("listener", listener)
				.start();
			Object result;
			try (var scope = observation.openScope()) {
				result = invocation.proceed();
			}
			catch (Throwable ex) {
				observation.error(ex);
				observation.stop();
				throw ex;
			}
			if (result instanceof CompletableFuture<?> future) {
				return future.whenComplete((value, ex) -> {
					if (ex != null) {
						observation
							.error((ex instanceof CompletionException && ex.getCause() != null) ? ex.getCause() : ex);
					}
					observation.stop();
				});
			}
			observation.stop();
			return result;
		};
		// Inside Modulith's completion interceptor (HIGHEST_PRECEDENCE + 10), outside the
		// failure recording (+ 20) and the listener's transaction.
		setOrder(Ordered.HIGHEST_PRECEDENCE + 15);
	}

	@Override
	public AnnotationMatchingPointcut getPointcut() {
		return pointcut;
	}

	@Override
	public MethodInterceptor getAdvice() {
		return advice;
	}

}
