"""Builders for hand-made comparison inputs: claims whose quotes are checked against their text."""

from __future__ import annotations

from consilience.model import Attribution, Claim
from tests.shared import EXAMPLES


def example_text(prefix: str) -> str:
    return next(EXAMPLES.glob(f"{prefix}_*.txt")).read_text("utf-8")


def claim(
    article: str,
    kind: str,
    statement: str,
    *,
    text: str | None = None,
    quote: str | None = None,
    value: str | None = None,
    unit: str | None = None,
    event: str | None = None,
    actors: tuple[str, ...] = (),
    chain: tuple[str, ...] = (),
    cue: str = "said",
    hedge: str | None = None,
    when: str | None = None,
    approximate: bool = False,
    **extra: str,
) -> Claim:
    """A Claim as an extractor would give it; when `text` is given the quote must occur in it."""
    quote = quote or statement
    start = 0
    if text is not None:
        start = text.find(quote)
        assert start >= 0, f"quote not in article {article}: {quote!r}"
    return Claim(
        article_id=article,
        kind=kind,  # type: ignore[arg-type]
        statement=statement,
        quote=quote,
        start=start,
        end=start + len(quote),
        value=value,
        unit=unit,
        approximate=approximate,
        hedged=hedge is not None,
        hedge=hedge,
        attribution=Attribution(chain, cue) if chain else None,
        event_type=event,
        actors=actors,
        when=when,
        extra=dict(extra),
    )
