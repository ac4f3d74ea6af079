"""Claim alignment: how two claims from the story relate (same, precision, revision, scope, conflict or unrelated)."""

from __future__ import annotations

import logging
import math
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from typing import Literal

from rapidfuzz.distance import JaroWinkler

from consilience.cluster.episodes import Episode, split_episodes
from consilience.cluster.features import content_terms
from consilience.compare.keys import (
    Subject,
    event_family,
    lexicon_markers,
    subject_of,
    subjects_compatible,
)
from consilience.compare.lexicon import data_json, fold
from consilience.compare.types import SourceArticle, StoryEntity
from consilience.compare.values import dates_compatible, quantity_of
from consilience.model import Claim

_log = logging.getLogger(__name__)

RelationType = Literal["same", "precision", "revision", "scope", "conflict", "unrelated"]
MERGING: frozenset[str] = frozenset({"same", "precision", "revision", "conflict"})
# Two reported statements say the same thing when the words they share carry at least this share of
# the shorter one's weight, and are at least this many. Chosen on hand-labelled pairs of giveme5w1h
# (bench/statements_realnews.py): a false link can chain two groups, so precision leads.
STATEMENT_OVERLAP = 0.5
STATEMENT_SHARED = 3
_STEM = 6  # prefix length standing in for a stemmer, as in story grouping


@dataclass(frozen=True, slots=True)
class Relation:
    """How claim `a` relates to claim `b`, and why; `later` is the index of the newer one in a revision."""

    type: RelationType
    reason: str
    later: int | None = None


@dataclass(frozen=True, slots=True)
class Context:
    """Story-wide facts the pairwise test needs: publication times and the entity of each surface name."""

    articles: dict[str, SourceArticle]
    entity_of: dict[tuple[str, str], str]  # (article id, folded surface) -> entity id
    entity_any: dict[str, str]  # folded surface -> entity id, when one entity owns the surface
    places: frozenset[str] = frozenset()  # entity ids of places: where something happened, not who
    # where the story happened: place entities named by at least half of its articles (two or more)
    core_places: frozenset[str] = frozenset()
    place_surfaces: Mapping[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)  # article -> (surface, place id)
    place_articles: Mapping[str, frozenset[str]] = field(default_factory=dict)  # place id -> articles naming it
    place_forms: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # place id -> its name and surfaces
    episodes: tuple[Episode, ...] = ()  # the story's bursts of reporting (cluster/episodes.py)
    episode_of: Mapping[str, int] = field(default_factory=dict)  # article -> its episode
    # what each reported statement says (claim index -> its terms) and how much each term weighs
    statements: Mapping[int, frozenset[str]] = field(default_factory=dict)
    term_weight: Mapping[str, float] = field(default_factory=dict)


def build_context(articles: Sequence[SourceArticle], entities: Sequence[StoryEntity]) -> Context:
    """Index entity variants by surface so actor names compare through entity resolution first."""
    per_article: dict[tuple[str, str], str] = {}
    owners: dict[str, set[str]] = {}
    for e in entities:
        for surface, arts in e.variants.items():
            key = fold(surface)
            owners.setdefault(key, set()).add(e.id)
            for a in arts:
                per_article[(a, key)] = e.id
        owners.setdefault(fold(e.name), set()).add(e.id)
    unique = {k: next(iter(v)) for k, v in owners.items() if len(v) == 1}
    place_entities = [e for e in entities if e.type == "place"]
    surfaces: dict[str, list[tuple[str, str]]] = {}
    named_in: dict[str, frozenset[str]] = {}
    for e in place_entities:
        for surface, arts in e.variants.items():
            for a in arts:
                surfaces.setdefault(a, []).append((surface, e.id))
        named_in[e.id] = frozenset(a for arts in e.variants.values() for a in arts)
    bar = max(2, len(articles) / 2)
    episodes = split_episodes([(a.id, a.published) for a in articles])
    return Context(
        {a.id: a for a in articles},
        per_article,
        unique,
        frozenset(e.id for e in place_entities),
        core_places=frozenset(pid for pid, arts in named_in.items() if len(arts) >= bar),
        place_surfaces={a: tuple(v) for a, v in surfaces.items()},
        place_articles=named_in,
        place_forms={e.id: (e.name, *e.variants) for e in place_entities},
        episodes=tuple(episodes),
        episode_of={a: ep.index for ep in episodes for a in ep.articles},
    )


