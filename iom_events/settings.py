"""Defaults that work on a laptop; production differs only by environment variables."""

import contextlib
import json
import os
import secrets
import tempfile
from pathlib import Path

LANGUAGES = ("en", "fr", "es")
"""The UI languages, IOM's three official languages; the first is the default."""


def from_environment(instance_path: str) -> dict:
    """The settings of a deployment: SQLite under `instance/` unless DATABASE_URL says otherwise."""
    instance = Path(instance_path)
    database_url = os.environ.get("DATABASE_URL") or f"sqlite:///{instance / 'iom_events.sqlite3'}"
    upload_max = int(os.environ.get("UPLOAD_MAX_MB") or 50) * 1024 * 1024
    return {
        "SECRET_KEY": os.environ.get("SECRET_KEY") or _instance_secret(instance),
        "SQLALCHEMY_DATABASE_URI": database_url,
        "BLOB_DIR": os.environ.get("BLOB_DIR") or str(instance / "blobs"),
        # `blobs check --prune` leaves files younger than this alone: uploads in progress.
        "BLOB_GRACE_MINUTES": float(os.environ.get("BLOB_GRACE_MINUTES") or 60),
        # A path prefix nginx maps to BLOB_DIR (an `internal` location, deploy/nginx.conf):
        # downloads then answer with X-Accel-Redirect and nginx sends the bytes. Unset: the
        # app streams them itself.
        "X_ACCEL_REDIRECT": os.environ.get("X_ACCEL_REDIRECT") or None,
        "EVENTS_PER_PAGE": 20,
        **_cache_settings(os.environ.get("REDIS_URL")),
        # Texts stored as JSON stay readable (and searchable) in every language.
        "SQLALCHEMY_ENGINE_OPTIONS": {"json_serializer": _json_dumps},
        "SESSION_COOKIE_SECURE": os.environ.get("SESSION_COOKIE_SECURE") == "1",
        "PROXY_COUNT": int(os.environ.get("PROXY_COUNT") or 0),
        # The host names the site answers to (others get 400): pages and feeds carry absolute
        # links to the host they were asked for, and each host is a cache entry of its own.
        "TRUSTED_HOSTS": [
            host.strip() for host in os.environ.get("TRUSTED_HOSTS", "").split(",") if host.strip()
        ]
        or None,
        # The public host name absolute links in pages, feeds and the API are built from,
        # whatever `Host` a request sent: what a shared cache stores never points elsewhere.
        # (Their scheme is the request's: behind a proxy, PROXY_COUNT reads X-Forwarded-Proto.)
        "SERVER_NAME": os.environ.get("SERVER_NAME") or None,
        "QUERY_COUNT_HEADER": os.environ.get("QUERY_COUNT_HEADER") == "1",
        # Free attempts before each further one waits longer (accounts/throttle.py).
        "SIGN_IN_LIMITS": {"per_account": 5, "per_address": 20},
        # A staff session ends after this long without a request, and this long after signing
        # in whatever happens (accounts/sessions.py).
        "SESSION_IDLE_MINUTES": int(os.environ.get("SESSION_IDLE_MINUTES") or 8 * 60),
        "SESSION_MAX_HOURS": int(os.environ.get("SESSION_MAX_HOURS") or 24),
        # A form's CSRF token is valid as long as the session it was issued in, however long the
        # form stays open: no clock (Flask-WTF's default is an hour, which refused forms staff
        # had been filling in). The session ends when the browser closes; signing in or out
        # starts a new token (accounts/auth.py), so a token never outlives its signed-in session.
        "WTF_CSRF_TIME_LIMIT": None,
        # The ORGANIZER address of every event in the feeds (RFC 5546 wants one for PUBLISH).
        "CALENDAR_ORGANIZER_EMAIL": os.environ.get("CALENDAR_ORGANIZER_EMAIL")
        or "events@example.org",
        **_mail_settings(),
        "UPLOAD_MAX_BYTES": upload_max,
        # Bodies a little over the limit are read, so that the form can say why it refuses the
        # file; far bigger ones get the 413 page without being read.
        "MAX_CONTENT_LENGTH": 2 * upload_max,
        "DOCUMENT_LANGUAGES": tuple(
            tag.strip()
            for tag in (os.environ.get("DOCUMENT_LANGUAGES") or "en,fr,es,ar,zh,ru,pt").split(",")
            if tag.strip()
        ),
    }


def _mail_settings() -> dict:
    """The SMTP relay e-mails go through (iom_events/mail.py): any relay, in production. Port
    25 without encryption by default (a local relay); MAIL_USE_TLS=1 upgrades with STARTTLS
    (port 587 usually), MAIL_USE_SSL=1 speaks TLS from the start (port 465)."""
    return {
        "MAIL_HOST": os.environ.get("MAIL_HOST") or "localhost",
        "MAIL_PORT": int(os.environ.get("MAIL_PORT") or 25),
        "MAIL_USE_TLS": os.environ.get("MAIL_USE_TLS") == "1",
        "MAIL_USE_SSL": os.environ.get("MAIL_USE_SSL") == "1",
        "MAIL_USERNAME": os.environ.get("MAIL_USERNAME") or None,
        "MAIL_PASSWORD": os.environ.get("MAIL_PASSWORD") or None,
        "MAIL_SENDER": os.environ.get("MAIL_SENDER") or "meetings@example.org",
        "MAIL_TIMEOUT": float(os.environ.get("MAIL_TIMEOUT") or 10),
        # Told of every nomination a focal point sends; unset, the staff member who invited.
        "SECRETARIAT_EMAIL": os.environ.get("SECRETARIAT_EMAIL") or None,
        # The language of those notices; unset, each meeting's original language.
        "SECRETARIAT_LANGUAGE": os.environ.get("SECRETARIAT_LANGUAGE") or None,
    }


def _cache_settings(redis_url: str | None) -> dict:
    """Rendered pages and feeds: in this process by default (at most CACHE_MAX_MB megabytes a
    worker), in Redis when several servers run;
    CACHE_TYPE=NullCache keeps nothing (the benchmark measures uncached answers with it)."""
    if os.environ.get("CACHE_TYPE") == "NullCache":
        return {"CACHE_TYPE": "NullCache"}
    if redis_url:
        return {
            "CACHE_TYPE": "RedisCache",
            "CACHE_REDIS_URL": redis_url,
            "CACHE_KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX") or "iom_events:",
            "CACHE_DEFAULT_TIMEOUT": 24 * 3600,
        }
    # In each worker, bounded in bytes (iom_events/memory_cache.py), not in entries.
    return {
        "CACHE_TYPE": "iom_events.memory_cache.BoundedMemoryCache",
        "CACHE_MAX_BYTES": int(float(os.environ.get("CACHE_MAX_MB") or 64) * 1024 * 1024),
        "CACHE_DEFAULT_TIMEOUT": 3600,
    }


def _json_dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def _instance_secret(instance: Path) -> str:
    """A key generated once and kept in `instance/`, so sessions survive restarts.

    The key is written to a private temporary file, then linked into place: `link` fails if the
    file exists, so two workers starting together end up reading the same, complete key.
    """
    path = instance / "secret_key"
    if not path.exists():
        instance.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=instance, prefix=".secret_key.")
        try:
            with os.fdopen(fd, "w") as f:
                f.write(secrets.token_hex(32))
                f.flush()
                os.fsync(f.fileno())
            with contextlib.suppress(FileExistsError):
                os.link(tmp, path)
        finally:
            os.unlink(tmp)
    return path.read_text().strip()
