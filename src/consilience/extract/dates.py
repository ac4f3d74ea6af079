"""Dates written in the text, absolute and relative, anchored on the publication date.

Values are ISO strings at the precision written: "2025-12-13" (day), "2020-09" (month), "2020"
(year). Relative forms are resolved against the publication date ("today", "on Saturday", "two
days ago") or against the previous date in the article ("a year later"). We find spans with our
own patterns built from the lexicon and resolve the parts ourselves, because dateparser picks the
previous week for "on Saturday" and misses Russian "в сентябре 2020 года"; dateparser is only a
fallback on a span our patterns found (never `search_dates` over the text: it invents dates).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateutil import easter

from consilience.extract.lexicon import Lexicon, load_lexicon

Basis = str  # "absolute" | "publication" | "previous"

_YEAR = r"(1[89]\d\d|20\d\d|2100)"


@dataclass(frozen=True, slots=True)
class DateSpan:
    """A date expression: where it is, what it says, and what it was resolved against."""

    start: int
    end: int
    text: str
    value: str
    precision: str  # day | month | year
    basis: Basis
    reason: str


def parse_published(published: str | None) -> date | None:
    """The anchor date from an ISO date or datetime; None when absent or unreadable."""
    if not published:
        return None
    try:
        return datetime.fromisoformat(published.strip()).date()
    except ValueError:
        m = re.match(r"(\d{4})-(\d{2})-(\d{2})", published.strip())
        return date(int(m[1]), int(m[2]), int(m[3])) if m else None


def _iso(d: date, precision: str) -> str:
    """ISO text cut to the precision the source gave."""
    return {"day": d.isoformat(), "month": d.strftime("%Y-%m"), "year": str(d.year)}[precision]


def _alt(keys: list[str], stem: bool, dot: bool = True) -> str:
    """Alternation of month/weekday words; stems (Slavic) take any inflectional ending."""
    body = "|".join(sorted(keys, key=len, reverse=True))
    if stem:
        return rf"(?:{body})\w*"
    return rf"(?:{body})\.?" if dot else rf"(?:{body})"


def _lookup(table: dict[str, int], word: str, stem: bool) -> int | None:
    """Month or weekday number of an inflected or abbreviated word."""
    w = word.lower().rstrip(".")
    if not stem:
        return table.get(w)
    for key in sorted(table, key=len, reverse=True):
        if re.match(key, w):
            return table[key]
    return None


@dataclass(frozen=True, slots=True)
class _Patterns:
    """The compiled date patterns of one language, in priority order."""

    full: list[tuple[str, re.Pattern[str]]]


@lru_cache(maxsize=16)
def _patterns(lang: str) -> _Patterns:
    """Build the date regexes of one language from its month/weekday/relative word lists."""
    lex = load_lexicon(lang)
    stem = bool(lex.get("month_stem", False))
    mon = _alt(list(lex.get("months", {})), stem)
    wd = _alt(list(lex.get("weekdays", {})), stem, dot=False)
    yw = "|".join(re.escape(w) for w in lex.get("year_words", [])) or "(?!)"
    preps = "|".join(re.escape(p) for p in lex.get("year_prepositions", [])) or "(?!)"
    rel = "|".join(
        re.escape(k) for k in sorted(lex.get("relative_days", {}), key=len, reverse=True)
    )
    per = "|".join(
        re.escape(k) for k in sorted(lex.get("relative_periods", {}), key=len, reverse=True)
    )
    later = "|".join(re.escape(w) for w in lex.get("later_words", [])) or "(?!)"
    mpreps = "|".join(
        re.escape(w) for w in sorted(lex.get("month_prepositions", []), key=len, reverse=True)
    ) or "(?!)"
    ago = "|".join(re.escape(w) for w in lex.get("ago_words", [])) or "(?!)"
    units = "|".join(sorted(lex.get("duration_units", {}), key=len, reverse=True)) or "(?!)"
    hol = "|".join(
        re.escape(k).replace("'", "['’]") for k in sorted(lex.get("holidays", {}), key=len, reverse=True)
    ) or "(?!)"
    hol_not = "|".join(re.escape(w) for w in lex.get("holiday_not_before", [])) or "(?!)"
    num = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}|один|два|две|три|пять)"
    f = re.IGNORECASE
    pats = [
        ("iso", re.compile(rf"\b{_YEAR}-(\d\d)-(\d\d)\b")),
        ("dmy_num", re.compile(rf"\b(\d{{1,2}})[./](\d{{1,2}})[./]{_YEAR}\b")),
        (
            "md",
            re.compile(
                rf"(?<!\w)(?:(?P<wd>{wd}),?\s+)?(?P<mon>{mon})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
                rf"(?!\d)(?:,?\s+(?P<year>{_YEAR})(?:\s*(?:{yw}))?)?(?![\w:])",
                f,
            ),
        ),
        (
            "dm",
            re.compile(
                rf"(?<!\w)(?:(?P<wd>{wd}),?\s+)?(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th|-?го)?"
                rf"\s+(?:of\s+)?(?P<mon>{mon})(?:,?\s+(?P<year>{_YEAR})(?:\s*(?:{yw}))?)?(?!\w)",
                f,
            ),
        ),
        ("my", re.compile(rf"(?<!\w)(?P<mon>{mon})\s+(?P<year>{_YEAR})(?:\s*(?:{yw}))?(?!\w)", f)),
        # "On New Year's Eve 2015", "on Bastille Day": a holiday, with or without its year;
        # a movable one too ("Easter Sunday", "Thanksgiving", "на Пасху"), but not "Easter Island"
        ("holiday", re.compile(rf"(?<!\w)(?P<hol>{hol})(?:,?\s+(?P<year>{_YEAR})(?:\s*(?:{yw}))?)?(?!\w)(?!\s+(?:{hol_not})\b)", f)),
        (
            "later",
            re.compile(rf"(?<!\w)(?:(?P<n>{num})\s+)?(?P<unit>{units})\s+(?:{later})(?!\w)", f),
        ),
        (
            "later_ru",
            re.compile(rf"(?<!\w)(?:через|спустя)\s+(?P<n>{num})?\s*(?P<unit>{units})(?!\w)", f),
        ),
        ("nextday", re.compile(r"(?<!\w)the (?:next|following) day(?!\w)", f)),
        ("ago", re.compile(rf"(?<!\w)(?P<n>{num})\s+(?P<unit>{units})\s+(?:{ago})(?!\w)", f)),
        ("period", re.compile(rf"(?<!\w)(?:{per})(?!\w)", f) if per else None),
        ("relday", re.compile(rf"(?<!\w)(?:{rel})(?!\w)", f) if rel else None),
        (
            "weekday",
            re.compile(
                rf"(?<!\w)(?:(?P<mod>on|last|this|next|в|во|am|le|у|ў)\s+)?(?P<wd>{wd})(?!\w)", f
            ),
        ),
        (
            "year",
            re.compile(
                rf"(?<!\w)(?:{preps})\s+(?:the\s+(?:year\s+)?)?(?:(?:early|late|mid-?)\s*)?"
                rf"(?P<year>{_YEAR})(?:\s*(?:{yw}))?(?![\w%-])",
                f,
            ),
        ),
        ("year_ru", re.compile(rf"(?<!\w)(?P<year>{_YEAR})\s*(?:{yw})(?!\w)", f)),
        # "In February he pardoned a dozen": a month with no day or year, after a preposition
        ("mon_only", re.compile(rf"(?<!\w)(?:{mpreps})\s+(?P<mon>{mon})(?!\w)(?!\s*\d)", f)),
    ]
    return _Patterns([(name, rx) for name, rx in pats if rx is not None])


_NUMWORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
             "seven": 7, "eight": 8, "nine": 9, "ten": 10, "один": 1, "два": 2, "две": 2,
             "три": 3, "пять": 5}  # fmt: skip


def _shift(base: date, n: int, unit: str) -> date:
    """Move a date by n units, clamping the day so 31 Jan + 1 month stays valid."""
    if unit == "day":
        return base + timedelta(days=n)
    if unit == "week":
        return base + timedelta(weeks=n)
    months = n * (12 if unit == "year" else 1)
    y, m = divmod(base.month - 1 + months, 12)
    year, month = base.year + y, m + 1
    return date(year, month, min(base.day, calendar.monthrange(year, month)[1]))


def _year_for(month: int, day: int, anchor: date | None) -> int | None:
    """A year for 'December 13': the anchor's, or the one before if that would be in the future."""
    if anchor is None:
        return None
    try:
        cand = date(anchor.year, month, day)
    except ValueError:
        return None
    return anchor.year if cand <= anchor + timedelta(days=7) else anchor.year - 1


