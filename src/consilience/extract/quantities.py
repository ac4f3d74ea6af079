"""Counts, durations, percentages and sums of money, with the thing counted.

Value grammar (Claim.value for kind "quantity"), chosen so that two sources can be compared:
  "123"        exact number ("1.5 million" -> "1500000")
  ">120"       more than / over          ">=30"  at least
  "<10"        fewer than / under        "<=100" up to / as many as
  "~100"       about / nearly / some
  "10-15"      a written range ("10-15", "10 to 15")
  "200-999"    a vague plural ("hundreds") as the range it admits, flagged approximate, with the
               word kept in `vague`
Years, times, day numbers, ordinals and numbers glued to words ("COVID-19") are not counts. A
number with nothing counted beside it is dropped: "65" alone says nothing checkable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from text_to_num import text2num

from consilience.extract.lexicon import Lexicon, load_lexicon

# Hand-written tokenizer: we need character offsets and digit groups kept whole ("1,500", "1.5"),
# which a plain str.split or syntok's tokens do not give together.
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:[-’'][^\W\d_]+)*|\S")
_SPACE_GROUPED = {"ru", "uk", "be", "fr", "de"}
_ADJ_RU = re.compile(r"(?:ых|их|ой|ый|ий|ая|ое|ые|ие|ого|его|ую|юю|ской|ских)$")
_SHORT_PARTICIPLE = re.compile(r"(?:аны|ены|яны|ана|ена|ано|ено|ты)$")
_VERBISH_RU = re.compile(r"(?:ть|ться|лся|лась|лись|ли|ла|ло|ено|ены|аны|ят|ют|ет|ит)$")


@dataclass(frozen=True, slots=True)
class Token:
    """A word, number or punctuation mark with its offsets in the sentence."""

    start: int
    end: int
    text: str

    @property
    def low(self) -> str:
        return self.text.lower()


@dataclass(frozen=True, slots=True)
class Quantity:
    """One quantity phrase in a sentence; offsets are relative to the sentence text."""

    start: int
    end: int
    text: str
    value: str
    display: str
    unit: str
    unit_key: str
    approximate: bool
    kind: str  # count | duration | percent | money
    vague: str | None
    reason: str
    partitive: str | None = None  # "of the released individuals": a part of a larger whole
    # which part: "subset" (of the ..., including, among), "hospital", "severity", "added",
    # "described"; two counts of one named kind ("in hospital") are the same part, not two
    part_kind: str | None = None


_PARTITIVE_EN = ("the", "those", "these", "them", "their", "its")
_AMONG_VERBS = ("were", "are", "was", "is", "оказались", "были")


def tokenize(text: str, lang: str = "en") -> list[Token]:
    """Tokens with offsets; '5 000' is one number in languages that group digits with spaces."""
    toks = [Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    if lang not in _SPACE_GROUPED:
        return toks
    out: list[Token] = []
    for t in toks:
        prev = out[-1] if out else None
        if (
            prev
            and prev.text.isdigit()
            and len(prev.text) <= 3
            and t.text.isdigit()
            and len(t.text) == 3
            and t.start - prev.end == 1
            and text[prev.end] in " \u00a0\u202f"
        ):
            out[-1] = Token(prev.start, t.end, prev.text + t.text)
        else:
            out.append(t)
    return out


def _parse_digits(s: str, lang: str) -> float | None:
    """'1,500' -> 1500, '1.5' -> 1.5, '1,5' (ru) -> 1.5; None when the form is ambiguous junk."""
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", s) and lang == "en":
        return float(s.replace(",", ""))
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", s) and lang in ("de", "fr", "ru", "uk", "be"):
        return float(s.replace(".", ""))
    if re.fullmatch(r"\d+[.,]\d+", s):
        return float(s.replace(",", "."))
    if s.isdigit():
        return float(s)
    return None


def fmt(n: float) -> str:
    """A number as the value grammar writes it: integers without '.0'."""
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def _match_phrase(toks: list[Token], i: int, table: dict, maxlen: int = 4) -> tuple[str, int] | None:
    """Longest lexicon phrase starting at token i, as (key, next index)."""
    for n in range(min(maxlen, len(toks) - i), 0, -1):
        key = " ".join(t.low for t in toks[i : i + n])
        if key in table:
            return key, i + n
    return None


def _modifier_before(toks: list[Token], i: int, lex: Lexicon) -> tuple[str, str, int] | None:
    """A modifier ('more than', 'около') ending just before token i, as (op, words, start index)."""
    mods: dict[str, str] = lex.get("modifiers", {})
    for n in (3, 2, 1):
        if i - n < 0:
            continue
        key = " ".join(t.low for t in toks[i - n : i])
        if key in mods and not _after_change_verb(toks, i - n, lex) and not _particle_of_verb(toks, i - n, key, lex):
            return mods[key], key, i - n
    return None


def _particle_of_verb(toks: list[Token], at: int, key: str, lex: Lexicon) -> bool:
    """'handed over 21 schoolgirls': "over" belongs to the verb, so the count is exact, not '>21'."""
    verbs = lex.get("particle_verbs", {}).get(key, [])
    return at > 0 and toks[at - 1].low in verbs


def _after_change_verb(toks: list[Token], at: int, lex: Lexicon) -> bool:
    """'возросло до 14': after a verb of change the bound word is the preposition 'to', not 'up to'."""
    stems = lex.get("change_verbs", [])
    return at > 0 and any(toks[at - 1].low.startswith(s) for s in stems)


@cache
def _number_vocabulary(lang: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(words a number phrase can open with, number words, joiners) of one language.

    Every token of every sentence is asked whether a number starts there; nearly all are plain
    words, so one set lookup turns them away before any phrase is built (it was a third of the
    time of claim extraction on real articles).
    """
    lex = load_lexicon(lang)
    words = frozenset(lex.get("number_words", []))
    starts = {k.split()[0] for k in [*lex.get("vague", {}), *lex.get("number_table", {})]}
    return frozenset(starts | words), words, frozenset(lex.get("number_joiners", []))


