"""Bytes -> text: BOM, declared charset, UTF-8, then a detector, with a Cyrillic sanity check.

charset-normalizer does the detection; what is written here is the precedence rule and the
cp1251/koi8-r check, because detectors confuse those two on short texts and the wrong one decodes
without error into plausible-looking garbage.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_XML_DECL = re.compile(rb"""<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._-]{1,40})["']""")
_META_CHARSET = re.compile(rb"""<meta[^>]{0,300}?charset\s*=\s*["']?([A-Za-z0-9._-]{1,40})""", re.I)
# The commonest Russian letters; text decoded with the wrong Cyrillic codec is dominated by rare
# ones and by upper case in mid-word.
_COMMON_CYR = set("оеаинтсрвлкмдпуяыьгзбчйжшюцщэфъё")


class DecodeError(ValueError):
    """The bytes are not text in any charset we can trust."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    how: str  # bom | declared | utf-8 | detected


def declared_charset(data: bytes) -> str | None:
    """The charset an XML declaration or HTML meta tag names, if it is one Python knows."""
    head = data[:4096]
    for pattern in (_XML_DECL, _META_CHARSET):
        match = pattern.search(head)
        if match:
            name = match.group(1).decode("ascii", "ignore").lower()
            try:
                return codecs.lookup(name).name
            except LookupError:
                return None
    return None


def cyrillic_plausibility(text: str) -> float:
    """Share of Cyrillic letters that are common lower-case Russian letters (1.0 for real text)."""
    cyr = [c for c in text[:20000] if "\u0400" <= c <= "\u04ff"]
    if not cyr:
        return 1.0
    return sum(c in _COMMON_CYR for c in cyr) / len(cyr)


def _best_cyrillic(data: bytes, first: str) -> tuple[str, str]:
    """Among the single-byte Cyrillic codecs, keep the one whose letters look like real text."""
    best = (first, data.decode(first, "replace"))
    best_score = cyrillic_plausibility(best[1])
    for enc in ("cp1251", "koi8_r", "koi8_u", "iso8859_5", "mac_cyrillic"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        score = cyrillic_plausibility(text)
        if score > best_score + 0.05:
            best, best_score = (enc, text), score
    return best


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode with precedence BOM > declared (if it decodes) > UTF-8 > detector."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(enc), enc, "bom")
            except UnicodeDecodeError:
                break
    if b"\x00" in data[:8192] and not _looks_utf16(data):
        raise DecodeError("binary data (NUL bytes), not text")
    for name in (declared, declared_charset(data)):
        if not name:
            continue
        try:
            text = data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
        if name.replace("-", "").lower() not in {"utf8", "ascii"} and cyrillic_plausibility(text) < 0.6:
            enc, text = _best_cyrillic(data, name)
            return Decoded(text, enc, "declared-corrected")
        return Decoded(text, name, "declared")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", "utf-8")
    except UnicodeDecodeError:
        pass
    if _looks_utf16(data):
        try:
            return Decoded(data.decode("utf-16"), "utf-16", "detected")
        except UnicodeDecodeError:
            pass
    match = from_bytes(data[:200_000]).best()
    if match is None or match.encoding is None:
        raise DecodeError("could not determine the text encoding")
    enc = match.encoding
    text = data.decode(enc, "replace")
    if any("\u0400" <= c <= "\u04ff" for c in text[:5000]):
        enc, text = _best_cyrillic(data, enc)
    elif enc not in ("cp1252", "latin_1", "iso8859_15") and enc.startswith(("cp125", "iso8859", "latin")):
        # On short Western text detectors pick cp1250 and friends ("previdęncia"); windows-1252
        # is the web's default single-byte charset, so it wins unless it reads worse.
        try:
            western = data.decode("cp1252")
            if _latin_plausibility(western) >= _latin_plausibility(text):
                enc, text = "cp1252", western
        except UnicodeDecodeError:
            pass
    if _replacement_ratio(text) > 0.05:
        raise DecodeError(f"bytes do not decode as text (best guess {enc})")
    return Decoded(text, enc, "detected")


def _latin_plausibility(text: str) -> float:
    """Non-ASCII characters that are letters score, symbols (what a wrong codepage yields) cost."""
    score = 0.0
    for ch in text[:20000]:
        if ord(ch) < 128:
            continue
        score += 1.0 if ch.isalpha() else -1.0
    return score


def _looks_utf16(data: bytes) -> bool:
    sample = data[:4000]
    if len(sample) < 4:
        return False
    even_nuls = sample[1::2].count(0) / (len(sample) / 2)
    odd_nuls = sample[0::2].count(0) / (len(sample) / 2)
    return max(even_nuls, odd_nuls) > 0.3 and min(even_nuls, odd_nuls) < 0.05


def _replacement_ratio(text: str) -> float:
    return text.count("\ufffd") / max(1, len(text))


def looks_binary(data: bytes) -> bool:
    """Heuristic for images, archives and executables: NULs or many C0 control bytes."""
    sample = data[:8192]
    if not sample:
        return False
    if _looks_utf16(sample):
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls / len(sample) > 0.1
