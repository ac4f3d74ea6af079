"""Invariants: symmetric, never raises, blocking keys cover every positive."""

import csv
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from consilience.names import compare_names, name_keys

PAIRS = Path(__file__).resolve().parents[2] / "bench" / "data" / "names" / "pairs.tsv"

_names = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        ["Maria Kolesnikova", "Мария Колесникова", "Kyiv", "Киев", "DPA", "M.", "Kolesnikov"]
    ),
    st.lists(
        st.sampled_from(
            ["Ales", "Aleś", "Алесь", "Kalesnikava", "M.", ",", "Minsk", "-", "Ціханоўская"]
        ),
        max_size=4,
    ).map(" ".join),
)


@settings(max_examples=300, deadline=None)
@given(_names, _names, st.sampled_from([None, "person", "place", "org"]))
def test_symmetric_and_never_raises(a: str, b: str, kind: str | None) -> None:
    ab, ba = compare_names(a, b, kind), compare_names(b, a, kind)
    assert ab == ba
    assert 0.0 <= ab.score <= 1.0 and ab.why


@settings(max_examples=200, deadline=None)
@given(_names, _names)
def test_keys_overlap_when_same(a: str, b: str) -> None:
    if compare_names(a, b).same:
        assert name_keys(a) & name_keys(b)


def test_keys_overlap_on_labelled_positives() -> None:
    with PAIRS.open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh, delimiter="\t")]
    assert len(rows) >= 400
    checked = 0
    for r in rows:
        kind = r["kind"] or None
        if compare_names(r["a"], r["b"], kind).same:
            assert name_keys(r["a"], kind) & name_keys(r["b"], kind), (r["a"], r["b"])
            checked += 1
    assert checked > 150
