"""Rule-based candidate spans: capitalised token runs, split and typed with lexicons and a gazetteer.

Written by hand because no offline English NER model installs from the registry (see LIBRARIES.md);
the rules favour precision: an unknown single capitalised word is kept only if it links to a full
name in the same article (see mention_coref).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from itertools import pairwise

from consilience.extract.mention_lexicon import (
    Lexicon,
    gazetteer,
    given_names,
    is_country,
    is_minor_place,
    known_orgs,
)
from consilience.extract.mention_morph import is_cyrillic, nominative_candidates
from consilience.names.census import common_given_name, common_surname
from consilience.names.given import is_given as is_given_name

# A word: letters/digits with inner apostrophes or hyphens ("O'Brien", "Rimsky-Korsakov", "Lukashenko's").
_WORD = re.compile(r"[^\W_](?:[\w]|['’\-](?=[^\W_]))*")
_SENTENCE_END = set(".!?…:;\n•|")
_OPENING_QUOTES = set("\"“«„‘`")
_SKIP_BACK = set(" \t\"'“”«»„()[]—–-‘’")
_POSSESSIVE = ("'s", "’s")


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    sent_start: bool


@dataclass(slots=True)
class Candidate:
    """A span found by the rules; `single` spans still need an in-article link to be kept."""

    start: int
    end: int
    text: str
    type: str | None  # person | place | org | None (unknown single word)
    role: str | None = None
    canonical: str | None = None
    sent_start: bool = False


def tokenize(text: str) -> list[Token]:
    """Words with offsets and a flag for the first word of a sentence or line."""
    tokens: list[Token] = []
    for m in _WORD.finditer(text):
        i = m.start() - 1
        while i >= 0 and text[i] in _SKIP_BACK:
            i -= 1
        # a word right after an opening quote starts a quoted sentence or title: “Never thought…”,
        # "Man of the Woods", ``House Call''
        opens_quote = m.start() > 0 and text[m.start() - 1] in _OPENING_QUOTES
        tokens.append(Token(m.start(), m.end(), m.group(), i < 0 or text[i] in _SENTENCE_END or opens_quote))
    return tokens


def is_capitalised(word: str) -> bool:
    """A name-like word: first letter upper case, and no lower-case part after a hyphen."""
    if not word[:1].isupper():
        return False
    return all(part[:1].isupper() or part[:1].isdigit() for part in word.split("-") if part)


def strip_possessive(tok: Token) -> Token:
    """'Lukashenko's' -> 'Lukashenko' with the span shortened to match."""
    for suffix in _POSSESSIVE:
        if tok.text.endswith(suffix) and len(tok.text) > len(suffix) + 1:
            n = len(suffix)
            return Token(tok.start, tok.end - n, tok.text[:-n], tok.sent_start)
    return tok


def _only_space_between(text: str, a: Token, b: Token) -> bool:
    gap = text[a.end : b.start]
    return gap.strip() == "" and "\n" not in gap and len(gap) <= 2


def _plural_possessive_in_org(text: str, tokens: list[Token], i: int, lex: Lexicon) -> bool:
    """'Teachers' Union', 'Workers' Party': a plural possessive inside an organisation's name
    keeps the name in one run, when an organisation word ends it within three words (not
    "Illinois' Brookfield Zoo" or "the Cubs' World Series")."""
    a, b = tokens[i - 1], tokens[i]
    if not (a.text.endswith("s") and text[a.end : b.start] in ("' ", "’ ")):
        return False
    for k in range(i, min(i + 3, len(tokens))):
        if not is_capitalised(tokens[k].text) or (k > i and not _only_space_between(text, tokens[k - 1], tokens[k])):
            return False
        if tokens[k].text.casefold() in lex.org_tail:
            return True
    return False


def _middle_initial(text: str, tokens: list[Token], cur: list[int], i: int) -> bool:
    """'George W. Bush', 'James O. Eastland': a one-letter initial and its full stop after a
    name word keep the run whole; split there, the surname stood alone (and read as the town
    of Bush)."""
    last = tokens[cur[-1]]
    return (
        len(cur) >= 2
        and cur[-1] == i - 1
        and len(last.text) == 1
        and last.text.isupper()
        and text[last.end : tokens[i].start] == ". "
        and len(tokens[cur[-2]].text) > 1
    )


def runs(text: str, tokens: list[Token], lex: Lexicon) -> list[list[int]]:
    """Maximal sequences (token indices) of capitalised words, joined by connectors like 'of'."""
    out: list[list[int]] = []
    cur: list[int] = []
    for i, tok in enumerate(tokens):
        if is_capitalised(tok.text):
            if (
                cur
                and not _only_space_between(text, tokens[cur[-1]], tok)
                and not (cur[-1] == i - 1 and _plural_possessive_in_org(text, tokens, i, lex))
                and not _middle_initial(text, tokens, cur, i)
            ):
                out.append(cur)
                cur = []
            cur.append(i)
            if tok.text.endswith(_POSSESSIVE):
                out.append(cur)
                cur = []
            continue
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if (
            cur
            and tok.text.casefold() in lex.connectors
            and nxt is not None
            and is_capitalised(nxt.text)
            and _only_space_between(text, tokens[cur[-1]], tok)
            and _only_space_between(text, tok, nxt)
        ):
            cur.append(i)
            continue
        if cur:
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


def _phrase(tokens: list[Token]) -> str:
    return " ".join(t.text for t in tokens)


def title_before(text: str, tokens: list[Token], index: int, lex: Lexicon) -> str | None:
    """The longest role phrase ending right before tokens[index] ('human rights activist')."""
    best: str | None = None
    for n in range(1, lex.max_title_words + 1):
        lo = index - n
        if lo < 0:
            break
        window = tokens[lo:index]
        if any(not _only_space_between(text, a, b) for a, b in pairwise(window)):
            break
        if not _only_space_between(text, window[-1], tokens[index]):
            break
        phrase = _phrase(window).casefold()
        if phrase in lex.titles:
            best = text[window[0].start : window[-1].end]
    return best


_APPOSITION = re.compile(r"\s*,\s*(?:(?:a|an|the|one of the)\s+)?", re.IGNORECASE)


