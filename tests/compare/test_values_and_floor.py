"""Value parsing invariants, and the bench's conflict-detection floor pinned on its dev split."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from consilience.compare.values import parse_number, quantity_of

from .factories import claim

BENCH = Path(__file__).resolve().parents[2] / "bench" / "claims_compare.py"


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=40), st.text(max_size=80), st.booleans())
def test_quantity_never_raises_and_is_an_interval(value, quote, approximate):
    q = quantity_of(
        claim("a", "quantity", "x", quote=quote or "x", value=value, approximate=approximate)
    )
    assert q is None or q.low <= q.high


def test_number_forms():
    assert parse_number("1,200") == 1200
    assert parse_number("1 200") == 1200
    assert parse_number("12.5") == 12.5
    assert parse_number("no digits") is None


def test_bounds_from_the_quote():
    more = quantity_of(claim("a", "quantity", "x", quote="more than 120 were freed", value="120"))
    about = quantity_of(claim("a", "quantity", "x", quote="some 1,200 homes", value="1,200"))
    exact = quantity_of(claim("a", "quantity", "x", quote="123 were freed", value="123"))
    assert more and not more.exact and more.low == 120 and more.high == float("inf")
    assert about and about.low < 1187 < about.high
    assert exact and exact.exact and exact.overlaps(more) and not exact.overlaps(about)


def test_bench_dev_split_meets_the_conflict_floor():
    spec = importlib.util.spec_from_file_location("claims_compare_bench", BENCH)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    dev = [s for s in bench.load() if s["split"] == "dev"]
    ours = bench.score(dev, bench.system)
    base = bench.score(dev, bench.baseline)
    precision, recall, f1 = ours["conflict"]
    assert precision >= 0.9 and recall >= 0.8
    assert f1 > base["conflict"][2]


def test_a_range_keeps_both_ends():
    dozens = quantity_of(
        claim("a", "quantity", "x", quote="Dozens of people were killed", value="20-99",
              approximate=True, vague="dozens")  # fmt: skip
    )
    more = quantity_of(claim("b", "quantity", "x", quote="more than 70 were killed", value=">70"))
    about = quantity_of(claim("c", "quantity", "x", quote="about 200 were hurt", value="~200"))
    assert dozens and (dozens.low, dozens.high) == (20, 99) and "dozens" in dozens.text
    assert dozens.overlaps(more)  # "dozens" and "more than 70" can both be true
    assert not dozens.overlaps(about)
    written = quantity_of(claim("d", "quantity", "x", quote="10 to 15 were freed", value="10-15"))
    assert written and (written.low, written.high) == (10, 15)
