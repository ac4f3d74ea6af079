"""Budgets enforced before and around parsing (RELIABILITY.md H-B..H-E)."""

MAX_INPUT_BYTES = 512 * 1024 * 1024  # one file as read from disk or stdin
MAX_DECOMPRESSED_BYTES = 256 * 1024 * 1024  # what one .gz may expand to (gzip bombs)
MAX_HTML_BYTES = 20 * 1024 * 1024  # one page, as trafilatura's own MAX_FILE_SIZE
MAX_FEED_BYTES = 50 * 1024 * 1024
MAX_JSONL_LINE_BYTES = 10 * 1024 * 1024  # one JSON Lines record
MAX_FEED_FIELD_CHARS = 4_000  # author/email fields: feedparser's email regex is quadratic (#562)
MAX_JSON_DEPTH = 64  # deeper JSON is not an article record
UNIT_TIMEOUT_S = 5.0  # wall clock per article-sized unit, enforced from outside the parser
WORKER_MEMORY_BYTES = 3 * 1024 * 1024 * 1024  # RLIMIT_AS per worker process
