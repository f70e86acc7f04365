package dev.emporium.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.cache.annotation.CacheConfig;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.Caching;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.emporium.shared.Money;

/**
 * Maintains the catalog for staff and answers product look-ups for everyone else.
 * <p>
 * Adding or changing a product evicts it, and every cached page of the catalog, from the
 * caches of {@link CachedProducts} once the transaction commits. The look-ups of the
 * {@link Catalog} API, which orders price with, are never cached.
 */
@Service
@Transactional
@CacheConfig(cacheNames = CatalogCacheConfiguration.PRODUCTS, cacheResolver = CatalogCacheConfiguration.AFTER_COMMIT)
class CatalogManagement implements Catalog {

	private final Products products;

	private final ApplicationEventPublisher events;

	CatalogManagement(Products products, ApplicationEventPublisher events) {
		this.products = products;
		this.events = events;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<ProductSummary> findProduct(String sku) {
		return products.findById(sku).map(Product::toSummary);
	}

	@Override
	@Transactional(readOnly = true)
	public List<ProductSummary> findProducts(Collection<String> skus) {
		if (skus.isEmpty()) {
			return List.of();
		}
		return products.findAllById(Set.copyOf(skus)).stream().map(Product::toSummary).toList();
	}

	@Transactional(readOnly = true)
	Product product(String sku) {
		return products.findById(sku).orElseThrow(() -> new ProductNotFoundException(sku));
	}

	/**
	 * The products whose SKU, name or description contain the text, ignoring case, in SKU
	 * order; all products when the text is blank.
	 */
	@Transactional(readOnly = true)
	Page<Product> browse(String text, Pageable pageable) {
		var pattern = text == null || text.isBlank() ? "%" : "%" + escapeLike(text.strip()) + "%";
		var content = products.search(pattern, pageable.getPageSize(), pageable.getOffset());
		return new PageImpl<>(content, pageable, products.countMatching(pattern));
	}

	@Transactional(readOnly = true)
	boolean isEmpty() {
		return products.count() == 0;
	}

	@Caching(evict = { @CacheEvict(key = "#sku"),
			@CacheEvict(cacheNames = CatalogCacheConfiguration.PAGES, allEntries = true) })
	Product add(String sku, String name, String description, Money price) {
		if (products.existsById(sku)) {
			throw new DuplicateSkuException(sku);
		}
		try {
			return products.save(Product.create(sku, name, description, price));
		}
		catch (DataAccessException ex) {
			// Another request added the same SKU since the check above.
			if (causedBy(ex, DuplicateKeyException.class)) {
				throw new DuplicateSkuException(sku);
			}
			throw ex;
		}
	}

	@Caching(evict = { @CacheEvict(key = "#sku"),
			@CacheEvict(cacheNames = CatalogCacheConfiguration.PAGES, allEntries = true) })
	Product update(String sku, String name, String description, Money price) {
		var product = product(sku);
		var previousPrice = product.price();
		product.update(name, description, price);
		var saved = products.save(product);
		if (!previousPrice.equals(saved.price())) {
			events.publishEvent(new ProductPriceChanged(sku, previousPrice, saved.price()));
		}
		return saved;
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static boolean causedBy(Throwable throwable, Class<? extends Throwable> type) {
		for (var cause = throwable; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

}
