-- GET /api/v1/products/{sku}: one read-only transaction with one primary-key look-up.
\set p random(1, :products)
BEGIN READ ONLY;
SELECT "catalog"."product"."sku" AS "sku", "catalog"."product"."name" AS "name", "catalog"."product"."price_amount" AS "price_amount", "catalog"."product"."price_currency" AS "price_currency", "catalog"."product"."version" AS "version", "catalog"."product"."created_at" AS "created_at", "catalog"."product"."updated_at" AS "updated_at", "catalog"."product"."description" AS "description" FROM "catalog"."product" WHERE "catalog"."product"."sku" = 'BENCH-' || lpad(:p::text, 4, '0');
COMMIT;
