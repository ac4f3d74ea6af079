"""A user's own places file ($CONSILIENCE_PLACES): names no gazetteer lists become places."""

from __future__ import annotations

import re

import pytest

from consilience import pipeline
from consilience.errors import UserInputError
from consilience.extract.mention_lexicon import PLACES_ENV
from consilience.extract.mentions import find_mentions
from consilience.store import Store

TEXT = "Most of those freed were driven to the border with Estmar, according to the Svetoch group."
RU = "Большинство освобождённых вывезли к границе с Эстмаром."


def _types(text: str, lang: str) -> dict[str, str]:
    return {m.text: m.type for m in find_mentions("a", text, lang)}


def test_a_listed_place_is_found_in_any_case(tmp_path, monkeypatch) -> None:
    assert "Estmar" not in _types(TEXT, "en")  # the gazetteer does not know it
    places = tmp_path / "places.toml"
    places.write_text('[places]\n"Estmar" = ["Эстмар"]\n', encoding="utf-8")
    monkeypatch.setenv(PLACES_ENV, str(places))
    assert _types(TEXT, "en")["Estmar"] == "place"
    assert _types(RU, "ru")["Эстмаром"] == "place"  # the instrumental, from the nominative listed


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (None, "no such file"),
        ("[places\n", "not valid TOML"),
        ('"Estmar" = []\n', "no [places] table"),
        ('[places]\n"Estmar" = "Эстмар"\n', "bad entry"),
    ],
)
def test_a_bad_places_file_stops_the_run_with_what_to_fix(tmp_path, monkeypatch, content, says) -> None:
    path = tmp_path / "places.toml"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    monkeypatch.setenv(PLACES_ENV, str(path))
    store = Store.open(tmp_path / "a.db")
    with pytest.raises(UserInputError, match=re.escape(says)):
        pipeline.extract_articles(store)


def test_new_places_make_stored_articles_read_again(tmp_path, monkeypatch) -> None:
    store = Store.open(tmp_path / "a.db")
    pipeline.ingest(store, [str(_write(tmp_path, TEXT))], sandbox=False)
    assert pipeline.extract_articles(store) == 1
    assert pipeline.extract_articles(store) == 0  # nothing new: nothing read again
    places = tmp_path / "places.toml"
    places.write_text('[places]\n"Estmar" = []\n', encoding="utf-8")
    monkeypatch.setenv(PLACES_ENV, str(places))
    assert pipeline.extract_articles(store) == 1  # another set of places: the article is read again
    types = {r[0]: r[1] for r in store.conn.execute("SELECT text, type FROM mentions")}
    assert types.get("Estmar") == "place"


def _write(tmp_path, text: str):
    path = tmp_path / "article.txt"
    path.write_text("Freed prisoners reach the border\n\n" + text + "\n", encoding="utf-8")
    return path


def test_ingest_refuses_a_bad_places_file_before_reading_input(tmp_path, monkeypatch, cli) -> None:
    monkeypatch.setenv(PLACES_ENV, str(tmp_path / "missing.toml"))
    result = cli("ingest", str(_write(tmp_path, TEXT)))
    assert result.returncode == 1
    assert "no such file" in result.stderr.decode()
    assert not cli.db.exists() or Store.open(cli.db).conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
