-- v4: the person's own library: named custom breathing patterns, hidden built-ins, the actual
-- length of a session, and urge-surfing check-ins.
CREATE TABLE custom_patterns (
    id         TEXT    NOT NULL PRIMARY KEY,  -- 'custom.' || UUIDv7: a technique id like any other
    name       TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
    inhale     REAL    NOT NULL CHECK (inhale BETWEEN 1 AND 20),
    hold_in    REAL    NOT NULL CHECK (hold_in BETWEEN 0 AND 20),
    exhale     REAL    NOT NULL CHECK (exhale BETWEEN 1 AND 20),
    hold_out   REAL    NOT NULL CHECK (hold_out BETWEEN 0 AND 20),
    -- Deleting a pattern sets this: it leaves the Breathe list, but sessions that used it keep
    -- its name in History ("My 3-5 · 8 → 4").
    deleted_at INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;

-- Built-ins (or custom patterns) the person doesn't want to see on Breathe. Their records stay.
CREATE TABLE hidden_techniques (
    technique_id TEXT    NOT NULL PRIMARY KEY,
    hidden_at    INTEGER NOT NULL
) STRICT;

-- Seconds actually practised (pauses not counted); NULL for sessions from before v4.
ALTER TABLE technique_sessions ADD COLUMN actual_seconds INTEGER
    CHECK (actual_seconds BETWEEN 0 AND 7200);

-- "Has it passed? How strong is it now?" during urge surfing, each answer as given.
CREATE TABLE session_check_ins (
    id         TEXT    NOT NULL PRIMARY KEY,  -- UUIDv7
    session_id TEXT    NOT NULL REFERENCES technique_sessions (id) ON DELETE CASCADE,
    at         INTEGER NOT NULL,
    passed     INTEGER NOT NULL CHECK (passed IN (0, 1)),
    intensity  INTEGER CHECK (intensity BETWEEN 0 AND 10)
) STRICT;
CREATE INDEX session_check_ins_by_session ON session_check_ins (session_id, at);
