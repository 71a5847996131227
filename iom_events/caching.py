"""Answers that cost one query when nothing changed: validators, a shared cache, compression.

A page or a feed is keyed by its fingerprint (iom_events/fingerprints.py): a client holding the
same version gets 304; any other visitor gets the bytes from the cache (in-process by default,
Redis when REDIS_URL is set so that several servers share it). Only what every visitor sees the
same is cached: never a signed-in page, nor one carrying a flash message.

The rules, and why:
- The key is the release, the language, the host, the path, the *validated* query (the view says
  which parameters shape the answer) and the fingerprint. A parameter the view does not know
  never reaches the key: `?utm_source=...` or `?n=1, 2, 3...` cannot fill the cache with copies.
- The ETag is that key, weak (`W/"..."`): the identity and the compressed bytes are the same
  representation in two content codings (RFC 9110 section 8.8.1), as nginx does when it
  compresses. So a client revalidating with either gets its 304 before anything is built.
- No `Last-Modified`: no date here is a true, monotonic last change (a meeting that leaves a
  list, an office renamed, a new release all change the bytes without a later date), and a
  client revalidating by date alone must never get a 304 for changed content (RFC 9110 section
  13.1.3 lets the ETag stand alone).
- A cold answer is built once per key at a time: concurrent requests for it wait for the first
  one's bytes (a lock in Redis across servers and workers, a lock in the process otherwise).
- The cache only ever speeds things up: with Redis down or hung, answers are built as if
  nothing were cached (and the failure is logged), never an error page. Redis gets
  REDIS_TIMEOUT seconds an operation; after a failure, this app leaves it alone for
  REDIS_PAUSE seconds rather than make every request wait for it again.
- Shared answers are compressed (gzip, Brotli, zstd: Flask-Compress's codings and levels) when
  the client accepts it, and the compressed bytes are cached beside the identity ones, under a
  key of their own: a cached answer costs no compression, and not even a read of its identity
  bytes. Answers for a signed-in person
  are not compressed: they carry secrets (CSRF tokens) next to what the request reflects
  (BREACH).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import redis
from flask import Flask, Response, current_app, g, request, session

# Flask-Compress's own choice of coding and compression (its COMPRESS_* settings); its
# after_request would read the identity bytes and write the compressed ones back at every answer.
from flask_compress.flask_compress import _choose_algorithm, _compress_data
from flask_login import current_user
from packaging.requirements import Requirement

from iom_events.extensions import cache, compress
from iom_events.languages import current_lang

ROOT = Path(__file__).resolve().parent.parent

REDIS_TIMEOUT = 0.5
"""Seconds Redis gets to connect or to answer (a hung server must not hang the site)."""

REDIS_PAUSE = 30.0
"""Seconds the cache is left alone after Redis failed."""

BUILD_WAIT_SECONDS = 30.0
"""How long a request waits for another one building the same answer before building it too."""


@dataclass(frozen=True)
class Fingerprint:
    """The values that change whenever what an answer shows can have changed.

    `public` is False for a meeting's feed when the meeting is no longer public (a draft again, or
    in the trash): its feed then tells subscribers it was withdrawn (iom_events/calendar)."""

    values: tuple
    public: bool = True


@functools.cache
def release() -> str:
    """A digest of everything that shapes an answer besides the data: the code, the templates,
    the compiled catalogs and the versions of the libraries the app runs on (icalendar writes
    the feeds, Babel the dates...). Part of every key and ETag, so a new release never serves
    what the previous one cached (in Redis, say) and clients get every fix at their next poll,
    with nothing to bump by hand. 12 hex digits."""
    digest = hashlib.sha256()
    for folder, pattern in (
        (ROOT / "iom_events", "**/*.py"),
        (ROOT / "templates", "**/*.html"),
        (ROOT / "translations", "**/*.mo"),
    ):
        for path in sorted(folder.glob(pattern)):
            digest.update(path.relative_to(ROOT).as_posix().encode())
            digest.update(path.read_bytes())
    for name in sorted(_runtime_dependencies()):
        try:
            digest.update(f"{name}=={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}: missing".encode())
    return digest.hexdigest()[:12]


def _runtime_dependencies() -> set[str]:
    """The distributions iom-events names in its `dependencies` (not the test tools)."""
    try:
        requirements = metadata.requires("iom-events") or []
    except metadata.PackageNotFoundError:  # run from a checkout that was never installed
        return set()
    parsed = (Requirement(text) for text in requirements)
    return {r.name for r in parsed if r.marker is None or "extra" not in str(r.marker)}


OUTPUT_SETTINGS = ("CALENDAR_ORGANIZER_EMAIL", "EVENTS_PER_PAGE", "DOCUMENT_LANGUAGES")
"""Settings that change what pages and feeds say: part of the release of each app."""


def init_app(app: Flask) -> None:
    """The cache, the compression of shared answers, and the Redis client for build locks."""
    settings = repr([(name, app.config.get(name)) for name in OUTPUT_SETTINGS]).encode()
    app.extensions["iom_events.release"] = hashlib.sha256(
        release().encode() + settings
    ).hexdigest()[:12]
    redis_options = {"socket_timeout": REDIS_TIMEOUT, "socket_connect_timeout": REDIS_TIMEOUT}
    if app.config.get("CACHE_TYPE") == "RedisCache":
        app.config.setdefault("CACHE_OPTIONS", dict(redis_options))
    cache.init_app(app)
    app.extensions["iom_events.cache_paused_until"] = 0.0
    app.config.update(
        COMPRESS_REGISTER=False,  # shared answers only: see the module's docstring
        COMPRESS_MIMETYPES=["text/html", "text/calendar", "application/json"],
    )
    compress.init_app(app)
    if app.config.get("CACHE_TYPE") == "RedisCache":
        app.extensions["iom_events.redis"] = redis.Redis.from_url(
            app.config["CACHE_REDIS_URL"], **redis_options
        )


def shared() -> bool:
    """Is this answer the same for every visitor? Anonymous, no flash message waiting.

    An empty session (no cookie: nearly every visitor) holds neither a signed-in person nor a
    message, and is answered without loading a user (this site issues no "remember me"
    cookie, and signs in no one from a header)."""
    if not session:
        return True
    return not current_user.is_authenticated and not session.get("_flashes")


def respond(
    fingerprint: Fingerprint,
    build: Callable[[], bytes | str],
    *,
    mimetype: str,
    query: Mapping[str, str] | None = None,
) -> Response:
    """A response validated by the fingerprint, built only when neither client nor cache has it.

    `query` is the request's query string reduced to the validated parameters that shape the
    answer (normalized: `{"year": "2009"}`); nothing else of the query string keys the cache,
    and pages built here see only it (`canonical_query`), so their links never carry the rest.
    """
    g.canonical_query = dict(query or {})
    response = Response(mimetype=mimetype)
    if not shared():
        response.set_data(build())
        response.cache_control.private = True
        response.cache_control.no_cache = True
        return response
    key = _key(fingerprint, g.canonical_query)
    response.set_etag(key, weak=True)
    response.vary.add("Accept-Encoding")
    # Stored, but checked at every use (a 304 costs the fingerprint's one query): a meeting
    # withdrawn, cancelled or corrected shows at once, in browsers and proxies alike.
    response.cache_control.public = True
    response.cache_control.no_cache = True
    # If-None-Match alone (RFC 9110 section 13.1.2: weak comparison, "*" matches); the rest of
    # Werkzeug's make_conditional (dates, ranges) has nothing to do on an answer without a
    # Last-Modified, and cost a tenth of a cached answer.
    if request.if_none_match.contains_weak(key):
        response.status_code = 304
        return response
    coding = _coding(mimetype)
    if coding is None:
        response.set_data(_cached(key, build))
        return response
    # The compressed bytes are an entry of their own: a hit reads them only, and compresses
    # nothing.
    body = _get(f"z:{coding}:{key}")
    if body is None:
        identity = _cached(key, build)
        if len(identity) < current_app.config["COMPRESS_MIN_SIZE"]:
            response.set_data(identity)
            return response
        body = _compress_data(current_app, identity, coding)
        _set(f"z:{coding}:{key}", body)
    response.set_data(body)
    response.headers["Content-Encoding"] = coding
    return response


def _coding(mimetype: str) -> str | None:
    """The content coding a shared answer is sent in: Flask-Compress's choice among its
    COMPRESS_ALGORITHM for this Accept-Encoding (None: identity). A coding the client refuses
    (`gzip;q=0`) is never chosen."""
    if mimetype not in current_app.config["COMPRESS_MIMETYPES"]:
        return None
    header = request.headers.get("Accept-Encoding", "")
    coding = _choose_algorithm(compress.enabled_algorithms, header)
    if coding is None or request.accept_encodings.quality(coding) <= 0:
        return None
    return coding


def canonical_query() -> dict[str, str]:
    """The query string a cached page was built for (see `respond`); else the request's own."""
    if "canonical_query" in g:
        return dict(g.canonical_query)
    return request.args.to_dict()


