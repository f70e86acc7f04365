package dev.emporium.platform.ratelimit;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import dev.emporium.shared.ProblemException;

/**
 * Too many requests: 429 with {@code Retry-After} in whole seconds.
 */
class RateLimitExceededException extends ProblemException {

	RateLimitExceededException(String detail, Duration retryAfter) {
		super(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests", detail);
		var seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
		getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		getBody().setProperty("retryAfterSeconds", seconds);
	}

}