def title_after(text: str, tokens: list[Token], index: int, lex: Lexicon) -> str | None:
    """A role given as an apposition after the name: 'Ales Bialiatski, human rights activist'."""
    if index >= len(tokens):
        return None
    prev_end = tokens[index - 1].end
    m = _APPOSITION.match(text, prev_end)
    if not m or "," not in m.group():
        return None
    j = index
    while j < len(tokens) and tokens[j].start < m.end():
        j += 1
    best: str | None = None
    for n in range(1, lex.max_title_words + 1):
        window = tokens[j : j + n]
        if len(window) < n or window[0].start != m.end():
            break
        if any(not _only_space_between(text, a, b) for a, b in pairwise(window)):
            break
        if _phrase(window).casefold() in lex.titles:
            best = text[window[0].start : window[-1].end]
    return best


def lookup_place(words: list[Token], language: str) -> str | None:
    """Canonical place for a word sequence, trying Cyrillic nominatives ('Минске' -> Minsk)."""
    gaz = gazetteer()
    surface = _phrase(words)
    if surface in gaz:
        return gaz[surface]
    if len(words) == 1 and is_cyrillic(surface):
        for cand in nominative_candidates(surface, language):
            if cand in gaz:
                return gaz[cand]
    return None


def lookup_org(words: list[Token], language: str) -> str | None:
    """Canonical organisation for a known name or agency (exact case: 'AP' yes, 'Ap' no)."""
    orgs = known_orgs()
    surface = _phrase(words)
    if surface in orgs:
        return orgs[surface]
    if len(words) == 1 and is_cyrillic(surface):
        for cand in nominative_candidates(surface, language):
            if cand in orgs:
                return orgs[cand]
    return None


_PERSON_PARTICLES = frozenset(
    {"von", "van", "der", "den", "de", "da", "di", "del", "bin", "al", "el", "ibn"}
)
_MAX_NAME_WORDS = 4


def _longest(
    tokens: list[Token], idx: list[int], pos: int, fn: object, language: str
) -> tuple[int, str | None]:
    """Longest match of `fn` over idx[pos:pos+n]; returns (n, value)."""
    for n in range(min(5, len(idx) - pos), 0, -1):
        words = [strip_possessive(tokens[k]) for k in idx[pos : pos + n]]
        value = fn(words, language)  # type: ignore[operator]
        if value:
            return n, value
    return 0, None


def _title_at(tokens: list[Token], idx: list[int], pos: int, lex: Lexicon, text: str = "") -> int:
    """Run tokens taken by a role phrase starting at idx[pos]; the phrase may run on into
    lower-case words after the run ('Human rights activist')."""
    k = idx[pos]
    for n in range(min(lex.max_title_words, len(tokens) - k), 0, -1):
        window = tokens[k : k + n]
        if text and any(not _only_space_between(text, a, b) for a, b in pairwise(window)):
            continue
        if n > len(idx) - pos and not text:
            continue
        phrase = _phrase(window).casefold()
        if phrase in lex.titles or phrase in lex.person_cues:
            return max(1, sum(1 for j in idx[pos:] if j < k + n))
    return 0


def _is_skip_word(word: str, lex: Lexicon) -> bool:
    low = word.casefold()
    return low in lex.stopwords or low in lex.demonyms


def _state_run(tokens: list[Token], idx: list[int], pos: int, lex: Lexicon) -> int:
    """Words of a state's name opening at `pos` ("Republic of Varnia", "Республика Беларусь"), or 0.

    A gazetteer knows the real states; this keeps an unknown one whole, since its head word alone
    ("Republic") matches a town. English needs the "of"; Russian puts the name right after.
    """
    rest = idx[pos:]
    if len(rest) < 2 or len(rest) > 5 or tokens[rest[0]].text.casefold() not in lex.state_heads:
        return 0
    if lex.language == "en" and tokens[rest[1]].text.casefold() != "of":
        return 0
    return len(rest)


def _org_by_cue(tokens: list[Token], idx: list[int], pos: int, lex: Lexicon) -> int:
    """Length of an organisation name starting here ('Helsinki Committee'), else 0.

    Checked before the gazetteer so a place inside an organisation's name stays part of it."""
    end = pos
    head = tokens[idx[pos]].text.casefold()
    headed = False  # the run went on through an organisation head ("... Ministry of ...")
    while end < len(idx):
        word = strip_possessive(tokens[idx[end]]).text
        if end == pos + 1 and f"{head} {word.casefold()}" in lex.org_head and end + 1 < len(idx):
            end += 1  # "Ministry of Emergency Situations": the head runs on through its "of"
            continue
        before = tokens[idx[end - 1]].text.casefold() if end > pos else ""
        if end > pos + 1 and f"{before} {word.casefold()}" in lex.org_head and end + 1 < len(idx):
            end += 1  # ... and so does a later one: "International Consortium of ... Journalists"
            headed = True
            continue
        if _is_skip_word(word, lex) and before in lex.connectors:
            n, _ = _longest(tokens, idx, end, lookup_place, lex.language)
            if n:  # "University of New York": a place after "of" may open with a stop word
                end += n
                continue
        if _is_skip_word(word, lex) or _title_at(tokens, idx, end, lex):
            break
        end += 1
        if word != tokens[idx[end - 1]].text:
            break
    lows = [strip_possessive(tokens[k]).text.casefold() for k in idx[pos:end]]  # "Summit Entertainment's"
    while lows and lows[-1] in lex.connectors:
        lows.pop()
    for k in range(1, len(lows) - 2):
        if lows[k] in lex.org_tail and _known_given(tokens[idx[pos + k + 1]].text, lex.language):
            return k + 1  # "Barcroft Media Vladimir Putin": a photo credit run into a person's name
    if len(lows) >= 3 and (headed or " ".join(lows[:2]) in lex.org_head):
        return len(lows)
    cyrillic_head = len(lows) >= 2 and _org_noun(tokens[idx[pos]].text, lex, lex.language)
    if len(lows) >= 2 and (lows[-1] in lex.org_tail or lows[0] in lex.org_head or cyrillic_head):
        rest = [strip_possessive(tokens[k]) for k in idx[pos + 1 : pos + len(lows)]]
        if lows[0] in lex.org_head and lookup_org(rest, lex.language):
            return 0  # "Агентство ДПА": the cue word is a description, the name is known
        return len(lows)
    return 0


