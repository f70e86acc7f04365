/**
 * Catalog: the products on sale, with their SKU, description and price. Staff maintain
 * it; anyone may browse it. Other modules look prices up through
 * {@link dev.emporium.catalog.Catalog}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog", allowedDependencies = "shared")
package dev.emporium.catalog;
