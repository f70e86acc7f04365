package dev.emporium.orders;

import org.springframework.http.HttpStatus;

import dev.emporium.shared.ProblemException;

/**
 * An Idempotency-Key came back with a different request than the one that first used it.
 */
class IdempotencyKeyReusedException extends ProblemException {

	IdempotencyKeyReusedException(String key) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency key reused",
				"The Idempotency-Key '%s' was already used for a different order request; use a new key"
					.formatted(key));
	}

}