def _span(text: str, words: list[Token]) -> tuple[int, int, str]:
    start, end = words[0].start, words[-1].end
    return start, end, text[start:end]


def _classify_chunk(words: list[Token], role: str | None, lex: Lexicon) -> str | None:
    """Type of an unknown capitalised chunk, or None when it is not (yet) a mention."""
    lows = [w.text.casefold() for w in words]
    if lows[-1] in lex.misc_tail or (len(words) >= 2 and lows[0] in lex.misc_head):
        return None
    if len(words) >= 2 and (lows[-1] in lex.org_tail or lows[0] in lex.org_head):
        return "org"
    if len(words) >= 2 and (lows[-1] in lex.place_tail or lows[0] in lex.place_head):
        return "place"
    if " ".join(lows[:2]) in lex.org_head and len(words) >= 3:
        return "org"
    if len(words) == 1:
        return "person" if role else None
    if len(words) > _MAX_NAME_WORDS:
        return None
    joiners = [w for w in words if not w.text[:1].isupper()]
    if any(w.text.casefold() not in _PERSON_PARTICLES for w in joiners):
        return None  # "Bank of England" is not a person; "Ursula von Leyen" may be
    if any(len(w.text) > 1 and w.text.isupper() for w in words):
        return None  # acronyms inside a run are not part of a person's name
    return "person"


def title_text(text: str, tokens: list[Token], k: int, lex: Lexicon) -> str:
    """The role phrase as written, starting at global token k (longest match)."""
    for n in range(min(lex.max_title_words, len(tokens) - k), 0, -1):
        window = tokens[k : k + n]
        if any(not _only_space_between(text, a, b) for a, b in pairwise(window)):
            continue
        phrase = _phrase(window).casefold()
        if phrase in lex.titles or phrase in lex.person_cues:
            return text[window[0].start : window[-1].end]
    return tokens[k].text


def _is_given(word: str, language: str) -> bool:
    names = given_names()
    return any(c in names for c in nominative_candidates(word, language))


def _known_given(word: str, language: str) -> bool:
    """A given name by either list: the mention lexicon's (any script, case forms read back to
    the nominative) or the name-comparison equivalence sets (romanisations)."""
    return _is_given(word, language) or is_given_name(word)


def _name_follows(
    tokens: list[Token], idx: list[int], pos: int, lex: Lexicon, language: str
) -> bool:
    """True when the next run word is an unknown name part (not a title, place or given name)."""
    if pos >= len(idx):
        return False
    word = strip_possessive(tokens[idx[pos]])
    return not (
        _is_skip_word(word.text, lex)
        or _is_given(word.text, language)
        or _title_at(tokens, idx, pos, lex)
        or lookup_place([word], language)
        or lookup_org([word], language)
    )


def _lone_person(tokens: list[Token], idx: list[int], pos: int, lex: Lexicon, titled: bool) -> bool:
    """Whether a word the gazetteer reads as a town under a million people is a person named by
    that one word: right after a person's title ("President Obama", "Officer Brad"), or before a
    word of a person's office ("the Bush administration")."""
    if not is_minor_place(strip_possessive(tokens[idx[pos]]).text):
        return False
    if titled:
        return True
    after = idx[pos] + 1
    return pos + 1 == len(idx) and after < len(tokens) and tokens[after].text in lex.person_after


def _name_not_town(
    tokens: list[Token], idx: list[int], pos: int, lex: Lexicon, language: str, lower_words: frozenset[str]
) -> bool:
    """Whether a word the gazetteer reads as a town starts a person's name here (Latin script):
    a common given name, or any town under a million people, before a surname-like word
    ("Lindsay Lohan", "Lennox Lewis"). A big city takes a common given name and a common surname
    both ("Paris Hilton"), so "Dallas Cowboys" and "Orlando Magic" stay the city. The US Census
    lists give the names (names/census.py; bench/places_typed_realnews.py measures the rule)."""
    if not _name_follows(tokens, idx, pos + 1, lex, language):
        return False
    word = strip_possessive(tokens[idx[pos]]).text
    nxt = strip_possessive(tokens[idx[pos + 1]]).text
    low = nxt.casefold()
    surname = (
        common_surname(nxt)
        and low not in lower_words
        and low not in lex.org_tail
        and low not in lex.place_tail
        and low not in lex.misc_tail
    )
    if common_given_name(word):
        return is_minor_place(word) or surname
    return is_minor_place(word) and surname


_CLOSING_QUOTES = "\"”»’'"
_TITLE_OPENERS = _OPENING_QUOTES | {"'"}  # a straight single quote opens a title too: 'The Chin'


def _in_quotes(text: str, chunk: list[Token]) -> bool:
    """Whether a run is the whole of a quoted span (a title: ``House Call'', “Space Oddity,”):
    an opening quote right before it, a closing one right after (past a comma or full stop)."""
    start, end = chunk[0].start, chunk[-1].end
    if start == 0 or text[start - 1] not in _TITLE_OPENERS:
        return False
    after = text[end : end + 3].lstrip(",.!?")
    return after[:1] in _CLOSING_QUOTES


def _sentence_word_before_name(chunk: list[Token], lex: Lexicon, language: str) -> bool:
    """A capitalised common word opening a sentence before a name ('Встреча Марии Колесниковой',
    'Коллеги Вартанова': in Cyrillic text a surname after a word that is no given name)."""
    if len(chunk) < 2 or not chunk[0].sent_start or _is_given(chunk[0].text, language):
        return False
    nxt = chunk[1]
    return (
        len(chunk) >= 3
        or _is_given(nxt.text, language)
        or (
            len(chunk) == 2
            and is_cyrillic(chunk[0].text)
            and not is_given_name(chunk[0].text)
            and not any(is_given_name(c) for c in nominative_candidates(chunk[0].text, language))
            and _surname_shaped(nxt.text, lex, language)
        )
        # "Жители Гродно": in Cyrillic text a common word before a place; in English a capital
        # before a town is more often a first name ("Lewis Hamilton" at a sentence start)
        or (is_cyrillic(chunk[0].text) and lookup_place([nxt], language) is not None)
        or lookup_org([nxt], language) is not None
    )


