"""Story grouping: one event joins across languages and outlets; repeats weeks later stay apart."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from consilience.cluster import StoryIndex, group_stories
from tests.cluster.factories import (
    ENTITIES_RELEASE,
    LATER_RELEASE,
    RU_TEXT,
    SAME_EVENT_OTHER_TEXT,
    WIRE,
    background,
    doc,
    example_docs,
)


def _stories(assignments) -> dict[str, str]:
    return {a.doc_id: a.story_id for a in assignments}


def test_english_and_russian_articles_sharing_entities_numbers_dates_join() -> None:
    en = doc("en", WIRE, title="Belarus frees 123 prisoners", entities=ENTITIES_RELEASE)
    ru = doc("ru", RU_TEXT, title="Лукашенко помиловал 123 человека", language="ru",
             entities=ENTITIES_RELEASE, when=datetime(2025, 12, 13, 21, 0))  # fmt: skip
    index = StoryIndex()
    for d in background():
        index.add(d)
    index.add(en)
    result = index.add(ru)
    assert result.story_id == "en" and not result.new
    assert "Q:lukashenko" in result.evidence.entities
    assert "123" in result.evidence.numbers and "12-13" in result.evidence.dates
    assert result.evidence.content == 0.0  # no shared language: content words did not count


def test_russian_article_without_shared_entities_does_not_join() -> None:
    en = doc("en", WIRE, entities=ENTITIES_RELEASE)
    ru = doc("ru", RU_TEXT, language="ru", entities=frozenset({"Q:other"}))
    index = StoryIndex()
    index.add(en)
    assert index.add(ru).new


def test_similar_event_weeks_later_with_same_actors_stays_apart() -> None:
    first = doc("dec", WIRE, title="Lukashenko pardons 123 prisoners", entities=ENTITIES_RELEASE)
    actors = frozenset({"Q:lukashenko", "Q:belarus", "Q:minsk"})
    later = doc("jan", LATER_RELEASE, title="Lukashenko pardons 31 more prisoners",
                entities=actors, when=datetime(2026, 1, 30, 12, 0))  # fmt: skip
    index = StoryIndex()
    for d in background():
        index.add(d)
    index.add(first)
    result = index.add(later)
    assert result.new, result.why
    assert result.evidence.penalty > 0 and result.evidence.gap_days > 40


def test_same_text_published_the_same_day_joins() -> None:
    """Control for the test above: the later text, dated the same day, does join."""
    first = doc("dec", WIRE, entities=ENTITIES_RELEASE)
    same_day = doc("dec2", SAME_EVENT_OTHER_TEXT, entities=ENTITIES_RELEASE)
    assignments = group_stories([*background(), first, same_day])
    assert _stories(assignments)["dec2"] == "dec"


def test_the_two_example_articles_form_one_story() -> None:
    docs = example_docs()
    assert len(docs) == 2
    stories = _stories(group_stories([*background(), *docs]))
    assert stories[docs[0].id] == stories[docs[1].id]
    assert all(stories[d.id] != stories[docs[0].id] for d in background())


def test_unrelated_articles_stay_apart_and_each_reason_is_given() -> None:
    assignments = group_stories(background())
    assert len({a.story_id for a in assignments}) == len(background())
    assert all(a.new and a.why for a in assignments)


def test_deterministic_across_runs_and_input_order() -> None:
    docs = [*background(), *example_docs(), doc("w", WIRE), doc("o", SAME_EVENT_OTHER_TEXT)]
    first = _stories(group_stories(docs))
    again = _stories(group_stories(list(reversed(docs))))
    assert first == again
    assert [a.why for a in group_stories(docs)] == [a.why for a in group_stories(docs)]


def test_incremental_add_equals_full_pass_and_state_round_trips() -> None:
    docs = sorted([*background(), *example_docs(), doc("w", WIRE),
                   doc("o", SAME_EVENT_OTHER_TEXT, when=datetime(2025, 12, 14))],
                  key=lambda d: (d.published, d.id))  # fmt: skip
    full = _stories(group_stories(docs, warm=False))  # the incremental index below starts cold
    index = StoryIndex()
    for d in docs[:4]:
        index.add(d)
    restored = StoryIndex.from_state(json.loads(json.dumps(index.state())))
    incremental = {d.id: index.add(d).story_id for d in docs[4:]}
    resumed = {d.id: restored.add(d).story_id for d in docs[4:]}
    assert incremental == resumed == {d.id: full[d.id] for d in docs[4:]}
    assert len(set(full.values())) < len(docs)  # the example and wire texts did group


def test_warm_seeds_idf_without_creating_stories() -> None:
    index = StoryIndex()
    index.warm(background())
    assert index.n_docs == len(background()) and not index.stories
    first = index.add(doc("w", WIRE))
    assert first.new and index.n_docs == len(background()) + 1


def test_sparse_and_mixed_inputs_do_not_break_the_index() -> None:
    docs = [
        doc("empty", "", title=None, when=None, language=None),
        doc("aware", WIRE, when=datetime(2025, 12, 13, 20, 0, tzinfo=UTC)),
        doc("naive", SAME_EVENT_OTHER_TEXT, when=datetime(2025, 12, 13, 22, 0)),
        doc("undated", WIRE.replace("Saturday", "Sat."), when=None, language=None),
    ]
    stories = _stories(group_stories(docs))
    assert stories["empty"] == "empty"
    assert stories["naive"] == stories["aware"] == stories["undated"]


LEVEE = "The Ardmoor levee broke after three days of rain and water reached the old mill district."
TRAINS = ("Rail services through Ardmoor were halted and commuters were told to avoid the valley "
          "line while crews inspect the tracks.")  # fmt: skip
BOTH = ("After the Ardmoor levee broke and water reached the mill district, rail services on the "
        "valley line were halted while crews inspect the tracks.")  # fmt: skip


def _bridge_docs() -> list:
    when = datetime(2025, 12, 15, 8)
    return [
        doc("levee", LEVEE, title="Ardmoor levee breaks", when=when),
        doc("trains", TRAINS, title="Ardmoor trains halted", when=when.replace(hour=10)),
        doc("both", BOTH, title="Ardmoor levee breaks, trains halted", when=when.replace(hour=12)),
    ]


def test_an_article_that_bridges_two_stories_merges_them_into_the_older() -> None:
    from consilience.cluster import StoryConfig

    index = StoryIndex(StoryConfig(merge_threshold=0.3))
    for d in background():
        index.add(d)
    levee, trains, both = _bridge_docs()
    assert index.add(levee).new and index.add(trains).new  # apart: they share only the town
    result = index.add(both)
    assert result.merged == ("trains",) and result.story_id == "levee", result.why
    assert "merged stories trains into levee" in result.why
    assert index.story_of("trains") == index.story_of("levee") == "levee"
    assert "trains" not in index.stories and index.stories["levee"].size == 3
    restored = StoryIndex.from_state(json.loads(json.dumps(index.state())))
    assert restored.story_of("trains") == "levee" and restored.resolve("trains") == "levee"
    stories = _stories(group_stories([*background(), *_bridge_docs()], index.config))
    assert stories["levee"] == stories["trains"] == stories["both"] == "levee"


def test_no_merge_when_the_two_stories_do_not_match_as_wholes() -> None:
    """Control for the test above: the same articles with a merge bar they do not reach."""
    from consilience.cluster import StoryConfig

    index = StoryIndex(StoryConfig(merge_threshold=0.95))
    for d in [*background(), *_bridge_docs()]:
        last = index.add(d)
    assert last.merged == () and index.story_of("trains") != index.story_of("levee")
    off = StoryIndex(StoryConfig(merge_floor=0.0, merge_threshold=0.3))
    for d in [*background(), *_bridge_docs()]:
        last = off.add(d)
    assert last.merged == () and not off.merges


def test_content_score_is_the_mean_cosine_to_all_members() -> None:
    """Average link: with no top-k blend, an article's content score against a story is the mean
    of its cosines to each member, computed from the story's sum alone."""
    from consilience.cluster import StoryConfig

    index = StoryIndex(StoryConfig(member_weight=0.0, threshold=0.05))
    index.warm(background())
    members = [doc("w", WIRE, entities=ENTITIES_RELEASE),
               doc("o", SAME_EVENT_OTHER_TEXT, entities=ENTITIES_RELEASE)]  # fmt: skip
    vectors = []
    for d in members:
        vectors.append(index._doc_vectors(index._features(d))["terms"])
        index.add(d)
    assert len(index.stories) == 1
    story = next(iter(index.stories.values()))
    probe = index._doc_vectors(index._features(doc("p", LATER_RELEASE)))["terms"]
    cosines = [sum(v * m.get(t, 0.0) for t, v in probe.items()) for m in vectors]
    content, _ = index._content(probe, "en", story)
    assert 0 < min(cosines) < max(cosines)
    assert abs(content - sum(cosines) / 2) < 1e-9