@cache
def _place_lookup() -> Callable[[str], frozenset[tuple[str, str]]] | None:
    """Areas (country, first-level region or "") a place name may denote, by the gazetteer of
    consilience.names when that stage is installed."""
    try:
        from consilience.names.places import place_area, place_ids
    except ImportError:
        return None

    def areas(name: str) -> frozenset[tuple[str, str]]:
        return frozenset(a for pid in place_ids(name) if (a := place_area(pid)) is not None)

    return areas


def _areas(ctx: Context, place: str) -> frozenset[tuple[str, str]]:
    """Where a place entity may lie, from any of its names (empty when the gazetteer has none)."""
    lookup = _place_lookup()
    if lookup is None:
        return frozenset()
    return frozenset(a for form in ctx.place_forms.get(place, ()) for a in lookup(form))


def _within(area: tuple[str, str], home: frozenset[tuple[str, str]]) -> bool:
    """Whether a place lies where the story happened: in one of its countries and, when the story
    has a place of known first-level region in that country, in one of those regions (Texas is
    not Las Vegas, Nevada; Kunduz province is not Mazar-i-Sharif's Balkh, though both are in
    Afghanistan)."""
    same_country = [h for h in home if h[0] == area[0]]
    regions = {h[1] for h in same_country if h[1]}
    if not same_country:
        return False
    return not (area[1] and regions) or area[1] in regions


def _elsewhere(ctx: Context, c: Claim) -> str | None:
    """The place a figure's clause is set in when that is not where the story happened.

    "the six people who died when the seaplane crashed into Sydney river" in a story on a Costa
    Rica crash; "Texas restaurant: 22 dead" in a round-up under the Las Vegas shooting. A place
    is elsewhere when the clause names no place of the story's own, and by the gazetteer it lies
    in none of their countries (or US states), or, unknown to it, no other article names it.
    """
    if not ctx.core_places:
        return None
    clause = _own_clause(c)
    named = [
        (surface, pid)
        for surface, pid in ctx.place_surfaces.get(c.article_id, ())
        if re.search(rf"(?<!\w){re.escape(surface)}(?!\w)", clause)
    ]
    if not named or any(pid in ctx.core_places for _, pid in named):
        return None
    home = frozenset(area for pid in ctx.core_places for area in _areas(ctx, pid))
    for surface, pid in named:
        areas = _areas(ctx, pid)
        if areas and home and not any(_within(a, home) for a in areas):
            return surface
        if not areas and ctx.place_articles.get(pid, frozenset()) <= {c.article_id}:
            return surface
    return None


@cache
def _names_compare() -> Callable[[str, str], object] | None:
    """consilience.names.compare_names when another stage provides it (it knows scripts and transliteration)."""
    try:
        from consilience.names import compare_names  # type: ignore[attr-defined]
    except ImportError:
        return None
    return compare_names


def _names_same(a: str, b: str) -> bool:
    """Within one story a short form names the full one ("Holt" / "Maren Holt"); else ask names/, else fuzzy surnames."""
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return False
    ta, tb = fa.split(), fb.split()
    if set(ta) <= set(tb) or set(tb) <= set(ta):
        return True
    compare = _names_compare()
    if compare is not None:
        try:
            # actors are mostly people; kind=None would load the place gazetteer (seconds) to guess
            result = compare(a, b, kind="person")
            same = getattr(result, "same", None)
            if same is None and isinstance(result, dict):
                same = result.get("same")
            if same is not None:
                return bool(same)
        except Exception:  # noqa: BLE001 - a names bug must not sink the comparison; fall back below
            _log.warning(
                "compare_names(%r, %r) failed; using the fuzzy fallback", a, b, exc_info=True
            )
    # fallback when names/ is absent: near-identical surnames are transliterations of one name
    return JaroWinkler.similarity(ta[-1], tb[-1]) >= 0.9 and (
        len(ta) == 1 or len(tb) == 1 or ta[0][0] == tb[0][0]
    )


