"""Which extracted claims a fact-checker would check, and which are context to demote to kind "other".

The rule, per kind (a demoted claim keeps its text; `extra["was"]` holds its old kind and
`extra["demoted"]` the reason, so nothing is lost, it is only kept out of the comparison):
- quantity: kept. The extractor already drops numbers with nothing counted beside them.
- event: kept when it names an actor (who did it, or to whom). Demoted when it is a speech act
  ("said", "announced": the attribution claim of the sentence already says who spoke), when it
  names no one (nothing ties it to a who), or when a quantity claim of the same sentence states
  the same event ("pardoned 123 detainees" is checked through its figure).
- date: kept when it dates a non-speech event with a named actor ("Kolesnikova arrested in
  September 2020"); a date alone, or the date of a speech act, is demoted.
- attribution: kept (who says so is checkable in itself).
- any kind, in a sentence that is the site talking to its reader ("sign up for our newsletter",
  "подписывайтесь на наш канал"): demoted, whatever it seems to claim.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from consilience.model import Claim

SPEECH_EVENTS = frozenset({"statement"})


def demote(claim: Claim, reason: str) -> Claim:
    """The claim as kind "other", with its former kind and the reason kept in extra."""
    return replace(claim, kind="other", extra={**claim.extra, "was": claim.kind, "demoted": reason})


def _why_not_checkable(claim: Claim, counted: set[tuple[int, str]]) -> str | None:
    """Reason to demote one claim, or None to keep it; `counted` holds (sentence start, event) of quantity claims."""
    if claim.kind == "event":
        if claim.event_type in SPEECH_EVENTS:
            return "a speech act: the sentence's attribution says who spoke"
        if (claim.start, claim.event_type or "") in counted:
            return "restates the event of the quantity claim in the same sentence"
        if not claim.actors:
            return "names no actor: nothing ties it to a who"
    if claim.kind == "date":
        if not claim.event_type or claim.event_type in SPEECH_EVENTS:
            return "a date with no event beside it"
        if not claim.actors:
            return "dates an event with no named actor"
    return None


@lru_cache(maxsize=16)
def _furniture(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    """One regex for a language's site-furniture patterns, compiled once."""
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE) if patterns else None


def triage(claims: list[Claim], furniture: Sequence[str] = ()) -> list[Claim]:
    """Keep the checkable claims as they are and demote the rest to kind "other" (see module docstring).

    `furniture`: regular expressions (the language lexicon's "site_furniture") for sentences in
    which the site addresses its reader.
    """
    counted = {(c.start, c.event_type) for c in claims if c.kind == "quantity" and c.event_type}
    promo = _furniture(tuple(furniture))
    out = []
    for c in claims:
        if promo is not None and promo.search(c.quote):
            why: str | None = "the site addressing its reader, not the story"
        else:
            why = _why_not_checkable(c, counted)  # type: ignore[arg-type]
        out.append(demote(c, why) if why else c)
    return out
