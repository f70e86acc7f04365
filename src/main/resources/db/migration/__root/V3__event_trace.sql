-- The trace context each event was published in (W3C traceparent), written in the publishing transaction, so that a
-- listener that runs later (after a restart's resubmission, on another instance) joins the same trace. Keyed by the
-- event's own ID: one row per event, whatever the number of its listeners. Deleted with the completed publications'
-- retention (docs/observability.md).
CREATE TABLE events.event_trace
(
  event_id     UUID                     NOT NULL PRIMARY KEY,
  traceparent  TEXT                     NOT NULL,
  published_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);

CREATE INDEX event_trace_published_at_idx ON events.event_trace (published_at);