def holiday_on(rule: list, year: int) -> date | None:
    """The day a holiday falls on in one year, from its lexicon rule.

    [12, 31]: a fixed day. ["easter", -2] / ["orthodox_easter", 0]: days from (Orthodox) Easter,
    as dateutil reckons it. ["weekday", 11, 3, 4]: the 4th Thursday of November (n = -1: the last).
    """
    if isinstance(rule[0], int):
        return _safe(year, rule[0], rule[1])
    kind = rule[0]
    if kind in ("easter", "orthodox_easter"):
        method = easter.EASTER_ORTHODOX if kind == "orthodox_easter" else easter.EASTER_WESTERN
        return easter.easter(year, method) + timedelta(days=rule[1])
    if kind == "weekday":
        month, weekday, n = rule[1], rule[2], rule[3]
        days = [d for d in calendar.Calendar().itermonthdates(year, month) if d.month == month and d.weekday() == weekday]
        return days[n - 1] if n > 0 and n <= len(days) else days[n] if n < 0 else None
    return None


def _latest_holiday(rule: list, anchor: date | None) -> date | None:
    """A holiday written without its year: its latest occurrence up to a week after the anchor."""
    if anchor is None:
        return None
    d = holiday_on(rule, anchor.year)
    return d if d is not None and d <= anchor + timedelta(days=7) else holiday_on(rule, anchor.year - 1)


