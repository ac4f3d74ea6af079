"""Stories, entities, judgements and the demo through the CLI, on the canonical examples."""

from __future__ import annotations

import json

import pytest

from tests.conftest import json_out, run_cli
from tests.shared import EXAMPLES


@pytest.fixture(scope="module")
def examples_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("examples") / "examples.db"
    result = run_cli("ingest", str(EXAMPLES), "--json", db=db)
    assert result.returncode == 0, result.stderr.decode()
    return db


def _lines(result) -> list[dict]:
    assert result.returncode == 0, result.stderr.decode()
    return [json.loads(x) for x in result.stdout.splitlines() if x.strip()]


def test_examples_form_one_story_with_both_articles(examples_db) -> None:
    stories = _lines(run_cli("stories", "--json", db=examples_db))
    assert len(stories) == 1
    story = stories[0]
    assert {"id", "title", "articles", "refs", "outlets", "first_seen", "last_seen"} <= set(story)
    assert len(story["articles"]) == 2
    assert sorted(story["refs"]) == ["000_8b19bb4c4ffb7a67.txt", "004_dabceafbe1b21c57.txt"]
    articles = _lines(run_cli("articles", "--json", db=examples_db))
    assert {a["story"] for a in articles} == {story["id"]}


def test_story_json_has_contract_shape(examples_db) -> None:
    story_id = _lines(run_cli("stories", "--json", db=examples_db))[0]["id"]
    view = json_out(run_cli("story", story_id, "--format", "json", db=examples_db))
    assert {"sources", "entities", "claims", "discrepancies"} <= set(view)
    for source in view["sources"]:
        assert {"article", "ref", "outlet", "published", "independence_group"} <= set(source)
    assert len({s["independence_group"] for s in view["sources"]}) == 2  # not copies of one text
    for claim in view["claims"]:
        assert {"id", "kind", "statement", "value", "status", "support"} <= set(claim)
        assert claim["status"] in {"corroborated", "single_source", "conflicting"}
        assert claim["kind"] in {"quantity", "date", "event", "attribution", "other"}
    named = {d["name"] for d in view["discrepancies"]}
    assert any("Kolesnikova" in n or "Kalesnikava" in n for n in named)
    assert any("Babaryka" in n or "Babariko" in n for n in named)
    text = run_cli("story", story_id[:8], db=examples_db).stdout.decode()
    assert "Sources (2 articles, 2 independence group(s))" in text
    md = run_cli("story", story_id, "--format", "md", db=examples_db).stdout.decode()
    assert md.startswith("# ")


REQUIRED_ENTITIES = {
    ("person", "Kalesnikava"): {"Kalesnikava", "Kolesnikova"},
    ("person", "Babaryka"): {"Babaryka", "Babariko"},
    ("person", "Bialiatski"): set(),
    ("person", "Lukashenko"): set(),
    ("person", "Trump"): set(),
    ("person", "Zelensky"): set(),
    ("person", "Putin"): set(),
    ("place", "Minsk"): set(),
    ("place", "Kyiv"): set(),
    ("place", "Belarus"): set(),
    ("place", "Ukraine"): set(),
    ("place", "Lithuania"): set(),
    ("org", "DPA"): set(),
    ("org", "Reuters"): set(),
}


def test_required_entities_one_each_with_variants_per_article(examples_db) -> None:
    entities = _lines(run_cli("entities", "--json", db=examples_db))
    for (kind, stem), spellings in REQUIRED_ENTITIES.items():
        holders = [e for e in entities if e["type"] == kind and any(stem.lower() in v.lower() or (spellings and any(s.lower() in v.lower() for s in spellings)) for v in e["variants"])]
        assert len(holders) == 1, (stem, [h["name"] for h in holders])
        variants = holders[0]["variants"]
        for spelling in spellings:
            carriers = [arts for form, arts in variants.items() if spelling.lower() in form.lower()]
            assert carriers, (stem, spelling, variants)
        if spellings:
            # each spelling comes from a different article
            sets = [frozenset(a for form, arts in variants.items() if s.lower() in form.lower() for a in arts) for s in spellings]
            assert len(set(sets)) == len(sets)
    for e in entities:
        assert e["name"].split()[0].lower() not in {"those", "despite", "among", "the", "after", "while", "in"}


def test_entity_lookup_by_the_short_id_the_list_shows(examples_db) -> None:
    listed = run_cli("entities", db=examples_db)
    assert listed.returncode == 0
    short = listed.stdout.decode().split("\n")[1].split()[0]  # first row of the table, id column
    assert len(short) == 12
    found = json_out(run_cli("entity", short, "--json", db=examples_db))
    assert found["id"].startswith(short)
    missing = run_cli("entity", "0000000000ab", db=examples_db)
    assert missing.returncode == 1 and b"no entity" in missing.stderr


def test_entity_lookup_by_any_spelling_and_judgement_survives_rebuild(tmp_path) -> None:
    db = tmp_path / "j.db"
    assert run_cli("ingest", str(EXAMPLES), db=db).returncode == 0
    by_cyrillic = json_out(run_cli("entity", "Мария Колесникова", "--json", db=db))
    by_latin = json_out(run_cli("entity", "Kolesnikova", "--json", db=db))
    assert by_cyrillic["id"] == by_latin["id"] and by_latin["type"] == "person"
    assert {"variants", "stories", "articles", "timeline"} <= set(by_latin)
    assert len(by_latin["articles"]) == 2
    result = run_cli("judge", "Maria Kalesnikava", "Maria Kolesnikova", "--different", db=db)
    assert result.returncode == 0, result.stderr.decode()
    rebuilt = run_cli("stories", "--rebuild", "--json", db=db)
    assert rebuilt.returncode == 0
    entities = _lines(run_cli("entities", "--json", db=db))
    holders = [e for e in entities if any("kalesnikava" in v.lower() or "kolesnikova" in v.lower() for v in e["variants"])]
    assert len(holders) == 2  # the person's judgement wins over the name rules, after a rebuild


