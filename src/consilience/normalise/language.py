"""Offline language identification (py3langid), restricted to the languages the tool reads.

Restricting the label set is what makes short news sentences reliable (LIBRARIES.md: 98% on
short en/ru/uk/be/de/it sentences); Belarusian and Ukrainian are told apart by their own letters
(ў, і, ї, є, ґ) when the model hesitates.
"""

from __future__ import annotations

from functools import cache

LANGUAGES = ("en", "ru", "uk", "be", "de", "fr", "it", "es", "pl", "lt", "pt", "zh", "bg", "nl")


@cache
def _identifier():  # type: ignore[no-untyped-def]
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages(list(LANGUAGES))
    return ident


def detect_language(text: str, hint: str | None = None) -> str | None:
    """ISO 639-1 code of the text's language, or the hint when the text is too short to tell."""
    sample = text[:3000]
    letters = sum(ch.isalpha() for ch in sample)
    if letters < 20:
        return normalise_code(hint)
    lang, prob = _identifier().classify(sample)
    lang = _cyrillic_tiebreak(sample, lang)
    if prob < 0.5 and hint:
        return normalise_code(hint)
    return lang


def _cyrillic_tiebreak(sample: str, lang: str) -> str:
    if lang not in {"ru", "uk", "be", "bg"}:
        return lang
    if "ў" in sample or "Ў" in sample:
        return "be"
    if any(ch in sample for ch in "їєґЇЄҐ"):
        return "uk"
    if lang in {"uk", "be"} and any(ch in sample for ch in "ыэъЫЭ") and "і" not in sample:
        return "ru"
    return lang


def normalise_code(code: str | None) -> str | None:
    """'en-US', 'EN', 'eng' -> 'en'; None for anything that is not a language tag."""
    if not code:
        return None
    code = code.strip().lower().replace("_", "-").split("-")[0]
    if len(code) == 2 and code.isalpha():
        return code
    three = {"eng": "en", "rus": "ru", "ukr": "uk", "bel": "be", "deu": "de", "ger": "de", "fra": "fr", "fre": "fr"}
    return three.get(code)