def _actor_key(ctx: Context, article: str, name: str) -> str | None:
    key = fold(name)
    return ctx.entity_of.get((article, key)) or ctx.entity_any.get(key)


def actors_of(ctx: Context, c: Claim) -> tuple[str, ...]:
    """The claim's actors less the names resolved as places ("near Halsk" says where, not who)."""
    return tuple(x for x in c.actors if _actor_key(ctx, c.article_id, x) not in ctx.places)


def actors_compatible(ctx: Context, a: Claim, b: Claim) -> tuple[bool, str]:
    """Actors agree when one side names none, or some actor is one entity (or one name) on both sides."""
    xs, ys = actors_of(ctx, a), actors_of(ctx, b)
    if not xs or not ys:
        return True, "one side names no actor"
    for x in xs:
        for y in ys:
            kx, ky = _actor_key(ctx, a.article_id, x), _actor_key(ctx, b.article_id, y)
            if kx is not None and kx == ky:
                return True, f"'{x}' and '{y}' are one entity"
            if (kx is None or ky is None or kx == ky) and _names_same(x, y):
                return True, f"'{x}' and '{y}' name the same person"
    return False, f"actors differ: {', '.join(a.actors)} vs {', '.join(b.actors)}"


def _related_events(fa: str, fb: str) -> str | None:
    for x, y, why in data_json("relations.json")["related_events"]:
        if {x, y} == {fa, fb}:
            return why
    return None


def _revision(ctx: Context, i: int, a: Claim, j: int, b: Claim) -> Relation | None:
    """A newer report that updates an older figure: later publication plus update words in the newer one."""
    pa = ctx.articles.get(a.article_id)
    pb = ctx.articles.get(b.article_id)
    ta, tb = (pa.published if pa else None), (pb.published if pb else None)
    ua = lexicon_markers(a.quote, "update_words") or (["(marked)"] if a.extra.get("update") else [])
    ub = lexicon_markers(b.quote, "update_words") or (["(marked)"] if b.extra.get("update") else [])
    if ta and tb and ta != tb:
        later, words, newer, older = (j, ub, b, a) if tb > ta else (i, ua, a, b)
        if words:
            return Relation(
                "revision",
                f"{newer.article_id} (published later) updates {older.value} to {newer.value} ('{words[0]}')",
                later,
            )
        return None
    if bool(ua) != bool(ub):
        later, newer, older, words = (i, a, b, ua) if ua else (j, b, a, ub)
        return Relation(
            "revision",
            f"{newer.article_id} updates {older.value} to {newer.value} ('{words[0]}')",
            later,
        )
    return None


def _figure_span(c: Claim) -> tuple[int, int] | None:
    """Where the figure stands inside the claim's quote (its "span" is in article offsets)."""
    try:
        start, end = (int(x) - c.start for x in c.extra.get("span", "").split("-"))
    except ValueError:
        return None
    return (start, end) if 0 <= start < end <= len(c.quote) else None


def _own_clause(c: Claim) -> str:
    """The quote up to the end of the figure's clause: a marker in a later clause ("..., and
    that new arrests have continued throughout the winter") is about something else. Words
    before the figure stay ("Throughout the year, 120 were arrested")."""
    span = _figure_span(c)
    if span is None:
        return c.quote
    cut = re.search(r"[,;:]", c.quote[span[1] :])
    return c.quote[: span[1] + cut.start()] if cut else c.quote


def _figure_clause(c: Claim) -> str:
    """The figure's clause alone, between the clause breaks on either side of it."""
    own, span = _own_clause(c), _figure_span(c)
    if span is None:
        return own
    breaks = [m.end() for m in re.finditer(r"[,;:]", own[: span[0]])]
    return own[breaks[-1] if breaks else 0 :]


