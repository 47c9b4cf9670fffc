-- v8: support people and their messages, crisis numbers by region, the safety plan (issue #6).

-- The people the person can reach out to (typed in by them: Ebb asks for no contacts permission).
CREATE TABLE support_people (
    id         TEXT    NOT NULL PRIMARY KEY,  -- UUIDv7
    name       TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
    -- As typed ("+44 (0)7700 900123"); validated by the core: 3–20 digits, + only first.
    phone      TEXT    NOT NULL CHECK (length(phone) BETWEEN 3 AND 40),
    note       TEXT    CHECK (note IS NULL OR length(note) BETWEEN 1 AND 200),
    position   INTEGER NOT NULL,             -- the person's order, 0 first
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;

-- Ready-made texts for one person ("Rough evening — can you talk?"), 0–5 each.
CREATE TABLE support_messages (
    id         TEXT    NOT NULL PRIMARY KEY,  -- UUIDv7
    -- Deleting the person deletes their messages.
    person_id  TEXT    NOT NULL REFERENCES support_people (id) ON DELETE CASCADE,
    body       TEXT    NOT NULL CHECK (length(body) BETWEEN 1 AND 160),
    position   INTEGER NOT NULL,
    created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX support_messages_by_person ON support_messages (person_id, position);

-- The person's own changes to a built-in crisis number (its id in crisis_numbers.json): a new
-- label or number, or hidden. The built-in data itself is never copied here.
CREATE TABLE crisis_overrides (
    number_id  TEXT    NOT NULL PRIMARY KEY,
    label      TEXT    CHECK (label IS NULL OR length(label) BETWEEN 1 AND 60),
    number     TEXT    CHECK (number IS NULL OR length(number) BETWEEN 3 AND 40),
    hidden     INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
    updated_at INTEGER NOT NULL
) STRICT;

-- Numbers the person added (a local line, their clinic); shown whatever the region.
CREATE TABLE own_crisis_numbers (
    id         TEXT    NOT NULL PRIMARY KEY,  -- UUIDv7
    label      TEXT    NOT NULL CHECK (length(label) BETWEEN 1 AND 60),
    number     TEXT    NOT NULL CHECK (length(number) BETWEEN 3 AND 40),
    created_at INTEGER NOT NULL
) STRICT;

-- The personal safety plan (Stanley–Brown, six steps, care.md §6): one text per step.
CREATE TABLE safety_plan (
    step       INTEGER NOT NULL PRIMARY KEY CHECK (step BETWEEN 1 AND 6),
    body       TEXT    NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
    updated_at INTEGER NOT NULL
) STRICT;
