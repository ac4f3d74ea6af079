"""Entry point: the checkable statements one article makes, each with its quote and its source.

Per sentence we find dates (resolved over the whole text, so "a year later" can lean on the date
before it), quantities, events, the attribution chain and any hedge; the attribution and hedge of
a sentence go onto every claim made in it. Pure function: no store, no network.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace

from consilience.extract.actors import ground_event
from consilience.extract.attribution import find_attribution, find_hedge, what_was_said
from consilience.extract.dates import DateSpan, find_dates
from consilience.extract.events import Event, find_events
from consilience.extract.lexicon import Lexicon, load_lexicon, normalise_language
from consilience.extract.quantities import Quantity, find_quantities
from consilience.extract.salience import triage
from consilience.extract.sentences import Sentence, split_sentences
from consilience.model import Attribution, Claim, Mention
from consilience.normalise.text import clip


def _label(event_type: str) -> str:
    """Readable past form of an event type ('pardon' -> 'pardoned'), from the English lexicon."""
    return load_lexicon("en").get("event_labels", {}).get(event_type, event_type)


def _nearest_date(dates: list[DateSpan], pos: int, end: int | None = None) -> DateSpan | None:
    """The date written closest to the span pos..end in the same sentence (absolute offsets)."""
    if not dates:
        return None
    end = pos if end is None else end
    return min(dates, key=lambda d: min(abs(d.start - end), abs(pos - d.end)))


def _span_gap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    """Characters between two spans (0 when they touch or overlap)."""
    return max(0, b_start - a_end, a_start - b_end)


def _trigger_of(d: DateSpan, events: list[Event]) -> tuple[int, Event] | None:
    """The trigger nearest a date, with the gap: a date belongs to the trigger of its own clause,
    and the nearest trigger is the cheap stand-in for that clause."""
    return min(
        ((_span_gap(d.start, d.end, e.start, e.end), e) for e in events),
        key=lambda ge: ge[0],
        default=None,
    )


def _bound(d: DateSpan, s: Sentence, lex: Lexicon) -> bool:
    """'ruled since 2011', 'held until March': the edge of a period, not the day of an event.

    The preposition is inside the date's own text ("since 2011") or just before it.
    """
    words = set(lex.get("bound_prepositions", []))
    if not words:
        return False
    before = s.text[max(0, d.start - s.start - 20) : d.start - s.start].lower().split()
    own = d.text.lower().split()
    return any(" ".join(w) in words for w in (own[:1], own[:2], before[-1:], before[-2:]) if w)


def _own_dates(dates: list[DateSpan], events: list[Event]) -> dict[int, DateSpan]:
    """Each event's date (by event id): the nearest of the dates whose nearest trigger it is.

    "Hrybau, who was arrested in 2023 ..., is among those freed": 2023 belongs to the arrest,
    so the release gets no date rather than the arrest year.
    """
    owned: dict[int, tuple[int, DateSpan]] = {}
    for d in dates:
        found = _trigger_of(d, events)
        if found is not None and (id(found[1]) not in owned or found[0] < owned[id(found[1])][0]):
            owned[id(found[1])] = (found[0], d)
    return {key: d for key, (_, d) in owned.items()}


def _between(events: list[Event], quantities: list[tuple[int, int]], pos: int, end: int) -> list[Event]:
    """Events after this count with another count in between belong to that one: in "two people
    remain trapped and more than 50 were injured", the injuries are the fifty's. An event before
    a list of counts is every one's ("killed 12 people, including 10 tourists and two pilots")."""

    def free(e: Event) -> bool:
        if e.start < end:
            return True
        return not any(end <= a and b <= e.start for a, b in quantities if (a, b) != (pos, end))

    return [e for e in events if free(e)]