def _number_at(
    toks: list[Token], i: int, lex: Lexicon
) -> tuple[float, float | None, int, str | None, str] | None:
    """Number at token i as (low, high, next index, vague word, how it was read)."""
    t = toks[i]
    lang = lex.lang
    if t.text[0].isdigit():
        n = _parse_digits(t.text, lang)
        if n is None:
            return None
        return n, None, i + 1, None, "digits"
    starts, words, joiners = _number_vocabulary(lang)
    if t.low not in starts and not all(p in words for p in t.low.split("-")):
        return None
    vague: dict[str, list[int]] = lex.get("vague", {})
    hit = _match_phrase(toks, i, vague, 3)
    if hit:
        lo, hi = vague[hit[0]]
        return float(lo), float(hi), hit[1], hit[0], "vague plural"
    table: dict[str, float] = lex.get("number_table", {})
    hit = _match_phrase(toks, i, table, 3)
    if hit and " " in hit[0]:
        return float(table[hit[0]]), None, hit[1], None, "number phrase"
    if table and t.low in table:
        total, j = 0.0, i
        while j < len(toks) and toks[j].low in table:
            total += table[toks[j].low]
            j += 1
        return total, None, j, None, "number words"
    if words and all(p in words for p in t.low.split("-")):
        j = i + 1
        while j < len(toks) and (
            all(p in words for p in toks[j].low.split("-"))
            or (toks[j].low in joiners and j + 1 < len(toks) and toks[j + 1].low in words)
        ):
            j += 1
        phrase = " ".join(x.low for x in toks[i:j])
        try:
            return float(text2num(phrase, lang)), None, j, None, "number words (text2num)"
        except (ValueError, TypeError):
            return None
    return None


def _is_year(tok: Token) -> bool:
    """A bare four-digit 1800-2100 reads as a year unless a counted noun follows."""
    return bool(re.fullmatch(r"(18|19|20)\d\d|2100", tok.text))


