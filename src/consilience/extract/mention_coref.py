"""In-article links: a surname alone or in another case points to the full name used nearby."""

from __future__ import annotations

import re
from functools import lru_cache

from consilience.extract.lexicon import load_lexicon as claims_lexicon
from consilience.extract.mention_lexicon import (
    gazetteer,
    given_names,
    is_country,
    is_minor_place,
    load_lexicon,
)
from consilience.extract.mention_morph import (
    gender_of,
    is_adjective,
    is_cyrillic,
    nominative_candidates,
)
from consilience.extract.mention_rules import Candidate
from consilience.names.census import common_given_name


def _given_gender(word: str, language: str) -> tuple[str, str]:
    """(nominative given name, gender) for a first-name token, '' gender when unknown."""
    names = given_names()
    cands = nominative_candidates(word, language)
    for cand in cands:
        if cand in names:
            return cand, names[cand]
    return cands[0], ""


def full_name_canonical(surface: str, language: str) -> str:
    """Nominative form of a multi-word person name ('Марии Колесниковой' -> 'Мария Колесникова')."""
    words = surface.split()
    if not any(is_cyrillic(w) for w in words):
        return surface
    first, gender = _given_gender(words[0], language)
    rest = [nominative_candidates(w, language, gender or None)[0] for w in words[1:]]
    if not gender and rest:
        gender = gender_of(rest[-1])
    return " ".join([first, *rest])


def _surname_keys(word: str, language: str) -> set[str]:
    return {c.casefold() for c in nominative_candidates(word, language)} | {word.casefold()}


def looks_like_surname(word: str, language: str) -> bool:
    """A lone word shaped like a Slavic surname ('Statkevich', 'Зеленскому'), not a common word."""
    lex = load_lexicon(language)
    if len(word) < 5 or word.casefold() in lex.stopwords or word.isupper():
        return False
    if is_adjective(word):
        return False
    forms = nominative_candidates(word, language)
    return any(f.casefold().endswith(s) for f in forms for s in lex.surname_suffixes)


def _written_place(words: str) -> bool:
    """Whether a written place or its abbreviation ("Texas", "Miss", "N. Y") is in the gazetteer
    or reads as a US state abbreviation."""
    return words in gazetteer() or words.replace(" ", "") in _STATE_ABBREVIATIONS


# US state abbreviations as datelines write them ("Jackson, Miss.", "Erie, Pa."), without dots.
_STATE_ABBREVIATIONS = frozenset(
    "Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Mass Md Mich Minn Miss Mo "
    "Mont Neb Nev NH NJ NM NY NC ND Okla Ore Pa RI SC SD Tenn Tex Va Vt Wash Wis Wyo DC".split()
)

_LOCATIVE = re.compile(r"(?i)\b(?:in|to|from|near|outside|across|into|в|во|из|под|около)\s+$")


@lru_cache(maxsize=16)
def _speaks(language: str) -> re.Pattern[str]:
    """A reporting verb right after a word ("Perry said"): the claims lexicon's attribution verbs,
    so that what counts as speaking is listed once per language."""
    verbs = sorted(claims_lexicon(language).attribution("verbs"), key=len, reverse=True)
    return re.compile(r"\s+(?:" + "|".join(map(re.escape, verbs)) + r")\b")


def _placed_words(cands: list[Candidate], text: str, language: str) -> set[str]:
    """Place words the article puts something in ("in Nice", "to Duisburg"), once per article,
    unless the article also has the word speak ("Perry said": "seemed funny to Perry" is a
    person's dative, not a trip)."""
    placed = {
        c.text
        for c in cands
        if c.type == "place" and _LOCATIVE.search(text[max(0, c.start - 12) : c.start])
    }
    speaks = _speaks(language)
    speaking = {c.text for c in cands if c.text in placed and speaks.match(text, c.end)}
    return placed - speaking