def test_judge_updates_entities_and_comparison_without_regrouping(tmp_path) -> None:
    """A judgement re-resolves and compares the touched story again; the story keeps its id, and
    what it shows is what a full rebuild shows, but for why each article joined (recorded when
    it joined, with the entities of that time)."""
    db = tmp_path / "j.db"
    assert run_cli("ingest", str(EXAMPLES), db=db).returncode == 0
    story_id = _lines(run_cli("stories", "--json", db=db))[0]["id"]
    result = run_cli("judge", "Maria Kalesnikava", "Maria Kolesnikova", "--different", db=db)
    assert result.returncode == 0, result.stderr.decode()
    assert b"1 story compared again" in result.stdout
    assert [s["id"] for s in _lines(run_cli("stories", "--json", db=db))] == [story_id]
    view = json_out(run_cli("story", story_id, "--format", "json", db=db))
    names = [e["name"] for e in view["entities"]]
    assert "Maria Kolesnikova" in names and "Maria Kalesnikava" in names
    assert run_cli("stories", "--rebuild", db=db).returncode == 0
    rebuilt = json_out(run_cli("story", story_id, "--format", "json", db=db))
    for source in view["sources"] + rebuilt["sources"]:
        source.pop("joined_because")
    assert rebuilt == view


def test_judge_says_when_a_judgement_cannot_take_effect(tmp_path) -> None:
    db = tmp_path / "j.db"
    assert run_cli("ingest", str(EXAMPLES), db=db).returncode == 0
    # One article calls her both "Maria Kalesnikava" and "Kalesnikava": one entity there.
    within = run_cli("judge", "Kalesnikava", "Maria Kalesnikava", "--different", db=db)
    assert within.returncode == 0, within.stderr.decode()
    assert b"still one entity" in within.stderr and b"not within one" in within.stderr
    unknown = run_cli("judge", "Nobody Atall", "Maria Kolesnikova", "--same", db=db)
    assert unknown.returncode == 0 and b"no stored article names 'Nobody Atall' yet" in unknown.stderr
    effective = run_cli("judge", "Maria Kalesnikava", "Maria Kolesnikova", "--different", db=db)
    assert effective.returncode == 0 and b"note:" not in effective.stderr


def test_judge_needs_a_verdict(examples_db) -> None:
    result = run_cli("judge", "A", "B", db=examples_db)
    assert result.returncode == 1 and b"--same or --different" in result.stderr


def test_demo_builds_and_prints_stories(tmp_path) -> None:
    db = tmp_path / "demo.db"
    result = run_cli("demo", db=db, timeout=300)
    assert result.returncode == 0, result.stderr.decode()
    output = result.stdout.decode()
    assert "Stories (one real-world event each)" in output
    assert "The richest story, source by source" in output
    assert "independence group(s)" in output
    rows = _lines(run_cli("articles", "--json", db=db))
    assert len(rows) >= 14 and {r["language"] for r in rows} >= {"en", "ru"}
    import json as _json
    from pathlib import Path

    expected = _json.loads((Path(__file__).parents[1] / "src/consilience/demo/expected.json").read_text("utf-8"))
    stories = _lines(run_cli("stories", "--json", db=db))
    assert sorted(sorted(s["refs"]) for s in stories) == sorted(sorted(e) for e in expected["stories"])
    again = run_cli("demo", db=db, timeout=300)
    assert again.returncode == 0 and len(_lines(run_cli("articles", "--json", db=db))) == len(rows)
    # a dossier holds the entity's own events: the envoy took part in the talks, he pardoned no one
    envoy = json_out(run_cli("entity", "Owen Brakely", "--json", db=db))
    events = {e["event"] for e in envoy["timeline"]}
    assert "meeting" in events and not events & {"pardon", "release"}


def test_spacy_backend_from_the_cli_with_a_pipeline_built_here(tmp_path) -> None:
    spacy = pytest.importorskip("spacy", reason="spaCy is an optional backend (installed by the test extra)")
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PERSON", "pattern": "Ona Zilinskaite"}, {"label": "GPE", "pattern": "Dorvik"}])
    model_dir = tmp_path / "pipeline"
    nlp.to_disk(model_dir)
    article = {"id": "sp-1", "text": "Ona Zilinskaite arrived in Dorvik on Monday, the ministry said in a statement."}
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(article) + "\n", encoding="utf-8")
    db = tmp_path / "s.db"
    result = run_cli("ingest", str(path), "--ner", f"spacy:{model_dir}", db=db)
    assert result.returncode == 0, result.stderr.decode()
    mentions = json_out(run_cli("article", "sp-1", "--json", db=db))["mentions"]
    assert {(m["text"], m["type"]) for m in mentions} >= {("Ona Zilinskaite", "person"), ("Dorvik", "place")}
    bad = run_cli("ingest", str(path), "--ner", "spacy:/no/such/pipeline", db=db)
    assert bad.returncode == 1 and b"Traceback" not in bad.stderr
