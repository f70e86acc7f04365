package dev.emporium.platform.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import dev.emporium.shared.RateLimited;

/**
 * Applies the limits of a {@code @RateLimited} operation before its handler runs (the
 * address, and the caller's own account where the body names none) and records its
 * outcome after.
 */
final class RateLimitInterceptor implements HandlerInterceptor {

	private final RateLimits limits;

	RateLimitInterceptor(RateLimits limits) {
		this.limits = limits;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method) || !method.hasMethodAnnotation(RateLimited.class)) {
			return true;
		}
		var limited = method.getMethodAnnotation(RateLimited.class);
		var attempt = limits.begin(limited.value(), request);
		if (attempt != null && limited.account().isEmpty()) {
			var caller = SecurityContextHolder.getContext().getAuthentication();
			if (caller != null && caller.isAuthenticated() && !(caller instanceof AnonymousAuthenticationToken)) {
				limits.forAccount(attempt, caller.getName());
			}
		}
		return true;
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (request.getAttribute(RateLimits.ATTEMPT) instanceof RateLimits.Attempt attempt) {
			limits.end(attempt, response.getStatus());
		}
	}

}