def _markers_differ(ctx: Context, a: Claim, b: Claim) -> str | None:
    for attr, what in (
        ("cumulative_markers", "a cumulative count"),
        ("past_occasion_markers", "an earlier occasion"),
    ):
        ma = set(lexicon_markers(_own_clause(a), attr))
        mb = set(lexicon_markers(_own_clause(b), attr))
        if a.extra.get("scope") == attr.split("_")[0]:
            ma.add(a.extra["scope"])
        if b.extra.get("scope") == attr.split("_")[0]:
            mb.add(b.extra["scope"])
        if attr == "past_occasion_markers" and bool(ma) != bool(mb):
            # a marker word dates a figure to an earlier occasion as its own date does: "arrested
            # in 2023 and sentenced to eleven years" against «осуждённый в 2023 году на 11 лет»
            # (the same occasion only when the marker names that date's year)
            pa, pb = _past_occasion(ctx, a), _past_occasion(ctx, b)
            if pa and any(pa[:4] in m for m in mb):
                ma.add(pa)
            if pb and any(pb[:4] in m for m in ma):
                mb.add(pb)
        if bool(ma) != bool(mb):
            who, marker = (a, min(ma)) if ma else (b, min(mb))
            return f"{who.article_id} gives {what} ('{marker}'), not this occasion"
    return None


_PAST_DAYS = 14  # a figure dated this long before its article's publication is about an earlier occasion


def _past_occasion(ctx: Context, c: Claim) -> str | None:
    """The claim's own date when it lies well before its article was published ("in February he pardoned a dozen")."""
    art = ctx.articles.get(c.article_id)
    if not c.when or not art or not art.published:
        return None
    try:
        when = date.fromisoformat((c.when + "-01-01")[:10] if len(c.when) < 10 else c.when[:10])
        published = date.fromisoformat(art.published[:10])
    except ValueError:
        return None
    if len(c.when) == 4:  # a bare year is past only when the whole year is
        return c.when if int(c.when) < published.year else None
    if len(c.when) == 7:
        return c.when if c.when < art.published[:7] else None
    return c.when if (published - when).days > _PAST_DAYS else None


def _occasions_differ(ctx: Context, a: Claim, b: Claim) -> str | None:
    """One claim is dated to an earlier occasion and the other is not: a figure for another day."""
    pa, pb = _past_occasion(ctx, a), _past_occasion(ctx, b)
    if bool(pa) == bool(pb):
        return None
    who, when, other = (a, pa, b) if pa else (b, pb, a)
    # the undated side may still say it: "in 2023" in the figure's clause meets a figure dated 2023
    if any(when[:4] in m for m in lexicon_markers(_figure_clause(other), "past_occasion_markers")):
        return None
    return f"{who.article_id} dates its figure to {when}, an earlier occasion than the other's"


def _same_part(a: Claim, b: Claim) -> bool:
    """Two parts named alike (both in hospital, or both of one severity): the same subset as far
    as words tell, unlike "nine of the dead" and "five of the dead"."""
    kind = a.extra.get("part_kind")
    return kind in ("hospital", "severity") and kind == b.extra.get("part_kind")


def _partitive(a: Claim, b: Claim) -> str | None:
    """'114 of the released individuals' is a part of a whole: a narrower scope, never a rival
    figure. Two parts ("nine of the dead ...", "five of the dead were relatives") are two subsets
    unless shown otherwise: what makes each a part is said after the number, and not compared."""
    pa, pb = a.extra.get("partitive"), b.extra.get("partitive")
    if pa and pb and _same_part(a, b):
        return None  # both count those in hospital, or of one severity: compare the figures
    if pa and pb:
        return f"'{a.extra.get('text', a.value)} {pa}' and '{b.extra.get('text', b.value)} {pb}' count parts of the group"
    if bool(pa) == bool(pb):
        return None
    part = a if pa else b
    return f"'{part.extra.get('text', part.value)} {pa or pb}' counts a part of the group, not the whole"


