package dev.emporium.customers;

import java.nio.charset.StandardCharsets;
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

/**
 * RSA signing keys generated, written and read as PKCS#8 PEM, each identified by its
 * thumbprint.
 */
final class RsaKeys {

	private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";

	private static final String END = "-----END PRIVATE KEY-----";

	private RsaKeys() {
	}

	static String generatePem() {
		try {
			var generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			var encoded = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
				.encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
			return BEGIN + "\n" + encoded + "\n" + END + "\n";
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot generate an RSA key", ex);
		}
	}

	static RSAKey fromPem(String pem) throws GeneralSecurityException, JOSEException {
		var base64 = pem.replace(BEGIN, "").replace(END, "").replaceAll("\\s", "");
		var keys = KeyFactory.getInstance("RSA");
		var privateKey = (RSAPrivateCrtKey) keys
			.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
		var publicKey = (RSAPublicKey) keys
			.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
		return new RSAKey.Builder(publicKey).privateKey(privateKey).keyIDFromThumbprint().build();
	}

}
