package dev.emporium.platform.events;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.core.Ordered;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Records the exception of every failing transactional event listener (so every
 * {@code @ApplicationModuleListener}) against its publication, inside Spring Modulith's
 * completion interceptor and outside the rolled-back transaction; for a listener that
 * answers with a future, like the Kafka externalizer, once the future fails.
 */
class ListenerFailureAdvisor extends AbstractPointcutAdvisor {

	private static final long serialVersionUID = 1L;

	private final transient AnnotationMatchingPointcut pointcut = new AnnotationMatchingPointcut(null,
			TransactionalEventListener.class, true);

	private final transient MethodInterceptor advice;

	ListenerFailureAdvisor(Supplier<PublicationFailures> failures) {
		this.advice = (MethodInvocation invocation) -> {
			Object result;
			try {
				result = invocation.proceed();
			}
			catch (Throwable ex) {
				record(failures, invocation, ex);
				throw ex;
			}
			if (result instanceof CompletableFuture<?> future) {
				return future.whenComplete((value, ex) -> {
					if (ex != null) {
						record(failures, invocation,
								(ex instanceof CompletionException && ex.getCause() != null) ? ex.getCause() : ex);
					}
				});
			}
			return result;
		};
		// Modulith's CompletionRegisteringMethodInterceptor has HIGHEST_PRECEDENCE + 10,
		// the transaction interceptor the lowest precedence.
		setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
	}

	private static void record(Supplier<PublicationFailures> failures, MethodInvocation invocation, Throwable failure) {
		if (invocation.getArguments().length > 0) {
			failures.get().record(invocation.getMethod(), invocation.getArguments()[0], failure);
		}
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
