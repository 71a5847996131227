"""pytest plugin: every iCalendar feed a test is served goes through the feed check.

An autouse fixture listens to Flask's request_finished signal for every app (the test client's
and the browser tests' live server alike) and keeps each response with status 200 and a
text/calendar content type, decoded first if it carries a Content-Encoding (gzip, deflate, br,
zstd). After the test body, the feeds kept are checked with findings() and the test fails with
the findings, if any. A test that is served no feed only pays for connecting to the signal.

Registered in tests/conftest.py with pytest_plugins.
"""

from __future__ import annotations

import threading
import zlib
from collections.abc import Iterator

import pytest
from flask import Response, request_finished
from flask import request as current_request

COLLECTOR = pytest.StashKey["FeedCollector"]()


class FeedCollector:
    """The feeds served while it listens: {name: bytes}, the name being the request's URL, with
    " (2)", " (3)"... for a URL served again with other bytes; problems holds what could not be
    read (an unknown Content-Encoding), one line each."""

    def __init__(self) -> None:
        self.feeds: dict[str, bytes] = {}
        self.problems: list[str] = []
        self._lock = threading.Lock()

    def __call__(self, sender: object, response: Response, **extra: object) -> None:
        """request_finished receiver; runs in the thread that served the request."""
        if response.status_code != 200 or response.mimetype != "text/calendar":
            return
        url = current_request.url if current_request else "(no request)"
        try:
            body = decoded(response)
        except ValueError as err:
            with self._lock:
                self.problems.append(f"{url}: {err}")
            return
        with self._lock:
            self._keep(url, body)

    def _keep(self, url: str, body: bytes) -> None:
        name, copy = url, 1
        while name in self.feeds:
            if self.feeds[name] == body:
                return
            copy += 1
            name = f"{url} ({copy})"
        self.feeds[name] = body

    @property
    def empty(self) -> bool:
        return not self.feeds and not self.problems

    def findings(self) -> list[str]:
        from .check import findings  # imported on first use: a run without feeds never loads it

        with self._lock:
            feeds, problems = dict(self.feeds), list(self.problems)
        return [*problems, *findings(feeds)]


def decoded(response: Response) -> bytes:
    """The body of response without its Content-Encoding(s): gzip (x-gzip), deflate, br, zstd,
    applied in the order listed, so undone last first. ValueError for an encoding it does not
    know."""
    body = raw_body(response)
    encodings = [e.strip().lower() for e in response.headers.get("Content-Encoding", "").split(",")]
    for encoding in reversed([e for e in encodings if e and e != "identity"]):
        body = _decompress(encoding, body)
    return body


def _decompress(encoding: str, body: bytes) -> bytes:
    """body without one content coding (RFC 9110 8.4.1; br: RFC 7932; zstd: RFC 8878). brotli
    and zstd come with Flask-Compress, which is what can send them."""
    if encoding in ("gzip", "x-gzip"):
        return zlib.decompress(body, wbits=16 + zlib.MAX_WBITS)
    if encoding == "deflate":
        try:
            return zlib.decompress(body)
        except zlib.error:  # some servers send raw deflate, without the zlib wrapper
            return zlib.decompress(body, wbits=-zlib.MAX_WBITS)
    if encoding == "br":
        import brotli

        return brotli.decompress(body)
    if encoding == "zstd":
        try:
            from compression import zstd  # Python 3.14
        except ImportError:
            from backports import zstd

        return zstd.decompress(body)
    raise ValueError(f"cannot read a feed with Content-Encoding {encoding}")


def raw_body(response: Response) -> bytes:
    """The bytes response will send. A streamed body is buffered in the response (which then
    sends the buffer), so reading it here takes nothing from the client."""
    if response.direct_passthrough:
        response.direct_passthrough = False
        response.make_sequence()
        response.direct_passthrough = True
    return response.get_data()


@pytest.fixture(autouse=True)
def feed_check(request: pytest.FixtureRequest) -> Iterator[FeedCollector]:
    """Collects the feeds served during the test (see FeedCollector); checked by the hook below."""
    collector = FeedCollector()
    request.node.stash[COLLECTOR] = collector
    request_finished.connect(collector, weak=False)  # any sender: every app, every thread
    try:
        yield collector
    finally:
        request_finished.disconnect(collector)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """After a test body that passed: fail it with the findings of the feeds it was served."""
    result = yield  # a test that failed already keeps its own failure
    collector = item.stash.get(COLLECTOR, None)
    if collector is not None and not collector.empty:
        problems = collector.findings()
        if problems:
            count = len(collector.feeds)
            pytest.fail(
                f"feed check: {len(problems)} finding(s) in the {count} feed(s) this test was "
                "served:\n" + "\n".join(problems),
                pytrace=False,
            )
    return result
