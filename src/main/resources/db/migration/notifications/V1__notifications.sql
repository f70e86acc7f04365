CREATE SCHEMA IF NOT EXISTS notifications;

-- Notifications' own copy of customer contact details, kept from CustomerRegistered.
CREATE TABLE notifications.recipient
(
  customer_id UUID         NOT NULL PRIMARY KEY,
  email       VARCHAR(320) NOT NULL,
  name        VARCHAR(200) NOT NULL
);

-- One notification per order and kind: a redelivered order event changes nothing.
CREATE TABLE notifications.notification
(
  id             UUID                     NOT NULL PRIMARY KEY,
  customer_id    UUID                     NOT NULL,
  order_id       UUID                     NOT NULL,
  kind           VARCHAR(20)              NOT NULL,
  email          VARCHAR(320)             NOT NULL,
  subject        VARCHAR(200)             NOT NULL,
  body           TEXT                     NOT NULL,
  status         VARCHAR(20)              NOT NULL,
  failure        TEXT,
  created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  sent_at        TIMESTAMP WITH TIME ZONE,
  version        BIGINT                   NOT NULL,
  CONSTRAINT notification_order_id_kind_key UNIQUE (order_id, kind)
);

CREATE INDEX notification_customer_id_created_at_idx ON notifications.notification (customer_id, created_at DESC);
