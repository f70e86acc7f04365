-- What the platform's event delivery needs next to Spring Modulith's registry (see docs/events-operations.md).

-- The last error of each publication whose listener failed; Modulith keeps none. Deleted with its publication.
CREATE TABLE events.publication_failure
(
  publication_id UUID                     NOT NULL PRIMARY KEY
    REFERENCES events.event_publication (id) ON DELETE CASCADE,
  attempts       INT                      NOT NULL,
  last_error     TEXT                     NOT NULL,
  failed_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Recovery's claim (incomplete, oldest first, LIMIT ... FOR UPDATE SKIP LOCKED) and Modulith's lookups of incomplete
-- publications. Partial: a row leaves it when it completes, so it stays as small as the backlog.
CREATE INDEX event_publication_incomplete_idx ON events.event_publication (publication_date)
  WHERE completion_date IS NULL;

-- Modulith's failed lookup (status = 'FAILED' ... ORDER BY publication_date LIMIT) and countByStatus('RESUBMITTED'),
-- the admin list of failed publications and the resubmission window. Partial: only rows being retried or failed.
CREATE INDEX event_publication_failed_idx ON events.event_publication (status, publication_date)
  WHERE status IN ('FAILED', 'RESUBMITTED');

-- Modulith's full index on completion_date also indexes every incomplete row (as NULL), and the planner prefers it
-- for "completion_date IS NULL", then sorts. Retention only needs the completed rows.
DROP INDEX events.event_publication_by_completion_date_idx;
CREATE INDEX event_publication_completed_idx ON events.event_publication (completion_date)
  WHERE completion_date IS NOT NULL;
