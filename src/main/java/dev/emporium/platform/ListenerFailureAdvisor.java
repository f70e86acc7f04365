package dev.emporium.platform;

import java.util.function.Supplier;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.core.Ordered;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Records the exception of every failing transactional event listener (so every
 * {@code @ApplicationModuleListener}) against its publication. It runs inside Spring
 * Modulith's completion interceptor, which then marks the publication FAILED, and outside
 * the listener's transaction, which has rolled back by then.
 */
class ListenerFailureAdvisor extends AbstractPointcutAdvisor {

	private static final long serialVersionUID = 1L;

	private final transient AnnotationMatchingPointcut pointcut = new AnnotationMatchingPointcut(null,
			TransactionalEventListener.class, true);

	private final transient MethodInterceptor advice;

	ListenerFailureAdvisor(Supplier<PublicationFailures> failures) {
		this.advice = (MethodInvocation invocation) -> {
			try {
				return invocation.proceed();
			}
			catch (Throwable ex) {
				if (invocation.getArguments().length > 0) {
					failures.get().record(invocation.getMethod(), invocation.getArguments()[0], ex);
				}
				throw ex;
			}
		};
		// Modulith's CompletionRegisteringMethodInterceptor has HIGHEST_PRECEDENCE + 10,
		// the transaction interceptor the lowest precedence.
		setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
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
