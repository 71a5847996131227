"""Answers that cost one query when nothing changed: validators and a shared cache.

A page or a feed is keyed by its fingerprint (iom_events/fingerprints.py): a client holding
the same version gets 304; any other visitor gets the bytes from the cache (in-process by
default, Redis when REDIS_URL is set so that several servers share it). Only what every
visitor sees the same is cached: never a signed-in page, nor one carrying a flash message.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable
from pathlib import Path

from flask import Response, request, session
from flask_login import current_user

from iom_events.extensions import cache
from iom_events.fingerprints import Fingerprint
from iom_events.i18n import current_lang


@functools.cache
def release() -> str:
    """A digest of the templates and compiled catalogs: part of every key and ETag, so that a
    new release never serves pages cached (in Redis, say) by the previous one."""
    digest = hashlib.sha256()
    for folder, pattern in ((ROOT / "templates", "**/*.html"), (ROOT / "translations", "**/*.mo")):
        for path in sorted(folder.glob(pattern)):
            digest.update(path.relative_to(ROOT).as_posix().encode())
            digest.update(path.read_bytes())
    digest.update(FEEDS_FORMAT.encode())
    return digest.hexdigest()[:12]


ROOT = Path(__file__).resolve().parent.parent

FEEDS_FORMAT = "1"
"""Bump it when the feeds' layout (built in Python, not from templates) changes."""


def shared() -> bool:
    """Is this answer the same for every visitor? Anonymous, no flash message waiting."""
    return not current_user.is_authenticated and not session.get("_flashes")


def respond(
    fingerprint: Fingerprint,
    build: Callable[[], bytes | str],
    *,
    mimetype: str,
    max_age: int,
) -> Response:
    """A response validated by the fingerprint, built only when neither client nor cache has it."""
    key = _key(fingerprint)
    response = Response(mimetype=mimetype)
    if not shared():
        response.set_data(build())
        response.cache_control.private = True
        response.cache_control.no_cache = True
        return response
    response.set_etag(key)
    response.last_modified = fingerprint.last_modified
    response.cache_control.public = True
    response.cache_control.max_age = max_age
    response.make_conditional(request)
    if response.status_code == 304:
        return response
    body = cache.get(key)
    if body is None:
        body = build()
        cache.set(key, body)
    response.set_data(body)
    return response


def _key(fingerprint: Fingerprint) -> str:
    # The host is part of it: pages carry absolute links (hreflang, feeds) to where they were read.
    identity = (
        release(),
        current_lang(),
        request.host_url,
        request.path,
        sorted(request.args.items(multi=True)),
    )
    return hashlib.sha256(repr((identity, fingerprint.values)).encode()).hexdigest()[:40]