def _glued(toks: list[Token], i: int, j: int, text: str, lex: Lexicon) -> bool:
    """Ordinals (13th, 5-й), times (20:28) and codes (COVID-19, A320) are not counts."""
    t = toks[i]
    if i > 0 and toks[i - 1].end == t.start and (toks[i - 1].text.isalpha() or toks[i - 1].text in "-#№/"):
        return True
    if j < len(toks) and toks[j].start == toks[j - 1].end:
        nxt = toks[j]
        if nxt.text == ":" and j + 1 < len(toks) and toks[j + 1].text.isdigit():
            return True
        if nxt.text.isalpha() and nxt.low in lex.get("not_counts_after", []):
            return True
        if nxt.text == "-" and j + 1 < len(toks) and toks[j + 1].low in ("th", "й", "го", "ти", "м", "year", "old"):
            return True
    return False


def _head_ru(low: str, heads: dict[str, str]) -> str | None:
    """Counted-thing key of a Russian word by its stem."""
    for stem in sorted(heads, key=len, reverse=True):
        if " " not in stem and low.startswith(stem.lower()):
            return heads[stem]
    return None


def _with_genitive(toks: list[Token], m: int, end: int) -> int:
    """Extend 'граждан' to 'граждан Украины': a capitalised genitive names whose they are."""
    if m < len(toks) and toks[m].text[:1].isupper() and toks[m].text.isalpha() and toks[m].start == end + 1:
        return toks[m].end
    return end


def _unit_at(
    toks: list[Token], k: int, text: str, lex: Lexicon
) -> tuple[str, str, int, str] | None:
    """The thing counted from token k: (unit text, unit key, end offset, how it was found)."""
    heads: dict[str, str] = lex.get("count_heads", {})
    stops = set(lex.get("unit_stopwords", []))
    slavic = lex.lang in ("ru", "uk", "be")
    first = k
    for m in range(k, min(k + 5, len(toks))):
        tok = toks[m]
        if not tok.text[0].isalpha():
            break  # no lexicon head before the clause ends: try the plain plural noun below
        if slavic:
            if m + 1 < len(toks):
                pair = f"{tok.low} {toks[m + 1].low}"
                two = next((heads[h] for h in heads if " " in h and pair.startswith(h.lower())), None)
                if two:
                    end = _with_genitive(toks, m + 2, toks[m + 1].end)
                    return text[toks[first].start : end], two, end, "lexicon head"
            key = _head_ru(tok.low, heads)
            nxt = toks[m + 1] if m + 1 < len(toks) else None
            noun_next = nxt and nxt.text.isalpha() and _head_ru(nxt.low, heads)
            if key and not (noun_next and not _SHORT_PARTICIPLE.search(nxt.low)):
                end = _with_genitive(toks, m + 1, tok.end)
                return text[toks[first].start : end], key, end, "lexicon head"
        else:
            hit = _match_phrase(toks, m, heads, 3)
            if hit:
                end = toks[hit[1] - 1].end
                return text[toks[first].start : end], heads[hit[0]], end, "lexicon head"
        if tok.low in stops:
            break
    # No lexicon head: accept a plain plural noun after at most two modifiers.
    for m in range(k, min(k + 3, len(toks))):
        tok = toks[m]
        if not tok.text.isalpha() or tok.low in stops:
            return None
        if slavic:
            if not _ADJ_RU.search(tok.low) and not _VERBISH_RU.search(tok.low) and tok.text.islower():
                return text[toks[first].start : tok.end], tok.low, tok.end, "noun after number"
            continue
        plural = (
            tok.text.islower()
            and len(tok.text) >= 4
            and tok.low.endswith("s")
            and not tok.low.endswith(("ss", "us", "is", "ous"))
        )
        if plural:
            return text[toks[first].start : tok.end], tok.low, tok.end, "plural noun after number"
    return None


