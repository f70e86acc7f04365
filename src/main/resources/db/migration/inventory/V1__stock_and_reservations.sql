CREATE SCHEMA IF NOT EXISTS inventory;

-- The checks repeat the aggregate's rules so that no code path can oversell.
CREATE TABLE inventory.stock
(
  sku      VARCHAR(64) NOT NULL PRIMARY KEY,
  on_hand  INTEGER     NOT NULL CHECK (on_hand >= 0),
  reserved INTEGER     NOT NULL CHECK (reserved >= 0 AND reserved <= on_hand),
  version  BIGINT      NOT NULL
);

-- One reservation per order makes every listener idempotent.
CREATE TABLE inventory.reservation
(
  id         UUID        NOT NULL PRIMARY KEY,
  order_id   UUID        NOT NULL,
  status     VARCHAR(16) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  version    BIGINT      NOT NULL,
  CONSTRAINT reservation_order_id_key UNIQUE (order_id)
);

CREATE TABLE inventory.reservation_line
(
  reservation_id UUID        NOT NULL REFERENCES inventory.reservation (id) ON DELETE CASCADE,
  line_no        INTEGER     NOT NULL,
  sku            VARCHAR(64) NOT NULL,
  quantity       INTEGER     NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (reservation_id, line_no)
);