def _duration_event(
    events: list[Event], pos: int, end: int, sentence: Sentence, lex: Lexicon
) -> Event | None:
    """A duration belongs to an event only as its complement: the event word right after it
    ("two days of talks", «два дня переговоров»), else the nearest one before it in the same
    clause ("sentenced to eleven years", «осуждён на 11 лет»). A relative clause in between
    ("those released included X, who had served three years") or an event only after it, past
    other words, leaves the duration without one."""
    real = [e for e in events if e.event_type != "statement"]
    text, base = sentence.text, sentence.start
    relatives = {w.lower() for w in lex.get("relative_pronouns", [])}

    def joined(e: Event) -> bool:  # only a space or "of" between them, and one word ("of closed talks")
        gap = text[end - base : e.start - base]
        return e.start >= end and re.fullmatch(r"\s*(?:of\s+)?(?:[\w-]+\s+)?", gap) is not None

    def same_clause(e: Event) -> bool:
        gap = text[e.end - base : pos - base].lower()
        return e.end <= pos and not relatives & set(re.findall(r"\w+", gap))

    after = [e for e in real if joined(e)]
    if after:
        return after[0]
    before = [e for e in real if same_clause(e)]
    return max(before, key=lambda e: e.end) if before else None


def _same_side(events: list[Event], sentence: Sentence, pos: int, end: int, lex: Lexicon) -> list[Event]:
    """The events on the count's side of a concessive clause break: in "Some 197 girls remain
    captives, although it is not known how many have died", nobody counted 197 dead."""
    words = lex.get("concessive_openers", [])
    if not words:
        return events
    brk = re.compile(r"[,;]\s*(?:" + "|".join(re.escape(w) for w in words) + r")\b|;", re.IGNORECASE)
    text, base = sentence.text, sentence.start

    def apart(e: Event) -> bool:
        lo, hi = (end, e.start) if e.start >= end else (e.end, pos)
        return brk.search(text, max(0, lo - base), max(0, hi - base)) is not None

    return [e for e in events if not apart(e)]


def _nearest_event(events: list[Event], pos: int, end: int | None = None) -> Event | None:
    """The non-speech event nearest to a quantity: what happened to the things counted.

    A trigger inside the quantity's own words ("114 of the released individuals") describes the
    whole the count is taken from, not what happened to the count, so it is skipped; unless it is
    the word counted itself ("around 202 injured", "12 dead"), which says what happened to them.
    """
    end = pos if end is None else end
    real = [
        e
        for e in events
        if e.event_type != "statement" and not (pos <= e.start and e.end < end)
    ]
    if not real:
        return None
    return min(real, key=lambda e: min(abs(e.start - pos), abs(e.end - pos)))


def _event_statement(ev: Event, obj: str | None, when: str | None) -> str:
    """'Alexander Lukashenko pardoned 123 detainees (2025-12-13)'; 'Ales Bialiatski, Maria
    Kalesnikava released' when only those it was done to are named."""
    roles = ev.roles if len(ev.roles) == len(ev.actors) else ("subject",) * len(ev.actors)
    doers = [a for a, r in zip(ev.actors, roles) if r != "object"]
    done_to = [a for a, r in zip(ev.actors, roles) if r == "object"]
    if not doers:
        doers, done_to = [", ".join(done_to)] if done_to else [], []
    parts = [", ".join(doers[:1]), _label(ev.event_type)]
    if obj:
        parts.append(obj)
    elif done_to or len(doers) > 1:
        parts.append(", ".join(done_to or doers[1:2]))
    if ev.where:
        parts.append(f"({'to' if ev.event_type == 'transfer' else 'in'} {ev.where})")
    if when:
        parts.append(_when(when))
    return " ".join(p for p in parts if p)


def _when(value: str) -> str:
    """ "on 2025-12-13", but "in 2023" and "in 2023-03": a year or month is no day to be on."""
    return f"in {value}" if re.fullmatch(r"\d{4}(?:-\d{2})?", value) else f"on {value}"


def _base(article_id: str, s: Sentence, attribution: Attribution | None, hedge: str | None) -> dict:
    """The fields every claim of one sentence shares."""
    return {
        "article_id": article_id,
        "quote": s.text,
        "start": s.start,
        "end": s.end,
        "attribution": attribution,
        "hedged": hedge is not None,
        "hedge": hedge,
    }


