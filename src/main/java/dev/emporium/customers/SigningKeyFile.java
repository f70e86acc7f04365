package dev.emporium.customers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One RSA key in a PEM file, given by {@code emporium.security.jwt.signing-key}, that
 * signs and verifies every token; generated when the file is missing. It is rotated by
 * replacing the file, not through the API.
 */
class SigningKeyFile implements TokenKeys {

	private static final Logger log = LoggerFactory.getLogger(SigningKeyFile.class);

	private final Path file;

	private final RSAKey key;

	SigningKeyFile(Path file) {
		this.file = file.toAbsolutePath();
		this.key = loadOrCreate();
	}

	@Override
	public RSAKey signing() {
		return key;
	}

	@Override
	public List<RSAKey> verifying() {
		return List.of(key);
	}

	@Override
	public List<RSAKey> refreshed() {
		return verifying();
	}

	@Override
	public RSAKey rotate() {
		throw new KeyRotationUnavailableException(file);
	}

	private RSAKey loadOrCreate() {
		try {
			if (!Files.exists(file)) {
				create();
			}
			return load();
		}
		catch (IOException | GeneralSecurityException | JOSEException ex) {
			throw new IllegalStateException("Cannot use the token signing key in " + file, ex);
		}
	}

	private void create() throws IOException {
		var pem = RsaKeys.generatePem();
		Files.createDirectories(file.getParent());
		var temporary = Files.createTempFile(file.getParent(), "signing-key", ".tmp");
		try {
			restrictToOwner(temporary);
			Files.writeString(temporary, pem, StandardCharsets.US_ASCII);
			// Without REPLACE_EXISTING, an instance starting at the same moment keeps the
			// key it wrote first.
			Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
			log.info("Generated a new token signing key in {}", file);
		}
		catch (FileAlreadyExistsException ex) {
			log.debug("Another instance created {} first", file);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	private RSAKey load() throws IOException, GeneralSecurityException, JOSEException {
		return RsaKeys.fromPem(Files.readString(file, StandardCharsets.US_ASCII));
	}

	private static void restrictToOwner(Path path) throws IOException {
		try {
			Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system: the directory's own permissions apply
		}
	}

}
