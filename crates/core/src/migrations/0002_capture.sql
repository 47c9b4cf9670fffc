-- v2: the whole capture flow. What a person tracks and their goal for it; the one-tap chips
-- (trigger, feeling, place, company); the outcome of a craving; settings.

-- Things a person tracks, in their own words ("evening wine", "vaping"), each with the goal they
-- chose. Never deleted (history refers to them): archived instead.
CREATE TABLE tracked_things (
    id             TEXT    NOT NULL PRIMARY KEY,  -- UUIDv7
    name           TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
    goal           TEXT    NOT NULL CHECK (goal IN ('stop', 'cut_down', 'safer')),
    -- For 'cut_down': the planned amount a day, in the person's own unit.
    planned_amount REAL    CHECK (planned_amount IS NULL OR planned_amount >= 0),
    planned_unit   TEXT    CHECK (planned_unit IS NULL OR length(planned_unit) BETWEEN 1 AND 60),
    position       INTEGER NOT NULL,
    archived       INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX tracked_things_by_name ON tracked_things (name COLLATE NOCASE);

ALTER TABLE urges ADD COLUMN tracked_id TEXT REFERENCES tracked_things (id);
-- Logged more than an hour after the time it describes (delayed EMA reports differ; care.md §3).
ALTER TABLE urges ADD COLUMN logged_late INTEGER NOT NULL DEFAULT 0 CHECK (logged_late IN (0, 1));
-- The person said "not now" to the re-rate prompt: it never asks again for this craving.
ALTER TABLE urges ADD COLUMN rerate_dismissed INTEGER NOT NULL DEFAULT 0
    CHECK (rerate_dismissed IN (0, 1));
CREATE INDEX urges_by_thing ON urges (tracked_id, occurred_at DESC);
-- "The newest craving logged": ascending, so (created_at DESC, rowid DESC) is a backward scan.
CREATE INDEX urges_by_creation ON urges (created_at);

-- One-tap chips. Built-ins come from care.md §3 and can be renamed, reordered or hidden like
-- the person's own.
CREATE TABLE chips (
    id         TEXT    NOT NULL PRIMARY KEY,
    kind       TEXT    NOT NULL CHECK (kind IN ('trigger', 'feeling', 'place', 'company')),
    label      TEXT    NOT NULL CHECK (length(label) BETWEEN 1 AND 60),
    position   INTEGER NOT NULL,
    hidden     INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
    builtin    INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX chips_by_label ON chips (kind, label COLLATE NOCASE);

CREATE TABLE urge_chips (
    urge_id TEXT NOT NULL REFERENCES urges (id) ON DELETE CASCADE,
    chip_id TEXT NOT NULL REFERENCES chips (id) ON DELETE CASCADE,
    PRIMARY KEY (urge_id, chip_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX urge_chips_by_chip ON urge_chips (chip_id, urge_id);

-- What came of a craving: one per craving, added or edited later.
CREATE TABLE outcomes (
    urge_id         TEXT    NOT NULL PRIMARY KEY REFERENCES urges (id) ON DELETE CASCADE,
    intensity_after INTEGER CHECK (intensity_after BETWEEN 0 AND 10),
    action          TEXT    CHECK (action IN ('didnt_use', 'used_less', 'used_as_planned',
                                              'used_more', 'used')),
    amount          REAL    CHECK (amount IS NULL OR amount >= 0),
    note            TEXT    CHECK (note IS NULL OR length(note) BETWEEN 1 AND 10000),
    recorded_at     INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
) STRICT;
CREATE INDEX outcomes_by_action ON outcomes (action);

CREATE TABLE settings (
    key   TEXT NOT NULL PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

INSERT INTO chips (id, kind, label, position, builtin, created_at, updated_at) VALUES
    ('builtin-trigger-after-work',   'trigger', 'After work',         0, 1, 0, 0),
    ('builtin-trigger-saw-it',       'trigger', 'Saw or smelled it',  1, 1, 0, 0),
    ('builtin-trigger-offered',      'trigger', 'Someone offered',    2, 1, 0, 0),
    ('builtin-trigger-argument',     'trigger', 'Argument',           3, 1, 0, 0),
    ('builtin-trigger-payday',       'trigger', 'Payday',             4, 1, 0, 0),
    ('builtin-trigger-party',        'trigger', 'Party or event',     5, 1, 0, 0),
    ('builtin-trigger-wind-down',    'trigger', 'Winding down',       6, 1, 0, 0),
    ('builtin-trigger-pain',         'trigger', 'Pain',               7, 1, 0, 0),
    ('builtin-feeling-stressed',     'feeling', 'Stressed',           0, 1, 0, 0),
    ('builtin-feeling-bored',        'feeling', 'Bored',              1, 1, 0, 0),
    ('builtin-feeling-lonely',       'feeling', 'Lonely',             2, 1, 0, 0),
    ('builtin-feeling-angry',        'feeling', 'Angry',              3, 1, 0, 0),
    ('builtin-feeling-tired',        'feeling', 'Tired',              4, 1, 0, 0),
    ('builtin-feeling-hungry',       'feeling', 'Hungry',             5, 1, 0, 0),
    ('builtin-feeling-anxious',      'feeling', 'Anxious',            6, 1, 0, 0),
    ('builtin-feeling-low',          'feeling', 'Low',                7, 1, 0, 0),
    ('builtin-feeling-celebrating',  'feeling', 'Celebrating',        8, 1, 0, 0),
    ('builtin-place-home',           'place',   'Home',               0, 1, 0, 0),
    ('builtin-place-work',           'place',   'Work',               1, 1, 0, 0),
    ('builtin-place-social',         'place',   'Out with people',    2, 1, 0, 0),
    ('builtin-place-outside',        'place',   'Outside',            3, 1, 0, 0),
    ('builtin-place-commute',        'place',   'Commute',            4, 1, 0, 0),
    ('builtin-company-alone',        'company', 'Alone',              0, 1, 0, 0),
    ('builtin-company-others',       'company', 'With others',        1, 1, 0, 0),
    ('builtin-company-others-use',   'company', 'With others who use', 2, 1, 0, 0);
