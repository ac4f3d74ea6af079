"""Sentences with their character spans, so every claim can point back into the article text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from syntok import segmenter

_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: text[start:end] == sentence.text in the article it came from."""

    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """Split on newlines first (titles, captions, datelines are their own lines), then syntok."""
    out: list[Sentence] = []
    for line in _LINE.finditer(text):
        para = line.group()
        if not para.strip():
            continue
        base = line.start()
        for paragraph in segmenter.analyze(para):
            for sent in paragraph:
                tokens = list(sent)
                if not tokens:
                    continue
                first = tokens[0].offset
                last = tokens[-1].offset + len(tokens[-1].value)
                start, end = base + first, base + last
                out.append(Sentence(start, end, text[start:end]))
    return out


def lead(text: str | None, limit: int = 80) -> str | None:
    """An article's first sentence, cut between words: the label of an article or story that has
    no headline (plain-text archives, corpora without titles), so they can be told apart."""
    from consilience.normalise.text import clip

    first = next((s.text for s in split_sentences((text or "")[:1000]) if s.text.strip()), None)
    return clip(" ".join(first.split()), limit) if first else None
