"""Normalisation: bytes to clean text, plain-text layout, dates, language; RawDocument -> Article."""

from consilience.normalise.article import normalise_document

__all__ = ["normalise_document"]