def _key(fingerprint: Fingerprint, query: Mapping[str, str]) -> str:
    # The host is part of it: pages carry absolute links (hreflang, feeds) to where they were read.
    identity = (
        current_app.extensions["iom_events.release"],  # the code, and settings that show
        current_lang(),
        request.scheme,
        request.host,
        request.root_path,
        request.path,
        sorted(query.items()),
    )
    return hashlib.sha256(repr((identity, fingerprint.values)).encode()).hexdigest()[:40]


# --- one build per key ---------------------------------------------------------------------------

_process_locks: dict[str, threading.Lock] = {}
_process_locks_guard = threading.Lock()


def _get(key: str):
    """The cached value under `key`, or None; None too when the cache cannot be reached."""
    if _paused():
        return None
    try:
        return cache.get(key)
    except redis.exceptions.RedisError as error:
        _pause(error)
        return None


def _set(key: str, value) -> None:
    if _paused():
        return
    try:
        cache.set(key, value)
    except redis.exceptions.RedisError as error:
        _pause(error)


def _paused() -> bool:
    return time.monotonic() < current_app.extensions["iom_events.cache_paused_until"]


def _pause(error: Exception) -> None:
    current_app.logger.warning(
        "cache unavailable for %ss, answering without it: %s", REDIS_PAUSE, error
    )
    current_app.extensions["iom_events.cache_paused_until"] = time.monotonic() + REDIS_PAUSE


