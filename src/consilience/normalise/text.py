"""Text clean-up that every reader applies before anything is hashed or stored."""

from __future__ import annotations

import re
import unicodedata

# Control characters other than tab/newline, zero-width and bidi-override characters: they break
# SQLite (NUL), hide text from matching (ZWSP inside a name) or reorder what the reader sees.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069]"
)
_SURROGATE = re.compile("[\ud800-\udfff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_RUN = re.compile(r"\n{3,}")


def clean_text(text: str) -> str:
    """NFC, no NUL/control/bidi/zero-width characters, no lone surrogates, tidy whitespace.

    Paragraphs stay separated by one blank line; lines inside a paragraph are kept.
    """
    text = _SURROGATE.sub("\ufffd", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", _INVISIBLE.sub("", text))
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_RUN.sub("\n\n", "\n".join(lines)).strip()


def clean_field(value: object, limit: int = 2000) -> str | None:
    """A short metadata field (title, author, outlet) as one clean line, or None when empty."""
    if value is None:
        return None
    text = clean_text(str(value)[: limit * 2]).replace("\n", " ")
    text = text[:limit].strip()
    return text or None


def identity_text(text: str) -> str:
    """The form an article's identity is hashed from: case, punctuation and spacing folded.

    Two copies of one article that differ only in whitespace, quotes or letter case are one article.
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.findall(r"\w+", folded))


def clip(text: str, limit: int) -> str:
    """Text cut to `limit` characters between words, marked "…" (for labels and quotes on screen):
    cut inside a word, "around 202 injured" read "around 20"."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(" ,;:") + "…"