def _relate_dates(ctx: Context, i: int, a: Claim, j: int, b: Claim) -> Relation:
    """Two dates align only when they date one event: the same event family and one named actor on both sides.

    A year alone ("arrested in 2023", "imposed in 2022") says nothing about which event it dates,
    so a date without its event or without a named actor never aligns; dates a year or more apart
    are read as different occasions (a repeat arrest, another round of sanctions), not a conflict.
    """
    fa, fb = event_family(a), event_family(b)
    if not fa or not fb or fa != fb:
        return Relation("unrelated", f"dates of different events ({a.event_type}, {b.event_type})")
    if not (actors_of(ctx, a) and actors_of(ctx, b)):
        # a place alone ("Varnia released on ...") names no one whose act the date could be
        return Relation("unrelated", "a date with no named actor on one side")
    ok, why = actors_compatible(ctx, a, b)
    if not ok:
        return Relation("unrelated", why)
    va, vb = a.value or "", b.value or ""
    if va[:4] != vb[:4] and not dates_compatible(va, vb):
        return Relation("scope", f"different occasions ({va} vs {vb}): {why}")
    apart = _days_apart(va, vb)
    recurring = data_json("relations.json")["recurring_events"]
    if fa in recurring["families"] and apart is not None and apart > recurring["max_days"]:
        # "a snap meeting of the Security Council" on the 8th, "an emergency meeting" on the 16th
        return Relation("scope", f"{fa} events {apart} days apart are two occasions ({va} vs {vb})")
    return _values(ctx, i, a, j, b)


def _days_apart(a: str, b: str) -> int | None:
    """Days between two day-precision ISO dates; None when either is a month, a year or no date."""
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days) if len(a) >= 10 and len(b) >= 10 else None
    except ValueError:
        return None


def _values(ctx: Context, i: int, a: Claim, j: int, b: Claim) -> Relation:
    """Compare the values of two aligned claims: equal, precision-compatible, revised, or in conflict."""
    if a.kind == "date" or (a.kind != "quantity" and a.when and b.when):
        va, vb = (a.value, b.value) if a.kind == "date" else (a.when, b.when)
        if not va or not vb:
            return Relation("same", "no date to compare on one side")
        if va == vb:
            return Relation("same", f"both give {va}")
        if dates_compatible(va, vb):
            return Relation("precision", f"{va} and {vb} agree at different precision")
        return _revision(ctx, i, a, j, b) or Relation(
            "conflict", f"{a.article_id} gives {va}, {b.article_id} gives {vb}"
        )
    qa, qb = quantity_of(a), quantity_of(b)
    if qa is None or qb is None:
        return Relation("same", "no figure to compare on one side")
    if (qa.low, qa.high) == (qb.low, qb.high):  # one figure, or one range ("several hundred")
        return Relation("same", f"both give {qa.text}")
    if qa.overlaps(qb):
        return Relation(
            "precision", f"'{qa.text}' and '{qb.text}' are compatible at different precision"
        )
    return _revision(ctx, i, a, j, b) or Relation(
        "conflict",
        f"{a.article_id} gives {qa.text}, {b.article_id} gives {qb.text}: the ranges do not meet",
    )


def _family(c: Claim, subject: Subject) -> str | None:
    """What happened to those counted: the state a casualty noun names ("погибших", "the injured") first,
    since it says who is counted ("23 injured were taken to hospital" counts the injured), else the event."""
    return subject.state or event_family(c)


def _durations_unanchored(ctx: Context, a: Claim, b: Claim, fa: str | None, fb: str | None) -> str | None:
    """Spans of time compare only as one person's span of one event ("sentenced Vartanov to 6 years");
    two people's sentences, or a wage and a complaint both lasting years, are different facts."""
    kinds = {a.extra.get("quantity_kind"), b.extra.get("quantity_kind")}
    if a.kind != "quantity" or "duration" not in kinds:
        return None
    if not (fa and fb):
        return "a span of time tied to no event: nothing says it is the same span"
    xs, ys = actors_of(ctx, a), actors_of(ctx, b)
    if not (xs and ys):
        return "a span of time with no named person on one side: nothing says whose it is"
    return None


