-- v6: what History's filters and Insights need to stay quick at a million cravings (issue #5).
-- Nothing here is new information: every added column is a copy of its craving's, kept equal by
-- the triggers below, so indexes can answer without looking each craving up by its text id.

-- Insights walks time, offset, strength and thing without reading the rows (notes make them wide).
CREATE INDEX urges_for_insights ON urges (occurred_at, utc_offset_minutes, intensity, tracked_id);

-- An outcome carries its craving's time (UTC and local) and thing: an outcome filter ("used less
-- than planned") walks an index in History's order (newest first) instead of sorting every such
-- outcome, and outcomes per thing over time read no craving.
ALTER TABLE outcomes ADD COLUMN occurred_at INTEGER;
ALTER TABLE outcomes ADD COLUMN local_ms INTEGER;
ALTER TABLE outcomes ADD COLUMN tracked_id TEXT;
UPDATE outcomes SET (occurred_at, local_ms, tracked_id) = (
    SELECT u.occurred_at, u.occurred_at + u.utc_offset_minutes * 60000, u.tracked_id
    FROM urges u WHERE u.id = outcomes.urge_id);
CREATE INDEX outcomes_by_action_time ON outcomes (action, occurred_at DESC, urge_id DESC);
CREATE INDEX outcomes_by_time ON outcomes (occurred_at);

-- A chip link carries its craving's time (UTC and local) and strength: triggers and feelings
-- "by how often and how strong" is one covering index range per chip.
ALTER TABLE urge_chips ADD COLUMN occurred_at INTEGER;
ALTER TABLE urge_chips ADD COLUMN local_ms INTEGER;
ALTER TABLE urge_chips ADD COLUMN intensity INTEGER;
UPDATE urge_chips SET (occurred_at, local_ms, intensity) = (
    SELECT u.occurred_at, u.occurred_at + u.utc_offset_minutes * 60000, u.intensity
    FROM urges u WHERE u.id = urge_chips.urge_id);
CREATE INDEX urge_chips_for_insights ON urge_chips (chip_id, occurred_at, local_ms, intensity);

CREATE TRIGGER outcomes_copy_craving AFTER INSERT ON outcomes BEGIN
    UPDATE outcomes SET (occurred_at, local_ms, tracked_id) = (
        SELECT u.occurred_at, u.occurred_at + u.utc_offset_minutes * 60000, u.tracked_id
        FROM urges u WHERE u.id = NEW.urge_id)
    WHERE urge_id = NEW.urge_id;
END;

CREATE TRIGGER urge_chips_copy_craving AFTER INSERT ON urge_chips BEGIN
    UPDATE urge_chips SET (occurred_at, local_ms, intensity) = (
        SELECT u.occurred_at, u.occurred_at + u.utc_offset_minutes * 60000, u.intensity
        FROM urges u WHERE u.id = NEW.urge_id)
    WHERE urge_id = NEW.urge_id AND chip_id = NEW.chip_id;
END;

CREATE TRIGGER urges_copy_to_links
AFTER UPDATE OF occurred_at, utc_offset_minutes, intensity, tracked_id ON urges BEGIN
    UPDATE outcomes SET occurred_at = NEW.occurred_at,
        local_ms = NEW.occurred_at + NEW.utc_offset_minutes * 60000, tracked_id = NEW.tracked_id
    WHERE urge_id = NEW.id;
    UPDATE urge_chips SET occurred_at = NEW.occurred_at,
        local_ms = NEW.occurred_at + NEW.utc_offset_minutes * 60000, intensity = NEW.intensity
    WHERE urge_id = NEW.id;
END;

