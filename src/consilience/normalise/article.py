"""RawDocument -> Article: clean text, identity hash, ISO date (written or inferred), language."""

from __future__ import annotations

from urllib.parse import urlsplit

from tld import get_fld

from consilience.errors import SkipReason
from consilience.ids import content_id
from consilience.model import Article, RawDocument, Skipped
from consilience.normalise.dates import infer_date, parse_date
from consilience.normalise.language import detect_language, normalise_code
from consilience.normalise.text import clean_field, clean_text, identity_text

MIN_WORDS = 5  # below this an "article" is a fragment (a caption, an empty feed entry)
MAX_TEXT_CHARS = 2_000_000  # one article; longer is a dump, not an article


def article_id(text: str) -> str:
    """Identity of an article: its normalised text, so the same text from any format is one row."""
    return content_id(identity_text(text))


def outlet_of(outlet: str | None, url: str | None) -> str | None:
    """The outlet as given, else the site of the article's URL: its registrable domain by the
    public suffix list that `tld` bundles ("money.cnn.com" and "edition.cnn.com" are "cnn.com",
    "www.bbc.co.uk" is "bbc.co.uk"). A crawler's bare host ("www.nytimes.com") is read the same way.

    Two articles from one site are one outlet for the independence count; with no outlet at all
    every article would count as its own source.
    """
    bare_host = bool(outlet) and " " not in outlet and "." in outlet and "/" not in outlet
    if outlet and not bare_host:
        return outlet
    try:
        host = outlet if bare_host else (urlsplit(url).hostname if url and "://" in url else None)
    except ValueError:  # "http://[::1" : no host to read
        host = None
    if not host:
        return None
    host = host.lower()
    site = get_fld(f"http://{host}", fail_silently=True)  # None for hosts off the list ("x.example")
    return site or (host[4:] if host.startswith("www.") else host)


def normalise_document(raw: RawDocument) -> Article | Skipped:
    """Clean and identify one document; a document with no usable text becomes a Skipped value."""
    text = clean_text(raw.text)
    if len(text) > MAX_TEXT_CHARS:
        return Skipped(raw.source, SkipReason.TOO_LARGE, f"article text of {len(text):,} characters")
    title = clean_field(raw.title, 500)
    words = len(identity_text(text).split())
    if words < MIN_WORDS:
        what = "no text" if not words else f"only {words} word(s) of text"
        return Skipped(raw.source, SkipReason.NO_TEXT, what)
    language = normalise_code(raw.language) if raw.language else None
    language = detect_language(f"{title or ''}\n{text}", hint=language) or language
    published = parse_date(clean_field(raw.published, 200), [language] if language else None)
    inferred = False
    written = clean_field(raw.published, 200)
    if published is None:
        guess = infer_date(text)
        if guess is None:
            # A WARC capture date bounds the publication date from above: kept, marked inferred.
            capture = dict(raw.extra).get("capture_date")
            guess = parse_date(capture) if capture else None
        if guess is not None:
            published, inferred, written = guess, True, guess.written
    return Article(
        id=article_id(text),
        text=text,
        title=title,
        outlet=outlet_of(clean_field(raw.outlet, 200), clean_field(raw.url, 2000)),
        url=clean_field(raw.url, 2000),
        ref=clean_field(raw.ref, 500),
        byline=clean_field(raw.author, 300),
        language=language,
        published=published.iso if published else None,
        published_source=written,
        published_inferred=inferred or (published.inferred if published else False),
        source=raw.source,
        format=raw.format,
        subtitle=clean_field(raw.subtitle, 1000),
        flags=tuple(value for key, value in raw.extra if key == "flag"),
    )
