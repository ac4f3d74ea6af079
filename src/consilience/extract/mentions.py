"""Mentions of people, places and organisations in one article, with roles and in-article links.

The default detector is offline and rule-based (mention_rules + lexicons under data/mentions/);
`get_detector("spacy:NAME")` plugs in a spaCy pipeline instead, imported only when asked for.
"""

from __future__ import annotations

from typing import Any, Protocol

from consilience.errors import UserInputError
from consilience.extract.mention_coref import link_mentions
from consilience.extract.mention_lexicon import LANGUAGES, load_lexicon
from consilience.extract.mention_morph import is_cyrillic
from consilience.extract.mention_rules import (
    Candidate,
    candidates,
    strip_possessive,
    title_after,
    title_before,
    tokenize,
)
from consilience.model import Mention


class MentionDetector(Protocol):
    """The seam for mention backends: one article in, its mentions out (spans index `text`)."""

    name: str

    def detect(self, article_id: str, text: str, language: str | None) -> list[Mention]: ...


def pick_language(text: str, language: str | None) -> str:
    """The lexicon language: the given one when known, else guessed from the script."""
    if language:
        code = language.lower().split("-")[0].split("_")[0]
        if code in LANGUAGES:
            return code
    sample = text[:2000]
    cyr = sum(1 for ch in sample if "\u0400" <= ch <= "\u04ff")
    lat = sum(1 for ch in sample if "a" <= ch.lower() <= "z")
    return "ru" if cyr > lat else "en"


def _to_mentions(article_id: str, cands: list[Candidate]) -> list[Mention]:
    seen: set[tuple[int, int]] = set()
    out: list[Mention] = []
    for c in sorted(cands, key=lambda c: (c.start, c.end)):
        if (c.start, c.end) in seen or c.type is None:
            continue
        seen.add((c.start, c.end))
        out.append(Mention(article_id, c.start, c.end, c.text, c.type, c.role, c.canonical))  # type: ignore[arg-type]
    return out


class RuleDetector:
    """Offline default: capitalised runs typed by lexicons, the gazetteer and roles."""

    name = "rules"

    def detect(self, article_id: str, text: str, language: str | None) -> list[Mention]:
        lang = pick_language(text, language)
        lex = load_lexicon(lang)
        cands = link_mentions(candidates(text, lex, lang), lang, text)
        return _to_mentions(article_id, cands)


_SPACY_TYPES = {
    "PERSON": "person",
    "PER": "person",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "ORG": "org",
}


class SpacyDetector:
    """A spaCy pipeline's entities, given the same role, possessive and in-article-link handling."""

    def __init__(self, model: str | Any) -> None:
        try:
            import spacy
        except ImportError as exc:  # optional dependency
            raise UserInputError(
                "spaCy is not installed",
                hint="pip install 'consilience[spacy]' or use --mentions rules",
            ) from exc
        if isinstance(model, str):
            try:
                self.nlp = spacy.load(model)
            except OSError as exc:
                raise UserInputError(
                    f"spaCy pipeline {model!r} is not installed",
                    hint="install that pipeline package, or use the default 'rules' detector",
                ) from exc
            self.name = f"spacy:{model}"
        else:
            self.nlp = model
            self.name = f"spacy:{getattr(model, 'lang', 'custom')}"

    def detect(self, article_id: str, text: str, language: str | None) -> list[Mention]:
        lang = pick_language(text, language)
        lex = load_lexicon(lang)
        tokens = tokenize(text)
        starts = {t.start: i for i, t in enumerate(tokens)}
        cands: list[Candidate] = []
        for ent in self.nlp(text).ents:
            etype = _SPACY_TYPES.get(ent.label_)
            if etype is None:
                continue
            start, end = ent.start_char, ent.end_char
            inside = [t for t in tokens if start <= t.start < end]
            if inside:  # drop a possessive "'s" the pipeline kept inside the entity
                end = min(end, max(strip_possessive(inside[-1]).end, inside[0].end))
            role = None
            if etype == "person" and start in starts:
                i = starts[start]
                j = next((k for k, t in enumerate(tokens) if t.start >= end), len(tokens))
                role = title_before(text, tokens, i, lex) or title_after(text, tokens, j, lex)
            c = Candidate(start, end, text[start:end], etype, role)
            if etype == "person" and len(c.text.split()) == 1:
                c.type = None  # a lone word must link to a full name, as in the rules
                c.role = role
                if role:
                    c.type = "person"
            cands.append(c)
        return _to_mentions(article_id, link_mentions(cands, lang, text))


def get_detector(spec: str = "rules") -> MentionDetector:
    """A detector from a spec string: 'rules' (default) or 'spacy:PIPELINE'."""
    kind, _, arg = spec.partition(":")
    if kind == "rules" and not arg:
        return RuleDetector()
    if kind == "spacy" and arg:
        return SpacyDetector(arg)
    raise UserInputError(f"unknown mention detector {spec!r}", hint="use 'rules' or 'spacy:NAME'")


_DEFAULT = RuleDetector()


def find_mentions(article_id: str, text: str, language: str | None) -> list[Mention]:
    """Mentions of people, places and organisations in `text`, in text order.

    Args:
        article_id: id stored on each mention.
        text: the article text; every mention satisfies text[m.start:m.end] == m.text.
        language: ISO 639-1 code when known; None guesses from the script.

    Returns:
        Mentions with type, role (title or apposition beside a person) and canonical form
        (full name for a surname-only mention, nominative for Cyrillic case forms).
    """
    return _DEFAULT.detect(article_id, text, language)


__all__ = [
    "MentionDetector",
    "RuleDetector",
    "SpacyDetector",
    "find_mentions",
    "get_detector",
    "is_cyrillic",
]
