package dev.emporium.customers;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.emporium.shared.Caller;
import dev.emporium.shared.RateLimited;

/**
 * Customer accounts over HTTP: anyone may register, customers read their own profile and
 * staff anyone's.
 */
@RestController
@RequestMapping("/api/v1/customers")
@Tag(name = "Customers", description = "Customer accounts")
class CustomerController {

	private static final String PROFILE_EXAMPLE = """
			{"id":"0b6f2c9e-3c1a-4f7e-9a53-2f1f0c8d9e11","email":"ada@example.com",\
			"name":"Ada Lovelace","role":"CUSTOMER"}""";

	private final CustomerManagement customers;

	CustomerController(CustomerManagement customers) {
		this.customers = customers;
	}

	@PostMapping
	@SecurityRequirements
	@Operation(summary = "Register a customer account",
			description = "Open to anyone; the account gets the CUSTOMER role. Log in afterwards with POST /api/v1/auth/token.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject("""
			{"email":"ada@example.com","password":"correct horse battery","name":"Ada Lovelace"}""")))
	@ApiResponse(responseCode = "201", description = "The account was created", useReturnTypeSchema = true,
			content = @Content(mediaType = "application/json", examples = @ExampleObject(PROFILE_EXAMPLE)))
	@ApiResponse(responseCode = "409", description = "The e-mail address already has an account")
	@ApiResponse(responseCode = "422", description = "Invalid e-mail address, password or name")
	@ApiResponse(responseCode = "429", description = "Too many requests: see Retry-After (docs/security.md)",
			headers = @Header(name = "Retry-After", description = "Seconds to wait",
					schema = @Schema(type = "integer")))
	@RateLimited(value = "registration", account = "email")
	ResponseEntity<Profile> register(@Valid @RequestBody Registration body) {
		var customer = customers.register(body.email(), body.password(), body.name());
		return ResponseEntity.created(URI.create("/api/v1/customers/me")).body(Profile.of(customer));
	}

	@GetMapping("/me")
	@Operation(summary = "Show the caller's own profile", description = "The account behind the access token.")
	@ApiResponse(responseCode = "200", description = "The caller's profile", useReturnTypeSchema = true,
			content = @Content(mediaType = "application/json", examples = @ExampleObject(PROFILE_EXAMPLE)))
	@ApiResponse(responseCode = "404", description = "The token's account no longer exists")
	Profile me(Caller caller) {
		return Profile.of(customers.customer(caller.customerId()));
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasRole('STAFF')")
	@Operation(summary = "Show any customer's profile (staff only)",
			description = "Any account's e-mail address, name and role.")
	@ApiResponse(responseCode = "200", description = "The customer's profile", useReturnTypeSchema = true,
			content = @Content(mediaType = "application/json", examples = @ExampleObject(PROFILE_EXAMPLE)))
	@ApiResponse(responseCode = "404", description = "No customer has this id")
	Profile customer(@PathVariable UUID id) {
		return Profile.of(customers.customer(id));
	}

	record Registration(@NotBlank @Email @Size(max = 254) String email,
			@NotNull @Size(max = PasswordPolicy.MAX_LENGTH) @Schema(minLength = PasswordPolicy.MIN_LENGTH,
					description = "8 to 128 characters, any of them (spaces too); not one of the most common "
							+ "passwords, not the e-mail address, not one character repeated") String password,
			@NotBlank @Size(max = 200) String name) {
	}

	record Profile(UUID id, String email, String name, String role) {

		static Profile of(Customer customer) {
			return new Profile(customer.id(), customer.email(), customer.name(), customer.role());
		}

	}

}
