CREATE SCHEMA IF NOT EXISTS orders;

CREATE TABLE orders.orders
(
  id                    UUID                     NOT NULL PRIMARY KEY,
  customer_id           UUID                     NOT NULL,
  status                VARCHAR(20)              NOT NULL,
  total_amount          NUMERIC(12, 2)           NOT NULL,
  total_currency        VARCHAR(3)               NOT NULL,
  shipping_name         VARCHAR(200)             NOT NULL,
  shipping_line1        VARCHAR(200)             NOT NULL,
  shipping_line2        VARCHAR(200),
  shipping_city         VARCHAR(100)             NOT NULL,
  shipping_postal_code  VARCHAR(20)              NOT NULL,
  shipping_country      VARCHAR(2)               NOT NULL,
  payment_token         VARCHAR(255)             NOT NULL,
  cancellation_reason   VARCHAR(20),
  tracking_number       VARCHAR(100),
  idempotency_key       VARCHAR(255),
  request_fingerprint   VARCHAR(64),
  created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
  version               BIGINT                   NOT NULL
);

-- Makes a retried POST with the same Idempotency-Key find the order instead of creating a second one.
CREATE UNIQUE INDEX orders_customer_idempotency_key_uq ON orders.orders (customer_id, idempotency_key)
  WHERE idempotency_key IS NOT NULL;
CREATE INDEX orders_customer_created_idx ON orders.orders (customer_id, created_at DESC);
CREATE INDEX orders_created_idx ON orders.orders (created_at DESC);

CREATE TABLE orders.order_line
(
  order_id             UUID           NOT NULL REFERENCES orders.orders (id) ON DELETE CASCADE,
  line_no              INT            NOT NULL,
  sku                  VARCHAR(64)    NOT NULL,
  name                 VARCHAR(200)   NOT NULL,
  quantity             INT            NOT NULL CHECK (quantity BETWEEN 1 AND 1000),
  unit_price_amount    NUMERIC(12, 2) NOT NULL,
  unit_price_currency  VARCHAR(3)     NOT NULL,
  PRIMARY KEY (order_id, line_no)
);
