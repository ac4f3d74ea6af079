"""Checks the bundled fictional demo corpus against its own ground truth (expected.json)."""

import difflib
import json
import re
from datetime import datetime, timedelta
from pathlib import Path

import pytest

DEMO = Path(__file__).resolve().parents[1] / "src" / "consilience" / "demo"
ARTICLES = DEMO / "articles"
REQUIRED = ("id", "outlet", "url", "title", "published", "language", "author", "text")
DATELINE = re.compile(r"^[A-Z][a-z]{2} \d{1,2}, \d{4} \d{2}:\d{2} \d+$")


def _jsonl() -> list[dict]:
    """Parse demo.jsonl strictly, so a broken line fails here rather than in the demo command."""
    lines = (ARTICLES / "demo.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _texts() -> dict[str, str]:
    """Every article's text by its expected.json id (file name for the .txt articles)."""
    texts = {a["id"]: a["text"] for a in _jsonl()}
    for path in ARTICLES.glob("*.txt"):
        texts[path.name] = path.read_text(encoding="utf-8")
    return texts


def _expected() -> dict:
    return json.loads((DEMO / "expected.json").read_text(encoding="utf-8"))


def test_jsonl_articles_have_every_field_and_sane_values() -> None:
    articles = _jsonl()
    assert len(articles) >= 14
    ids = [a["id"] for a in articles]
    assert len(set(ids)) == len(ids), "duplicate ids"
    for a in articles:
        missing = [k for k in REQUIRED if not a.get(k)]
        assert not missing, f"{a.get('id')}: missing {missing}"
        assert a["language"] in {"en", "ru"}
        assert re.match(r"^https://[a-z0-9.-]+\.example/", a["url"]), a["url"]
        assert 150 <= len(a["text"].split()) <= 400, f"{a['id']}: {len(a['text'].split())} words"
        assert "\n\n" in a["text"], f"{a['id']}: paragraphs must be separated by blank lines"


def test_corpus_spans_outlets_and_languages() -> None:
    articles = _jsonl()
    assert len({a["outlet"] for a in articles}) >= 7
    assert {a["language"] for a in articles} == {"en", "ru"}
    russian = [a for a in articles if a["language"] == "ru"]
    assert all(re.search(r"[А-Яа-яЁё]", a["text"]) for a in russian)


def test_text_files_follow_the_example_layout() -> None:
    files = sorted(ARTICLES.glob("*.txt"))
    assert len(files) >= 2
    for path in files:
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
        nav = [ln for ln in lines[:3] if ln.startswith("Latest from ")]
        assert nav, f"{path.name}: no site-navigation line"
        title = next(ln for ln in lines if not ln.startswith("Latest from "))
        assert any(DATELINE.match(ln) for ln in lines[:5]), f"{path.name}: no dateline"
        assert f"{title} - 1" in lines, f"{path.name}: no caption repeating the title"
        assert lines[-1].startswith("Translation by "), f"{path.name}: no trailing credit"
        assert 150 <= len(" ".join(lines).split()) <= 400


def test_stories_partition_the_corpus() -> None:
    texts = _texts()
    stories = _expected()["stories"]
    flat = [i for story in stories for i in story]
    assert len(flat) == len(set(flat)), "an article is in two stories"
    assert set(flat) == set(texts), "stories must name every article and only those"


def test_copy_pair_shares_most_text_but_not_headline() -> None:
    articles = {a["id"]: a for a in _jsonl()}
    for group in _expected()["copy_groups"]:
        first, *rest = (articles[i] for i in group)
        for other in rest:
            ratio = difflib.SequenceMatcher(None, first["text"], other["text"]).ratio()
            assert ratio > 0.9, f"{first['id']} vs {other['id']}: {ratio:.2f}"
            assert first["title"] != other["title"]
            assert first["outlet"] != other["outlet"]


def test_independent_reports_of_one_event_are_not_copies() -> None:
    articles = {a["id"]: a for a in _jsonl()}
    a, b = articles["demo-001"]["text"], articles["demo-002"]["text"]
    assert difflib.SequenceMatcher(None, a, b).ratio() < 0.5


def test_name_variants_and_distinct_people_appear_in_texts() -> None:
    corpus = "\n".join(_texts().values())
    expected = _expected()
    for group in expected["same_person"] + expected["different_people"]:
        for name in group:
            assert name in corpus, f"{name!r} not in any article"


def _check_quotes(block: dict, texts: dict[str, str]) -> None:
    for article in block["articles"]:
        quote = block["quotes"][article]
        assert quote in texts[article], f"{article}: {quote!r} not in text"


def test_planted_conflict_revision_and_corroboration_are_in_the_texts() -> None:
    texts, expected = _texts(), _expected()
    conflict = expected["conflict"]
    _check_quotes(conflict, texts)
    for article, value in zip(conflict["articles"], conflict["values"], strict=True):
        assert re.search(rf"\b{value}\b", conflict["quotes"][article])
    revision = expected["revision"]
    _check_quotes(revision, texts)
    assert all(str(revision["to"]) in q for q in revision["quotes"].values())
    for item in expected["corroborated"] + expected["compatible"]:
        _check_quotes(item, texts)
        assert all(re.search(rf"\b{item['value']}\b", q) for q in item["quotes"].values())


def _published() -> dict[str, datetime]:
    """Parse dates with their offsets, since outlets publish from different time zones."""
    return {a["id"]: datetime.fromisoformat(a["published"]) for a in _jsonl()}


def test_revision_is_published_after_the_conflicting_reports() -> None:
    published, expected = _published(), _expected()
    latest_conflict = max(published[i] for i in expected["conflict"]["articles"])
    assert all(published[i] > latest_conflict for i in expected["revision"]["articles"])


def test_similar_earlier_event_lies_weeks_apart() -> None:
    """The February pardon must be far enough from the March one to be its own story."""
    published, stories = _published(), _expected()["stories"]
    march = [published[i] for i in stories[0] if i in published]
    february = [published[i] for i in stories[-1]]
    assert min(march) - max(february) >= timedelta(days=14)


@pytest.mark.parametrize("kind", ["hedged", "attributions"])
def test_hedges_and_attributions_are_quoted_verbatim(kind: str) -> None:
    texts = _texts()
    for item in _expected()[kind]:
        assert item["quote"] in texts[item["article"]], item
