package dev.emporium.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller operation as rate limited: its quotas per client address and per
 * account, and the backoff after failed attempts, are configured under
 * {@code emporium.rate-limits.limits.<value>} (docs/security.md, "Rate limits"). Too many
 * requests are answered 429 with {@code Retry-After}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RateLimited {

	/**
	 * The limit's name in the configuration.
	 * @return such as {@code login}
	 */
	String value();

	/**
	 * The component of the request body (a record) that names the account, such as
	 * {@code email}; empty for the caller's own account, from the access token.
	 * @return the component's name, or empty
	 */
	String account() default "";

}
