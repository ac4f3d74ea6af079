from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

# Built data caches (the place gazetteer) go to one folder per test session, shared with the CLI
# subprocesses the tests start, and never into the user's own cache folder.
os.environ.setdefault("CONSILIENCE_CACHE_DIR", tempfile.mkdtemp(prefix="consilience-test-cache-"))


def run_cli(*args: str, db: Path | None = None, stdin: bytes | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run `python -m consilience ...` as a user would, capturing both streams."""
    cmd = [sys.executable, "-m", "consilience", *args]
    if db is not None:
        cmd += ["--db", str(db)]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("CONSILIENCE_DB", None)
    return subprocess.run(cmd, input=stdin, capture_output=True, timeout=timeout, env=env)


@pytest.fixture
def cli(tmp_path: Path) -> Callable[..., subprocess.CompletedProcess]:
    db = tmp_path / "test.db"

    def call(*args: str, stdin: bytes | None = None, use_db: bool = True, timeout: float = 120):
        return run_cli(*args, db=db if use_db else None, stdin=stdin, timeout=timeout)

    call.db = db  # type: ignore[attr-defined]
    return call


def json_out(result: subprocess.CompletedProcess) -> dict:
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stdout)