def _sentence_claims(
    article_id: str,
    s: Sentence,
    lang: str,
    dates: list[DateSpan],
    mentions: Sequence[Mention] | None = None,
) -> list[Claim]:
    """All claims of one sentence; with `mentions` (offsets into the sentence), event actors are
    grounded in them (see actors.py)."""
    lex = load_lexicon(lang)
    found = find_attribution(s.text, lex)
    attribution = found.attribution if found else None
    hedge_hit = find_hedge(s.text, lex)
    hedge = hedge_hit[0] if hedge_hit else None
    base = _base(article_id, s, attribution, hedge)
    masked = [(d.start - s.start, d.end - s.start) for d in dates]
    quantities: list[Quantity] = find_quantities(s.text, lex, masked)
    events = find_events(s.text, lex)
    if mentions is not None:
        chain = attribution.chain if attribution else ()
        grounded = [ground_event(e, s.text, mentions, chain) for e in events]
        events = [
            replace(e, actors=tuple(n for n, _ in g), roles=tuple(r for _, r in g))
            for e, g in zip(events, grounded)
        ]
    abs_events = [replace(e, start=e.start + s.start, end=e.end + s.start) for e in events]
    out: list[Claim] = []
    objects: dict[int, str] = {}
    # A bound ("since 2011") neither dates an event nor is dated by one.
    bounds = {id(d) for d in dates if _bound(d, s, lex)}
    points = [d for d in dates if id(d) not in bounds]
    owned = _own_dates(points, abs_events)
    spans = [(s.start + q.start, s.start + q.end) for q in quantities if q.kind == "count"]
    for q in quantities:
        pos = s.start + q.start
        free = _between(abs_events, spans, pos, s.start + q.end)
        if q.kind == "duration":  # "who had served three years", far from "released": no event
            ev = _duration_event(free, pos, s.start + q.end, s, lex)
        elif q.part_kind == "whole":  # "the release of any of the 200 girls": not 200 released
            ev = None
        else:
            ev = _nearest_event(_same_side(free, s, pos, s.start + q.end, lex), pos, s.start + q.end)
        when = owned.get(id(ev)) if ev is not None else _nearest_date(points, pos)
        # "12 dead" already says what happened to them: no "died" after it
        said = ev is not None and pos <= ev.start and ev.end <= s.start + q.end
        label = _label(ev.event_type) if ev and not said else ""
        statement = f"{q.display} {q.unit}" + (
            (f" ({label})" if q.kind == "duration" else f" {label}") if label else ""
        )
        if ev is not None and id(ev) not in objects:
            objects[id(ev)] = f"{q.display} {q.unit}"
        extra = {"span": f"{pos}-{s.start + q.end}", "text": q.text, "unit_key": q.unit_key,
                 "quantity_kind": q.kind, "reason": q.reason}  # fmt: skip
        if q.vague:
            extra["vague"] = q.vague
        if q.partitive:
            extra["partitive"] = q.partitive
            extra["part_kind"] = q.part_kind
        out.append(
            Claim(
                kind="quantity",
                statement=statement,
                value=q.value,
                unit=q.unit,
                approximate=q.approximate,
                event_type=ev.event_type if ev else None,
                actors=ev.actors if ev else (),
                when=when.value if when else None,
                extra=extra,
                **base,
            )
        )
    for ev in abs_events:
        when = owned.get(id(ev))
        obj = objects.get(id(ev))
        extra = {"span": f"{ev.start}-{ev.end}", "trigger": ev.trigger, "reason": ev.reason}
        if ev.where:
            extra["where"] = ev.where
        out.append(
            Claim(
                kind="event",
                statement=_event_statement(ev, obj, when.value if when else None),
                value=ev.event_type,
                unit=obj or ev.where,
                event_type=ev.event_type,
                actors=ev.actors,
                when=when.value if when else None,
                extra=extra,
                **base,
            )
        )
    for d in dates:
        near = None if id(d) in bounds else _trigger_of(d, abs_events)
        ev = near[1] if near else None
        what = f"{_label(ev.event_type)} {_when(d.value)}" if ev else f"'{d.text}' = {d.value}"
        out.append(
            Claim(
                kind="date",
                statement=what,
                value=d.value,
                unit=d.precision,
                approximate=d.basis == "previous",
                event_type=ev.event_type if ev else None,
                actors=ev.actors if ev else (),
                when=d.value,
                extra={"span": f"{d.start}-{d.end}", "text": d.text, "basis": d.basis, "reason": d.reason},
                **base,
            )
        )
    if attribution is not None and found is not None:
        out.append(
            Claim(
                kind="attribution",
                statement=_attribution_statement(attribution, what_was_said(s.text, found.spans, lex)),
                value=attribution.origin,
                extra={"reason": found.reason},
                **base,
            )
        )
    return out


