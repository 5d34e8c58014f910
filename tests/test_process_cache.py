"""`ProcessCache`: objects kept as they are, bounded by weight, forgotten after their lifetime."""

from __future__ import annotations

import time

from loa.process_cache import ProcessCache, clear_process_caches


def test_keeps_the_object_itself():
    kept = ProcessCache(maxsize=10, seconds=60)
    rows = ((1, 2), (3, 4))
    kept.set("rows", rows)
    assert kept.get("rows") is rows
    assert kept.get_many(["rows", "other"]) == {"rows": rows}


def test_entries_expire_after_their_lifetime():
    kept = ProcessCache(maxsize=10, seconds=0.05)
    kept.set("key", "value")
    time.sleep(0.1)
    assert kept.get("key") is None
    assert kept.get_many(["key"]) == {}


def test_weight_bounds_what_is_kept():
    kept = ProcessCache(maxsize=10, seconds=60, sizeof=len)
    kept.set_many({"a": "x" * 6, "b": "y" * 4})
    kept.set("c", "z" * 3)  # 13 > 10: the oldest entry makes room
    assert set(kept.get_many(["a", "b", "c"])) == {"b", "c"}


def test_an_entry_heavier_than_the_cache_is_not_kept():
    kept = ProcessCache(maxsize=10, seconds=60, sizeof=len)
    kept.set("small", "x")
    kept.set("huge", "y" * 11)
    assert kept.get("huge") is None and kept.get("small") == "x"
    kept.set("small", "z" * 11)  # replacing an entry by one too heavy drops the old value
    assert kept.get("small") is None


def test_clear_process_caches_empties_them_all():
    first, second = ProcessCache(maxsize=10, seconds=60), ProcessCache(maxsize=10, seconds=60)
    first.set("a", 1)
    second.set("b", 2)
    clear_process_caches()
    assert first.get("a") is None and second.get("b") is None