def _bare_headcount(a: Claim, b: Claim, sa: Subject, sb: Subject, fa: str | None, fb: str | None) -> str | None:
    """'employs about 1,800 people' and 'about 40 people were working' say nothing happened to anyone:
    two head counts of people with no event are not one fact (measures such as metres still align)."""
    if a.kind == "quantity" and not (fa or fb) and sa.person and sb.person:
        return "head counts of people with no event: nothing says they count the same group"
    return None


def relate(ctx: Context, i: int, a: Claim, j: int, b: Claim) -> Relation:
    """Relation of two claims; checks run from 'is it the same thing' to 'do the values agree'."""
    if a.kind != b.kind:
        return Relation("unrelated", "different kinds")
    ea, eb = ctx.episode_of.get(a.article_id), ctx.episode_of.get(b.article_id)
    if ea is not None and eb is not None and ea != eb:
        # weeks apart: the same topic's another event, whose figures are no rival of these
        return Relation("unrelated", f"different episodes of the story ({ea + 1} and {eb + 1})")
    if a.kind == "other":
        return Relation("unrelated", "context, not a checkable claim")
    if a.kind == "date":
        return _relate_dates(ctx, i, a, j, b)
    if _statement_pair(a, b):
        return _relate_statements(ctx, i, a, j, b)
    sa, sb = subject_of(a), subject_of(b)
    fa, fb = _family(a, sa), _family(b, sb)
    ok, why_subject = subjects_compatible(sa, sb)
    if not ok:
        return Relation("unrelated", why_subject)
    ok, why_actors = actors_compatible(ctx, a, b)
    if not ok:
        return Relation("unrelated", why_actors)
    loose = _durations_unanchored(ctx, a, b, fa, fb) or _bare_headcount(a, b, sa, sb, fa, fb)
    if loose:
        return Relation("unrelated", loose)
    if a.kind == "quantity" and bool(fa) != bool(fb):
        # "7 miners killed" and "23 miners were injured": the same noun, but only one says what happened
        return Relation("unrelated", "only one figure says what happened to those counted")
    if fa and fb and fa != fb:
        why = _related_events(fa, fb)
        if why and a.kind == "quantity":
            return Relation("scope", f"{a.event_type or fa} vs {b.event_type or fb}: {why}")
        return Relation("unrelated", f"different events ({fa}, {fb})")
    if (fa is None or fb is None) and (sa.concept is None or sb.concept is None):
        return Relation("unrelated", "nothing anchors the two claims to one fact")
    if a.kind == "event" and not (a.actors and b.actors) and sa.concept is None:
        return Relation("unrelated", "an event with no named actor on one side")
    if sa.concept and sb.concept and sa.modifiers != sb.modifiers:
        narrow, wide = (sa, sb) if len(sa.modifiers) > len(sb.modifiers) else (sb, sa)
        return Relation("scope", f"'{narrow.text}' is a narrower group than '{wide.text}'")
    marker = _markers_differ(ctx, a, b) or (_partitive(a, b) if a.kind == "quantity" else None)
    marker = marker or _occasions_differ(ctx, a, b)
    if marker:
        return Relation("scope", marker)
    if a.kind == "event" and a.when and b.when and a.when[:4] != b.when[:4]:
        return Relation("scope", f"different occasions ({a.when} vs {b.when})")
    if a.kind == "quantity" and a.when and b.when and not dates_compatible(a.when, b.when):
        rev = _revision(ctx, i, a, j, b)
        return rev or Relation("scope", f"different occasions ({a.when} vs {b.when})")
    if a.kind == "quantity" and not (fa or fb) and _figures_differ(a, b):
        # "27 engines" (one rocket) and "30 engines" (another), "$140 million" and "$5 billion":
        # a shared unit makes equal figures one fact, but differing ones need an event to say
        # they measure the same thing; without one, a conflict is mostly two different things
        return Relation("unrelated", "different figures, and no event on either side ties them to one fact")
    rel = _values(ctx, i, a, j, b)
    if rel.type == "conflict" and a.kind == "quantity":
        for who, other in ((a, b), (b, a)):
            where = _elsewhere(ctx, who)
            if where and where != _elsewhere(ctx, other):
                return Relation("scope", f"{who.article_id} gives a figure for {where}, not where this story happened")
    return rel


