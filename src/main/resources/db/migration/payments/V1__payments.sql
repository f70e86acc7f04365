CREATE SCHEMA IF NOT EXISTS payments;

-- One payment per order: the unique order id makes charging idempotent, and a VOIDED row is the
-- tombstone of a refund requested before the charge.
CREATE TABLE payments.payment
(
  id                UUID                     NOT NULL PRIMARY KEY,
  order_id          UUID                     NOT NULL,
  customer_id       UUID,
  amount_amount     NUMERIC(12, 2),
  amount_currency   VARCHAR(3),
  status            VARCHAR(20)              NOT NULL,
  gateway_reference VARCHAR(100),
  decline_reason    VARCHAR(100),
  created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  version           BIGINT                   NOT NULL,
  CONSTRAINT payment_order_id_key UNIQUE (order_id)
);

-- The sandbox gateway's own ledger, the equivalent of a provider's dashboard: one row per
-- idempotency key, so "charged at most once" can be checked.
CREATE TABLE payments.sandbox_charge
(
  reference       VARCHAR(100)             NOT NULL PRIMARY KEY,
  idempotency_key VARCHAR(100)             NOT NULL,
  amount          NUMERIC(12, 2)           NOT NULL,
  currency        VARCHAR(3)               NOT NULL,
  approved        BOOLEAN                  NOT NULL,
  decline_reason  VARCHAR(100),
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  refunded_amount NUMERIC(12, 2),
  refunded_at     TIMESTAMP WITH TIME ZONE,
  CONSTRAINT sandbox_charge_idempotency_key_key UNIQUE (idempotency_key)
);
