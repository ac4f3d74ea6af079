"""The built place gazetteer is cached on disk, reused, and rebuilt when the file is damaged."""

from __future__ import annotations

from consilience import buildcache
from consilience.names import places


def test_the_gazetteer_is_cached_reused_and_rebuilt_when_damaged(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("CONSILIENCE_CACHE_DIR", str(tmp_path / "cache"))
    built = places._build_gazetteer()  # built directly: no file is written
    path = places._cache_file()
    assert path.parent == tmp_path / "cache" and not path.exists()

    places._gazetteer.cache_clear()
    first = places._gazetteer()  # nothing on disk: built, then written
    assert path.exists() and first == built

    calls: list[int] = []
    monkeypatch.setattr(places, "_build_gazetteer", lambda: calls.append(1) or built)
    places._gazetteer.cache_clear()
    assert places._gazetteer() == built and not calls  # read back, not built

    path.write_bytes(b"not a gazetteer")
    places._gazetteer.cache_clear()
    assert places._gazetteer() == built and calls == [1]  # damaged: built again ...
    assert buildcache.load(path, places._is_gazetteer) == built  # ... and the file mended
    places._gazetteer.cache_clear()


def test_an_unwritable_cache_folder_only_costs_time(tmp_path, monkeypatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder would go")
    monkeypatch.setenv("CONSILIENCE_CACHE_DIR", str(blocker / "cache"))
    places._gazetteer.cache_clear()
    index, names, primary, areas = places._gazetteer()
    assert "minsk" in primary and index["minsk"]
    assert {areas[pid][0] for pid in index["minsk"]} == {"BY"}
    places._gazetteer.cache_clear()


def test_the_mention_gazetteer_is_kept_on_disk_and_read_back(tmp_path, monkeypatch) -> None:
    from consilience.extract import mention_lexicon

    def forget() -> None:
        mention_lexicon._base_tables.cache_clear()
        mention_lexicon._base_gazetteer.cache_clear()
        mention_lexicon._minor_places.cache_clear()

    monkeypatch.setenv("CONSILIENCE_CACHE_DIR", str(tmp_path / "cache"))
    forget()
    built = mention_lexicon._base_gazetteer()
    files = list((tmp_path / "cache").glob("mention-gazetteer-*.marshal"))
    assert len(files) == 1 and built.get("Minsk") == "Minsk"
    assert mention_lexicon.is_minor_place("Lindsay") and not mention_lexicon.is_minor_place("Minsk")

    calls: list[int] = []
    empty = {"places": {}, "minor": {}}
    monkeypatch.setattr(mention_lexicon, "_build_base_tables", lambda: calls.append(1) or empty)
    forget()
    assert mention_lexicon._base_gazetteer() == built and not calls  # read back, not built
    files[0].write_bytes(b"damaged")
    forget()
    assert mention_lexicon._base_gazetteer() == {} and calls == [1]  # damaged: built again
    forget()
