-- What extraction found in each article (rebuilt only when the extractor version changes).
CREATE TABLE analysed (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    version TEXT NOT NULL
);

CREATE TABLE mentions (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    type TEXT NOT NULL,
    role TEXT,
    canonical TEXT,
    entity_id TEXT,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX mentions_entity ON mentions(entity_id);

CREATE TABLE claims (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    kind TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
);

-- Derived: rebuilt from mentions and judgements on every analysis.
CREATE TABLE entities (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX entities_name ON entities(name);

-- A person's verdict on two names or entity ids; never derived, always respected.
CREATE TABLE judgements (
    a TEXT NOT NULL,
    b TEXT NOT NULL,
    same INTEGER NOT NULL,
    created TEXT NOT NULL,
    PRIMARY KEY (a, b)
);

-- Derived: stories and their articles, grown incrementally, rebuilt with `stories --rebuild`.
CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    title TEXT,
    first_seen TEXT,
    last_seen TEXT,
    size INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE story_articles (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    story_id TEXT NOT NULL,
    copy_group TEXT,
    why TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX story_articles_story ON story_articles(story_id);

CREATE TABLE comparisons (
    story_id TEXT PRIMARY KEY,
    data TEXT NOT NULL
);

-- Serialised state of incremental indexes (copy and story indexes), JSON.
CREATE TABLE state (
    name TEXT PRIMARY KEY,
    data BLOB NOT NULL
);
