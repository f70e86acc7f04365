-- GET /api/v1/products?page=N (no q): one read-only transaction with the page and the count, as the application
-- runs them (its browse query matches every product with ILIKE '%' when no q is given).
\set page random(0, :pages - 1)
BEGIN READ ONLY;
SELECT * FROM catalog.product WHERE sku ILIKE '%' OR name ILIKE '%' OR description ILIKE '%' ORDER BY sku LIMIT 20 OFFSET :page * 20;
SELECT count(*) FROM catalog.product WHERE sku ILIKE '%' OR name ILIKE '%' OR description ILIKE '%';
COMMIT;
