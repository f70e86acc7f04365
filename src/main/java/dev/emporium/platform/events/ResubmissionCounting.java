package dev.emporium.platform.events;

import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.aopalliance.intercept.MethodInterceptor;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.util.function.SingletonSupplier;

/**
 * Counts the publications Spring Modulith resubmits
 * ({@code emporium.events.resubmissions}), whoever asked for it (recovery, a staff
 * retry), where Modulith records each one: its repository's {@code markResubmitted}.
 */
class ResubmissionCounting implements BeanPostProcessor {

	static final String METER = "emporium.events.resubmissions";

	private final Supplier<Counter> counter;

	ResubmissionCounting(Supplier<MeterRegistry> meters) {
		this.counter = SingletonSupplier.of(() -> counter(meters.get()));
	}

	/**
	 * The counter, registered at zero by the outbox metrics so that the series exists
	 * from the start.
	 */
	static Counter counter(MeterRegistry meters) {
		return Counter.builder(METER)
			.description("Publications resubmitted: found stale or due for a retry after a failure")
			.register(meters);
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof EventPublicationRepository)) {
			return bean;
		}
		var proxy = new ProxyFactory(bean);
		proxy.addInterface(EventPublicationRepository.class);
		proxy.addAdvice((MethodInterceptor) invocation -> {
			var result = invocation.proceed();
			if ("markResubmitted".equals(invocation.getMethod().getName()) && Boolean.TRUE.equals(result)) {
				counter.get().increment();
			}
			return result;
		});
		return proxy.getProxy(bean.getClass().getClassLoader());
	}

}
