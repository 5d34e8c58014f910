"""Values kept in one process's memory as they are, for data read on nearly every request.

Django's caches pickle what they keep, the local-memory one included: reading back an area's list
of a few hundred live bulletins, or twenty bulletin summaries, cost more than the rest of a feed
request. A `ProcessCache` keeps the objects themselves, so reading one is a dictionary lookup.

Each server process has its own. What is kept must either be right in any process for the cache's
lifetime, or be keyed by a `SharedGeneration`, a token in the cache that every process shares, so
that a change made in one process is seen by all. Callers must not change what they read: the
same object is handed to every request of the process.
"""

from __future__ import annotations

import threading
import time
import uuid
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Mapping
from typing import Any

from django.core.cache import caches

_every_cache: weakref.WeakSet[ProcessCache] = weakref.WeakSet()


class ProcessCache:
    """A mapping whose entries expire `seconds` after they were set, bounded in weight.

    `sizeof` weighs an entry against `maxsize` (one per entry by default), so that a cache of
    lists can be bounded by the rows it holds. When the cache is full, the entries set longest ago
    make room; an entry heavier than the whole cache is served but not kept. Entries live as long
    (unless set with a shorter lifetime), so the oldest is the next to expire: it is a dictionary
    in the order entries were set, pruned from its front. (cachetools' TTLCache does the same more
    generally, at several times the cost of a lookup, and the feed makes some twenty-five lookups
    per call.)
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

    def set(self, key: Hashable, value: Any, seconds: float | None = None) -> None:
        """Keep `value` for the cache's lifetime, or for `seconds` when that is shorter."""
        self.set_many({key: value}, seconds)

    def set_many(self, entries: Mapping[Hashable, Any], seconds: float | None = None) -> None:
        now = time.monotonic()
        lifetime = self.seconds if seconds is None else min(seconds, self.seconds)
        with self._lock:
            for key, value in entries.items():
                self._discard(key)
                weight = self._sizeof(value)
                if weight > self.maxsize:
                    continue
                self._entries[key] = (now + lifetime, weight, value)
                self._weight += weight
            self._prune(now)

    def delete(self, key: Hashable) -> bool:
        """Forget `key`; whether it was kept (expired or not)."""
        with self._lock:
            return self._discard(key)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._weight = 0

    def _discard(self, key: Hashable) -> bool:
        entry = self._entries.pop(key, None)
        if entry is None:
            return False
        self._weight -= entry[1]
        return True

    def _prune(self, now: float) -> None:
        """Drop entries from the front while they are expired or the cache is too heavy.

        An entry set with a shorter lifetime than those before it stays until they go or the
        weight pushes it out, but `get` no longer returns it once it has expired.
        """
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


class SharedGeneration:
    """A token in the "shared" cache that every change of some data renews, so that what each
    process keeps of that data, keyed by the token, is left unread once the data changed.

    Reading the shared cache on every request would cost about as much as what it protects, so a
    process reads the token again at most every `seconds`: a change is seen at once by the process
    that made it, and within `seconds` by the others. When the shared cache loses the token (a
    restarted Redis, a removed folder), the next reader sets a new one, as after a change.
    """

    def __init__(self, key: str, *, seconds: float = 1) -> None:
        self.key = key
        self._seen = ProcessCache(maxsize=1, seconds=seconds)

    def current(self) -> str:
        token = self._seen.get(self.key)
        if token is None:
            token = shared_token(self.key)
            self._seen.set(self.key, token)
        return token

    def renew(self) -> str:
        """Give the data a new token: everything kept under the old one is stale, everywhere."""
        token = uuid.uuid4().hex
        caches["shared"].set(self.key, token, None)
        self._seen.set(self.key, token)
        return token


def shared_token(key: str) -> str:
    """The token kept under `key` in the shared cache, set first if it holds none."""
    shared = caches["shared"]
    token = shared.get(key)
    if token is None:
        # Of processes starting together, the first to add a token wins; read back the winner.
        candidate = uuid.uuid4().hex
        shared.add(key, candidate, None)
        token = shared.get(key, candidate)
    return token
