from consilience.normalise.layout import match_credit, match_dateline, parse_layout
from consilience.normalise.text import clean_text
from tests.shared import EXAMPLES


def _layout(name: str):
    return parse_layout(clean_text((EXAMPLES / name).read_text("utf-8")))


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in text.replace("\n", " ").split(". ") if len(s.strip()) > 20]


def test_fakti_layout_finds_title_dateline_caption_and_outlet():
    layout = _layout("004_dabceafbe1b21c57.txt")
    assert layout.title == "Belarus releases 123 political prisoners"
    assert layout.date_written == "Dec 13, 2025 20:28"
    assert layout.outlet_hint == "Fakti"
    assert "Last news in Fakti" not in layout.body
    assert "20:28 65" not in layout.body
    assert "political prisoners  - 1" not in layout.body and "prisoners - 1" not in layout.body
    assert layout.body.startswith("Belarusian President Alexander Lukashenko has released 123")


def test_credit_becomes_byline_and_leaves_the_body():
    layout = _layout("000_8b19bb4c4ffb7a67.txt")
    assert layout.title == "Lukashenko pardons 123 political prisoners after US deal"
    assert layout.byline == "Iurie Tataru"
    assert "Translation by" not in layout.body


def test_no_sentence_of_the_body_is_lost():
    for name in ("000_8b19bb4c4ffb7a67.txt", "004_dabceafbe1b21c57.txt"):
        raw = clean_text((EXAMPLES / name).read_text("utf-8"))
        layout = parse_layout(raw)
        dropped = {line for line, _ in layout.dropped}
        body_lines = [ln for ln in raw.split("\n") if ln.strip() and ln.strip() not in dropped]
        for line in body_lines:
            assert line.strip() in layout.body


def test_generic_layout_variants():
    text = "\n".join(
        [
            "Home > World > Europe",
            "Storm cuts power to 40,000 homes",
            "By Jane Roe",
            "Published: 14 March 2026, 09:30",
            "Storm cuts power to 40,000 homes (photo)",
            "A storm cut power to about 40,000 homes overnight, the utility said on Saturday.",
            "Crews expect to restore most connections by Monday evening.",
            "Share this article",
        ]
    )
    layout = parse_layout(text)
    assert layout.title == "Storm cuts power to 40,000 homes"
    assert layout.byline == "Jane Roe"
    assert layout.date_written and layout.date_written.startswith("14 March 2026")
    assert layout.body.split("\n\n") == [
        "A storm cut power to about 40,000 homes overnight, the utility said on Saturday.",
        "Crews expect to restore most connections by Monday evening.",
    ]


def test_sentences_are_not_mistaken_for_furniture():
    assert match_dateline("On Dec 13, 2025 the president pardoned 123 people.") is None
    assert match_credit("By the end of the day, 123 people had been released.") is None
    assert match_dateline("13.12.2025 20:28") == "13.12.2025 20:28"
    assert match_credit("Reporting by Anna Smith; Editing by Tom Brown") == "Anna Smith"
