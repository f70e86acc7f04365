CREATE SCHEMA IF NOT EXISTS customers;

CREATE TABLE customers.customer
(
  id            UUID                     NOT NULL,
  -- Stored lower-cased, so the unique constraint also decides registration races.
  email         VARCHAR(254)             NOT NULL,
  name          VARCHAR(200)             NOT NULL,
  password_hash VARCHAR(500)             NOT NULL,
  role          VARCHAR(20)              NOT NULL CHECK (role IN ('CUSTOMER', 'STAFF')),
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  version       BIGINT                   NOT NULL,
  CONSTRAINT customer_pk PRIMARY KEY (id),
  CONSTRAINT customer_email_uk UNIQUE (email)
);