def _display(op: str | None, lo: float, hi: float | None, vague: str | None, mod: str | None) -> str:
    """How the statement writes the number: 'more than 5', 'hundreds of', '10-15', '5.2 billion'."""
    if vague:
        return vague
    core = f"{_readable(lo)}-{_readable(hi)}" if hi is not None else _readable(lo)
    return f"{mod} {core}" if mod else core


def _readable(n: float) -> str:
    """A large number as a reader writes it: 5200000000 -> '5.2 billion' (the value keeps every digit)."""
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(n) >= size and round(n / size, 2) * size == n:
            return f"{fmt(round(n / size, 2))} {word}"
    return fmt(n)


def _value(op: str | None, lo: float, hi: float | None) -> str:
    """The comparable value string of the module docstring's grammar."""
    if hi is not None:
        return f"{fmt(lo)}-{fmt(hi)}"
    return f"{op}{fmt(lo)}" if op else fmt(lo)


def find_quantities(text: str, lex: Lexicon, masked: list[tuple[int, int]] = ()) -> list[Quantity]:  # type: ignore[assignment]
    """Quantities in one sentence; `masked` spans (dates) are skipped."""
    toks = tokenize(text, lex.lang)
    out: list[Quantity] = []
    i = 0
    scales: dict[str, float] = lex.get("scales", {})
    percent = set(lex.get("percent_words", []))
    currencies: dict[str, str] = lex.get("currencies", {})
    time_units: dict[str, str] = lex.get("time_units", {})
    while i < len(toks):
        tok = toks[i]
        if any(s <= tok.start < e for s, e in masked):
            i += 1
            continue
        num = _number_at(toks, i, lex)
        if num is None:
            i += 1
            continue
        lo, hi, j, vague, how = num
        if tok.text[0].isdigit() and _glued(toks, i, j, text, lex):
            i = j
            continue
        if tok.low in ("one", "один", "одна", "одного") and j < len(toks) and toks[j].low in ("of", "из"):
            i = j
            continue
        if j < len(toks) and toks[j].low in scales and vague is None:
            lo *= scales[toks[j].low]
            j += 1
        # a range: "10-15", "10 to 15"
        if (
            vague is None
            and j + 1 < len(toks)
            and toks[j].low in lex.get("range_joiners", [])
            and toks[j + 1].text[0].isdigit()
            and (toks[j].text.isalpha() or toks[j].start == toks[j - 1].end)
        ):
            high = _parse_digits(toks[j + 1].text, lex.lang)
            if high is not None and high > lo and not _is_year(toks[j + 1]):
                hi = high
                j += 2
                if j < len(toks) and toks[j].low in scales:
                    factor = scales[toks[j].low]
                    lo, hi = lo * factor, hi * factor
                    j += 1
        mod = _modifier_before(toks, i, lex)
        op, mod_words = (mod[0], mod[1]) if mod else (None, None)
        start = toks[mod[2]].start if mod else tok.start
        kind, unit, unit_key, reason_unit = "count", "", "", ""
        partitive: str | None = None
        part_kind: str | None = None
        end = toks[j - 1].end
        currency = currencies.get(toks[i - 1].low) if i > 0 else None
        k = j
        if k < len(toks) and toks[k].low in percent:
            kind, unit, unit_key, end, reason_unit = "percent", "percent", "percent", toks[k].end, "percent sign"
        elif k + 1 < len(toks) and f"{toks[k].low} {toks[k + 1].low}" in percent:
            kind, unit, unit_key, end, reason_unit = "percent", "percent", "percent", toks[k + 1].end, "percent words"
        elif currency or (k < len(toks) and toks[k].low in currencies):
            if currency:
                start = min(start, toks[i - 1].start)
            else:
                end = toks[k].end
            code = currency or currencies[toks[k].low]
            kind, unit, unit_key, reason_unit = "money", code, code, "currency"
        else:
            first = mod[2] if mod else i
            part_kind, partitive = _part(toks, i, first, k)
            while k < len(toks) and toks[k].low in ("of", "the", "из", "these", "those", "his", "her", "their", "them", "whom", "which", "них"):
                k += 1
            if k < len(toks) and toks[k].low in time_units:
                kind, unit_key = "duration", time_units[toks[k].low]
                unit, end, reason_unit = unit_key, toks[k].end, "time unit"
                rest = text[end:].lower()
                for comp in sorted(lex.get("prison_complements", []), key=len, reverse=True):
                    if rest.startswith(" " + comp):
                        unit, unit_key = f"{unit_key} in prison", f"{unit_key}_in_prison"
                        end += 1 + len(comp)
                        reason_unit = "time unit + prison"
                        break
            else:
                found = _unit_at(toks, k, text, lex)
                if found:
                    unit, unit_key, end, reason_unit = found
        if not unit and kind == "count" and _after_toll(text[: tok.start], lex):
            # "the death toll ... rose to 14": the counted thing (the dead) is named before the number
            unit, unit_key, reason_unit = "dead", "dead", "toll phrase before the number"
        if not unit:
            i = j
            continue
        part = partitive if kind in ("count",) else None
        part_kind = part_kind if part else None
        if _is_year(tok) and hi is None and not mod and (
            reason_unit != "lexicon head" or toks[k].text[:1].isupper()
        ):
            i = j
            continue
        approximate = bool(op and op != "") or vague is not None or hi is not None
        value = _value(op, lo, hi) if vague is None else f"{fmt(lo)}-{fmt(hi or lo)}"
        out.append(
            Quantity(
                start=start,
                end=end,
                text=text[start:end],
                value=value,
                display=_display(op, lo, hi, vague, mod_words)
                + (" of" if vague and re.search(r"\sof\s", text[start:end]) else ""),
                unit=_clean_unit(unit),
                unit_key=unit_key,
                approximate=approximate,
                kind=kind,
                vague=vague,
                reason=f"{how}; {reason_unit}"
                + (f"; modifier '{mod_words}'" if mod_words else "")
                + (f"; partitive '{part}': a part of a larger group" if part else ""),
                partitive=part,
                part_kind=part_kind,
            )
        )
        i = max(j, 1 + i)
    return out