def _surname_shaped(word: str, lex: Lexicon, language: str) -> bool:
    """'Вартанова', 'Грибову': a Cyrillic word whose nominative ends like a surname."""
    forms = [word, *nominative_candidates(word, language)]
    return any(f.casefold().endswith(tuple(lex.surname_suffixes)) for f in forms)


def _oblique_place_before_name(tokens: list[Token], idx: list[int], pos: int, language: str) -> bool:
    """A Cyrillic word in -ии (genitive/dative of -ия names: Варнии, Калдерии) followed by at least
    two more capitalised words: given names do not end so in the nominative, and "Марии Колесниковой"
    (one word after) is left alone."""
    if language not in {"ru", "uk", "be"} or len(idx) - pos < 3:
        return False
    word = tokens[idx[pos]].text
    return len(word) > 4 and word.casefold().endswith("ии")


_ADJECTIVE_ENDINGS = ("ий", "ый", "ой", "ая", "яя", "ое", "ее")  # a place name here is a noun


def _place_noun(word: str) -> str:
    """Nominative of a town name in an oblique case by its ending ("Хальском" -> "Хальск",
    "Минске" -> "Минск"): the fallback when no morphological analyser is installed."""
    for ending in ("ом", "ем", "ой", "ей", "у", "ю", "а", "я", "е", "и"):
        stem = word[: -len(ending)]
        if word.casefold().endswith(ending) and len(stem) >= 3 and stem[-1].casefold() not in "аеёиоуыэюяьй":
            return stem
    return word


_OWNER_WORDS = frozenset({"our", "your", "their", "my"})  # "our World Briefing newsletter"
_ADJ_TAILS = ("ского", "скому", "ским", "ском", "ских", "ские", "ской", "ская", "ский", "скую",
              "ного", "ному", "ным", "ном", "ных", "ные", "ной", "ная", "ный", "ную")  # fmt: skip


def _quoted_title(text: str, tokens: list[Token], idx: list[int], lex: Lexicon) -> tuple[int, int] | None:
    """The span of «...» around a run that opens right after the quote mark, else None.

    A short capitalised «» quote names a newspaper, a site, a company or a party («Вечернему
    Дорвику», «Дорвикский блокнот»), never a person; quoted speech has punctuation or more words."""
    first = tokens[idx[0]]
    if first.start == 0 or text[first.start - 1] != "«":
        return None
    close = text.find("»", first.start, first.start + 60)
    if close == -1:
        return None
    inside = text[first.start : close]
    if any(ch in inside for ch in ".!?,:;\n—") or len(inside.split()) > 4:
        return None  # a quoted sentence («Нам ничего не говорят. Списков нет»), not a title
    if _is_skip_word(first.text, lex) or re.match(r"[,.!?]?\s*[—–-]", text[close + 1 : close + 5]):
        return None  # «Мы не сдадимся», — сказал он: speech, introduced by a dash after it
    return first.start, close


def _adjective_modifier(text: str, tokens: list[Token], idx: list[int], language: str) -> bool:
    """'Хальской районной больницы', 'Хальского района': a lone capitalised Cyrillic adjective
    before a lower-case word modifies it; it is not a person (whatever role precedes it)."""
    if len(idx) != 1 or language not in {"ru", "uk", "be"}:
        return False
    word = tokens[idx[0]]
    nxt = idx[0] + 1
    low = word.text.casefold()
    if not (
        low.endswith(_ADJ_TAILS)
        and nxt < len(tokens)
        and tokens[nxt].text[:1].islower()
        and _only_space_between(text, word, tokens[nxt])
    ):
        return False
    # Surnames end so too ("Тихановский поблагодарил"), so ask for more: another adjective
    # follows ("Хальской районной"), or the stem is a known town ("Хальского" <- Хальск).
    if tokens[nxt].text.casefold().endswith(_ADJ_TAILS):
        return True
    tail = next(t for t in _ADJ_TAILS if low.endswith(t))
    stem = word.text[: len(word.text) - len(tail) + (2 if tail.startswith("ск") else 0)]
    return lookup_place([Token(word.start, word.start + len(stem), stem, False)], language) is not None


def _org_noun(word: str, lex: Lexicon, language: str) -> bool:
    """A Cyrillic organisation noun in any case: 'Союза' (союз), 'Суд', 'Комитета'."""
    if not is_cyrillic(word):
        return False
    nouns = lex.org_tail | lex.org_head
    return any(c.casefold() in nouns for c in [word, *nominative_candidates(word, language)])


_THE = frozenset({"the", "The", "THE"})
_PLACE_PREPOSITIONS = frozenset({"in", "In", "at", "At", "near", "Near"})
_MAX_USES = 200  # uses of a run read per article: enough to judge it, bounded on hostile input


class RunUses:
    """Where each capitalised word stands in one article, built once, so that a run's uses are
    found from the tokens: scanning the text once per run was quadratic on long inputs (a
    670 KB article took 100 s)."""

    def __init__(self, text: str, tokens: list[Token]) -> None:
        self.text, self.tokens = text, tokens
        self._at: dict[str, list[int]] | None = None  # built on first use: most runs never ask
        self._memo: dict[tuple[str, ...], list[int]] = {}

    def _index(self) -> dict[str, list[int]]:
        if self._at is None:
            self._at = {}
            for i, tok in enumerate(self.tokens):
                if tok.text[:1].isupper():
                    self._at.setdefault(strip_possessive(tok).text, []).append(i)
        return self._at

    def of(self, words: tuple[str, ...]) -> list[int]:
        """Token indices where the run's words stand in a row, only space between them."""
        found = self._memo.get(words)
        if found is None:
            text, tokens, n = self.text, self.tokens, len(words)
            found = [
                p
                for p in self._index().get(words[0], [])[:_MAX_USES]
                if p + n <= len(tokens)
                and all(
                    strip_possessive(tokens[p + j]).text == words[j]
                    and _only_space_between(text, tokens[p + j - 1], tokens[p + j])
                    for j in range(1, n)
                )
            ]
            self._memo[words] = found
        return found

    def before(self, p: int, words: frozenset[str]) -> bool:
        """Whether the word right before token p (only space between) is one of `words`."""
        return p > 0 and self.tokens[p - 1].text in words and _only_space_between(
            self.text, self.tokens[p - 1], self.tokens[p]
        )