-- All-time totals for Insights' "All" range, kept by triggers (a local week is Monday-based:
-- week = (local day + 3) / 7, since 1970-01-01 was a Thursday). Ranges of weeks read the
-- indexes above; "All" reads these few rows instead of every craving.
CREATE TABLE insight_weeks (
    week      INTEGER NOT NULL,
    intensity INTEGER NOT NULL,
    cravings  INTEGER NOT NULL,
    PRIMARY KEY (week, intensity)
) STRICT, WITHOUT ROWID;
CREATE TABLE insight_hours (
    weekday  INTEGER NOT NULL,  -- 0 = Monday
    hour     INTEGER NOT NULL,
    cravings INTEGER NOT NULL,
    PRIMARY KEY (weekday, hour)
) STRICT, WITHOUT ROWID;
CREATE TABLE insight_chips (
    chip_id       TEXT    NOT NULL PRIMARY KEY,
    cravings      INTEGER NOT NULL,
    intensity_sum INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE TABLE insight_outcome_weeks (
    tracked_id TEXT    NOT NULL,
    week       INTEGER NOT NULL,
    recorded   INTEGER NOT NULL,
    ridden_out INTEGER NOT NULL,
    used_less  INTEGER NOT NULL,
    PRIMARY KEY (tracked_id, week)
) STRICT, WITHOUT ROWID;

INSERT INTO insight_weeks (week, intensity, cravings)
SELECT ((occurred_at + utc_offset_minutes * 60000) / 86400000 + 3) / 7, intensity, count(*)
FROM urges GROUP BY 1, 2;
INSERT INTO insight_hours (weekday, hour, cravings)
SELECT ((occurred_at + utc_offset_minutes * 60000) / 86400000 + 3) % 7,
    ((occurred_at + utc_offset_minutes * 60000) % 86400000) / 3600000, count(*)
FROM urges GROUP BY 1, 2;
INSERT INTO insight_chips (chip_id, cravings, intensity_sum)
SELECT chip_id, count(*), sum(intensity) FROM urge_chips GROUP BY chip_id;
INSERT INTO insight_outcome_weeks (tracked_id, week, recorded, ridden_out, used_less)
SELECT tracked_id, (local_ms / 86400000 + 3) / 7, count(*), count(*) FILTER (WHERE action = 'didnt_use'),
    count(*) FILTER (WHERE action = 'used_less')
FROM outcomes WHERE action IS NOT NULL AND tracked_id IS NOT NULL GROUP BY 1, 2;

CREATE TRIGGER insight_urge_added AFTER INSERT ON urges BEGIN
    INSERT INTO insight_weeks VALUES (
        ((NEW.occurred_at + NEW.utc_offset_minutes * 60000) / 86400000 + 3) / 7, NEW.intensity, 1)
    ON CONFLICT (week, intensity) DO UPDATE SET cravings = cravings + 1;
    INSERT INTO insight_hours VALUES (
        ((NEW.occurred_at + NEW.utc_offset_minutes * 60000) / 86400000 + 3) % 7,
        ((NEW.occurred_at + NEW.utc_offset_minutes * 60000) % 86400000) / 3600000, 1)
    ON CONFLICT (weekday, hour) DO UPDATE SET cravings = cravings + 1;
END;

CREATE TRIGGER insight_urge_removed AFTER DELETE ON urges BEGIN
    UPDATE insight_weeks SET cravings = cravings - 1
    WHERE week = ((OLD.occurred_at + OLD.utc_offset_minutes * 60000) / 86400000 + 3) / 7
        AND intensity = OLD.intensity;
    UPDATE insight_hours SET cravings = cravings - 1
    WHERE weekday = ((OLD.occurred_at + OLD.utc_offset_minutes * 60000) / 86400000 + 3) % 7
        AND hour = ((OLD.occurred_at + OLD.utc_offset_minutes * 60000) % 86400000) / 3600000;
END;

CREATE TRIGGER insight_urge_moved
AFTER UPDATE OF occurred_at, utc_offset_minutes, intensity ON urges BEGIN
    UPDATE insight_weeks SET cravings = cravings - 1
    WHERE week = ((OLD.occurred_at + OLD.utc_offset_minutes * 60000) / 86400000 + 3) / 7
        AND intensity = OLD.intensity;
    UPDATE insight_hours SET cravings = cravings - 1
    WHERE weekday = ((OLD.occurred_at + OLD.utc_offset_minutes * 60000) / 86400000 + 3) % 7
        AND hour = ((OLD.occurred_at + OLD.utc_offset_minutes * 60000) % 86400000) / 3600000;
    INSERT INTO insight_weeks VALUES (
        ((NEW.occurred_at + NEW.utc_offset_minutes * 60000) / 86400000 + 3) / 7, NEW.intensity, 1)
    ON CONFLICT (week, intensity) DO UPDATE SET cravings = cravings + 1;
    INSERT INTO insight_hours VALUES (
        ((NEW.occurred_at + NEW.utc_offset_minutes * 60000) / 86400000 + 3) % 7,
        ((NEW.occurred_at + NEW.utc_offset_minutes * 60000) % 86400000) / 3600000, 1)
    ON CONFLICT (weekday, hour) DO UPDATE SET cravings = cravings + 1;
END;

CREATE TRIGGER insight_chip_added AFTER INSERT ON urge_chips BEGIN
    INSERT INTO insight_chips VALUES (
        NEW.chip_id, 1, (SELECT u.intensity FROM urges u WHERE u.id = NEW.urge_id))
    ON CONFLICT (chip_id) DO UPDATE SET cravings = cravings + 1,
        intensity_sum = intensity_sum + excluded.intensity_sum;
END;

CREATE TRIGGER insight_chip_removed AFTER DELETE ON urge_chips BEGIN
    UPDATE insight_chips SET cravings = cravings - 1, intensity_sum = intensity_sum - OLD.intensity
    WHERE chip_id = OLD.chip_id;
END;

-- The copy made right after an insert (old intensity NULL) is already counted above.
CREATE TRIGGER insight_chip_restrength AFTER UPDATE OF intensity ON urge_chips
WHEN OLD.intensity IS NOT NULL BEGIN
    UPDATE insight_chips SET intensity_sum = intensity_sum - OLD.intensity + NEW.intensity
    WHERE chip_id = NEW.chip_id;
END;

CREATE TRIGGER insight_outcome_added AFTER INSERT ON outcomes WHEN NEW.action IS NOT NULL BEGIN
    INSERT INTO insight_outcome_weeks
    SELECT u.tracked_id, ((u.occurred_at + u.utc_offset_minutes * 60000) / 86400000 + 3) / 7, 1,
        NEW.action = 'didnt_use', NEW.action = 'used_less'
    FROM urges u WHERE u.id = NEW.urge_id AND u.tracked_id IS NOT NULL
    ON CONFLICT (tracked_id, week) DO UPDATE SET recorded = recorded + 1,
        ridden_out = ridden_out + excluded.ridden_out, used_less = used_less + excluded.used_less;
END;

CREATE TRIGGER insight_outcome_removed AFTER DELETE ON outcomes
WHEN OLD.action IS NOT NULL AND OLD.tracked_id IS NOT NULL BEGIN
    UPDATE insight_outcome_weeks SET recorded = recorded - 1,
        ridden_out = ridden_out - (OLD.action = 'didnt_use'),
        used_less = used_less - (OLD.action = 'used_less')
    WHERE tracked_id = OLD.tracked_id AND week = (OLD.local_ms / 86400000 + 3) / 7;
END;

-- The copy made right after an insert (old local_ms NULL) is already counted above.
CREATE TRIGGER insight_outcome_changed AFTER UPDATE OF action, local_ms, tracked_id ON outcomes
WHEN OLD.local_ms IS NOT NULL BEGIN
    UPDATE insight_outcome_weeks SET recorded = recorded - 1,
        ridden_out = ridden_out - (OLD.action = 'didnt_use'),
        used_less = used_less - (OLD.action = 'used_less')
    WHERE OLD.action IS NOT NULL AND tracked_id = OLD.tracked_id
        AND week = (OLD.local_ms / 86400000 + 3) / 7;
    INSERT INTO insight_outcome_weeks
    SELECT NEW.tracked_id, (NEW.local_ms / 86400000 + 3) / 7, 1, NEW.action = 'didnt_use',
        NEW.action = 'used_less'
    WHERE NEW.action IS NOT NULL AND NEW.tracked_id IS NOT NULL
    ON CONFLICT (tracked_id, week) DO UPDATE SET recorded = recorded + 1,
        ridden_out = ridden_out + excluded.ridden_out, used_less = used_less + excluded.used_less;
END;
