"""Publication dates: written form -> ISO 8601, and a year inferred when the text leaves it out.

dateparser reads the many written forms (RFC 822, "Seg, 24 Set 2018", "13 декабря 2025"); the
year inference is ours because dateparser does not use the weekday to choose a year.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from importlib import resources

_MAX_DATE_CHARS = 200  # dateparser is super-linear on long garbage (dateparser #869)
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


@dataclass(frozen=True, slots=True)
class ParsedDate:
    iso: str  # 2025-12-13 or 2025-12-13T20:28:00[+01:00]
    written: str
    inferred: bool = False


@cache
def _calendar() -> dict[str, dict[str, int]]:
    raw = resources.files("consilience").joinpath("data/normalise/calendar.json").read_text("utf-8")
    data = json.loads(raw)
    return {"months": data["months"], "weekdays": data["weekdays"]}


def _iso(dt: datetime, has_time: bool) -> str:
    if not has_time:
        return dt.date().isoformat()
    return dt.isoformat(timespec="minutes" if dt.second == 0 else "seconds")


def parse_date(written: str | None, languages: list[str] | None = None) -> ParsedDate | None:
    """A written date as ISO 8601, or None when it is not a date we can trust."""
    if not written:
        return None
    text = " ".join(str(written).split())[:_MAX_DATE_CHARS]
    if not text or not any(ch.isdigit() for ch in text):
        return None
    try:
        dt = datetime.fromisoformat(text.replace("Z", "+00:00"))
        return ParsedDate(_iso(dt, "T" in text or " " in text.strip()), text)
    except ValueError:
        pass
    import dateparser  # slow import: only where a non-ISO date needs it

    settings = {"PREFER_DATES_FROM": "past"}
    try:
        parsed = dateparser.parse(text, languages=languages, settings=settings)
        if parsed is None and languages:
            parsed = dateparser.parse(text, settings=settings)
    except Exception:  # dateparser raises assorted errors on odd input; a bad date is just no date
        return None
    if parsed is None or not (1900 <= parsed.year <= datetime.now().year + 1):
        return None
    has_time = bool(re.search(r"\d{1,2}:\d{2}", text))
    return ParsedDate(_iso(parsed, has_time), text)


_DAY_MONTH = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\.?\s+(?P<month1>[^\W\d_]{3,12})"
_MONTH_DAY = r"(?P<month2>[^\W\d_]{3,12})\.?\s+(?P<day2>\d{1,2})(?:st|nd|rd|th)?"


@cache
def _weekday_date_pattern() -> re.Pattern[str]:
    weekdays = "|".join(sorted((re.escape(w) for w in _calendar()["weekdays"]), key=len, reverse=True))
    return re.compile(
        rf"\b(?P<weekday>{weekdays})\b,?\s+(?:(?:the|le|den)\s+)?(?:{_MONTH_DAY}|{_DAY_MONTH})\b(?!,?\s*\d{{4}})",
        re.IGNORECASE,
    )


def infer_date(text: str, today: date | None = None) -> ParsedDate | None:
    """Find "Saturday, December 13" (no year) in a text and choose the year from the weekday.

    The year is the first one, not before the latest year the text mentions, in which that day
    falls on that weekday; it is marked inferred because nothing states it outright.
    """
    today = today or date.today()
    cal = _calendar()
    match = _weekday_date_pattern().search(text[:5000])
    if not match:
        return None
    month_word = (match.group("month2") or match.group("month1") or "").lower()
    month = cal["months"].get(month_word)
    day = int(match.group("day2") or match.group("day") or 0)
    weekday = cal["weekdays"].get(match.group("weekday").lower())
    if month is None or weekday is None or not 1 <= day <= 31:
        return None
    mentioned = [int(y) for y in _YEAR.findall(text) if int(y) <= today.year + 1]
    start = max(mentioned) if mentioned else today.year - 10
    for year in range(start, today.year + 2):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate.weekday() == weekday:
            return ParsedDate(candidate.isoformat(), match.group(0), inferred=True)
    return None
