package dev.emporium.customers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Base64;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * BCrypt of the SHA-256 of the NFKC-normalized password, Base64-encoded (44 bytes), so
 * that every byte of a password counts, beyond BCrypt's 72 (docs/security.md,
 * "Passwords"). Stored as {@code {bcrypt-sha256}<bcrypt hash>}.
 */
final class Sha256BcryptPasswordEncoder implements PasswordEncoder {

	static final String ID = "bcrypt-sha256";

	private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();

	@Override
	public String encode(CharSequence rawPassword) {
		return bcrypt.encode(digest(rawPassword));
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		return rawPassword != null && bcrypt.matches(digest(rawPassword), encodedPassword);
	}

	private static String digest(CharSequence rawPassword) {
		var normalized = Normalizer.normalize(rawPassword, Normalizer.Form.NFKC);
		try {
			var sha256 = MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(sha256);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	/**
	 * Plain BCrypt, for the hashes stored before {@value #ID}: a candidate longer than
	 * BCrypt's 72 bytes matches none of them (none was made from one), rather than fail.
	 */
	static final class Bcrypt72 implements PasswordEncoder {

		static final int MAX_BYTES = 72;

		private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();

		@Override
		public String encode(CharSequence rawPassword) {
			return bcrypt.encode(rawPassword);
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			if (rawPassword == null || rawPassword.toString().getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
				return false;
			}
			return bcrypt.matches(rawPassword, encodedPassword);
		}

	}

}