def _holiday_after(rule: list, previous: date, anchor: date) -> date | None:
    """A holiday a story reaches from an earlier date ("arrested on Good Friday 2023 and released
    on Memorial Day"): its first occurrence from that date on, unless that lies past publication."""
    d = holiday_on(rule, previous.year)
    if d is not None and d < previous:
        d = holiday_on(rule, previous.year + 1)
    return d if d is not None and d <= anchor + timedelta(days=7) else _latest_holiday(rule, previous)


def _safe(y: int, m: int, d: int) -> date | None:
    """A date, or None for impossible ones like 31 February."""
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _resolve(
    kind: str, m: re.Match[str], lex: Lexicon, anchor: date | None, previous: date | None
) -> tuple[date, str, Basis, str] | None:
    """Resolve one match to (date, precision, basis, reason); None when it cannot be anchored."""
    stem = bool(lex.get("month_stem", False))
    months, weekdays = lex.get("months", {}), lex.get("weekdays", {})
    gd = m.groupdict()
    if kind == "iso":
        d = _safe(int(m[1]), int(m[2]), int(m[3]))
        return (d, "day", "absolute", "ISO date") if d else None
    if kind == "dmy_num":
        d = _safe(int(m[3]), int(m[2]), int(m[1]))
        return (d, "day", "absolute", "day.month.year") if d else None
    if kind in ("md", "dm"):
        month = _lookup(months, gd["mon"], stem)
        if month is None:
            return None
        day = int(gd["day"])
        if gd.get("year"):
            d = _safe(int(gd["year"]), month, day)
            return (d, "day", "absolute", "day, month and year written") if d else None
        year = _year_for(month, day, anchor)
        d = _safe(year, month, day) if year else None
        return (d, "day", "publication", "year taken from the publication date") if d else None
    if kind == "holiday":
        name = gd["hol"]
        rule = lex.get("holidays", {})[name.lower().replace("’", "'")]
        if gd.get("year"):
            d = holiday_on(rule, int(gd["year"]))
            return (d, "day", "absolute", f"{name} of the year written") if d else None
        if previous is not None and anchor is not None and abs((previous - anchor).days) > 60:
            # "Two years ago, ... on New Year's Eve": the date just read sets the year
            d = _holiday_after(rule, previous, anchor)
            return (d, "day", "previous", f"{name}: year of the date before it") if d else None
        d = _latest_holiday(rule, anchor)
        return (d, "day", "publication", f"{name}: year taken from the publication date") if d else None
    if kind == "my":
        month = _lookup(months, gd["mon"], stem)
        if month is None:
            return None
        return date(int(gd["year"]), month, 1), "month", "absolute", "month and year written"
    if kind == "mon_only":
        month = _lookup(months, gd["mon"], stem)
        # a lower-case "may" is the verb; stemmed languages write month names in lower case
        if month is None or anchor is None or (not stem and gd["mon"][:1].islower()):
            return None
        year = anchor.year if month <= anchor.month else anchor.year - 1
        return date(year, month, 1), "month", "publication", "month written alone: its latest occurrence up to publication"
    if kind in ("year", "year_ru"):
        return date(int(gd["year"]), 1, 1), "year", "absolute", "year written"
    n = _NUMWORDS.get((gd.get("n") or "one").lower()) or int(gd.get("n") or 1)
    unit = lex.get("duration_units", {}).get((gd.get("unit") or "day").lower(), "day")
    if kind in ("later", "later_ru", "nextday"):
        if previous is None:
            return None
        n_, unit_ = (1, "day") if kind == "nextday" else (n, unit)
        prec = "year" if unit_ == "year" else ("month" if unit_ == "month" else "day")
        return _shift(previous, n_, unit_), prec, "previous", f"{n_} {unit_}(s) after the previous date"
    if anchor is None:
        return None
    if kind == "ago":
        prec = "year" if unit == "year" else ("month" if unit == "month" else "day")
        return _shift(anchor, -n, unit), prec, "publication", f"{n} {unit}(s) before publication"
    if kind == "relday":
        delta = lex.get("relative_days", {})[m.group().lower()]
        return anchor + timedelta(days=delta), "day", "publication", "relative to publication"
    if kind == "period":
        delta, unit = lex.get("relative_periods", {})[m.group().lower()]
        prec = "day" if unit == "week" else unit
        d = _shift(anchor, delta, "day" if unit == "week" else unit)
        return d, prec, "publication", "relative to publication"
    if kind == "weekday":
        wd = _lookup(weekdays, gd["wd"], stem)
        if wd is None:
            return None
        back = (anchor.weekday() - wd) % 7
        if (gd.get("mod") or "").lower() == "next":
            return anchor + timedelta(days=(wd - anchor.weekday()) % 7 or 7), "day", "publication", "next weekday"
        if (gd.get("mod") or "").lower() == "last" and back == 0:
            back = 7
        return anchor - timedelta(days=back), "day", "publication", "latest such weekday up to publication"
    return None


