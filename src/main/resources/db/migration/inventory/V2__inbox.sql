-- The events this module's listeners have applied, one row per event and listener, written in
-- the transaction of the listener's effect: a redelivered event finds its row and changes nothing.
-- listener is a stable name chosen in the listener's code; renaming it makes applied events look new.
CREATE TABLE inventory.inbox
(
    event_id   uuid        NOT NULL,
    listener   text        NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (event_id, listener)
);
