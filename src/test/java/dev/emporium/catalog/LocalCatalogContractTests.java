package dev.emporium.catalog;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;

import dev.emporium.shared.Money;

/**
 * The catalog contract against the in-process implementation.
 */
@ApplicationModuleTest
class LocalCatalogContractTests extends CatalogContract {

	@Autowired
	Catalog catalog;

	@Autowired
	CatalogManagement management;

	@Override
	Catalog catalog() {
		return catalog;
	}

	@Override
	void add(String sku, String name, Money price) {
		management.add(sku, name, "", price);
	}

}
