package dev.emporium.customers;

import java.util.List;

import com.nimbusds.jose.jwk.RSAKey;

/**
 * The keys of customers' access tokens: the newest signs, and every key verifies until
 * the last token it signed has expired (docs/architecture.md, "Security").
 */
interface TokenKeys {

	/** The key that signs new tokens, with its private half. */
	RSAKey signing();

	/** Every key that may have signed a token still valid, newest first. */
	List<RSAKey> verifying();

	/**
	 * The verifying keys read again, for a token signed with a key another instance has
	 * just made.
	 */
	List<RSAKey> refreshed();

	/**
	 * Signs from now on with a new key; the others keep verifying until their tokens
	 * expire.
	 * @return the new key
	 */
	RSAKey rotate();

}