def statement_terms(c: Claim) -> frozenset[str]:
    """What a reported sentence says: its content terms, less the speaker's words and the reporting verb.

    An attribution claim has no figure or event to align on, so its words are the fact: "the girls
    were freed after negotiations", whoever is credited with it (who says so is the origin's business).
    """
    said_by = " ".join((*c.attribution.chain, c.attribution.cue)) if c.attribution else ""
    speaker = set(content_terms(said_by, _STEM))
    return frozenset(t for t in content_terms(c.quote, _STEM) if t not in speaker)


def term_weights(claims: Sequence[Claim]) -> dict[str, float]:
    """Rarity of each term over the story's distinct sentences (smoothed idf).

    Every report of a launch says "North Korea", "missile", "launch": shared, those words say only
    that two sentences are about the story. The rarer words they share say it is one statement.
    """
    sentences = {c.quote for c in claims}
    df = Counter(t for q in sentences for t in set(content_terms(q, _STEM)))
    n = len(sentences)
    return {t: math.log((n + 1) / (k + 0.5)) for t, k in df.items()}


def with_statements(ctx: Context, claims: Sequence[Claim]) -> Context:
    """The context with the terms of each attribution claim and the story's term weights."""
    terms = {i: statement_terms(c) for i, c in enumerate(claims) if c.kind == "attribution"}
    return replace(ctx, statements=terms, term_weight=term_weights(claims))


def _relate_statements(ctx: Context, i: int, a: Claim, j: int, b: Claim) -> Relation:
    """Two reported statements are one when the words they share carry most of the shorter one.

    Compared before: the speaker-and-verb labels ("Enio Cubillo (said)") by token-set ratio, which
    scores a label contained in another at 100, so "Mr (said)" matched every "Mr. X (said)" and a
    story's attributions chained into one claim (bench/statements_realnews.py).
    """
    ta = ctx.statements.get(i) or statement_terms(a)
    tb = ctx.statements.get(j) or statement_terms(b)
    shared = ta & tb
    if len(shared) < STATEMENT_SHARED:
        return Relation("unrelated", f"statements share {len(shared)} content words")
    weight = ctx.term_weight

    def mass(terms: frozenset[str]) -> float:
        return sum(weight.get(t, 1.0) for t in terms)

    overlap = mass(shared) / min(mass(ta), mass(tb))
    if overlap >= STATEMENT_OVERLAP:
        return Relation("same", f"statements share {len(shared)} words, {overlap:.0%} of the shorter by weight")
    return Relation("unrelated", f"statements share {overlap:.0%} of the shorter by weight")


def _figures_differ(a: Claim, b: Claim) -> bool:
    qa, qb = quantity_of(a), quantity_of(b)
    if qa is None or qb is None:
        return False
    return not (qa.exact and qb.exact and qa.low == qb.low) and not qa.overlaps(qb)


