-- v5: what the person did with suggestions ("not now", or which one they chose), so Ebb can
-- learn from it and nothing is suggested as if it had never been offered.
CREATE TABLE suggestion_responses (
    id      TEXT    NOT NULL PRIMARY KEY,  -- UUIDv7
    -- The craving they were shown for; deleting the craving deletes this too.
    urge_id TEXT    REFERENCES urges (id) ON DELETE CASCADE,
    offered TEXT    NOT NULL,              -- JSON array of technique ids, in the order shown
    chosen  TEXT,                          -- NULL: "not now"
    at      INTEGER NOT NULL
) STRICT;
CREATE INDEX suggestion_responses_by_urge ON suggestion_responses (urge_id);
