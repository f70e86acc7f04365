CREATE SCHEMA IF NOT EXISTS shipping;

-- One shipment per order makes every listener idempotent; a CANCELLED row without customer
-- and address is the tombstone of a cancellation that arrived before the request.
CREATE TABLE shipping.shipment
(
  id                   UUID         NOT NULL PRIMARY KEY,
  order_id             UUID         NOT NULL,
  customer_id          UUID,
  address_name         VARCHAR(200),
  address_line1        VARCHAR(200),
  address_line2        VARCHAR(200),
  address_city         VARCHAR(100),
  address_postal_code  VARCHAR(20),
  address_country      VARCHAR(2),
  status               VARCHAR(16)  NOT NULL,
  tracking_number      VARCHAR(64),
  created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  dispatched_at        TIMESTAMP WITH TIME ZONE,
  delivered_at         TIMESTAMP WITH TIME ZONE,
  version              BIGINT       NOT NULL,
  CONSTRAINT shipment_order_id_key UNIQUE (order_id)
);