def test_shared_entities_without_similar_content_do_not_join() -> None:
    """Entities only add evidence in proportion to content similarity (same language)."""
    first = doc("a", WIRE, entities=ENTITIES_RELEASE)
    other = doc("b", "A food festival in Tarrow drew crowds to taste new cheeses and breads from "
                "farms in the hills; bakers said the flour harvest was good.", entities=ENTITIES_RELEASE)  # fmt: skip
    assignments = group_stories([*background(), first, other])
    result = _stories(assignments)
    assert result["b"] != result["a"]
    last = next(a for a in assignments if a.doc_id == "b")
    assert last.new and "no story above threshold" in last.why


def test_full_pass_warms_idf_from_its_own_articles() -> None:
    """A full pass seeds idf from the corpus first, so the first article is weighted like the last."""
    docs = [*background(), *example_docs()]
    warm_index, cold_index = StoryIndex(), StoryIndex()
    warm_index.warm(docs)
    first = docs[0]
    warm = warm_index._doc_vectors(warm_index._features(first))["terms"]
    cold = cold_index._doc_vectors(cold_index._features(first))["terms"]
    assert warm != cold  # a cold index sees every term once: a flat idf
    assert _stories(group_stories(docs)) == _stories(group_stories(docs))


def test_gap_is_to_the_nearest_member_day_not_inside_the_span() -> None:
    """A story that ran in December and again in June does not cover March."""
    index = StoryIndex()
    for d in background():
        index.add(d)
    index.add(doc("dec", WIRE, entities=ENTITIES_RELEASE, when=datetime(2025, 12, 13)))
    june = index.add(doc("jun", WIRE, entities=ENTITIES_RELEASE, when=datetime(2026, 6, 13)))
    assert not june.new, june.why  # the identical text joins even months later
    march = index.add(doc("mar", WIRE, entities=ENTITIES_RELEASE, when=datetime(2026, 3, 14)))
    assert march.evidence.gap_days == 91.0, march.why  # to 13 December and to 13 June alike


