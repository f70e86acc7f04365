package dev.emporium.platform.events;

import java.util.Objects;

import org.aopalliance.intercept.MethodInterceptor;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Marks an event publication completed inside its listener's own transaction instead of
 * in a transaction of its own after it: one commit less per listener call, and the
 * listener's work and its completion commit together, so that a crash between the two can
 * no longer deliver the event again (docs/events.md, "How an event is delivered"; Spring
 * Modulith 2.2 makes this its default).
 * <p>
 * Spring Modulith marks a publication PROCESSING on the listener's thread just before it
 * calls the listener, and COMPLETED once the listener has returned. This remembers the
 * publication when it is marked PROCESSING; when the listener method's own transaction
 * begins on that thread, the completion is registered to run just before that transaction
 * commits, and Spring Modulith's later completion is skipped. A listener without a
 * transaction of its own, or one whose transaction rolls back, is completed or failed as
 * before.
 */
class CompletionInListenerTransaction implements BeanPostProcessor, TransactionExecutionListener {

	private static final ThreadLocal<Delivery> delivery = new ThreadLocal<>();

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof EventPublicationRegistry registry)) {
			return bean;
		}
		var proxy = new ProxyFactory(registry);
		proxy.addAdvice((MethodInterceptor) invocation -> {
			var arguments = invocation.getArguments();
			switch (invocation.getMethod().getName()) {
				case "markProcessing" -> {
					var result = invocation.proceed();
					delivery.set(new Delivery(registry, arguments[0], (PublicationTargetIdentifier) arguments[1]));
					return result;
				}
				case "markCompleted", "markFailed" -> {
					var current = delivery.get();
					if (current != null && current.of(arguments[0], arguments[1])) {
						delivery.remove();
						if (current.completed && invocation.getMethod().getName().equals("markCompleted")) {
							return null;
						}
					}
					return invocation.proceed();
				}
				default -> {
					return invocation.proceed();
				}
			}
		});
		return proxy.getProxy();
	}

	@Override
	public void afterBegin(TransactionExecution transaction, @Nullable Throwable beginFailure) {
		var current = delivery.get();
		if (beginFailure == null && current != null && !current.joined && transaction.isNewTransaction()
				&& current.isListenerMethod(transaction.getTransactionName())) {
			current.joined = true;
			TransactionSynchronizationManager.registerSynchronization(current);
		}
	}

	/**
	 * One listener call on this thread: the publication it delivers, and whether its
	 * completion has been written in the listener's transaction.
	 */
	private static final class Delivery implements TransactionSynchronization {

		private final EventPublicationRegistry registry;

		private final Object event;

		private final PublicationTargetIdentifier listener;

		private boolean joined;

		private boolean completed;

		Delivery(EventPublicationRegistry registry, Object event, PublicationTargetIdentifier listener) {
			this.registry = registry;
			this.event = event;
			this.listener = listener;
		}

		boolean of(Object event, Object listener) {
			return this.event == event && Objects.equals(this.listener, listener);
		}

		/**
		 * Whether a transaction of that name is the listener method's own: Spring names a
		 * declarative transaction after its method, and Spring Modulith a listener after
		 * its method with the parameter types.
		 */
		boolean isListenerMethod(String transactionName) {
			return !transactionName.isEmpty() && listener.getValue().startsWith(transactionName + "(");
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			registry.markCompleted(event, listener);
			completed = true;
		}

		@Override
		public void afterCompletion(int status) {
			// Rolled back, the completion with it: Spring Modulith marks the publication
			// failed as it would have.
			completed = status == STATUS_COMMITTED;
		}

	}

}
