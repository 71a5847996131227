"""The in-process cache of rendered pages and feeds, bounded in bytes (CACHE_MAX_MB).

Flask-Caching's SimpleCache counts entries: 2,000 of them can be 2,000 small pages or 2,000
site feeds of 2 MB each (gigabytes per worker), and a flood of distinct addresses (every year,
kind and country of the list and the feeds) fills it either way. This one counts the bytes it
holds and forgets the least recently used entries to stay under its bound, so a worker's memory
for the cache never passes it, whatever is asked. An answer larger than the whole bound is
served but not kept.

It also keeps values as they are, without pickling them on every `get` and `set` as SimpleCache
does: the values are the bytes of answers (immutable), and a cached page then costs a dictionary
lookup, not a copy of its megabytes. A value that is not `bytes` or `str` is pickled, so that
nothing mutable is shared between requests.
"""

from __future__ import annotations

import pickle
import sys
import threading
import time
from collections import OrderedDict
from typing import Any

from flask_caching.backends.base import BaseCache

ENTRY_OVERHEAD = 200
"""Bytes counted for each entry besides its key and value: the dictionary slot, the node of the
order, the tuple holding the expiry time (measured with tracemalloc, rounded up)."""


class BoundedMemoryCache(BaseCache):
    """A least-recently-used cache holding at most `max_bytes` of keys and values (as
    `sys.getsizeof` counts them: what they occupy in memory), thread-safe.

    `default_timeout` is in seconds (0: entries never expire; they can still be evicted)."""

    def __init__(self, max_bytes: int, default_timeout: int = 300) -> None:
        super().__init__(default_timeout=default_timeout)
        self.max_bytes = max_bytes
        self.bytes = 0
        """What the entries held now occupy, in bytes; never more than `max_bytes`."""
        self._entries: OrderedDict[str, tuple[float, Any, int]] = OrderedDict()
        self._lock = threading.Lock()

    @classmethod
    def factory(cls, app, config, args, kwargs) -> BoundedMemoryCache:
        """Flask-Caching's constructor hook: the bound from CACHE_MAX_BYTES (bytes)."""
        return cls(config["CACHE_MAX_BYTES"], config["CACHE_DEFAULT_TIMEOUT"])

    def get(self, key: str) -> Any:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            expires, value, _size = entry
            if expires and expires <= time.monotonic():
                self._forget(key)
                return None
            self._entries.move_to_end(key)
        return pickle.loads(value) if isinstance(value, _Pickled) else value

    def set(self, key: str, value: Any, timeout: int | None = None) -> bool:
        if not isinstance(value, bytes | str):
            value = _Pickled(pickle.dumps(value, pickle.HIGHEST_PROTOCOL))
        size = sys.getsizeof(key) + sys.getsizeof(value) + ENTRY_OVERHEAD
        timeout = self._normalize_timeout(timeout)
        expires = time.monotonic() + timeout if timeout else 0.0
        with self._lock:
            self._forget(key)
            if size > self.max_bytes:
                return False  # served by the caller, never kept: it would evict everything
            while self.bytes + size > self.max_bytes:
                self._forget(next(iter(self._entries)))
            self._entries[key] = (expires, value, size)
            self.bytes += size
        return True

    def add(self, key: str, value: Any, timeout: int | None = None) -> bool:
        if self.has(key):
            return False
        return self.set(key, value, timeout)

    def delete(self, key: str) -> bool:
        with self._lock:
            return self._forget(key)

    def has(self, key: str) -> bool:
        return self.get(key) is not None

    def clear(self) -> bool:
        with self._lock:
            self._entries.clear()
            self.bytes = 0
        return True

    def __len__(self) -> int:
        return len(self._entries)

    def _forget(self, key: str) -> bool:
        entry = self._entries.pop(key, None)
        if entry is None:
            return False
        self.bytes -= entry[2]
        return True


class _Pickled(bytes):
    """A value that was not bytes or text, pickled when stored."""
