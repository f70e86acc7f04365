package dev.emporium.catalog;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the {@link Catalog} API over HTTP, for modules that run in another process. The
 * mapping mirrors the exchange annotations on {@link Catalog}; the catalog contract tests
 * run the same checks against the local implementation and against a client generated
 * from the interface that calls this controller.
 */
@RestController
@Tag(name = "Catalog")
class CatalogApiController {

	private final Catalog catalog;

	CatalogApiController(Catalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/api/v1/catalog/product-summaries")
	@Operation(summary = "Look up the current name and price of several products (for other modules)",
			description = "Used by modules running as separate services to price orders; never cached.")
	@ApiResponse(responseCode = "200", description = "The products found; unknown SKUs are left out",
			useReturnTypeSchema = true, content = @Content(mediaType = "application/json", examples = @ExampleObject("""
					[{"sku":"MUG-001","name":"Enamel camping mug","price":{"amount":"12.50","currency":"EUR"}}]""")))
	@ApiResponse(responseCode = "422", description = "A blank SKU, or more than 100")
	List<ProductSummary> findProducts(@Parameter(description = "The SKUs to look up, repeated; none finds nothing",
			example = "MUG-001") @RequestParam(name = "sku",
					required = false) @Size(max = Catalog.MAX_SKUS_PER_LOOKUP) List<@NotBlank String> skus) {
		return (skus == null) ? List.of() : catalog.findProducts(skus);
	}

}
