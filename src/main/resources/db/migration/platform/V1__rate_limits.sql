-- The platform's rate limits (platform/ratelimit, docs/security.md): shared by every instance on this database.
CREATE SCHEMA IF NOT EXISTS platform;

-- Bucket4j's token buckets (PostgreSQLSelectForUpdateBasedProxyManager): one row per limit and address or account,
-- the key a SHA-256 of them; state is Bucket4j's serialized bucket, expires_at (epoch ms) when it is full again.
CREATE TABLE platform.rate_limit_bucket
(
  id         VARCHAR(64) NOT NULL PRIMARY KEY,
  state      BYTEA,
  expires_at BIGINT
);

CREATE INDEX rate_limit_bucket_expires_at_idx ON platform.rate_limit_bucket (expires_at);

-- Failures in a row of one account from one client address (the key a SHA-256 of limit, account and address), and
-- until when that pair is held back.
CREATE TABLE platform.failed_attempt
(
  id             VARCHAR(64)              NOT NULL PRIMARY KEY,
  failures       INT                      NOT NULL,
  last_failed_at TIMESTAMP WITH TIME ZONE NOT NULL,
  blocked_until  TIMESTAMP WITH TIME ZONE
);

CREATE INDEX failed_attempt_last_failed_at_idx ON platform.failed_attempt (last_failed_at);
