"""Copy detection: wire copies with edits and another headline are found; retellings are not."""

from __future__ import annotations

from consilience.cluster import CopyIndex, find_copy_groups
from tests.cluster.factories import RU_TEXT, SAME_EVENT_OTHER_TEXT, WIRE, doc, wire_copy


def test_lightly_edited_wire_copy_with_other_headline_is_a_copy() -> None:
    index = CopyIndex()
    assert index.add(doc("a", WIRE, title="Belarus frees 123 prisoners")) is None
    group = index.add(doc("b", wire_copy(), title="Lukashenko pardons 123 after US talks"))
    assert group == "a"
    assert index.last is not None and index.last.containment >= 0.8
    assert "shingles" in index.last.why


def test_other_text_on_same_event_is_not_a_copy() -> None:
    index = CopyIndex()
    index.add(doc("a", WIRE))
    assert index.add(doc("b", SAME_EVENT_OTHER_TEXT)) is None


def test_copies_across_languages_are_not_copies() -> None:
    index = CopyIndex()
    index.add(doc("a", WIRE, language="en"))
    assert index.add(doc("b", wire_copy(), language="de")) is None


def test_copy_of_a_copy_keeps_the_first_group_id() -> None:
    docs = [
        doc("a", WIRE),
        doc("b", wire_copy()),
        doc("c", wire_copy().replace("Saturday", "Sat.")),
        doc("d", RU_TEXT, language="ru"),
    ]
    groups = find_copy_groups(docs)
    assert groups == {"a": "a", "b": "a", "c": "a"}
