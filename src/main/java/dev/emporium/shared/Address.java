package dev.emporium.shared;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A postal address; {@code country} is an ISO 3166-1 alpha-2 code, {@code line2} is
 * optional.
 */
public record Address(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 200) String line1,
		@Size(max = 200) @Nullable String line2, @NotBlank @Size(max = 100) String city,
		@NotBlank @Size(max = 20) String postalCode, @NotBlank @Pattern(regexp = "[A-Z]{2}",
				message = "must be an ISO 3166-1 alpha-2 code such as GB") String country) {
}
