-- v1: the foundation. A craving ("urge") logged in the moment.
-- Times are UTC instants in milliseconds since the Unix epoch; the person's local offset at the
-- time is kept beside it, so "evenings" stay evenings across time zones.
CREATE TABLE urges (
    id                 TEXT    NOT NULL PRIMARY KEY,  -- UUIDv7
    occurred_at        INTEGER NOT NULL,
    utc_offset_minutes INTEGER NOT NULL CHECK (utc_offset_minutes BETWEEN -1080 AND 1080),
    intensity          INTEGER NOT NULL CHECK (intensity BETWEEN 0 AND 10),
    note               TEXT CHECK (note IS NULL OR length(note) BETWEEN 1 AND 10000),
    created_at         INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL
) STRICT;

-- History reads newest first with keyset pagination on (occurred_at, id).
CREATE INDEX urges_by_time ON urges (occurred_at DESC, id DESC);
