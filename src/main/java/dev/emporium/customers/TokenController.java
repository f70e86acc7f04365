package dev.emporium.customers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.emporium.shared.RateLimited;

/**
 * Hands out access tokens in exchange for an e-mail address and password.
 */
@RestController
@Tag(name = "Customers")
class TokenController {

	private final AccessTokens tokens;

	TokenController(AccessTokens tokens) {
		this.tokens = tokens;
	}

	@PostMapping("/api/v1/auth/token")
	@SecurityRequirements
	@Operation(summary = "Log in: exchange e-mail address and password for a bearer access token",
			description = "Open to anyone. Send the token as `Authorization: Bearer <token>` until it expires.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject("""
			{"email":"ada@example.com","password":"correct horse battery"}""")))
	@ApiResponse(responseCode = "200", description = "The access token", useReturnTypeSchema = true,
			content = @Content(mediaType = "application/json", examples = @ExampleObject("""
					{"accessToken":"eyJraWQiOi...","tokenType":"Bearer","expiresIn":3600}""")))
	@ApiResponse(responseCode = "401", description = "Wrong e-mail address or password")
	@ApiResponse(responseCode = "422", description = "E-mail address or password missing")
	@ApiResponse(responseCode = "429",
			description = "Too many logins from the address or for the account, or failed ones: see Retry-After (docs/security.md)",
			headers = @Header(name = "Retry-After", description = "Seconds to wait",
					schema = @Schema(type = "integer")))
	@RateLimited(value = "login", account = "email")
	ResponseEntity<TokenResponse> token(@Valid @RequestBody Credentials body) {
		var token = tokens.issue(body.email(), body.password());
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(new TokenResponse(token.value(), "Bearer", token.validFor().toSeconds()));
	}

	record Credentials(@NotBlank @Size(max = 254) String email,
			@NotEmpty @Size(max = PasswordPolicy.MAX_LENGTH) String password) {
	}

	record TokenResponse(String accessToken, String tokenType, long expiresIn) {
	}

}
