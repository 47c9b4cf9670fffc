-- v3: each use of a technique (a breathing session, urge surfing, a practice) is a session.
CREATE TABLE technique_sessions (
    id               TEXT    NOT NULL PRIMARY KEY,  -- UUIDv7
    technique_id     TEXT    NOT NULL,              -- a catalog id (custom patterns come later)
    -- The craving it was used for, if any. Deleting the craving unlinks the session; the
    -- practice itself (minutes of breathing) stays, with nothing about the craving.
    urge_id          TEXT    REFERENCES urges (id) ON DELETE SET NULL,
    started_at       INTEGER NOT NULL,
    ended_at         INTEGER,
    planned_seconds  INTEGER NOT NULL CHECK (planned_seconds BETWEEN 1 AND 7200),
    completed        INTEGER NOT NULL DEFAULT 0 CHECK (completed IN (0, 1)),
    intensity_before INTEGER CHECK (intensity_before BETWEEN 0 AND 10),
    intensity_after  INTEGER CHECK (intensity_after BETWEEN 0 AND 10),
    helped           INTEGER CHECK (helped IN (0, 1)),
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL
) STRICT;
CREATE INDEX technique_sessions_by_urge ON technique_sessions (urge_id);
CREATE INDEX technique_sessions_by_technique ON technique_sessions (technique_id, started_at);