def _fallback(span: str, lang: str, anchor: date | None) -> tuple[date, str] | None:
    """dateparser on a span we found but could not read ourselves; imported lazily (slow)."""
    from dateparser.date import DateDataParser

    settings = {"PREFER_DATES_FROM": "past"}
    if anchor:
        settings["RELATIVE_BASE"] = datetime(anchor.year, anchor.month, anchor.day)  # type: ignore[assignment]
    data = DateDataParser(languages=[lang], settings=settings).get_date_data(span)
    if data.date_obj is None:
        return None
    return data.date_obj.date(), data.period or "day"


def find_dates(text: str, language: str, published: str | None) -> list[DateSpan]:
    """All date expressions in text, in order, each resolved to an ISO value with its reason."""
    lex = load_lexicon(language)
    anchor = parse_published(published)
    found: list[tuple[int, int, str, re.Match[str]]] = []
    taken: list[tuple[int, int]] = []
    for kind, rx in _patterns(lex.lang).full:
        for m in rx.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            found.append((s, e, kind, m))
            taken.append((s, e))
    found.sort(key=lambda x: x[0])
    out: list[DateSpan] = []
    previous: date | None = None
    for s, e, kind, m in found:
        res = _resolve(kind, m, lex, anchor, previous)
        if res is None and kind in ("md", "dm", "my") and (anchor is not None or m.groupdict().get("year")):
            # with no year written and no publication date, dateparser would take today's year
            # ("Nov. 25" in an undated article read as last November): no date is better
            fb = _fallback(m.group(), lex.lang, anchor)
            res = (fb[0], fb[1], "absolute", "dateparser on the span") if fb else None
        if res is None:
            continue
        d, precision, basis, reason = res
        out.append(DateSpan(s, e, m.group(), _iso(d, precision), precision, basis, reason))
        previous = d
    return out
