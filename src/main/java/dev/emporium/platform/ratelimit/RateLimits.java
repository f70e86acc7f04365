package dev.emporium.platform.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import dev.emporium.platform.ratelimit.RateLimitSettings.Limit;
import dev.emporium.platform.ratelimit.RateLimitSettings.Quota;

/**
 * Applies an operation's limits to one request: its address's quota first, then, once the
 * account is known, the pair's backoff and the account's quota; afterwards it counts a
 * 401 as a failure of the pair and a success as its end (docs/security.md, "Rate
 * limits").
 */
final class RateLimits {

	/** The request attribute that carries an {@link Attempt} from check to outcome. */
	static final String ATTEMPT = RateLimits.class.getName() + ".attempt";

	private final RateLimitSettings settings;

	private final ClientAddresses addresses;

	private final Buckets buckets;

	private final FailedAttempts failures;

	private final Clock clock;

	RateLimits(RateLimitSettings settings, ClientAddresses addresses, Buckets buckets, FailedAttempts failures,
			Clock clock) {
		this.settings = settings;
		this.addresses = addresses;
		this.buckets = buckets;
		this.failures = failures;
		this.clock = clock;
	}

	/**
	 * Takes the request from its client address's quota.
	 * @return the attempt, or {@code null} when the operation has no limit
	 * @throws RateLimitExceededException when the address has no request left
	 */
	@Nullable Attempt begin(String name, HttpServletRequest request) {
		var limit = settings.enabled() ? settings.limit(name).orElse(null) : null;
		if (limit == null) {
			return null;
		}
		var attempt = new Attempt(name, limit, addresses.of(request));
		if (limit.perAddress() != null) {
			take(key(name, "address", attempt.address), limit.perAddress(),
					"Too many %s requests from your address".formatted(name));
		}
		request.setAttribute(ATTEMPT, attempt);
		return attempt;
	}

	/**
	 * Applies the limits of the account the request is for: refused while the account and
	 * address pair is held back after failures; the account's quota counts every request,
	 * or with a backoff only those from an address that has failed for it, so that
	 * failures elsewhere never lock its owner out.
	 */
	void forAccount(Attempt attempt, @Nullable String account) {
		if (account == null || account.isBlank()) {
			return;
		}
		var limit = attempt.limit;
		var normalized = account.strip().toLowerCase(Locale.ROOT);
		var backoff = limit.backoff();
		if (backoff != null) {
			attempt.pair = key(attempt.name, "pair", normalized + "\n" + attempt.address);
			var recent = failures.of(attempt.pair, backoff);
			attempt.failing = recent.isPresent();
			var now = clock.instant();
			if (recent.isPresent() && recent.get().blockedUntil() != null && recent.get().blockedUntil().isAfter(now)) {
				throw new RateLimitExceededException(
						"Too many failed attempts for this account from your address: wait before trying again",
						Duration.between(now, recent.get().blockedUntil()));
			}
		}
		if (limit.perAccount() != null && (backoff == null || attempt.failing)) {
			take(key(attempt.name, "account", normalized), limit.perAccount(),
					"Too many %s requests for this account".formatted(attempt.name));
		}
	}

	/**
	 * Records the outcome of an attempt whose pair is tracked: 401 failed, 2xx succeeded.
	 */
	void end(Attempt attempt, int status) {
		if (attempt.pair == null || attempt.limit.backoff() == null) {
			return;
		}
		if (status == 401) {
			failures.failed(attempt.pair, attempt.limit.backoff());
		}
		else if (status >= 200 && status < 300 && attempt.failing) {
			failures.succeeded(attempt.pair);
		}
	}

	private void take(String key, Quota quota, String detail) {
		var wait = buckets.take(key, quota);
		if (!wait.isZero()) {
			throw new RateLimitExceededException(detail, wait);
		}
	}

	/** No address or e-mail address is stored as such: only this digest. */
	static String key(String name, String kind, String value) {
		try {
			var digest = MessageDigest.getInstance("SHA-256")
				.digest((name + '\0' + kind + '\0' + value).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	/**
	 * One request to a limited operation, from check to outcome.
	 */
	static final class Attempt {

		final String name;

		final Limit limit;

		final String address;

		@Nullable String pair;

		boolean failing;

		Attempt(String name, Limit limit, String address) {
			this.name = name;
			this.limit = limit;
			this.address = address;
		}

	}

}
