"""The CLI as a user runs it: contract shapes, exit codes, messages."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import json_out
from tests.shared import EXAMPLES


def test_version_and_help_on_every_command(cli) -> None:
    result = cli("--version", use_db=False)
    assert result.returncode == 0 and result.stdout.decode().startswith("consilience ")
    main = cli("--help", use_db=False).stdout.decode()
    for command in ("ingest", "articles", "article", "skipped", "names", "demo"):
        assert command in main
        sub = cli(command, "--help", use_db=False)
        assert sub.returncode == 0 and b"Usage" in sub.stdout


def test_python_dash_m_works() -> None:
    result = subprocess.run([sys.executable, "-m", "consilience", "--version"], capture_output=True)
    assert result.returncode == 0


def test_examples_end_to_end(cli) -> None:
    report = json_out(cli("ingest", str(EXAMPLES), "--json"))
    assert report["ingested"] == 2 and report["duplicates"] == 0 and report["skipped"] == []
    rows = [json.loads(line) for line in cli("articles", "--json").stdout.splitlines()]
    assert {"id", "ref", "url", "outlet", "title", "published", "language", "story"} <= set(rows[0])
    by_title = {r["title"]: r for r in rows}
    assert set(by_title) == {
        "Lukashenko pardons 123 political prisoners after US deal",
        "Belarus releases 123 political prisoners",
    }
    second = json_out(cli("article", "004_dabceafbe1b21c57.txt", "--json"))
    assert second["published"] == "2025-12-13T20:28" and second["published_inferred"] is False
    assert second["published_source"] == "Dec 13, 2025 20:28"
    first = json_out(cli("article", by_title["Lukashenko pardons 123 political prisoners after US deal"]["id"], "--json"))
    assert first["published"] == "2025-12-13" and first["published_inferred"] is True
    assert first["byline"] == "Iurie Tataru"
    for view in (first, second):
        for furniture in ("Last news in Fakti", "20:28 65", "political prisoners  - 1", "Translation by Iurie Tataru"):
            assert furniture not in view["text"]
    again = json_out(cli("ingest", str(EXAMPLES), "--json"))
    assert again["ingested"] == 0 and again["duplicates"] == 2
    assert len(cli("articles", "--json").stdout.splitlines()) == 2


def test_text_table_is_readable(cli) -> None:
    cli("ingest", str(EXAMPLES))
    table = cli("articles").stdout.decode()
    assert "Belarus releases 123 political prisoners" in table and "2 article(s)" in table


def test_stdin_ingest(cli) -> None:
    line = json.dumps({"id": "s1", "text": "A text read from standard input, long enough to be kept."})
    report = json_out(cli("ingest", "-", "--json", stdin=line.encode()))
    assert report["ingested"] == 1


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (("ingest", "/no/such/path"), 1, b"no such file"),
        (("article", "nope"), 1, b"no article"),
        (("ingest", "--format", "pdf", "x"), 1, b"unknown format"),
        (("articles", "--bogus"), 2, b"No such option"),
    ],
)
def test_user_errors_are_one_line_without_traceback(cli, args, code, words) -> None:
    if args[0] == "article":
        cli("ingest", str(EXAMPLES))
    result = cli(*args)
    assert result.returncode == code
    assert b"Traceback" not in result.stderr
    assert words in result.stderr


def test_reading_a_missing_database_says_what_to_do(tmp_path) -> None:
    from tests.conftest import run_cli

    result = run_cli("articles", db=tmp_path / "none.db")
    assert result.returncode == 1 and b"consilience demo" in result.stderr


def test_names_contract(cli) -> None:
    pairs = [
        ("Sviatlana Tsikhanouskaya", "Siarhei Tsikhanouski", False),
        ("Maria Kalesnikava", "Мария Колесникова", True),
        ("Minsk", "Pinsk", False),
        ("Kyiv", "Киев", True),
    ]
    for a, b, same in pairs:
        answer = json_out(cli("names", a, b, "--json", use_db=False))
        assert answer["same"] is same and 0 <= answer["score"] <= 1 and answer["why"]


def test_names_pairs_file_keeps_order(cli, tmp_path) -> None:
    path = tmp_path / "pairs.tsv"
    path.write_text("Kyiv\tKiev\nMinsk\tPinsk\n", encoding="utf-8")
    lines = [json.loads(x) for x in cli("names", "--pairs", str(path), "--json", use_db=False).stdout.splitlines()]
    assert [(x["a"], x["same"]) for x in lines] == [("Kyiv", True), ("Minsk", False)]
