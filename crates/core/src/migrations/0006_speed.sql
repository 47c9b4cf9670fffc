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
