package dev.emporium.customers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RSA key that signs access tokens, kept in a PEM file so that tokens stay valid
 * across restarts.
 */
class SigningKeyFile {

	private static final Logger log = LoggerFactory.getLogger(SigningKeyFile.class);

	private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";

	private static final String END = "-----END PRIVATE KEY-----";

	private final Path file;

	SigningKeyFile(Path file) {
		this.file = file.toAbsolutePath();
	}

	RSAKey loadOrCreate() {
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

	private void create() throws IOException, GeneralSecurityException {
		var generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		var encoded = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
			.encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
		Files.createDirectories(file.getParent());
		var temporary = Files.createTempFile(file.getParent(), "signing-key", ".tmp");
		try {
			restrictToOwner(temporary);
			Files.writeString(temporary, BEGIN + "\n" + encoded + "\n" + END + "\n", StandardCharsets.US_ASCII);
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
		var pem = Files.readString(file, StandardCharsets.US_ASCII)
			.replace(BEGIN, "")
			.replace(END, "")
			.replaceAll("\\s", "");
		var keys = KeyFactory.getInstance("RSA");
		var privateKey = (RSAPrivateCrtKey) keys
			.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
		var publicKey = (RSAPublicKey) keys
			.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
		return new RSAKey.Builder(publicKey).privateKey(privateKey).keyIDFromThumbprint().build();
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