_GIST_CHARS = 90  # a label, not the quote: the quote is shown beneath it


def _attribution_statement(attribution: Attribution, said: str) -> str:
    """ "Calder (announced): it would lift its ban on flights by Varnair": who, how, and the gist.

    Without the gist a story's reported statements all read "Calder (said)", and a reader cannot
    tell one from another without opening every quote.
    """
    who = f"{' -> '.join(attribution.chain)} ({attribution.cue})"
    return f"{who}: {clip(said, _GIST_CHARS)}" if said else who


def _confirms_lead(claim: Claim, lang: str) -> bool:
    """An attribution whose sentence only says its speaker 'confirmed the information' (no fact of its own)."""
    if claim.kind != "attribution":
        return False
    patterns = load_lexicon(lang).get("anaphoric_confirmation", [])
    return any(re.search(p, claim.quote, re.IGNORECASE) for p in patterns)


def anaphoric_confirmations(claims: list[Claim], lang: str) -> list[Claim]:
    """'The American delegation confirmed the information': the speaker backs the article's lead fact.

    "The information" points back at what the article has reported so far, whose core is its lead:
    the first counted event (quantity claim with an event) before the confirming sentence. The
    lead is repeated with the confirmer's attribution, the confirming sentence as its quote, and
    `extra["confirms"]` pointing at the lead's span, so comparison counts the confirmer as one more
    origin of that fact.
    """
    out: list[Claim] = []
    for c in claims:
        if not _confirms_lead(c, lang):
            continue
        lead = next((q for q in claims if q.kind == "quantity" and q.event_type and q.start < c.start), None)
        if lead is None:
            continue
        extra = {**lead.extra, "confirms": f"{lead.start}-{lead.end}",
                 "reason": f"anaphoric confirmation by {c.value}: backs the lead '{lead.statement}'"}  # fmt: skip
        out.append(replace(lead, quote=c.quote, start=c.start, end=c.end, attribution=c.attribution,
                           hedged=c.hedged, hedge=c.hedge, extra=extra))  # fmt: skip
    return out


def extract_claims(
    article_id: str,
    text: str,
    language: str | None,
    published: str | None,
    mentions: Sequence[Mention] | None = None,
) -> list[Claim]:
    """Every checkable claim in an article, in text order.

    Args:
        article_id: the Article id the claims belong to.
        text: the article body (title lines included if the caller wants them read).
        language: ISO 639-1 code, or None to guess from the script.
        published: ISO 8601 date or datetime of publication, the anchor for relative dates.
        mentions: the article's typed mentions (spans into `text`), when a detector has run:
            event actors are then only the people, organisations and heading places they name.
            Without them, actors are the capitalised names near each trigger.

    Returns:
        Claims of kind quantity, event, date and attribution; each quote is text[start:end].
        Claims a fact-checker would not check are demoted to kind "other" (see salience.py).
    """
    if not text or not text.strip():
        return []
    lang = normalise_language(language, text)
    dates = find_dates(text, lang, published)
    claims: list[Claim] = []
    ordered = sorted(mentions or (), key=lambda m: m.start)
    starts = [m.start for m in ordered]
    for s in split_sentences(text):
        inside = [d for d in dates if s.start <= d.start and d.end <= s.end]
        local = None
        if mentions is not None:
            # the sentence's mentions, found by bisection (an article has hundreds), re-based
            here = ordered[bisect_left(starts, s.start) : bisect_left(starts, s.end)]
            local = [replace(m, start=m.start - s.start, end=m.end - s.start) for m in here if m.end <= s.end]
        claims.extend(_sentence_claims(article_id, s, lang, inside, local))
    claims += anaphoric_confirmations(claims, lang)
    claims.sort(key=lambda c: c.start)
    return triage(claims, load_lexicon(lang).get("site_furniture", []))
