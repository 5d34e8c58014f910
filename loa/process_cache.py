"""Values kept in one process's memory as they are, for data read on nearly every request.

Django's caches pickle what they keep, the local-memory one included: reading back an area's list
of a few hundred live bulletins, or twenty bulletin summaries, cost more than the rest of a feed
request. A `ProcessCache` keeps the objects themselves, so reading one is a dictionary lookup.

Each server process has its own. What is kept must either be right in any process for the cache's
lifetime, or be keyed by a generation read from the shared cache (see `loa.bulletins.audience`),
so that a change made in one process is seen by all. Callers must not change what they read: the
same object is handed to every request of the process.
"""

from __future__ import annotations

import threading
import time
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Mapping
from typing import Any

_every_cache: weakref.WeakSet[ProcessCache] = weakref.WeakSet()


class ProcessCache:
    """A mapping whose entries expire `seconds` after they were set, bounded in weight.

    `sizeof` weighs an entry against `maxsize` (one per entry by default), so that a cache of
    lists can be bounded by the rows it holds. When the cache is full, the entries set longest ago
    make room; an entry heavier than the whole cache is served but not kept. Every entry lives as
    long, so the oldest is always the next to expire: it is a dictionary in the order entries were
    set, pruned from its front. (cachetools' TTLCache does the same more generally, at several
    times the cost of a lookup, and the feed makes some twenty-five lookups per call.)
    """

    def __init__(
        self, *, maxsize: int, seconds: float, sizeof: Callable[[Any], int] | None = None
    ) -> None:
        self.maxsize, self.seconds = maxsize, seconds
        self._sizeof = sizeof or (lambda value: 1)
        # key -> (expires at, weight, value), oldest first
        self._entries: OrderedDict[Hashable, tuple[float, int, Any]] = OrderedDict()
        self._weight = 0
        # The development server and threaded workers serve requests in threads of one process.
        self._lock = threading.Lock()
        _every_cache.add(self)

    def get(self, key: Hashable, default: Any = None) -> Any:
        entry = self._entries.get(key)
        if entry is None or entry[0] <= time.monotonic():
            return default
        return entry[2]

    def get_many(self, keys: Iterable[Hashable]) -> dict[Hashable, Any]:
        """The entries of these keys that are kept and live, by key."""
        now, entries, found = time.monotonic(), self._entries, {}
        for key in keys:
            entry = entries.get(key)
            if entry is not None and entry[0] > now:
                found[key] = entry[2]
        return found

    def set(self, key: Hashable, value: Any) -> None:
        self.set_many({key: value})

    def set_many(self, entries: Mapping[Hashable, Any]) -> None:
        now = time.monotonic()
        with self._lock:
            for key, value in entries.items():
                self._discard(key)
                weight = self._sizeof(value)
                if weight > self.maxsize:
                    continue
                self._entries[key] = (now + self.seconds, weight, value)
                self._weight += weight
            self._prune(now)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._weight = 0

    def _discard(self, key: Hashable) -> None:
        entry = self._entries.pop(key, None)
        if entry is not None:
            self._weight -= entry[1]

    def _prune(self, now: float) -> None:
        """Drop entries from the front while they are expired or the cache is too heavy."""
        entries = self._entries
        while entries:
            expires, weight, _value = next(iter(entries.values()))
            if expires > now and self._weight <= self.maxsize:
                break
            entries.popitem(last=False)
            self._weight -= weight


def clear_process_caches() -> None:
    """Empty every process cache of this process (tests start each case with none)."""
    for process_cache in _every_cache:
        process_cache.clear()