def _usage_type(
    chunk: list[Token], lower_words: frozenset[str], uses: RunUses, language: str
) -> str | None:
    """The type an untitled capitalised run takes from how the article uses it: a person unless
    the article treats it as a thing or a place.

    Read from the article itself, because no dictionary could list every rocket, trophy, team
    or hamlet the news names (on giveme5w1h half of the frequent untitled runs are things;
    bench/persons_realnews.py). At least half of its uses after "the" ("the Falcon Heavy",
    "the Super Bowl"): a thing, since people's names take no article. At least half after
    "in", "at" or "near" and never a possessive ("in Key Biscayne", but "in Stephenie Meyer's
    book"): a place. Every word also written in lower case in the article ("Sign Up", "Common
    Sense", "Red Planet"): a thing, unless it starts with a known given name ("Amber Heard").
    """
    if is_cyrillic(chunk[0].text):
        return "person"  # Russian has no article; its case forms are handled elsewhere
    words = tuple(w.text for w in chunk)
    found = uses.of(words)
    if found:
        if 2 * sum(1 for p in found if uses.before(p, _THE)) >= len(found):
            return None
        last = [uses.tokens[p + len(words) - 1] for p in found]
        possessive = any(tok.text != words[-1] for tok in last)
        if 2 * sum(1 for p in found if uses.before(p, _PLACE_PREPOSITIONS)) >= len(found) and not possessive:
            return "place"
    if all(w.text.lower() in lower_words for w in chunk):
        return "person" if _known_given(chunk[0].text, language) else None
    return "person"


def _name_pair(tokens: list[Token], idx: list[int], pos: int, tails: frozenset[str]) -> tuple[Token, Token] | None:
    """The run's last two words when they could be a given name and a surname in Latin script:
    not Russian (its runs keep their own rules), no possessive on the first ("Carson's Palmer"),
    and no place or organisation noun right after ("Paris Orly airport", "Texas Instruments company")."""
    if len(idx) - pos != 2:  # the run's last two words ("Quarterback Carson Palmer")
        return None
    first, second = (strip_possessive(tokens[k]) for k in idx[pos:])
    if is_cyrillic(first.text) or first is not tokens[idx[pos]]:
        return None
    after = idx[-1] + 1
    if after < len(tokens) and tokens[after].text in tails:
        return None
    return first, second


def _team(tokens: list[Token], idx: list[int], pos: int, language: str, uses: RunUses) -> bool:
    """Whether the run is exactly a town and a capitalised plural that the article also writes
    after "the": a team ("the Chicago Cubs ... the Cubs", "the Cleveland Indians"). People take
    no article, so "Tyler Jones" and "Florence Williams" stay people."""
    if len(idx) - pos != 2 or language != "en":
        return False
    first, second = (strip_possessive(tokens[k]) for k in idx[pos:])
    if first is not tokens[idx[pos]] or re.fullmatch(r"[A-Z][a-z]+[^su]s", second.text) is None:
        return False
    if lookup_place([first], language) is None or _known_given(first.text, language):
        return False
    written = uses.of((first.text, second.text)) + [p - 1 for p in uses.of((second.text,))]
    return any(uses.before(p, _THE) or uses.before(p + 1, _THE) for p in written)


def _name_of_towns(tokens: list[Token], idx: list[int], pos: int, lex: Lexicon, language: str) -> bool:
    """Whether a run is exactly two words that are each a town (or a town's alias) but no place
    together, in Latin script: English writes "Carson, California" with a comma, so two towns
    side by side are a person's given name and surname ("Carson Palmer", "Nico Rosberg")."""
    pair = _name_pair(tokens, idx, pos, lex.misc_tail | lex.place_tail)
    if pair is None:
        return False
    first, second = pair
    other = lookup_place([second], language)
    return (
        other is not None
        and not is_country(other)
        and lookup_place([first, second], language) is None
    )


def _place_then_surname(
    tokens: list[Token],
    idx: list[int],
    pos: int,
    lex: Lexicon,
    language: str,
    uses: RunUses | None,
    lower_words: frozenset[str],
) -> bool:
    """Whether a run is exactly a town and one more capitalised word the article also uses alone,
    not after "the": "Florence Nightingale ... Nightingale wrote", "Paris Hilton ... Hilton said",
    "Virginia Woolf ... Woolf lived". A surname used on its own marks a person; a team or a paper
    ("the Chicago Cubs ... the Cubs", "Washington Post ... the Post") takes the article, and a
    word the article also writes in lower case ("Palmer Fire ... the fire") or in capitals
    ("London PA") or a function word ("Nice A doll") is no surname."""
    tails = lex.misc_tail | lex.place_tail | lex.org_tail
    pair = _name_pair(tokens, idx, pos, tails)
    if uses is None or pair is None or not pair[1].text[:1].isupper():
        return False
    first, second = pair
    word = second.text
    low = word.casefold()
    if word.isupper() or low in lower_words or low in lex.stopwords or {low, low + "."} & lex.titles:
        return False  # "London PA", "Palmer Fire ... the fire", "Nice A doll", "Texas Gov"
    if uses.before(idx[pos], _THE):
        return False  # "The Memphis Hustle": a team or a firm
    if low in tails or lookup_place([second], language):
        return False
    alone = [
        p for p in uses.of((word,))
        if not (p > 0 and strip_possessive(tokens[p - 1]).text == first.text)
    ]
    return bool(alone) and not any(uses.before(p, _THE) for p in alone)


def _members_after(chunk: list[Token], lex: Lexicon, uses: RunUses) -> bool:
    """Whether the article writes a run before a word for an organisation's members, anywhere
    ("Boko Haram militants", "Goldman Sachs employees"): people have no members."""
    if not lex.member_nouns:
        return False
    words = tuple(w.text for w in chunk)
    tokens, n = uses.tokens, len(words)
    return any(
        p + n < len(tokens)
        and tokens[p + n].text in lex.member_nouns
        and _only_space_between(uses.text, tokens[p + n - 1], tokens[p + n])
        for p in uses.of(words)
    )


