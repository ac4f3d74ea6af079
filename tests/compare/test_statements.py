"""Reported statements (attribution claims with no figure or event): one claim when they say one thing."""

from __future__ import annotations

from consilience.compare import SourceArticle, compare_story
from consilience.compare.align import build_context, relate, statement_terms, with_statements

from .factories import claim

OUTLETS = ("Daily Lark", "Evening Post", "Harbour Times", "Valley Courier")
ARTICLES = [SourceArticle(chr(ord("a") + k), outlet=o) for k, o in enumerate(OUTLETS)]


def _said(article: str, quote: str, speaker: str, cue: str = "said"):
    return claim(
        article, "attribution", f"{speaker} ({cue})", quote=quote, chain=(speaker,), cue=cue
    )


def _statement_claims(comparison):
    return [c for c in comparison.claims if c.kind == "attribution"]


def test_speaker_words_and_the_verb_are_not_what_is_said():
    c = _said(
        "a",
        "The ferry left Portlin without its cargo, harbour master Ilse Varga said.",
        "harbour master Ilse Varga",
    )
    terms = statement_terms(c)
    assert {"ferry", "portli", "cargo"} <= terms  # six-letter prefixes stand in for stems
    assert not terms & {"harbou", "master", "ilse", "varga", "said"}


def test_one_statement_in_two_outlets_is_corroborated_whoever_is_credited():
    claims = [
        _said("a", "The ferry left Portlin harbour without its grain cargo on Tuesday, the port authority said.", "the port authority"),
        _said("b", "A ferry left Portlin without the grain cargo it was meant to carry, harbour master Ilse Varga said.", "harbour master Ilse Varga"),
    ]  # fmt: skip
    [c] = _statement_claims(compare_story(ARTICLES[:2], claims))
    assert c.status == "corroborated"
    assert len(c.support) == 2


def test_one_speaker_saying_two_things_is_two_claims():
    """The label "Varga (said)" is the same; what she said is not (the old rule merged on the label)."""
    claims = [
        _said("a", "The ferry left Portlin without its grain cargo, Varga said.", "Varga"),
        _said(
            "b",
            "Dock workers in Portlin will strike next week over unpaid wages, Varga said.",
            "Varga",
        ),
    ]
    found = _statement_claims(compare_story(ARTICLES[:2], claims))
    assert len(found) == 2
    assert all(c.status == "single_source" for c in found)


def test_a_short_speaker_label_inside_a_longer_one_does_not_merge():
    """'Mr (said)' is contained in 'Mr. Tolvan (said)': a token-set ratio of 100, but other words."""
    claims = [
        _said(
            "a",
            "The inquiry into the collapse of the Harbin bridge will report in March, Mr said.",
            "Mr",
        ),
        _said("b", "Nobody was on the footpath when the span fell, Mr. Tolvan said.", "Mr. Tolvan"),
    ]
    assert len(_statement_claims(compare_story(ARTICLES[:2], claims))) == 2


def test_words_every_report_repeats_weigh_little():
    """Two sentences sharing only the story's topic words ("Portlin", "ferry", "grain", "cargo") are
    two statements when the story's other sentences show those words are everywhere; among
    sentences about something else, the same four words make them one."""
    a = _said(
        "a",
        "The Portlin ferry lost its grain cargo because the crane operators walked out, Varga said.",
        "Varga",
    )
    b = _said(
        "b",
        "The Portlin ferry grain cargo now has a police escort, the ministry said.",
        "the ministry",
    )

    def relation(context: str):
        around = [
            claim(x, "quantity", context.format(k), value=str(k)) for k, x in enumerate("abcd")
        ]
        story = [*around, a, b]  # the weights come from every sentence compared, of any kind
        return relate(with_statements(build_context([], []), story), 4, a, 5, b)

    assert relation("The Portlin grain ferry cargo story, part {}.").type == "unrelated"
    assert relation("Elections in the northern province, part {}.").type == "same"


def test_statements_do_not_chain_through_overlapping_neighbours():
    """A ~ B ~ C ~ D, each sharing words with its neighbours: the four do not become one statement."""
    quotes = [
        "Rescuers reached the flooded Tarn mine shaft at dawn after pumping water all night, the mayor said.",
        "After pumping water all night, rescuers reached the Tarn shaft where four miners waited on a ledge, officials said.",
        "Four miners waited on a narrow ledge above the water in the Tarn shaft with one lamp, a rescuer said.",
        "Four miners on the ledge had one lamp and rationed their water for two days, a nurse said.",
    ]
    speakers = ("the mayor", "officials", "a rescuer", "a nurse")
    claims = [_said(x, q, s) for x, q, s in zip("abcd", quotes, speakers, strict=True)]
    ctx = with_statements(build_context([], []), claims)
    # each neighbour is one statement by the pairwise test ...
    assert [relate(ctx, k, claims[k], k + 1, claims[k + 1]).type for k in range(3)] == ["same"] * 3
    # ... the ends are not, and the chain does not carry them into one group
    assert relate(ctx, 0, claims[0], 3, claims[3]).type == "unrelated"
    groups = _statement_claims(compare_story(ARTICLES, claims))
    assert sorted(len(c.support) for c in groups) == [1, 3]