def _cached(key: str, build: Callable[[], bytes | str]) -> bytes:
    """The bytes under `key`, built by this request only if no other request is building them."""
    body = _get(key)
    if body is not None:
        return body
    # Threads of this app wait for each other; other apps (processes, servers) through Redis.
    with _process_lock(f"{id(current_app._get_current_object())}:{key}"):
        body = _get(key)
        if body is not None:
            return body
        with _shared_lock(key) as mine:
            if not mine:
                body = _wait_for(key)
                if body is not None:
                    return body
            body = build()
            if isinstance(body, str):  # encoded once, not at every answer
                body = body.encode()
            _set(key, body)
            return body


def _process_lock(key: str) -> threading.Lock:
    with _process_locks_guard:
        lock = _process_locks.get(key)
        if lock is None:
            if len(_process_locks) > 1000:  # only keys being built matter; forget the rest
                for stale in [k for k, v in _process_locks.items() if not v.locked()]:
                    del _process_locks[stale]
            lock = _process_locks[key] = threading.Lock()
        return lock


class _shared_lock:
    """A Redis lock on the key when the cache is Redis; `as` gives True if this request holds it.

    The lock expires on its own (BUILD_WAIT_SECONDS), so a worker that dies while building
    blocks nobody for long.
    """

    def __init__(self, key: str) -> None:
        client = current_app.extensions.get("iom_events.redis")
        prefix = current_app.config.get("CACHE_KEY_PREFIX", "")
        self.lock = (
            None
            if client is None
            else client.lock(f"{prefix}building:{key}", timeout=BUILD_WAIT_SECONDS)
        )
        self.held = False

    def __enter__(self) -> bool:
        if self.lock is None or _paused():
            return True
        try:
            self.held = self.lock.acquire(blocking=False)
        except redis.exceptions.RedisError as error:  # build without waiting for anyone
            _pause(error)
            return True
        return self.held

    def __exit__(self, *exc) -> None:
        if self.held:
            # Expired meanwhile: someone else may hold it now, and there is nothing to undo.
            with contextlib.suppress(redis.exceptions.RedisError):  # LockError is one too
                self.lock.release()


def _wait_for(key: str) -> bytes | str | None:
    """The bytes another server is building, once they are in the cache (None on timeout)."""
    deadline = time.monotonic() + BUILD_WAIT_SECONDS
    delay = 0.01
    while time.monotonic() < deadline and not _paused():
        time.sleep(delay)
        body = _get(key)
        if body is not None:
            return body
        delay = min(delay * 2, 0.2)
    return None
