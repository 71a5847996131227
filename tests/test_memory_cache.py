"""The in-process cache is bounded in bytes (CACHE_MAX_MB): a flood of distinct addresses
cannot grow a worker past it. No timing here: what is kept, and how many bytes it holds."""

import pytest

from iom_events import create_app
from iom_events.extensions import cache, db
from iom_events.memory_cache import ENTRY_OVERHEAD, BoundedMemoryCache
from iom_events.settings import from_environment

PAGE = b"x" * 10_000


def test_a_flood_of_entries_stays_under_the_bound_and_forgets_the_least_recently_used():
    bound = 100_000
    store = BoundedMemoryCache(max_bytes=bound)
    store.set("kept", PAGE)
    for n in range(200):  # 2 MB asked for, 100 kB allowed
        store.set(f"/en/events.ics?year={n}", PAGE)
        store.get("kept")  # read at every turn: the most recently used, never evicted
        assert store.bytes <= bound
    assert store.get("kept") == PAGE
    assert store.get("/en/events.ics?year=199") == PAGE  # the newest
    assert store.get("/en/events.ics?year=0") is None  # the oldest went first
    assert 5 < len(store) < 10  # about 10 kB each: as many as fit, no more


def test_an_entry_larger_than_the_bound_is_not_kept_and_evicts_nothing():
    store = BoundedMemoryCache(max_bytes=50_000)
    store.set("small", PAGE)
    assert store.set("site feed", b"x" * 60_000) is False
    assert store.get("site feed") is None
    assert store.get("small") == PAGE


def test_replacing_an_entry_counts_its_bytes_once():
    store = BoundedMemoryCache(max_bytes=1_000_000)
    store.set("page", PAGE)
    before = store.bytes
    store.set("page", PAGE)
    assert store.bytes == before >= len(PAGE) + ENTRY_OVERHEAD
    store.delete("page")
    assert store.bytes == 0 and len(store) == 0


def test_values_other_than_bytes_are_copies():
    store = BoundedMemoryCache(max_bytes=1_000_000)
    value = {"items": [1]}
    store.set("answer", value)
    store.get("answer")["items"].append(2)
    assert store.get("answer") == {"items": [1]}


def test_the_bound_is_a_setting_in_megabytes(monkeypatch, tmp_path):
    monkeypatch.delenv("REDIS_URL", raising=False)
    monkeypatch.delenv("CACHE_TYPE", raising=False)
    monkeypatch.setenv("SECRET_KEY", "test")
    assert from_environment(str(tmp_path))["CACHE_MAX_BYTES"] == 64 * 1024 * 1024
    monkeypatch.setenv("CACHE_MAX_MB", "8")
    assert from_environment(str(tmp_path))["CACHE_MAX_BYTES"] == 8 * 1024 * 1024


@pytest.fixture
def small_cache_app(app):
    """The site with a cache of 12 kB: the RCP meeting page (15 kB) is larger than all of it."""
    bounded = create_app(
        {
            **{k: v for k, v in app.config.items() if k.startswith(("SQLALCHEMY", "SECRET"))},
            "TESTING": True,
            "CACHE_TYPE": "iom_events.memory_cache.BoundedMemoryCache",
            "CACHE_MAX_BYTES": 12_000,
        }
    )
    yield bounded
    with bounded.app_context():
        db.engine.dispose()


def test_an_answer_larger_than_the_whole_cache_is_served_but_not_stored(small_cache_app):
    client = small_cache_app.test_client()
    with small_cache_app.app_context():
        store = cache.cache
    path = "/en/events/rcp-bangkok-2009/"
    page = client.get(path, headers={"Accept-Encoding": "identity"})
    assert page.status_code == 200 and len(page.data) > 12_000
    assert b"Bangkok" in page.data
    assert len(store) == 0 and store.bytes == 0
    again = client.get(path, headers={"Accept-Encoding": "identity"})
    assert again.data == page.data


def test_pages_of_every_kind_keep_the_cache_under_its_bound(small_cache_app):
    client = small_cache_app.test_client()
    with small_cache_app.app_context():
        store = cache.cache
    for path in [
        "/en/",
        "/fr/",
        "/en/events/",
        *(f"/en/events/?year={year}" for year in range(2005, 2020)),
        *(f"/es/events.ics?year={year}" for year in range(2005, 2020)),
        "/en/events/rcp-bangkok-2009/",
        "/api/v1/meetings/rcp-bangkok-2009",
    ]:
        for encoding in ("identity", "gzip"):
            assert client.get(path, headers={"Accept-Encoding": encoding}).status_code == 200
            assert store.bytes <= 12_000
    assert len(store) > 0
