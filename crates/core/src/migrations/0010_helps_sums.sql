-- v10: "what helps me" opens from stored sums instead of re-reading every craving (issue #13).
-- The fit needs only sums over the re-rated cravings (helps.rs, `Sums`). They are kept per
-- bucket of 2^30 ms (about 12 days, by when the craving happened), so a change re-reads one
-- bucket. Nothing here is new information: every row can be rebuilt from the records.
--
-- The triggers below mark a bucket dirty in the same transaction as any write that can change
-- it, from any connection or path (the app, an import's merge, a repair). The next fit
-- recomputes the dirty buckets, each in one transaction with clearing its mark. (They insert
-- only what isn't marked yet rather than INSERT OR IGNORE: a statement's own conflict clause,
-- such as an upsert's, would override the trigger's.)

CREATE TABLE helps_buckets (
    bucket INTEGER NOT NULL PRIMARY KEY,  -- occurred_at >> 30
    body   TEXT    NOT NULL               -- the bucket's sums (JSON)
) STRICT;

CREATE TABLE helps_dirty (
    bucket INTEGER NOT NULL PRIMARY KEY
) STRICT;

-- One row: the check-in window the buckets were summed with (a change of the person's check-in
-- interval recomputes them all) and a counter bumped whenever a bucket changes, so a fit kept in
-- memory knows when it is out of date.
CREATE TABLE helps_meta (
    id         INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    window_ms  INTEGER NOT NULL,
    generation INTEGER NOT NULL
) STRICT;
INSERT INTO helps_meta (id, window_ms, generation) VALUES (1, -1, 0);

-- (window_ms = -1 matches no setting: the first fit sums every bucket.)

CREATE TRIGGER helps_outcome_added AFTER INSERT ON outcomes
WHEN NEW.intensity_after IS NOT NULL BEGIN
    INSERT INTO helps_dirty (bucket)
        SELECT DISTINCT b FROM (SELECT occurred_at >> 30 AS b FROM urges WHERE id = NEW.urge_id)
        WHERE b IS NOT NULL AND b NOT IN (SELECT bucket FROM helps_dirty);
END;

-- Also fires when a craving's time, offset or strength is edited (urges_copy_to_links updates
-- its outcome): the old and the new bucket are both marked.
CREATE TRIGGER helps_outcome_changed AFTER UPDATE ON outcomes
WHEN NEW.intensity_after IS NOT NULL OR OLD.intensity_after IS NOT NULL BEGIN
    INSERT INTO helps_dirty (bucket)
        SELECT DISTINCT b FROM (SELECT OLD.occurred_at >> 30 AS b
                                UNION SELECT NEW.occurred_at >> 30
                                UNION SELECT occurred_at >> 30 FROM urges WHERE id = NEW.urge_id)
        WHERE b IS NOT NULL AND b NOT IN (SELECT bucket FROM helps_dirty);
END;

CREATE TRIGGER helps_outcome_removed AFTER DELETE ON outcomes
WHEN OLD.intensity_after IS NOT NULL BEGIN
    INSERT INTO helps_dirty (bucket)
        SELECT DISTINCT b FROM (SELECT OLD.occurred_at >> 30 AS b)
        WHERE b IS NOT NULL AND b NOT IN (SELECT bucket FROM helps_dirty);
END;

CREATE TRIGGER helps_urge_removed AFTER DELETE ON urges BEGIN
    INSERT INTO helps_dirty (bucket)
        SELECT DISTINCT b FROM (SELECT OLD.occurred_at >> 30 AS b)
        WHERE b IS NOT NULL AND b NOT IN (SELECT bucket FROM helps_dirty);
END;

CREATE TRIGGER helps_session_added AFTER INSERT ON technique_sessions
WHEN NEW.urge_id IS NOT NULL BEGIN
    INSERT INTO helps_dirty (bucket)
        SELECT DISTINCT b FROM (SELECT occurred_at >> 30 AS b FROM outcomes
                                WHERE urge_id IN (NEW.urge_id) AND intensity_after IS NOT NULL)
        WHERE b IS NOT NULL AND b NOT IN (SELECT bucket FROM helps_dirty);
END;

CREATE TRIGGER helps_session_changed AFTER UPDATE ON technique_sessions
WHEN NEW.urge_id IS NOT NULL OR OLD.urge_id IS NOT NULL BEGIN
    INSERT INTO helps_dirty (bucket)
        SELECT DISTINCT b FROM (SELECT occurred_at >> 30 AS b FROM outcomes
                                WHERE urge_id IN (OLD.urge_id, NEW.urge_id) AND intensity_after IS NOT NULL)
        WHERE b IS NOT NULL AND b NOT IN (SELECT bucket FROM helps_dirty);
END;

CREATE TRIGGER helps_session_removed AFTER DELETE ON technique_sessions
WHEN OLD.urge_id IS NOT NULL BEGIN
    INSERT INTO helps_dirty (bucket)
        SELECT DISTINCT b FROM (SELECT occurred_at >> 30 AS b FROM outcomes
                                WHERE urge_id IN (OLD.urge_id) AND intensity_after IS NOT NULL)
        WHERE b IS NOT NULL AND b NOT IN (SELECT bucket FROM helps_dirty);
END;

CREATE TRIGGER helps_chip_added AFTER INSERT ON urge_chips BEGIN
    INSERT INTO helps_dirty (bucket)
        SELECT DISTINCT b FROM (SELECT occurred_at >> 30 AS b FROM outcomes
                                WHERE urge_id IN (NEW.urge_id) AND intensity_after IS NOT NULL)
        WHERE b IS NOT NULL AND b NOT IN (SELECT bucket FROM helps_dirty);
END;

CREATE TRIGGER helps_chip_removed AFTER DELETE ON urge_chips BEGIN
    INSERT INTO helps_dirty (bucket)
        SELECT DISTINCT b FROM (SELECT occurred_at >> 30 AS b FROM outcomes
                                WHERE urge_id IN (OLD.urge_id) AND intensity_after IS NOT NULL)
        WHERE b IS NOT NULL AND b NOT IN (SELECT bucket FROM helps_dirty);
END;
