-- POST /api/v1/orders, the request itself: idempotency look-up (autocommit), prices from the catalog (read-only
-- transaction), then the order, its two lines and the outbox row for StockReservationRequested in one transaction.
-- Generated from captured.txt (see bench/README.md, 'Recapturing the SQL'): the statements the
-- application ran, in its transaction boundaries, with literals replaced by pgbench variables so that every
-- transaction inserts new rows. Variables given by bench/run: round, customers, products, seq (starts at 0).
\set seq :seq + 1
\set n :round * 1000000000 + :client_id * 1000000 + :seq
\set cust random(1, :customers)
\set p1 random(1, :products / 2)
\set p2 :p1 + :products / 2
SELECT * FROM orders.orders WHERE customer_id = ('c' || lpad(:cust::text, 31, '0'))::uuid AND idempotency_key = 'k' || :n::text;
BEGIN READ ONLY;
SELECT "catalog"."product"."sku" AS "sku", "catalog"."product"."name" AS "name", "catalog"."product"."price_amount" AS "price_amount", "catalog"."product"."price_currency" AS "price_currency", "catalog"."product"."version" AS "version", "catalog"."product"."created_at" AS "created_at", "catalog"."product"."updated_at" AS "updated_at", "catalog"."product"."description" AS "description" FROM "catalog"."product" WHERE "catalog"."product"."sku" IN ('BENCH-' || lpad(:p1::text, 4, '0'), 'BENCH-' || lpad(:p2::text, 4, '0'));
COMMIT;
BEGIN;
INSERT INTO "orders"."orders" ("cancellation_reason", "created_at", "customer_id", "id", "idempotency_key", "payment_token", "request_fingerprint", "shipping_city", "shipping_country", "shipping_line1", "shipping_line2", "shipping_name", "shipping_postal_code", "status", "total_amount", "total_currency", "tracking_number", "updated_at", "version") VALUES (NULL, now(), ('c' || lpad(:cust::text, 31, '0'))::uuid, ('a' || lpad(:n::text, 31, '0'))::uuid, 'k' || :n::text, 'tok_visa', '51e186cc7080f898e5494501a1e1ec1ee87c56be93a62279528ffd5949bff2ff', 'London', 'GB', '1 Bench St', NULL, 'Bench', 'N1 7AA', 'PLACED', 20.00, 'EUR', NULL, now(), 0);
INSERT INTO "orders"."order_line" ("line_no", "name", "order_id", "quantity", "sku", "unit_price_amount", "unit_price_currency") VALUES (0, 'Bench product', ('a' || lpad(:n::text, 31, '0'))::uuid, 1, 'BENCH-' || lpad(:p1::text, 4, '0'), 10.00, 'EUR');
INSERT INTO "orders"."order_line" ("line_no", "name", "order_id", "quantity", "sku", "unit_price_amount", "unit_price_currency") VALUES (1, 'Bench product', ('a' || lpad(:n::text, 31, '0'))::uuid, 1, 'BENCH-' || lpad(:p2::text, 4, '0'), 10.00, 'EUR');
INSERT INTO events.EVENT_PUBLICATION (ID, EVENT_TYPE, LISTENER_ID, PUBLICATION_DATE, SERIALIZED_EVENT, STATUS, COMPLETION_ATTEMPTS, LAST_RESUBMISSION_DATE) VALUES (('b1' || lpad(:n::text, 30, '0'))::uuid, 'dev.emporium.inventory.StockReservationRequested', 'dev.emporium.inventory.InventoryListeners.on(dev.emporium.inventory.StockReservationRequested)', now(), '{"eventId":"a1b94602-389b-415f-978e-f544b6d3e155","orderId":"5f53c0ed-e0a9-42f3-97be-01bd63fa3048","lines":[{"sku":"BENCH-1","quantity":1},{"sku":"BENCH-2","quantity":1}]}', 'PUBLISHED', 1, now());
COMMIT;
