-- v9: if-then plans, their chip conditions and uses (issue #6).
-- "If [situation], then I will [action]", in the person's words (care.md §1: their goals).
CREATE TABLE plans (
    id           TEXT    NOT NULL PRIMARY KEY,  -- UUIDv7
    if_text      TEXT    NOT NULL,              -- "If …", 1–60 characters, trimmed
    then_text    TEXT    NOT NULL,              -- "then I will …", 1–60 characters, trimmed
    -- A technique to start from the plan: a catalog id or `custom.<uuid>`. No foreign key: built-in
    -- ids live in the embedded catalog, and a deleted custom pattern keeps its row (library.rs).
    technique_id TEXT,
    -- A support person to reach (0008); deleting the person unlinks the plan, which stays.
    person_id    TEXT REFERENCES support_people (id) ON DELETE SET NULL,
    -- Optional time-of-day band: 'morning' 05–12, 'afternoon' 12–17, 'evening' 17–22,
    -- 'night' 22–05 (local hours, start included, end excluded).
    time_band    TEXT CHECK (time_band IN ('morning', 'afternoon', 'evening', 'night')),
    position     INTEGER NOT NULL,              -- the person's order, from 0
    paused       INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1)),
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL
) STRICT;

-- The chips a plan is tied to (any kinds); a deleted chip drops out of its plans.
CREATE TABLE plan_chips (
    plan_id TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    chip_id TEXT NOT NULL REFERENCES chips (id) ON DELETE CASCADE,
    PRIMARY KEY (plan_id, chip_id)
) STRICT, WITHOUT ROWID;

-- A plan shown for a craving, whether the person acted on it, and whether they followed it.
-- Deleting the plan or the craving deletes these too.
CREATE TABLE plan_uses (
    plan_id  TEXT    NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    urge_id  TEXT    NOT NULL REFERENCES urges (id) ON DELETE CASCADE,
    shown_at INTEGER NOT NULL,
    acted_at INTEGER,                            -- NULL: not acted on (yet)
    -- With the outcome: 'yes', 'partly', 'no'; NULL: not answered.
    followed TEXT CHECK (followed IN ('yes', 'partly', 'no')),
    PRIMARY KEY (plan_id, urge_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX plan_uses_by_urge ON plan_uses (urge_id);