def test_a_version_1_state_keeps_idf_and_assignments_and_restarts_stories() -> None:
    old = {"version": 1, "config": {"threshold": 0.3, "norm_refresh": 1.1}, "n_docs": 7,
           "df": {"prison": 2}, "stories": [{"id": "x"}], "postings": {"prison": ["x"]},
           "assigned": {"a": "x"}, "merges": {}}  # fmt: skip
    index = StoryIndex.from_state(old)
    assert index.config.threshold == 0.3 and index.n_docs == 7 and index.df == {"prison": 2}
    assert index.story_of("a") == "x" and not index.stories and not index.postings
    assert index.add(doc("w", WIRE)).new


def test_a_version_2_state_written_before_member_days_existed_loads() -> None:
    index = StoryIndex()
    for d in example_docs():
        index.add(d)
    old = json.loads(json.dumps(index.state()))
    for story in old["stories"]:  # what an earlier release of version 2 wrote
        del story["days"], story["short"]
    restored = StoryIndex.from_state(old)
    assert restored.stories.keys() == index.stories.keys()
    later = restored.add(doc("w", WIRE, when=datetime(2025, 12, 14)))
    assert not later.new, later.why  # the stories still take their own event's articles


def test_rare_specifics_cache_follows_document_frequencies_in_a_large_store() -> None:
    from consilience.cluster.stories import STABLE_RARITY

    index = StoryIndex()
    index.add(
        doc("a", "Officials counted 4471 ballots in Halsk on Sunday.", when=datetime(2025, 3, 2))
    )
    story = index.stories["a"]
    filler = [doc(f"f{i}", f"Weather note number {i} for the coast.") for i in range(STABLE_RARITY)]
    index.warm(filler)  # past the fixed bar: from here on the story's rare keys are cached
    assert index._story_has_rare(story) and story.rare == ["#4471"]
    index.warm([doc(f"g{i}", "Another report of 4471 cases.") for i in range(25)])
    assert not index._story_has_rare(story)  # 4471 is now common, and dropped for good
    index.add(
        doc(
            "b",
            "Officials counted 4471 ballots in Halsk; 9913 were void.",
            when=datetime(2025, 3, 2),
        )
    )
    assert index.story_of("b") == "a"
    assert index._story_has_rare(story) and story.rare == ["#9913"]  # a new rare key joins


def test_a_large_story_still_keeps_a_later_release_with_other_figures_apart() -> None:
    """Its own 30 reports put "123" in more than the 20-article rarity cap; the figure is still
    specific to the story, so a release weeks later with other figures stays apart."""
    from consilience.cluster.stories import STABLE_RARITY

    index = StoryIndex()
    index.warm(doc(f"f{i}", f"Weather note number {i} for the coast.") for i in range(STABLE_RARITY))
    for i in range(30):
        index.add(doc(f"dec{i}", WIRE, title="Lukashenko pardons 123 prisoners",
                      entities=ENTITIES_RELEASE))  # fmt: skip
    assert len({index.story_of(f"dec{i}") for i in range(30)}) == 1
    later = doc("jan", LATER_RELEASE, title="Lukashenko pardons 31 more prisoners",
                entities=ENTITIES_RELEASE, when=datetime(2026, 1, 30, 12, 0))  # fmt: skip
    result = index.add(later)
    assert result.new, result.why
    assert result.evidence.conflict > 0