def _after_toll(before: str, lex: Lexicon) -> bool:
    """A toll phrase ('death toll', 'число погибших') earlier in the sentence, with a rise/fall verb near the number."""
    low = before.lower()
    return any(p in low for p in lex.get("toll_phrases", [])) and bool(
        re.search(r"(?:to|at|до|составило)\s*$", low)
    )


def _partitive(toks: list[Token], i: int, k: int) -> str | None:
    """'114 of the released', 'five of them', 'из 87 освобождённых 64', 'ten children were among
    the dead': the count is a subset, not the whole."""
    if k + 1 < len(toks) and toks[k].low == "of" and toks[k + 1].low in _PARTITIVE_EN:
        return " ".join(t.text for t in toks[k : min(k + 4, len(toks))])
    # the unit word, then "were among the ..." / «среди погибших»
    for m in range(k + 1, min(k + 3, len(toks) - 1)):
        if toks[m].low in ("among", "среди") and (m == k + 1 or toks[m - 1].low in _AMONG_VERBS):
            return " ".join(t.text for t in toks[m : min(m + 3, len(toks))])
    # Russian puts the whole first: "из 87 освобождённых 64 человека"
    for back in range(max(0, i - 4), i - 1):
        if toks[back].low == "из" and toks[back + 1].text[:1].isdigit():
            return " ".join(t.text for t in toks[back:i])
    return None


# A hospital reports the patients it took in, a part of all the injured ("St George's said it
# was treating 20 people", "51 were taken to hospital", «12 человек госпитализированы»).
_HOSPITAL = ("hospital", "treating", "treated", "treatment", "admitted",
             "больниц", "госпитал", "стационар")  # fmt: skip