def _owner_title_after(text: str, tokens: list[Token], chunk: list[Token], lex: Lexicon) -> bool:
    """Whether a run is followed by a title that heads an organisation, then a capitalised name."""
    k = bisect_left(tokens, chunk[-1].end, key=lambda t: t.start)
    for n in (2, 1):  # "chief executive" before "chief"
        window = tokens[k : k + n + 1]
        if len(window) < n + 1 or any(not _only_space_between(text, a, b) for a, b in pairwise(window)):
            continue
        if _phrase(window[:n]).casefold() in lex.owner_titles and is_capitalised(window[n].text):
            return _only_space_between(text, chunk[-1], window[0])
    return False


def _demonym_of_country(surface: str, language: str) -> bool:
    """'Costa Rican' -> Costa Rica, 'South African' -> South Africa: a country's adjective of two
    or more words, which no list of one-word demonyms holds."""
    if is_cyrillic(surface) or not surface.endswith("n"):
        return False
    return is_country(gazetteer().get(surface[:-1]))


def _common_opening_word(chunk: list[Token], lower_words: frozenset[str], language: str) -> bool:
    """A sentence's first word before a name that the article also writes in lower case
    ("Using Amazon ...", "Watch Elon Musk ...") or that reads as a participle ("Overjoyed Cubs
    fans ..."): a common word, capitalised by its place.
    Latin script only: in Russian the rule for sentence-opening words is stricter (above)."""
    first = chunk[0]
    word = first.text.lower()
    return (
        len(chunk) >= 2
        and first.sent_start
        and not is_cyrillic(first.text)
        and (word in lower_words or (len(word) >= 6 and word.endswith(("ed", "ing"))))
        and not _known_given(first.text, language)
    )


def _given_first(chunk: list[Token]) -> bool:
    return chunk[0].text in given_names()


def place_cue_before(text: str, token: Token, lex: Lexicon) -> str | None:
    """A place cue ending right before the token ("the town of Halsk", "под Хальском")."""
    if not lex.place_cues:
        return None
    before = " ".join(text[max(0, token.start - 40) : token.start].casefold().split())
    for cue in lex.place_cues:
        if before == cue or before.endswith(" " + cue):
            return cue
    return None


def _typed_span(
    text: str, tokens: list[Token], picked: list[int], kind: str, canonical: str | None = None
) -> Candidate:
    """A place or organisation made of the run's tokens `picked` (a possessive 's dropped)."""
    words = [strip_possessive(tokens[k]) for k in picked]
    start, end, surface = _span(text, words)
    return Candidate(start, end, surface, kind, None, canonical, words[0].sent_start)


