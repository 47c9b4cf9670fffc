-- v11: History's count of matches from stored bitmaps instead of walking every craving (issue
-- #13: at a million cravings a filtered count took 1.5 s). Cravings are grouped in buckets of
-- 2^30 ms (about 12 days, by when they happened, as for "what helps"); within a bucket they are
-- numbered by (occurred_at, id), and each key (a chip, a technique used, an outcome, a strength,
-- a tracked thing) holds one bit per craving. A count ANDs a few bitmaps per bucket. Nothing
-- here is new information: every row can be rebuilt from the records (counts.rs).
--
-- The triggers mark a bucket dirty in the same transaction as any write that can change it,
-- from any connection or path; the next count (or the shell's warm-up) rebuilds the marked
-- buckets, each in one transaction with clearing its mark. (They insert only what isn't marked
-- yet rather than INSERT OR IGNORE: a statement's own conflict clause would override it.)

CREATE TABLE count_buckets (
    bucket   INTEGER NOT NULL PRIMARY KEY,  -- occurred_at >> 30
    cravings INTEGER NOT NULL               -- how many cravings it holds
) STRICT;

CREATE TABLE count_bits (
    key    TEXT    NOT NULL,  -- 'chip:<id>', 'tech:<id>' ('tech:waiting': nothing else used),
                              -- 'act:<action>', 'int:<0-10>', 'thing:<id>'
    bucket INTEGER NOT NULL,
    bits   BLOB    NOT NULL,  -- bit i (byte i / 8, bit i % 8) = the bucket's i-th craving
    PRIMARY KEY (key, bucket)
) STRICT, WITHOUT ROWID;
CREATE INDEX count_bits_by_bucket ON count_bits (bucket);

CREATE TABLE count_dirty (
    bucket INTEGER NOT NULL PRIMARY KEY
) STRICT;

INSERT INTO count_dirty (bucket) SELECT DISTINCT occurred_at >> 30 FROM urges;

CREATE TRIGGER count_urge_added AFTER INSERT ON urges BEGIN
    INSERT INTO count_dirty (bucket)
        SELECT b FROM (SELECT NEW.occurred_at >> 30 AS b)
        WHERE b NOT IN (SELECT bucket FROM count_dirty);
END;

CREATE TRIGGER count_urge_changed
AFTER UPDATE OF occurred_at, intensity, tracked_id ON urges BEGIN
    INSERT INTO count_dirty (bucket)
        SELECT DISTINCT b FROM (SELECT OLD.occurred_at >> 30 AS b
                                UNION SELECT NEW.occurred_at >> 30)
        WHERE b NOT IN (SELECT bucket FROM count_dirty);
END;

CREATE TRIGGER count_urge_removed AFTER DELETE ON urges BEGIN
    INSERT INTO count_dirty (bucket)
        SELECT b FROM (SELECT OLD.occurred_at >> 30 AS b)
        WHERE b NOT IN (SELECT bucket FROM count_dirty);
END;

CREATE TRIGGER count_chip_added AFTER INSERT ON urge_chips BEGIN
    INSERT INTO count_dirty (bucket)
        SELECT DISTINCT b FROM (SELECT occurred_at >> 30 AS b FROM urges WHERE id = NEW.urge_id)
        WHERE b NOT IN (SELECT bucket FROM count_dirty);
END;

CREATE TRIGGER count_chip_removed AFTER DELETE ON urge_chips BEGIN
    INSERT INTO count_dirty (bucket)
        SELECT DISTINCT b FROM (SELECT occurred_at >> 30 AS b FROM urges WHERE id = OLD.urge_id)
        WHERE b NOT IN (SELECT bucket FROM count_dirty);
END;

CREATE TRIGGER count_session_added AFTER INSERT ON technique_sessions
WHEN NEW.urge_id IS NOT NULL BEGIN
    INSERT INTO count_dirty (bucket)
        SELECT DISTINCT b FROM (SELECT occurred_at >> 30 AS b FROM urges WHERE id = NEW.urge_id)
        WHERE b NOT IN (SELECT bucket FROM count_dirty);
END;

CREATE TRIGGER count_session_changed AFTER UPDATE ON technique_sessions
WHEN NEW.urge_id IS NOT NULL OR OLD.urge_id IS NOT NULL BEGIN
    INSERT INTO count_dirty (bucket)
        SELECT DISTINCT b FROM (SELECT occurred_at >> 30 AS b FROM urges
                                WHERE id IN (OLD.urge_id, NEW.urge_id))
        WHERE b NOT IN (SELECT bucket FROM count_dirty);
END;

CREATE TRIGGER count_session_removed AFTER DELETE ON technique_sessions
WHEN OLD.urge_id IS NOT NULL BEGIN
    INSERT INTO count_dirty (bucket)
        SELECT DISTINCT b FROM (SELECT occurred_at >> 30 AS b FROM urges WHERE id = OLD.urge_id)
        WHERE b NOT IN (SELECT bucket FROM count_dirty);
END;

CREATE TRIGGER count_outcome_added AFTER INSERT ON outcomes BEGIN
    INSERT INTO count_dirty (bucket)
        SELECT DISTINCT b FROM (SELECT occurred_at >> 30 AS b FROM urges WHERE id = NEW.urge_id)
        WHERE b NOT IN (SELECT bucket FROM count_dirty);
END;

CREATE TRIGGER count_outcome_changed AFTER UPDATE OF action, urge_id ON outcomes BEGIN
    INSERT INTO count_dirty (bucket)
        SELECT DISTINCT b FROM (SELECT occurred_at >> 30 AS b FROM urges
                                WHERE id IN (OLD.urge_id, NEW.urge_id))
        WHERE b NOT IN (SELECT bucket FROM count_dirty);
END;

CREATE TRIGGER count_outcome_removed AFTER DELETE ON outcomes BEGIN
    INSERT INTO count_dirty (bucket)
        SELECT DISTINCT b FROM (SELECT OLD.occurred_at >> 30 AS b
                                UNION SELECT occurred_at >> 30 FROM urges WHERE id = OLD.urge_id)
        WHERE b IS NOT NULL AND b NOT IN (SELECT bucket FROM count_dirty);
END;
