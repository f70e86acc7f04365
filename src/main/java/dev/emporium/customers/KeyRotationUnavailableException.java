package dev.emporium.customers;

import java.nio.file.Path;

import org.springframework.http.HttpStatus;

import dev.emporium.shared.ProblemException;

/**
 * The signing key is configured as a file, which the API does not replace.
 */
class KeyRotationUnavailableException extends ProblemException {

	KeyRotationUnavailableException(Path file) {
		super(HttpStatus.CONFLICT, "key-rotation-unavailable", "Key rotation unavailable",
				"The signing key is configured as the file " + file.getFileName()
						+ " (emporium.security.jwt.signing-key): replace the file and restart to rotate it");
	}

}