def settle_mutual(
    claims: Sequence[Claim], relations: dict[tuple[int, int], Relation]
) -> dict[tuple[int, int], Relation]:
    """A conflict between two articles that each also state the other's value is no conflict
    between them: both say "sanctions in August" and "launches in July", and the two dates are
    two facts the extractor tied to one event, not one source against another."""
    agree = {"same", "precision"}

    def rel(x: int, y: int) -> Relation | None:
        return relations.get((x, y) if x < y else (y, x))

    by_article: dict[str, list[int]] = {}
    for k, c in enumerate(claims):
        by_article.setdefault(c.article_id, []).append(k)
    out = dict(relations)
    for (i, j), r in relations.items():
        if r.type != "conflict":
            continue
        a, b = claims[i].article_id, claims[j].article_id
        a_has_b = [k for k in by_article[a] if k != i and (x := rel(k, j)) is not None and x.type in agree]
        b_has_a = [k for k in by_article[b] if k != j and (x := rel(k, i)) is not None and x.type in agree]
        if a != b and a_has_b and b_has_a:
            out[(i, j)] = Relation("scope", f"{a} and {b} each give both values: {r.reason}")
            continue
        # One sentence that gives both values for one event ("the attack took place about 150
        # nautical miles off Aden and the warship was about 13 nautical miles away") measures two
        # things with them: neither figure is a rival of the other's.
        for own, both in ((i, a_has_b), (j, b_has_a)):
            if any(claims[k].start == claims[own].start for k in both):
                where = claims[own].article_id
                out[(i, j)] = Relation("scope", f"{where} gives both values in one sentence: two measures, not rivals")
                break
    return out


def cluster(claims: Sequence[Claim], relations: dict[tuple[int, int], Relation]) -> list[list[int]]:
    """Union claims that state one fact; inside one article only plain repeats merge (an article rarely contradicts itself)."""
    parent = list(range(len(claims)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    statements: list[tuple[int, int]] = []
    for (i, j), rel in relations.items():
        if rel.type not in MERGING:
            continue
        if claims[i].article_id == claims[j].article_id and rel.type not in {"same", "precision"}:
            continue
        if _statement_pair(claims[i], claims[j]):
            statements.append((i, j))
            continue
        parent[find(i)] = find(j)
    _link_statements(claims, statements, parent, find)
    groups: dict[int, list[int]] = {}
    for i in range(len(claims)):
        groups.setdefault(find(i), []).append(i)
    return sorted(groups.values(), key=lambda g: g[0])


def _statement_pair(a: Claim, b: Claim) -> bool:
    """Two attribution claims compared by their words alone (neither figure nor event on both)."""
    return a.kind == b.kind == "attribution" and not ((a.event_type or a.unit) and (b.event_type or b.unit))


def _link_statements(
    claims: Sequence[Claim], pairs: list[tuple[int, int]], parent: list[int], find: Callable[[int], int]
) -> None:
    """Join reported statements by average link: two groups become one only when at least half of
    their pairs from different articles say the same thing.

    Why not a plain union: word overlap is a looser test than equal figures, and in a big story
    single links chain ("the missile flew over Hokkaido" ~ "... landed off Hokkaido" ~ "... launched
    from near Pyongyang"): on giveme5w1h one group gathered 49 claims from 43 speakers
    (bench/statements_realnews.py).
    """
    same = set(pairs)
    members: dict[int, list[int]] = {}
    for x in {k for pair in pairs for k in pair}:  # claims may already be joined by their figures
        members.setdefault(find(x), [])
    for x in range(len(claims)):
        if find(x) in members:
            members[find(x)].append(x)
    for i, j in pairs:
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        gi, gj = members[ri], members[rj]
        cross = [(min(x, y), max(x, y)) for x in gi for y in gj if claims[x].article_id != claims[y].article_id]
        if 2 * sum(pair in same for pair in cross) < len(cross):
            continue
        parent[ri] = rj
        members[rj] = gi + gj
        del members[ri]


def all_relations(ctx: Context, claims: Sequence[Claim]) -> dict[tuple[int, int], Relation]:
    """The relation of every pair of claims of one kind; a pair left out is unrelated.

    Blocking by kind (and leaving out context claims) keeps big stories affordable: claims of two
    kinds are never one fact, and they were most of the pairs.
    """
    ctx = with_statements(ctx, claims)
    by_kind: dict[str, list[int]] = {}
    for i, claim in enumerate(claims):
        if claim.kind != "other":
            by_kind.setdefault(claim.kind, []).append(i)
    out = {}
    for members in by_kind.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                out[(i, j)] = relate(ctx, i, claims[i], j, claims[j])
    return out
