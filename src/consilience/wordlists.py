"""Word lists every stage shares: function words and month names of all shipped languages.

Story grouping drops function words from its terms; claim extraction keeps them from reading as
names at the start of a sentence ("Every", "Within"). One loader, so both read the same lists.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

_DATA = "consilience.data.wordlists"


def _read_lines(folder: str) -> dict[str, list[str]]:
    """Every `<lang>.txt` data file of a folder as non-comment lines, by language code."""
    out: dict[str, list[str]] = {}
    for entry in resources.files(_DATA).joinpath(folder).iterdir():
        if entry.name.endswith(".txt"):
            lines = entry.read_text(encoding="utf-8").splitlines()
            out[entry.name[:-4]] = [ln.strip() for ln in lines if ln.strip() and ln[0] != "#"]
    return out


@cache
def stopwords() -> frozenset[str]:
    """Function words of all shipped languages; one union so no language guess is needed."""
    return frozenset(w for words in _read_lines("stopwords").values() for w in words)


@cache
def months() -> dict[str, int]:
    """Month names and abbreviations of all shipped languages -> month number."""
    table: dict[str, int] = {}
    for rows in _read_lines("months").values():
        for row in rows:
            name, _, num = row.partition("\t")
            table[name.strip().lower()] = int(num)
    return table