def _full_name_of(c: Candidate, fulls: list[tuple[int, str, set[str]]], language: str) -> str | None:
    """The full name a lone word is the surname of: the nearest one before it, else the first
    after (a title line); None when the article names no such person.

    In Latin script a lone known given name, or a word read as a place only through an alias,
    may also be the name's first word ("Kim" after "Kim Jong Un"; "Nico" after "Nico Rosberg",
    which the gazetteer reads as an alias of Nice). Any other first word is not: "Tesla" after
    "Tesla Roadster" or "Chicago" after "Chicago Cubs" name something else."""
    keys = _surname_keys(c.text, language)
    hits = [(start, canon) for start, canon, sk in fulls if keys & sk]
    first_word = (
        c.text in given_names()
        or common_given_name(c.text)
        or (c.type == "place" and c.canonical not in (None, c.text))
    )
    if not hits and first_word and not is_cyrillic(c.text):
        hits = [(start, canon) for start, canon, _ in fulls if canon.split()[0] == c.text]
    if not hits:
        return None
    before = [h for h in hits if h[0] < c.start]
    return (max(before) if before else min(hits))[1]


SMALL_TOWN = 200_000  # a city as big as Denver is the city even when a name stands alone

_PLACE_AFTER = re.compile(r",\s+[A-Z][a-z]*\.?(?:\s+[A-Z][a-z]+)?(?=[\s,.;:)]|$)")


def _given_not_town(c: Candidate, text: str) -> bool:
    """A lone common given name that only a small town shares ("Vincent", "Tara"), which the
    article never puts anything in (checked by the caller) nor follows with its state ("Tyler,
    Texas"): a person named by first name. Latin script only; the census lists are American."""
    if is_cyrillic(c.text) or not common_given_name(c.text) or not is_minor_place(c.text, SMALL_TOWN):
        return False
    if _OF_PLACE.search(text, max(0, c.start - 8), c.start):
        return False  # "Kafoury, 63, of Warren": where someone is from
    nxt = _NEXT_WORD.match(text, c.end)
    if nxt and nxt.group(1) in _TOWN_NOUNS:
        return False  # "Troy police", "Warren city council"
    after = _PLACE_AFTER.match(text, c.end)
    return not (after and _written_place(after.group(0)[1:].strip().rstrip(".")))


_OF_PLACE = re.compile(r",\s+of\s+$")
_NEXT_WORD = re.compile(r"\s+([a-z]+)")
# Lower-case words after which a town's name is the town: "Troy police", "Warren city council".
_TOWN_NOUNS = frozenset({"police", "city", "town", "county", "council", "mayor", "residents", "resident", "native", "area"})


def link_mentions(cands: list[Candidate], language: str, text: str = "") -> list[Candidate]:
    """Keep typed candidates, and single words that link to a full name in the same article."""
    fulls: list[tuple[int, str, set[str]]] = []  # (start, canonical, surname keys)
    for c in cands:
        if c.type == "person" and len(c.text.split()) > 1:
            # a nicknamed name comes with its canonical form: Vincent 'The Chin' Gigante -> Vincent Gigante
            c.canonical = c.canonical or full_name_canonical(c.text, language)
            last = c.canonical.split()[-1]
            fulls.append((c.start, c.canonical, _surname_keys(last, language)))
    # Persons named by one word ("President Obama", "the Bush administration"): the same word alone
    # elsewhere in the article is that person too, not the town the gazetteer knows ("Obama said").
    one_word_people = {c.text for c in cands if c.type == "person" and " " not in c.text}
    placed = _placed_words(cands, text, language)
    speaker_nouns = {w.casefold() for w in claims_lexicon(language).attribution("source_nouns")}
    kept: list[Candidate] = []
    for c in cands:
        if (
            c.type == "place"
            and c.text.casefold() in speaker_nouns
            and text
            and _speaks(language).match(text, c.end)
        ):
            continue  # "Police say 27 were hurt": the speaking noun, not the Polish town of Police
        if (
            c.type == "place"
            and " " not in c.text
            and not is_country(c.canonical)
            and c.text not in placed
        ):
            # "Hamilton" after "Lewis Hamilton": in an article that names the person, the lone
            # surname is the person, not the town of Hamilton.
            canon = _full_name_of(c, fulls, language) or (c.text if c.text in one_word_people else None)
            if canon is None and _given_not_town(c, text):
                canon = c.text  # "Vincent, Lucia and Carmella": children named, not three towns
            if canon:
                c.type, c.canonical = "person", canon
                kept.append(c)
                continue
        if c.type in ("place", "org") or (c.type == "person" and c.canonical):
            kept.append(c)
            continue
        canon = _full_name_of(c, fulls, language)
        if canon:
            c.type, c.canonical = "person", canon
            kept.append(c)
        elif c.type == "person" or looks_like_surname(c.text, language):
            c.type = "person"
            c.canonical = nominative_candidates(c.text, language)[0]
            kept.append(c)
    return kept
