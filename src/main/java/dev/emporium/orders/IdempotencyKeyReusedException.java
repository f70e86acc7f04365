package dev.emporium.orders;

/**
 * An Idempotency-Key came back with a different request than the one that first used it.
 */
class IdempotencyKeyReusedException extends RuntimeException {

	IdempotencyKeyReusedException(String key) {
		super("The Idempotency-Key '%s' was already used for a different order request; use a new key".formatted(key));
	}

}
