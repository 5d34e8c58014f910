"""`ProcessCache`: objects kept as they are, bounded by weight, forgotten after their lifetime."""

from __future__ import annotations

import time

from loa.process_cache import ProcessCache, SharedGeneration, clear_process_caches


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


def test_an_entry_may_be_kept_for_less_than_the_lifetime():
    kept = ProcessCache(maxsize=10, seconds=60)
    kept.set("long", "stays")
    kept.set("short", "goes", seconds=0.05)
    time.sleep(0.1)
    assert kept.get_many(["long", "short"]) == {"long": "stays"}
    assert kept.delete("short") is True and kept.delete("short") is False


def test_a_shared_generation_is_seen_at_once_here_and_on_the_next_read_elsewhere():
    here = SharedGeneration("loa:test:generation", seconds=60)
    elsewhere = SharedGeneration("loa:test:generation", seconds=60)  # another process's view
    first = here.current()
    assert elsewhere.current() == first
    renewed = here.renew()
    assert renewed != first and here.current() == renewed
    assert elsewhere.current() == first  # read less than `seconds` ago
    clear_process_caches()  # `seconds` later
    assert elsewhere.current() == renewed
