package dev.emporium.platform.ratelimit;

import java.lang.reflect.Type;
import java.util.Arrays;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import dev.emporium.shared.RateLimited;

/**
 * Applies the account's limits of a {@code @RateLimited} operation whose body names the
 * account, as soon as the body is read and before it is validated.
 */
@ControllerAdvice
class AccountFromBody extends RequestBodyAdviceAdapter {

	private final RateLimits limits;

	AccountFromBody(RateLimits limits) {
		this.limits = limits;
	}

	@Override
	public boolean supports(MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		var limited = parameter.getMethodAnnotation(RateLimited.class);
		return limited != null && !limited.account().isEmpty();
	}

	@Override
	public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		var request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
		if (request.getAttribute(RateLimits.ATTEMPT) instanceof RateLimits.Attempt attempt) {
			limits.forAccount(attempt, component(body, parameter.getMethodAnnotation(RateLimited.class).account()));
		}
		return body;
	}

	private static String component(Object body, String name) {
		if (body == null) {
			return null; // a JSON null: refused as a missing body after this
		}
		var component = Arrays.stream(body.getClass().getRecordComponents())
			.filter(candidate -> candidate.getName().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(
					"@RateLimited names account '%s', which %s does not have".formatted(name, body.getClass())));
		try {
			component.getAccessor().setAccessible(true);
			var value = component.getAccessor().invoke(body);
			return value == null ? null : value.toString();
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Cannot read " + name + " of " + body.getClass(), ex);
		}
	}

}
