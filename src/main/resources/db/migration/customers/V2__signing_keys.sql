-- The RSA keys that sign access tokens, shared by every instance on this database. The newest unretired key signs;
-- a retired key verifies until the last token it signed has expired, then it is deleted.
CREATE TABLE customers.signing_key (
    key_id      text        PRIMARY KEY,
    private_key text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    retired_at  timestamptz
);

CREATE UNIQUE INDEX signing_key_one_active ON customers.signing_key ((true)) WHERE retired_at IS NULL;