_CLAUSE_END = {",", ";", ":", ".", "—", "–", "while", "and", "а", "и", "но"}
# "another 40", "a further 12": added to a count said before; "eight had serious injuries",
# «трое в тяжёлом состоянии»: those of one severity. Both are parts of the toll, not rivals.
_ADDED = ("another", "further", "ещё")
# "any of the more than 200 girls", "some of the 87": the figure is the whole, the part unknown
_SOME_OF = ("any", "some", "none", "all", "most", "many", "few", "several", "each", "one")
_SEVERITY = ("serious", "critical", "life-threatening", "severe", "minor", "slight",
             "тяжел", "тяжёл", "критическ", "легк")  # fmt: skip
# "five victims were members of a temple", "three were children", "ten were from Ohio": the
# predicate says who they were, so the count is of those among the victims, not the toll.
_COPULAS = ("were", "are", "was", "is")
_STATES = ("dead", "hurt", "missing", "alive", "safe", "still", "among", "in", "at")
_WHO_THEY_WERE = ("members", "citizens", "nationals", "residents", "children", "women", "men",
                  "students", "tourists", "foreigners", "employees", "workers", "passengers",
                  "pilots", "soldiers", "officers", "civilians", "journalists", "relatives", "from")  # fmt: skip


def _clause_after(toks: list[Token], k: int, limit: int) -> list[Token]:
    """Up to `limit` tokens from k, stopping at the end of the count's own clause."""
    out = []
    for t in toks[k : k + limit]:
        if t.low in _CLAUSE_END:
            break
        out.append(t)
    return out


def _part(toks: list[Token], i: int, first: int, k: int) -> tuple[str | None, str | None]:
    """Whether the count is a part of a larger group, and which kind of part: (kind, words)."""
    if first >= 2 and toks[first - 1].low in ("of", "the") and (
        toks[first - 2].low in _SOME_OF or (first >= 3 and toks[first - 2].low == "of" and toks[first - 3].low in _SOME_OF)
    ):
        # "the release of any of the more than 200 girls": the number is the whole group,
        # and what happened is said of an unknown part of it
        return "whole", " ".join(t.text for t in toks[max(0, first - 3) : first])
    found = _partitive(toks, i, k) or _included(toks, first)
    if found:
        return "subset", found
    before, after = toks[max(0, first - 2) : first], _clause_after(toks, k, 8)
    for t in (*before, *after):  # a hospital word right before the number or in its clause
        if t.low.startswith(_HOSPITAL):
            return "hospital", f"in hospital ('{t.text}')"
    if first > 0 and toks[first - 1].low in _ADDED:
        return "added", f"'{toks[first - 1].text}': added to a count said before"
    clause = after[:6]
    for t in clause:
        if t.low.startswith(_SEVERITY):
            return "severity", f"of one severity ('{t.text}')"
    for a, b in zip(clause, clause[1:]):
        # a capitalised word is a nationality or a place ("were Americans"), unless a headline
        # capitalises a participle or a state ("Were Killed", "Were Dead")
        named = b.text[:1].isupper() and b.text.isalpha() and not b.low.endswith(("ed", "en"))
        if a.low in _COPULAS and (b.low in _WHO_THEY_WERE or (named and b.low not in _STATES)):
            return "described", f"described as '{a.text} {b.text}'"
    return None, None


_INCLUDED = (("including",), ("among", "them"), ("в", "том", "числе"), ("среди", "них"), ("из", "них"))


def _included(toks: list[Token], first: int) -> str | None:
    """'84 people, including 10 children', «в том числе 10 детей»: a count inside a larger one."""
    for cue in _INCLUDED:
        n = len(cue)
        if first - n >= 0 and tuple(t.low for t in toks[first - n : first]) == cue:
            return " ".join(t.text for t in toks[first - n : first])
    return None


def _clean_unit(unit: str) -> str:
    """Drop a leading article and lower-case common words; proper adjectives keep their case."""
    words = unit.split()
    if words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    return " ".join(w if w[:1].isupper() else w.lower() for w in words)
