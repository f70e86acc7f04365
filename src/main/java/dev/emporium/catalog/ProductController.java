package dev.emporium.catalog;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.emporium.shared.Money;

/**
 * The catalog over HTTP: anyone may browse it, staff add and change products.
 */
@RestController
@RequestMapping("/api/v1/products")
@Tag(name = "Catalog", description = "The products on sale")
class ProductController {

	private static final String PRODUCT_EXAMPLE = """
			{"sku":"MUG-001","name":"Emporium mug","description":"Stoneware mug, 350 ml.",\
			"price":{"amount":"12.50","currency":"EUR"}}""";

	private static final String PAGE_EXAMPLE = "{\"content\":[" + PRODUCT_EXAMPLE + """
			],"page":{"size":20,"number":0,"totalElements":1,"totalPages":1}}""";

	private final CatalogManagement catalog;

	private final CachedProducts products;

	ProductController(CatalogManagement catalog, CachedProducts products) {
		this.catalog = catalog;
		this.products = products;
	}

	@GetMapping
	@SecurityRequirements
	@Operation(
			summary = "Browse the products in SKU order, optionally filtered by text in the SKU, name or description",
			description = "Open to anyone. `q` matches case-insensitively anywhere in the SKU, name or description; "
					+ "pages hold 1 to 100 products. Served from a short-lived cache, so a change made on another "
					+ "instance shows up a few seconds late.")
	@ApiResponse(responseCode = "200", description = "A page of products", useReturnTypeSchema = true,
			content = @Content(mediaType = "application/json", examples = @ExampleObject(PAGE_EXAMPLE)))
	@ApiResponse(responseCode = "422", description = "Invalid paging parameters")
	PagedModel<ProductResponse> browse(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
			@RequestParam(required = false) @Size(max = 100) String q) {
		return products.page(q, PageRequest.of(page, size));
	}

	@GetMapping("/{sku}")
	@SecurityRequirements
	@Operation(summary = "Show one product",
			description = "Open to anyone; served from a short-lived cache, so a change made on another instance "
					+ "shows up a few seconds late.")
	@ApiResponse(responseCode = "200", description = "The product", useReturnTypeSchema = true,
			content = @Content(mediaType = "application/json", examples = @ExampleObject(PRODUCT_EXAMPLE)))
	@ApiResponse(responseCode = "404", description = "No product has this SKU")
	ProductResponse product(@PathVariable String sku) {
		return products.product(sku);
	}

	@PostMapping
	@PreAuthorize("hasRole('STAFF')")
	@Operation(summary = "Add a product (staff only)",
			description = "The SKU is chosen once and never changes; the price is positive, in an ISO 4217 currency "
					+ "with at most two decimal places and below 10,000,000,000.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(examples = @ExampleObject(PRODUCT_EXAMPLE)))
	@ApiResponse(responseCode = "201", description = "The product was added", useReturnTypeSchema = true,
			content = @Content(mediaType = "application/json", examples = @ExampleObject(PRODUCT_EXAMPLE)))
	@ApiResponse(responseCode = "409", description = "The SKU is taken")
	@ApiResponse(responseCode = "422", description = "Invalid product")
	ResponseEntity<ProductResponse> add(@Valid @RequestBody NewProduct body) {
		var product = catalog.add(body.sku(), body.name(), body.description(), body.price());
		return ResponseEntity.created(URI.create("/api/v1/products/" + product.sku()))
			.body(ProductResponse.of(product));
	}

	@PutMapping("/{sku}")
	@PreAuthorize("hasRole('STAFF')")
	@Operation(summary = "Change a product's name, description and price (staff only)",
			description = "Replaces all three; orders already placed keep the price they were placed at.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject("""
			{"name":"Emporium mug","description":"Stoneware mug, 350 ml.",\
			"price":{"amount":"13.00","currency":"EUR"}}""")))
	@ApiResponse(responseCode = "200", description = "The changed product", useReturnTypeSchema = true,
			content = @Content(mediaType = "application/json", examples = @ExampleObject("""
					{"sku":"MUG-001","name":"Emporium mug","description":"Stoneware mug, 350 ml.",\
					"price":{"amount":"13.00","currency":"EUR"}}""")))
	@ApiResponse(responseCode = "404", description = "No product has this SKU")
	@ApiResponse(responseCode = "409", description = "Changed concurrently by another request")
	@ApiResponse(responseCode = "422", description = "Invalid product")
	ProductResponse update(@PathVariable String sku, @Valid @RequestBody ProductChange body) {
		return ProductResponse.of(catalog.update(sku, body.name(), body.description(), body.price()));
	}

	record NewProduct(@NotBlank @Pattern(regexp = Product.SKU_PATTERN,
			message = "must be 2 to 40 upper-case letters, digits or dashes, not starting with a dash") String sku,
			@NotBlank @Size(max = 200) String name, @Size(max = 2000) String description, @NotNull Money price) {
	}

	record ProductChange(@NotBlank @Size(max = 200) String name, @Size(max = 2000) String description,
			@NotNull Money price) {
	}

	record ProductResponse(String sku, String name, String description, Money price) {

		static ProductResponse of(Product product) {
			return new ProductResponse(product.sku(), product.name(), product.description(), product.price());
		}

	}

}
