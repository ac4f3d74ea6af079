"""The SQLite store: WAL, numbered migrations, one writer with BEGIN IMMEDIATE, idempotent upserts.

Rows from the data (articles) are keyed by content hashes, so any batch can be replayed after a
crash (kill -9 included) without losing or duplicating anything; derived tables (entities,
stories, comparisons) are rebuilt from them, never patched.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from consilience.errors import StoreError, UserInputError
from consilience.ids import content_id
from consilience.model import Article, Skipped

ARTICLE_COLUMNS = (
    "id", "ref", "url", "outlet", "title", "subtitle", "byline", "language", "published",
    "published_source", "published_inferred", "text", "source", "format",
)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def migrations() -> list[tuple[int, str]]:
    """(number, SQL) for every migration file shipped with the package, in order."""
    folder = resources.files("consilience").joinpath("store/migrations")
    found = []
    for entry in folder.iterdir():
        if entry.name.endswith(".sql"):
            found.append((int(entry.name.split("_", 1)[0]), entry.read_text("utf-8")))
    return sorted(found)


class Store:
    """One SQLite database. Open it with `Store.open(path)`; close it or use it as a context."""

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self.conn = conn
        self.path = path

    @classmethod
    def open(cls, path: str | Path, readonly: bool = False) -> Store:
        path = str(path)
        if readonly and path != ":memory:" and not Path(path).exists():
            raise UserInputError(
                f"no database at {path}", "run `consilience ingest PATH` or `consilience demo` first, or pass --db"
            )
        try:
            if path != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA busy_timeout = 30000")
            conn.execute("PRAGMA foreign_keys = ON")
            if path != ":memory:":
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the database {path}: {exc}", "check the path and its permissions") from None
        store = cls(conn, path)
        store.migrate()
        return store

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A write transaction; IMMEDIATE so it never fails half-way with 'database is locked'."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    def migrate(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        for number, sql in migrations():
            if number <= version:
                continue
            try:
                with self.write() as conn:
                    for statement in _statements(sql):
                        conn.execute(statement)
                    conn.execute(f"PRAGMA user_version = {number}")
            except sqlite3.Error as exc:
                raise StoreError(f"database migration {number} failed: {exc}") from None

    # -- writes -------------------------------------------------------------------------------

    def add_batch(self, articles: Iterable[Article], skips: Iterable[Skipped]) -> list[bool]:
        """Store articles and skip records in one transaction; True for each article that is new."""
        now = _now()
        fresh: list[bool] = []
        with self.write() as conn:
            for article in articles:
                values = [getattr(article, c) for c in ARTICLE_COLUMNS]
                values[ARTICLE_COLUMNS.index("published_inferred")] = int(article.published_inferred)
                row = (*values, "\n".join(article.flags), now)
                held = conn.execute("SELECT source FROM articles WHERE id = ?", (article.id,)).fetchone()
                if held is None:
                    conn.execute(
                        f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}, flags, ingested_at) "
                        f"VALUES ({', '.join('?' * len(ARTICLE_COLUMNS))}, ?, ?)",
                        row,
                    )
                    fresh.append(True)
                else:
                    fresh.append(False)
                    if article.source < held[0]:
                        # Copies of one text may arrive in any order (parallel workers, a resumed
                        # run); the copy from the first source in sort order is the one kept, so
                        # the stored row does not depend on scheduling. Its spans are re-read.
                        assignments = ", ".join(f"{c} = ?" for c in ARTICLE_COLUMNS[1:])
                        conn.execute(
                            f"UPDATE articles SET {assignments}, flags = ? WHERE id = ?",
                            (*values[1:], "\n".join(article.flags), article.id),
                        )
                        conn.execute("DELETE FROM analysed WHERE article_id = ?", (article.id,))
                conn.execute(
                    "INSERT INTO article_sources (article_id, source) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    (article.id, article.source),
                )
            for skip in skips:
                conn.execute(
                    "INSERT INTO skipped (id, input, reason, detail, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT(id) DO UPDATE SET last_seen = excluded.last_seen, detail = excluded.detail, "
                    "times = skipped.times + 1",
                    (content_id(skip.input, skip.reason.value), skip.input, skip.reason.value, skip.detail, now, now),
                )
        return fresh

    def record_run(self, command: str, started: str, report: dict) -> None:
        with self.write() as conn:
            conn.execute(
                "INSERT INTO runs (command, started, finished, report) VALUES (?, ?, ?, ?)",
                (command, started, _now(), json.dumps(report, ensure_ascii=False)),
            )

    # -- reads --------------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def articles(self, limit: int | None = None) -> list[sqlite3.Row]:
        sql = "SELECT * FROM articles ORDER BY published IS NULL, published, id"
        if limit:
            sql += f" LIMIT {int(limit)}"
        return self.conn.execute(sql).fetchall()

    def article_count(self) -> int:
        return self.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    def find_article(self, key: str) -> sqlite3.Row:
        """An article by id, id prefix (>= 6 characters) or ref; a user error when none or several."""
        row = self.conn.execute("SELECT * FROM articles WHERE id = ?", (key,)).fetchone()
        if row:
            return row
        rows = self.conn.execute("SELECT * FROM articles WHERE ref = ? LIMIT 2", (key,)).fetchall()
        if not rows and len(key) >= 6:
            rows = self.by_id_prefix("articles", key)
        if len(rows) == 1:
            return rows[0]
        if len(rows) > 1:
            raise UserInputError(f"{key!r} matches several articles", "give more characters of the id")
        raise UserInputError(f"no article with id or ref {key!r}", "list them with `consilience articles`")

    def by_id_prefix(self, table: str, prefix: str) -> list[sqlite3.Row]:
        """Up to two rows of `table` whose id starts with `prefix`: the short ids the lists print
        (two rows mean the prefix is ambiguous)."""
        if table not in ("articles", "stories", "entities"):
            raise ValueError(f"no id prefix lookup for table {table!r}")
        return self.conn.execute(
            f"SELECT * FROM {table} WHERE id >= ? AND id < ? LIMIT 2", (prefix, prefix + "\uffff")
        ).fetchall()

    def skipped(self) -> list[sqlite3.Row]:
        return self.conn.execute("SELECT * FROM skipped ORDER BY first_seen, input").fetchall()

    def sources_of(self, article_id: str) -> list[str]:
        rows = self.conn.execute(
            "SELECT source FROM article_sources WHERE article_id = ? ORDER BY source", (article_id,)
        ).fetchall()
        return [r[0] for r in rows]


def _statements(sql: str) -> list[str]:
    """Split a migration file on ';' at line ends (migrations hold no triggers or strings with ';')."""
    parts, current = [], []
    for line in sql.splitlines():
        if line.strip().startswith("--"):
            continue
        current.append(line)
        if line.rstrip().endswith(";"):
            parts.append("\n".join(current).strip())
            current = []
    if "".join(current).strip():
        parts.append("\n".join(current).strip())
    return [p for p in parts if p]