def segment(
    text: str,
    tokens: list[Token],
    idx: list[int],
    lex: Lexicon,
    language: str,
    lower_words: frozenset[str] = frozenset(),
    uses: RunUses | None = None,
) -> list[Candidate]:
    """Split one capitalised run into typed candidates, carrying titles as roles.

    `lower_words` are the article's words written in lower case: a sentence's capitalised first
    word that the article also writes in lower case ("Police said ..." beside "the police") is
    that common word, not the town of Police."""
    out: list[Candidate] = []
    uses = uses or RunUses(text, tokens)
    role = title_before(text, tokens, idx[0], lex)
    place_cue = None if role else place_cue_before(text, tokens[idx[0]], lex)
    pos = 0
    # title_of: where a run after "<title> of" starts; owned: the same for a title that heads an
    # organisation ("CEO of SpaceX"), whose following run is that organisation
    title_end = title_of = owned = -1
    k = idx[0] - 1
    if role is not None and role.casefold().endswith((" of", " for")):
        if role.casefold().rsplit(" ", 1)[0] in lex.owner_titles:
            owned, role = 0, None  # "a spokesman for Kestrel Foods"
    elif (
        k > 0
        and tokens[k].text.casefold() in ("of", "for")
        and _only_space_between(text, tokens[k], tokens[idx[0]])
        and (title_before(text, tokens, k, lex) or "").casefold() in lex.owner_titles
    ):
        owned = 0  # "head of Varnian Rail"
    while pos < len(idx):
        t = _title_at(tokens, idx, pos, lex, text)
        if t and " " in title_text(text, tokens, idx[pos], lex):
            # A multi-word role first, even over a place: "Human rights activist", "Prime Minister".
            role = title_text(text, tokens, idx[pos], lex)
            pos += t
            title_end = pos
            continue
        n = _state_run(tokens, idx, pos, lex)
        if n:
            out.append(_typed_span(text, tokens, idx[pos : pos + n], "place"))
            pos += n
            continue
        if _team(tokens, idx, pos, language, uses):
            out.append(_typed_span(text, tokens, idx[pos : pos + 2], "org"))  # "Chicago Cubs"
            pos += 2
            continue
        n = _org_by_cue(tokens, idx, pos, lex)
        if n:
            # a known organisation keeps its canonical name ("UN Security Council" is the
            # Security Council) when the lexicon spans exactly what the cue word found
            known_n, known = _longest(tokens, idx, pos, lookup_org, language)
            out.append(_typed_span(text, tokens, idx[pos : pos + n], "org", known if known_n == n else None))
            pos += n
            continue
        if tokens[idx[pos]].text == "The" and pos + 1 < len(idx):
            # "The Bank of England" at a sentence start: the article is not part of the name
            # (and "The Bank" alone must not read as a town's alias)
            n, org = _longest(tokens, idx, pos + 1, lookup_org, language)
            if n and _org_by_cue(tokens, idx, pos + 1, lex) <= n:
                out.append(_typed_span(text, tokens, idx[pos + 1 : pos + 1 + n], "org", org))
                pos += 1 + n
                continue
            if _org_by_cue(tokens, idx, pos + 1, lex):
                pos += 1
                continue
        n, org = _longest(tokens, idx, pos, lookup_org, language)
        kind = "org"
        if not n:
            n, org = _longest(tokens, idx, pos, lookup_place, language)
            kind = "place"
            if (
                n == 1
                and (
                    (role and not is_cyrillic(tokens[idx[pos]].text) and pos != title_of)
                    or _known_given(tokens[idx[pos]].text, language)
                )
                and _name_follows(tokens, idx, pos + 1, lex, language)
            ):
                # "Envoy Keith Kellogg", "Nina Lavrik": a given name or a titled name before a
                # surname is a person, not the town of Keith or Nina (Neenah); in Russian a
                # place after a title is its genitive ("Глава Гродно Мечислав Гой")
                n = 0
            first = tokens[idx[pos]]
            if n == 1 and not is_country(org) and not is_cyrillic(first.text):
                titled = role is not None and pos in (0, title_end) and pos != title_of
                if _lone_person(tokens, idx, pos, lex, titled):
                    word = strip_possessive(first)  # "President Obama": a person, not the town
                    start, end, surface = _span(text, [word])
                    out.append(Candidate(start, end, surface, "person", role, None, word.sent_start))
                    role = None
                    pos += 1
                    continue
                if _name_not_town(tokens, idx, pos, lex, language, lower_words):
                    n = 0  # "Lindsay Lohan": a person's name, not the town
                elif strip_possessive(first).text.casefold() in lex.titles:
                    n = 0  # "CHP Officer Brian Pennings": a title, not the town of Officer
                elif first.text.casefold() in lex.misc_head and pos + 1 < len(idx):
                    n = 0  # "Hurricane Katrina": a storm's name, not the town of Hurricane
            if n == 1 and first.sent_start and first.text.lower() in lower_words and not is_country(org):
                n = 0  # "Police said", "Human rights groups": the article's own common word
            if n == 1 and not is_country(org) and _name_of_towns(tokens, idx, pos, lex, language):
                n = 0  # "Carson Palmer", "Nico Rosberg": two towns in a row name a person
            if n == 1 and not is_country(org) and _place_then_surname(
                tokens, idx, pos, lex, language, uses, lower_words
            ):
                n = 0  # "Florence Nightingale ... Nightingale wrote": a name, not the town
        if n:
            out.append(_typed_span(text, tokens, idx[pos : pos + n], kind, org))
            pos += n
            continue
        t = _title_at(tokens, idx, pos, lex, text)
        if t:
            role = title_text(text, tokens, idx[pos], lex)
            pos += t
            title_end = pos
            continue
        if (
            _is_skip_word(strip_possessive(tokens[idx[pos]]).text, lex)
            or tokens[idx[pos]].text.casefold() in lex.connectors
        ):
            if pos == title_end and tokens[idx[pos]].text.casefold() in ("of", "for"):
                title_of = pos + 1  # "Mayor of London Sadiq Khan": London is the title's place
                if (role or "").casefold() in lex.owner_titles:
                    owned = pos + 1  # "CEO of SpaceX": what follows is what the title heads
            pos += 1
            continue
        if _oblique_place_before_name(tokens, idx, pos, language):
            # "Президент Варнии Радомир Велеск": a place in the genitive heads a run that goes on
            # with a full name; it is its own (place) mention, not the person's first name.
            word = strip_possessive(tokens[idx[pos]])
            start, end, surface = _span(text, [word])
            out.append(Candidate(start, end, surface, "place", None, None, word.sent_start))
            pos += 1
            continue
        chunk: list[Token] = []
        pos0 = pos
        while pos < len(idx):
            tok = tokens[idx[pos]]
            bare = strip_possessive(tok)
            if chunk and (
                _title_at(tokens, idx, pos, lex)
                or _is_skip_word(bare.text, lex)
                or lookup_org([bare], language)
            ):
                break
            chunk.append(bare)
            pos += 1
            if bare is not tok:
                break
        while chunk and chunk[-1].text.casefold() in lex.connectors:
            chunk.pop()
        if not chunk:
            continue
        if len(chunk) >= 2 and _demonym_of_country(_span(text, chunk)[2], language):
            role = None  # "Costa Rican", "Sri Lankan": an adjective of a country, like "Russian"
            continue
        if _common_opening_word(chunk, lower_words, language):
            pos = pos0 + 1  # "Using Amazon", "Watch Elon Musk": the sentence's own first word,
            continue  # which the article writes in lower case too: no role, no part of the name
        if _sentence_word_before_name(chunk, lex, language):
            role = role or chunk[0].text  # "Dissident Mikola Statkevich", "Жители Гродно"
            pos = pos0 + 1
            continue
        if role is None and pos >= len(idx):
            role = title_after(text, tokens, idx[-1] + 1, lex)
        ctype = _classify_chunk(chunk, role, lex)
        if pos0 == owned and len(chunk) <= 2 and ctype in ("person", None):
            # "CEO of SpaceX": an organisation (places were looked up above); a longer run may
            # go on with the holder's name ("Mayor of Aldenport Ilse Varga") and is left alone
            ctype, role = "org", None
        before = idx[pos0] - 1
        if ctype == "person" and role is None and before >= 0 and tokens[before].text.casefold() in _OWNER_WORDS:
            ctype = None  # "our World Briefing newsletter": something owned, not a person
        if ctype in ("person", None) and role is None and _owner_title_after(text, tokens, chunk, lex):
            ctype = "org"  # "Kestrel Foods spokesman Tom Bell", "Qualcomm CEO Steve Mollenkopf"
        if ctype == "person" and role is None and _members_after(chunk, lex, uses):
            ctype = "org"  # "Boko Haram militants", "Goldman Sachs employees"
        if ctype == "person" and role is None:
            # "the Falcon Heavy", "Sign Up": a thing; "in Key Biscayne": a place
            ctype = _usage_type(chunk, lower_words, uses, language)
        if ctype == "person" and role is None and _in_quotes(text, chunk):
            ctype = None  # ``House Call'', “Kill Bill”: a title in quotes, not someone's name
        if ctype == "person" and len(chunk) == 1 and chunk[0].text.casefold() in lex.org_tail:
            ctype = None  # "Metropolitan Police": a force after a word that is also a title, no one's name
        cued_place = (
            place_cue and pos0 == 0 and len(chunk) <= 2 and ctype in (None, "person") and not _given_first(chunk)
        )
        if cued_place:
            ctype = "place"  # "the town of Halsk": an unknown name after a place cue
        start, end, surface = _span(text, chunk)
        if cued_place and len(chunk) == 1 and is_cyrillic(surface):
            # "под Хальском": the case ending goes, so the place compares with "Halsk"
            readings = [
                f for f in nominative_candidates(surface, language)
                if f != surface and not f.casefold().endswith(_ADJECTIVE_ENDINGS)
            ]
            noun = readings[0] if readings else _place_noun(surface)
            out.append(Candidate(start, end, surface, "place", None, noun, chunk[0].sent_start))
            role = None
            continue
        if ctype is None and len(chunk) > 1:
            role = None
            continue
        out.append(
            Candidate(
                start,
                end,
                surface,
                ctype,
                role if ctype != "org" else None,
                None,
                chunk[0].sent_start,
            )
        )
        role = None
    return out


