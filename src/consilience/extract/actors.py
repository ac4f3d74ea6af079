"""Who an event is about, grounded in the typed mentions of the article.

The event finder (events.py) takes capitalised runs near a trigger, which is cheap but blind: a
sentence-initial noun ("Turnout", "Десятки"), a demonym ("Lithuanian citizens"), a place in an
oblique case ("в тюрьмах Варнии") and a title's complement ("Президент Беларуси Александр
Лукашенко") all look like names. The mention detector has already decided which runs are people,
organisations and places, so an actor is kept only where a mention says it is one:

- a person or organisation mention inside the actor's words gives the actor (its own span, so
  "Union" becomes "European Union" and the title's place falls away);
- a place acts only as the subject at the head of its clause ("Washington lifted sanctions",
  "США сняли санкции"); after a preposition or a noun it says where, or whose, not who;
- the speakers of the sentence's attribution are the actors of its statement and of nothing else
  ("According to Viasna, 40 people were released" names no releaser).

Pure functions: spans in, names out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from consilience.extract.events import Event
from consilience.model import Mention

_AGENTS = frozenset({"person", "org"})
_WORD_BEFORE = re.compile(r"(\w[\w-]*)\W*$")


def _overlapping(mentions: Sequence[Mention], start: int, end: int) -> list[Mention]:
    return [m for m in mentions if m.start < end and m.end > start]


def _heads_clause(text: str, start: int) -> bool:
    """Whether nothing but punctuation, a capitalised word (a title, "The") or nothing stands
    before `start` in its clause: the position a subject holds."""
    before = text[:start].rstrip()
    if not before or before[-1] in ",;:—–-(\"«“":
        return True
    word = _WORD_BEFORE.search(before)
    return word is not None and word.group(1)[:1].isupper()


def ground(
    text: str, start: int, end: int, role: str, mentions: Sequence[Mention]
) -> tuple[str, ...]:
    """The actor names for the words text[start:end] (offsets into `text`, as the mentions')."""
    found = sorted(_overlapping(mentions, start, end), key=lambda m: m.start)
    agents = [m.text for m in found if m.type in _AGENTS]
    if agents:
        return tuple(dict.fromkeys(agents))
    if found and role == "subject" and _heads_clause(text, min(start, found[0].start)):
        return (found[-1].text,)  # the mention's start: "The Republic of Varnia" heads its clause
    return ()


def _span_of(text: str, phrase: str) -> tuple[int, int] | None:
    at = text.find(phrase)
    return None if at < 0 else (at, at + len(phrase))


def speaker_names(text: str, chain: Sequence[str], mentions: Sequence[Mention]) -> tuple[str, ...]:
    """The named speakers of an attribution chain found in the sentence: from the first capital
    of each link to the end of its last mention ("the Polish Foreign Ministry" -> "Polish Foreign
    Ministry", "правозащитный центр «Вясна»" -> "Вясна"); a link naming nobody gives nothing."""
    out: list[str] = []
    for link in chain:
        span = _span_of(text, link)
        if span is None:
            continue
        inside = [m for m in mentions if span[0] <= m.start and m.end <= span[1]]
        if not inside:
            continue
        first_cap = next((i for i, ch in enumerate(link) if ch.isupper()), None)
        begin = min(span[0] + first_cap, inside[0].start) if first_cap is not None else inside[0].start
        name = text[begin : max(m.end for m in inside)].strip(" «»\"“”")
        if name:
            out.append(name)
    return tuple(dict.fromkeys(out))


def ground_event(
    ev: Event, sentence: str, mentions: Sequence[Mention], chain: Sequence[str] = ()
) -> tuple[tuple[str, str], ...]:
    """An event's actors grounded in the sentence's mentions (spans relative to the sentence, as
    the event's are), each with its role ("subject", "object", "agent")."""
    speakers = [span for link in chain if (span := _span_of(sentence, link)) is not None]
    if ev.event_type == "statement" and speakers:
        return tuple((name, "subject") for name in speaker_names(sentence, chain, mentions))
    out: dict[str, str] = {}
    for start, end, role in ev.actor_spans:
        if any(s <= start and end <= e for s, e in speakers):
            continue  # the source of the report, not a party to what it reports
        for name in ground(sentence, start, end, role, mentions):
            out.setdefault(name, role)
    return tuple(out.items())
