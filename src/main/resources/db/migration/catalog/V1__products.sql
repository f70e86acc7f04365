CREATE SCHEMA IF NOT EXISTS catalog;

-- Browsing is an ILIKE scan over name, description and SKU ordered by the primary key's
-- btree; enough for a shop-sized catalog without the pg_trgm extension.
CREATE TABLE catalog.product
(
  sku            VARCHAR(40)              NOT NULL,
  name           VARCHAR(200)             NOT NULL,
  description    VARCHAR(2000)            NOT NULL,
  price_amount   NUMERIC(12, 2)           NOT NULL CHECK (price_amount > 0),
  price_currency VARCHAR(3)               NOT NULL,
  created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  version        BIGINT                   NOT NULL,
  CONSTRAINT product_pk PRIMARY KEY (sku)
);
