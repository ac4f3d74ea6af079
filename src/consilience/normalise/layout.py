"""The layout of a scraped plain-text article: title, subtitle, dateline, caption, credit, body.

Scraped news saved as text keeps the furniture of the page it came from: a site-navigation line
("Last news in Fakti"), a dateline with a view counter ("Dec 13, 2025 20:28 65"), an image
caption that repeats the title ("... - 1"), a trailing credit ("Translation by ..."). No library
parses this (trafilatura returns None for tag-less text), so the rules live here, with their cue
words in data/normalise/layout.json. Every line is kept or dropped with a stated reason, and a
line is dropped only when a rule says what it is, so no sentence of the body is lost.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from consilience.normalise.dates import _calendar


@dataclass(frozen=True, slots=True)
class TextLayout:
    title: str | None
    subtitle: str | None
    body: str
    byline: str | None
    date_written: str | None
    outlet_hint: str | None
    dropped: tuple[tuple[str, str], ...] = field(default=())  # (line, why)


@dataclass(frozen=True, slots=True)
class _Cues:
    navigation: tuple[re.Pattern[str], ...]
    outlet: re.Pattern[str]
    credit: tuple[re.Pattern[str], ...]
    dateline: re.Pattern[str]
    caption_tail: str


@cache
def _cues() -> _Cues:
    raw = resources.files("consilience").joinpath("data/normalise/layout.json").read_text("utf-8")
    data = json.loads(raw)
    flags = re.IGNORECASE
    months = "|".join(sorted((re.escape(m) for m in _calendar()["months"]), key=len, reverse=True))
    time = r"(?:,?\s*(?:at\s+|в\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*(?:UTC|GMT|[A-Z]{2,4}|[+-]\d{2}:?\d{2}))?)?"
    date = (
        rf"(?:[^\W\d_]{{2,12}},?\s+)?"
        rf"(?:(?:{months})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
        rf"|\d{{1,2}}\.?\s+(?:{months})\.?,?\s+\d{{4}}(?:\s*(?:г\.|года))?"
        rf"|\d{{4}}-\d{{2}}-\d{{2}}(?=[T\s]|$)"
        rf"|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}})"
    )
    dateline = re.compile(
        rf"^(?:{data['dateline_prefix']})?(?P<date>{date}{time}|\d{{4}}-\d{{2}}-\d{{2}}T[\d:.+Z-]+)(?:{data['dateline_tail']})$",
        flags,
    )
    return _Cues(
        navigation=tuple(re.compile(rf"^(?:{p})$", flags) for p in data["navigation"]),
        outlet=re.compile(data["outlet_from_navigation"], flags),
        credit=tuple(re.compile(rf"^(?:{p})$", flags) for p in data["credit"]),
        dateline=dateline,
        caption_tail=data["caption_tail"],
    )


def _norm(line: str) -> str:
    return " ".join(re.findall(r"\w+", line.casefold()))


def _is_sentence(line: str) -> bool:
    return line.rstrip().endswith((".", "!", "?", "…", '"', "”", "»", ".)"))


def match_dateline(line: str) -> str | None:
    """The date part of a line that is only a date (plus time, view counter or author)."""
    if len(line) > 90:
        return None
    match = _cues().dateline.match(line.strip())
    return match.group("date").strip() if match else None


def match_navigation(line: str) -> bool:
    return len(line) <= 200 and any(p.match(line.strip()) for p in _cues().navigation)


def match_credit(line: str) -> str | None:
    """The person named by a credit line ("Translation by X", "By X"), else None."""
    if len(line) > 160 or _is_sentence(line) and not line.startswith("("):
        return None
    for pattern in _cues().credit:
        match = pattern.match(line.strip())
        if match:
            return match.group("name").strip(" .;,")
    return None


def is_caption_of(line: str, title: str | None) -> bool:
    """A line that repeats the title with a picture counter or label ("Title - 1")."""
    if not title:
        return False
    stripped = re.sub(rf"(?:{_cues().caption_tail})$", "", line, flags=re.IGNORECASE)
    return _norm(stripped) == _norm(title) and bool(_norm(title))


def _paragraphs(lines: list[str]) -> list[str]:
    """Blank-line blocks; a block of hard-wrapped lines is re-joined into one paragraph."""
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            blocks[-1].append(line.strip())
        elif blocks[-1]:
            blocks.append([])
    paragraphs: list[str] = []
    for block in blocks:
        if not block:
            continue
        wrapped = len(block) >= 3 and sum(not _is_sentence(x) for x in block[:-1]) > 0.7 * (len(block) - 1)
        wrapped = wrapped and max(len(x) for x in block) < 100
        paragraphs.extend([" ".join(block)] if wrapped else block)
    return paragraphs


def parse_layout(text: str) -> TextLayout:
    """Split a cleaned plain-text article into its parts; see the module docstring."""
    lines = text.split("\n")
    dropped: list[tuple[str, str]] = []
    outlet = byline = date_written = title = subtitle = None
    kept: list[str] = []
    head_done = False
    nonblank_seen = 0
    for line in lines:
        stripped = line.strip()
        if not stripped:
            kept.append("")
            continue
        nonblank_seen += 1
        in_head = not head_done and nonblank_seen <= 8
        if match_navigation(stripped):
            found = _cues().outlet.search(stripped)
            if found and outlet is None:
                outlet = found.group("outlet").strip(" .")
            dropped.append((stripped, "site navigation"))
            continue
        if in_head and date_written is None and (found_date := match_dateline(stripped)):
            date_written = found_date
            dropped.append((stripped, "dateline"))
            continue
        if title is None and in_head:
            if len(stripped) <= 250 and not (len(stripped) > 120 and _is_sentence(stripped)):
                title = stripped
                dropped.append((stripped, "title"))
                continue
            head_done = True
        if is_caption_of(stripped, title):
            dropped.append((stripped, "image caption repeating the title"))
            continue
        if in_head and byline is None and (name := match_credit(stripped)):
            byline = name
            dropped.append((stripped, "byline"))
            continue
        if in_head and title and subtitle is None and not any(kept) and _could_be_subtitle(stripped, lines):
            subtitle = stripped
            dropped.append((stripped, "subtitle"))
            continue
        if len(stripped) > 120 or _is_sentence(stripped):
            head_done = True
        kept.append(stripped)
    # Trailing credits and page furniture, from the end up.
    while kept and not kept[-1]:
        kept.pop()
    while kept:
        last = kept[-1]
        if not last:
            kept.pop()
            continue
        name = match_credit(last)
        if name:
            byline = byline or name
            dropped.append((last, "credit"))
            kept.pop()
            continue
        break
    paragraphs = _paragraphs(kept)
    body = "\n\n".join(paragraphs)
    if subtitle and not _contained(subtitle, body):
        body = f"{subtitle}\n\n{body}" if body else subtitle
    return TextLayout(title, subtitle, body, byline, date_written, outlet, tuple(dropped))


def _could_be_subtitle(line: str, lines: list[str]) -> bool:
    """A short standfirst right under the title, before the dateline or the first long paragraph."""
    return 20 <= len(line) <= 300 and not _is_sentence(line) and sum(1 for x in lines if x.strip()) > 4


def _contained(sentence: str, body: str) -> bool:
    """Whether (almost) every word of the sentence already stands in one paragraph of the body."""
    words = set(_norm(sentence).split())
    if not words:
        return True
    best = max((len(words & set(_norm(p).split())) / len(words) for p in body.split("\n\n")), default=0)
    return best >= 0.8
