from __future__ import annotations

import shutil
import warnings
from pathlib import Path

import pytest

from tests.web.corpus import build_db

warnings.filterwarnings("ignore", message=".*httpx.*", category=DeprecationWarning)

BASE = "http://127.0.0.1"
TOKEN = "test-token-0123456789abcdef"


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small analysed corpus, built once; tests that write copy it first."""
    return build_db(tmp_path_factory.mktemp("webdb"))


@pytest.fixture
def writable_db(web_db: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "copy.db"
    shutil.copy(web_db, copy)
    return copy


def client_for(db: Path, **settings):  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    from consilience.web.app import create_app

    return TestClient(create_app(db, **settings), base_url=BASE)


@pytest.fixture(scope="session")
def client(web_db: Path):  # type: ignore[no-untyped-def]
    return client_for(web_db)


@pytest.fixture
def cli_db_copy(web_db: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "cli.db"
    shutil.copy(web_db, copy)
    return copy
