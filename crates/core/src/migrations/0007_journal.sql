-- v7: journal entries and the weekly reflection (issue #6).
-- The person's own writing: free entries (optionally answering a prompt, optionally about a
-- craving) and the opt-in weekly reflection, kept as an entry with its answers beside it.
CREATE TABLE journal_entries (
    id                 TEXT    NOT NULL PRIMARY KEY,  -- UUIDv7
    -- The craving it is about, if any. Deleting the craving keeps the writing: the entry
    -- stays, unlinked (the person's words are theirs, not a detail of the craving).
    urge_id            TEXT    REFERENCES urges (id) ON DELETE SET NULL,
    -- The journaling session it finished (writing after a craving counts as a use); deleting
    -- the session, were that ever possible, would only unlink it.
    session_id         TEXT    REFERENCES technique_sessions (id) ON DELETE SET NULL,
    -- 'free' (anything the person writes) or 'reflection' (the weekly reflection).
    kind               TEXT    NOT NULL CHECK (kind IN ('free', 'reflection')),
    -- The prompt it answered, as it was shown ("What did you need in that moment?").
    prompt             TEXT    CHECK (prompt IS NULL OR length(prompt) BETWEEN 1 AND 200),
    body               TEXT    NOT NULL CHECK (length(body) BETWEEN 1 AND 50000),
    -- Weekly reflection answers (NULL on free entries): how the week went, what helped
    -- (a technique id; NULL = "Not sure"), what to try next (a technique id; NULL = "Keep going").
    week_went          TEXT    CHECK (week_went IS NULL OR week_went IN ('harder', 'mixed', 'better')),
    helped_technique   TEXT,
    next_technique     TEXT,
    created_at         INTEGER NOT NULL,
    -- The person's local offset from UTC when it was written, in minutes east.
    utc_offset_minutes INTEGER NOT NULL CHECK (utc_offset_minutes BETWEEN -1080 AND 1080),
    updated_at         INTEGER NOT NULL
) STRICT;

-- The journal reads newest first with keyset pagination on (created_at, id).
CREATE INDEX journal_entries_by_time ON journal_entries (created_at DESC, id DESC);
-- A craving's card shows its entries.
CREATE INDEX journal_entries_by_urge ON journal_entries (urge_id, created_at);
