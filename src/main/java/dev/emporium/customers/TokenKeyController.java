package dev.emporium.customers;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Publishes the public keys that verify access tokens as a JSON Web Key Set, so that
 * every process can verify the tokens customers issues, and lets staff rotate the signing
 * key.
 */
@RestController
@Tag(name = "Security", description = "Access tokens and the keys that verify them")
class TokenKeyController {

	private final TokenKeys keys;

	TokenKeyController(TokenKeys keys) {
		this.keys = keys;
	}

	@GetMapping("/.well-known/jwks.json")
	@Operation(summary = "Publish the public keys that verify access tokens (a JSON Web Key Set)",
			description = "The newest key signs; an older one is listed until the last token it signed has expired.")
	@SecurityRequirements
	@ApiResponse(responseCode = "200", description = "The JSON Web Key Set", useReturnTypeSchema = true,
			content = @Content(mediaType = "application/json",
					examples = @ExampleObject("""
							{"keys": [{"kty": "RSA", "e": "AQAB", "kid": "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs",
							           "n": "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECP..."}]}""")))
	Map<String, Object> keys() {
		return TokenSigning.publicSet(keys.verifying()).toJSONObject();
	}

	@PostMapping("/api/v1/auth/keys")
	@PreAuthorize("hasRole('STAFF')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Rotate the signing key (staff only)",
			description = "A new key signs from now on, on every instance within half a minute; tokens signed "
					+ "with the old keys stay valid until they expire.")
	@ApiResponse(responseCode = "201", description = "The new signing key's ID", useReturnTypeSchema = true,
			content = @Content(mediaType = "application/json", examples = @ExampleObject("""
					{"keyId": "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"}""")))
	@ApiResponse(responseCode = "403", description = "Not staff")
	@ApiResponse(responseCode = "409", description = "The signing key is configured as a file")
	NewKey rotate() {
		return new NewKey(keys.rotate().getKeyID());
	}

	record NewKey(String keyId) {
	}

}