def _adjective_org(
    text: str, tokens: list[Token], idx: list[int], lex: Lexicon
) -> Candidate | None:
    """'Нобелевский комитет': a capitalised adjective before a lower-case organisation word."""
    last = idx[-1]
    if last + 1 >= len(tokens) or not is_cyrillic(tokens[last].text):
        return None
    nxt = tokens[last + 1]
    if nxt.text.casefold() not in lex.org_tail or not _only_space_between(text, tokens[last], nxt):
        return None
    if not lex.adjective_endings or not tokens[last].text.casefold().endswith(
        lex.adjective_endings
    ):
        return None
    start = tokens[idx[0]].start
    return Candidate(
        start, nxt.end, text[start : nxt.end], "org", None, None, tokens[idx[0]].sent_start
    )


# Russian adjective endings, and the Ukrainian and Belarusian ones of "Херсонській", "Гомельскай"
_REGION_ADJ_TAILS = (*_ADJ_TAILS, "ської", "ській", "ською", "ську", "ська", "скай", "скаю")


def _adjective_region(text: str, tokens: list[Token], idx: list[int], lex: Lexicon) -> Candidate | None:
    """'в Гомельской области', 'на Ставропольском крае': a run's last word, a capitalised
    adjective before a lower-case region noun, is a region, named in the nominative ("Гомельская область") so the
    gazetteer's regions (data/names/regions.tsv) can read it ("Gomel Region")."""
    if not lex.region_nouns or not is_cyrillic(tokens[idx[-1]].text):
        return None
    word, k = tokens[idx[-1]], idx[-1] + 1
    if k >= len(tokens) or not _only_space_between(text, word, tokens[k]):
        return None
    noun = lex.region_nouns.get(tokens[k].text.casefold())
    low = word.text.casefold()
    tail = next((t for t in _REGION_ADJ_TAILS if low.endswith(t)), None)
    if noun is None or tail is None:
        return None
    stem = word.text[: len(word.text) - len(tail)] + next(
        (s for s in ("ськ", "ск") if tail.startswith(s)), "н"
    )
    feminine = noun.endswith(("ь", "а", "я"))  # область, вобласць; край is masculine
    ending = {"uk": ("а", "ий"), "be": ("ая", "і")}.get(lex.language, ("ая", "ий"))
    nominative = f"{stem}{ending[0] if feminine else ending[1]} {noun}"
    canonical = gazetteer().get(nominative, nominative)
    end = tokens[k].end
    return Candidate(word.start, end, text[word.start : end], "place", None, canonical, word.sent_start)


_NICKNAMED = re.compile(
    r"(?<![\w-])(?P<given>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+(?:``|['\"“‘«])(?P<nick>[^'\"”’»`\n]{1,30}?)"
    r"(?:''|['\"”’»])\s+(?P<surname>[A-Z][\w'’-]*[a-z])(?![\w-])"
)


def _nicknamed(text: str, language: str) -> list[Candidate]:
    """People written with a nickname in quotes between given name and surname: Vincent 'The Chin'
    Gigante, Joaquin "El Chapo" Guzman. The quotes split the run, so the surname stood alone (and
    read as the town of Gigante). The given name must be a known or common one, and the nickname
    at most four words."""
    out = []
    for m in _NICKNAMED.finditer(text):
        given = m.group("given")
        if len(m.group("nick").split()) > 4 or not (_known_given(given, language) or common_given_name(given)):
            continue
        out.append(
            Candidate(m.start(), m.end(), m.group(), "person", None, f"{given} {m.group('surname')}", False)
        )
    return out


def candidates(text: str, lex: Lexicon, language: str) -> list[Candidate]:
    """All candidate spans of an article, in text order."""
    tokens = tokenize(text)
    lower_words = frozenset(t.text for t in tokens if t.text.islower())
    uses = RunUses(text, tokens)
    found: list[Candidate] = []
    for idx in runs(text, tokens, lex):
        region = _adjective_region(text, tokens, idx, lex)
        if region is not None:  # the run's last word; what comes before it is read as usual
            if idx[:-1]:
                found.extend(segment(text, tokens, idx[:-1], lex, language, lower_words, uses))
            found.append(region)
            continue
        org = _adjective_org(text, tokens, idx, lex)
        if org is not None:
            found.append(org)
            continue
        quoted = _quoted_title(text, tokens, idx, lex) if is_cyrillic(tokens[idx[0]].text) else None
        if quoted is not None:
            start, end = quoted
            found.append(Candidate(start, end, text[start:end], "org", None, None, False))
            continue
        if _adjective_modifier(text, tokens, idx, language):
            continue
        if (
            len(idx) == 1
            and _org_noun(tokens[idx[0]].text, lex, language)
            and not lookup_org([tokens[idx[0]]], language)
        ):
            continue  # "председатель Союза учителей": an organisation noun alone names nothing
        found.extend(segment(text, tokens, idx, lex, language, lower_words, uses))
    nicknamed = _nicknamed(text, language)  # Latin script only, by its pattern
    if nicknamed:
        found = [c for c in found if not any(n.start <= c.start and c.end <= n.end for n in nicknamed)]
        found = sorted(found + nicknamed, key=lambda c: c.start)
    return found
