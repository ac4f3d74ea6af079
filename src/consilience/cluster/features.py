"""Cheap, language-light features of an article for story grouping: content terms, numbers, dates."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from consilience.cluster.doc import StoryDoc
from consilience.wordlists import months, stopwords

_WORD_RE = re.compile(r"[^\W\d_]{2,}")
# Digits with optional thousands/decimal separators; "1,200" and "1 200" both become 1200 below.
_NUM_RE = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*(?![\w])")
_THOUSANDS_RE = re.compile(r"^\d{1,3}(?:[.,]\d{3})+$")
_ISO_DATE_RE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_YEAR_RE = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")


@dataclass(frozen=True, slots=True)
class DocFeatures:
    """What one article contributes: term counts (title boosted), numbers, dates, entities."""

    terms: dict[str, float]
    numbers: frozenset[str]
    dates: frozenset[str]
    entities: frozenset[str]
    year: int | None = None  # publication year, else the latest year the text mentions


_TERMS: dict[int, dict[str, str]] = {}  # stem -> word -> term ("" for a stop word); bounded below


def content_terms(text: str, stem: int) -> list[str]:
    """Lower-cased content words; a fixed-length prefix stands in for a stemmer in any language."""
    memo = _TERMS.get(stem)
    if memo is None or len(memo) > 500_000:
        memo = _TERMS[stem] = {}
    get, out = memo.get, []
    for word in _WORD_RE.findall(text.lower()):
        term = get(word)
        if term is None:
            term = memo[word] = "" if word in stopwords() else word[:stem] if stem else word
        if term:
            out.append(term)
    return out


def numbers_in(text: str) -> frozenset[str]:
    """Numbers as written in digits, normalised ("1,200" -> "1200"); 0-9 are too common to count.

    Years are left out: "arrested in 2023" is background two reports of different events share,
    not a specific of either (the year itself is read separately, by latest_year).
    """
    found = set()
    for raw in _NUM_RE.findall(text):
        value = re.sub(r"[.,]", "", raw) if _THOUSANDS_RE.match(raw) else raw.replace(",", ".")
        if len(value) > 1 and not (len(value) == 4 and value.isdigit() and 1900 <= int(value) <= 2100):
            found.add(value)
    return frozenset(found)


_SHORT_NUM_RE = re.compile(r"(?<![\d.,:])\d{1,2}(?:st|nd|rd|th)?(?![\d:])")
_WORD_BEFORE_RE = re.compile(r"([^\W\d_]+)\.?\s+$")
_WORD_AFTER_RE = re.compile(r"\.?\s+(?:of\s+)?([^\W\d_]+)")


def dates_in(text: str) -> frozenset[str]:
    """Day-of-year mentions ("13 December", "Dec. 13", "13 декабря", "2025-12-13") as "MM-DD"."""
    # Anchored on the (rare) one- or two-digit numbers, then a month word on either side:
    # a regex alternation of all month names over the whole text was 10x slower.
    table = months()
    found = set()
    for m in _SHORT_NUM_RE.finditer(text):
        day = int(m.group(0).rstrip("stndrh"))
        if not 1 <= day <= 31:
            continue
        after = _WORD_AFTER_RE.match(text, m.end(), m.end() + 16)
        before = _WORD_BEFORE_RE.search(text, max(0, m.start() - 14), m.start())
        for hit in (after, before):
            month = table.get(hit.group(1).lower()) if hit else None
            if month:
                found.add(f"{month:02d}-{day:02d}")
                break
    for _, month, day in _ISO_DATE_RE.findall(text):
        if 1 <= int(month) <= 12 and 1 <= int(day) <= 31:
            found.add(f"{month}-{day}")
    return frozenset(found)


def latest_year(text: str) -> int | None:
    """The latest year a text names: a rough date for an undated article (news rarely looks ahead)."""
    years = [int(y) for y in _YEAR_RE.findall(text)]
    return max(years) if years else None


def doc_features(
    doc: StoryDoc,
    *,
    stem: int = 6,
    title_weight: float = 3.0,
    max_chars: int = 5000,
    year_chars: int = 300,
) -> DocFeatures:
    """Features of one article; only the first `max_chars` of the body count (the lead tells the event)."""
    body = doc.text[:max_chars]
    terms: dict[str, float] = dict(Counter(content_terms(body, stem)))  # C-level counting
    title = doc.title or ""
    for term in content_terms(title, stem):
        terms[term] = terms.get(term, 0.0) + title_weight
    head = f"{title}\n{body}"
    year = doc.published.year if doc.published else latest_year(f"{title}\n{body[:year_chars]}")
    return DocFeatures(terms, numbers_in(head), dates_in(head), frozenset(doc.entities), year)