def test_stories_of_one_event_in_two_languages_merge_when_an_article_bridges_them() -> None:
    """A Russian story that formed apart (here forced by a high bar for its first article) and
    an English one share no content words; their entities, numbers and dates merge them."""
    from dataclasses import replace

    index = StoryIndex()
    for d in background():
        index.add(d)
    index.add(doc("en1", WIRE, title="Belarus frees 123 prisoners", entities=ENTITIES_RELEASE))
    index.add(doc("en2", SAME_EVENT_OTHER_TEXT, title="Buses cross into Lithuania",
                  entities=ENTITIES_RELEASE))  # fmt: skip
    config = index.config
    index.config = replace(config, threshold=5.0)
    ru1 = index.add(doc("ru1", RU_TEXT, language="ru", entities=ENTITIES_RELEASE,
                        when=datetime(2025, 12, 13, 20, 0)))  # fmt: skip
    index.config = config
    assert ru1.new
    ru2 = index.add(doc("ru2", RU_TEXT + " Освобождённых отвезли к границе с Литвой.",
                        language="ru", entities=ENTITIES_RELEASE,
                        when=datetime(2025, 12, 13, 22, 0)))  # fmt: skip
    assert ru2.merged, ru2.why
    assert index.story_of("ru1") == index.story_of("en1") == index.story_of("ru2")


def test_headlines_without_body_join_at_the_short_text_bar() -> None:
    from dataclasses import replace

    from consilience.cluster import StoryConfig

    heads = [
        "Belarus frees 123 political prisoners after talks with US envoy",
        "Storm floods coastal towns in southern Portugal",
        "Prisoner release in Belarus follows visit of American delegation to Lukashenko residence",
        "Portugal counts damage after coastal storm",
    ]
    docs = [doc(f"h{i}", "", title=h, when=datetime(2025, 12, 13)) for i, h in enumerate(heads)]
    stories = _stories(group_stories(docs))
    assert stories["h2"] == stories["h0"] and stories["h3"] == stories["h1"]
    assert stories["h0"] != stories["h1"]
    # The same headlines under the full-text bar: the two Belarus headlines share too few words.
    full_bar = _stories(group_stories(docs, replace(StoryConfig(), short_terms=0)))
    assert full_bar["h2"] != full_bar["h0"]


def test_headline_stories_bridged_by_a_headline_merge_at_the_short_bar() -> None:
    """Two headline-only stories of one flood (the barrier; the evacuation) and a headline that
    names both: as wholes they score under the full-text merge bar, over the headline one."""
    from dataclasses import replace

    from consilience.cluster import StoryConfig

    other = ["Central bank raises interest rates again", "Chess champion retains title after tiebreak",
             "Parliament passes budget after long debate", "New museum opens in the old harbour"]  # fmt: skip
    heads = [
        ("a1", "Flood barrier fails in Ravensholm after record rainfall"),
        ("a2", "Ravensholm flood barrier gives way as rain hits record"),
        ("b1", "Mayor Okonedo orders evacuation of the lower town"),
        ("b2", "Okonedo evacuation order empties lower town overnight"),
        ("x", "Ravensholm barrier failure forces Okonedo evacuation order"),
    ]
    docs = [doc(f"o{i}", "", title=h, when=datetime(2025, 12, 1)) for i, h in enumerate(other)]
    docs += [doc(i, "", title=h, when=datetime(2025, 12, 13, n)) for n, (i, h) in enumerate(heads)]
    index = StoryIndex()
    index.warm(docs)
    last = [index.add(d) for d in docs][-1]
    assert last.merged == ("b1",) and index.story_of("b2") == index.story_of("a1") == "a1"
    assert index.stories["a1"].short == index.stories["a1"].size == 5
    restored = StoryIndex.from_state(json.loads(json.dumps(index.state())))
    assert restored.stories["a1"].short == 5
    # Control: held to the full-text bar, the two headline stories stay apart.
    full_bar = _stories(group_stories(docs, replace(StoryConfig(), short_merge_threshold=0.25)))
    assert full_bar["b1"] != full_bar["a1"] and full_bar["x"] in (full_bar["a1"], full_bar["b1"])
