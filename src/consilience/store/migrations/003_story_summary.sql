-- What the stories list shows, kept with the story when it is compared, so listing stays one query.
ALTER TABLE stories ADD COLUMN summary TEXT NOT NULL DEFAULT '{}';
CREATE INDEX stories_size ON stories(size DESC, last_seen DESC);
CREATE INDEX articles_title ON articles(title);
