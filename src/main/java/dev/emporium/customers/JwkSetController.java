package dev.emporium.customers;

import java.util.Map;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Publishes the public half of the signing key as a JSON Web Key Set, so that every
 * process can verify the tokens customers issues.
 */
@RestController
@Tag(name = "Security", description = "Access tokens and the keys that verify them")
class JwkSetController {

	private final Map<String, Object> publicKeys;

	JwkSetController(RSAKey tokenSigningKey) {
		this.publicKeys = new JWKSet(tokenSigningKey.toPublicJWK()).toJSONObject();
	}

	@GetMapping("/.well-known/jwks.json")
	@Operation(summary = "Publish the public keys that verify access tokens (a JSON Web Key Set)")
	@SecurityRequirements
	@ApiResponse(responseCode = "200", description = "The JSON Web Key Set", useReturnTypeSchema = true,
			content = @Content(mediaType = "application/json",
					examples = @ExampleObject("""
							{"keys": [{"kty": "RSA", "e": "AQAB", "kid": "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs",
							           "n": "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECP..."}]}""")))
	Map<String, Object> keys() {
		return publicKeys;
	}

}
