-- Articles keyed by the hash of their normalised text: re-ingesting is an upsert, never a duplicate.
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    ref TEXT,
    url TEXT,
    outlet TEXT,
    title TEXT,
    subtitle TEXT,
    byline TEXT,
    language TEXT,
    published TEXT,
    published_source TEXT,
    published_inferred INTEGER NOT NULL DEFAULT 0,
    text TEXT NOT NULL,
    source TEXT NOT NULL,
    format TEXT NOT NULL,
    flags TEXT NOT NULL DEFAULT '',
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_ref ON articles(ref);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_outlet ON articles(outlet);

-- Every input where an article was seen (the same text from a feed and from a WARC, say).
CREATE TABLE article_sources (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    source TEXT NOT NULL,
    PRIMARY KEY (article_id, source)
) WITHOUT ROWID;

-- Inputs that were not stored, with the reason; keyed so a re-run updates instead of repeating.
CREATE TABLE skipped (
    id TEXT PRIMARY KEY,
    input TEXT NOT NULL,
    reason TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '',
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    times INTEGER NOT NULL DEFAULT 1
);

-- One row per command run that changed the store, with its counts and timings (JSON).
CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    command TEXT NOT NULL,
    started TEXT NOT NULL,
    finished TEXT,
    report TEXT
);
