"""Slowing down password guessing without locking the owner out (OWASP ASVS 4.0, V2.2.1).

Every sign-in attempt is counted *before* its password is checked, by one atomic
`UPDATE … WHERE next_at <= now RETURNING` per key: of a burst of concurrent guesses exactly the
allowed number goes through, whatever the timing. Each attempt counts under two keys:

- ``address:<client address>``: attempts from one place, whatever the account (password
  spraying), `SIGN_IN_LIMITS["per_address"]` free;
- ``account:<e-mail>`` for a browser never signed in to that account, or
  ``browser:<nonce>`` for one that was (a signed cookie set at each success, OWASP's "device
  cookies"): `SIGN_IN_LIMITS["per_account"]` free. Guesses from elsewhere never slow the owner
  down on their own browser.

After the free attempts there is no hard lock: each further attempt waits longer (`DELAYS`, in
seconds: 1, 2, 4, 8 then 15 minutes). A success forgets the browser's (or the account's)
attempts and gives back the address's one. A key nobody tried for a day is forgotten.
"""

from __future__ import annotations

import math
import secrets
import time
from dataclasses import dataclass

from flask import after_this_request, current_app, request
from flask_babel import ngettext
from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy import case, delete, select, update
from sqlalchemy.dialects import postgresql, sqlite

from iom_events.accounts.models import SignInThrottle
from iom_events.extensions import db

DELAYS = (60, 120, 240, 480, 900)
"""Seconds to wait after the last free attempt, the next one, ... and every one after."""

FORGOTTEN_AFTER = 24 * 3600
"""Seconds after its last allowed attempt when a key's count is dropped."""

BROWSER_COOKIE = "iom_events_browser"
_BROWSER_COOKIE_DAYS = 365


@dataclass(frozen=True)
class Wait:
    """A refused attempt: nothing was checked; `seconds` until the next one may be tried."""

    seconds: int

    @property
    def message(self) -> str:
        minutes = max(1, math.ceil(self.seconds / 60))
        return ngettext(
            "Too many failed attempts. Wait %(num)d minute, then try again.",
            "Too many failed attempts. Wait %(num)d minutes, then try again.",
            minutes,
        )


def attempt(email: str) -> Wait | None:
    """Count an attempt at `email` from this request's client; a Wait if it must not be tried.

    Commits: the count stands even if the password check that follows fails or crashes.
    """
    now = int(time.time())
    limits = current_app.config["SIGN_IN_LIMITS"]
    db.session.execute(delete(SignInThrottle).where(SignInThrottle.next_at < now - FORGOTTEN_AFTER))
    wait = None
    for key, free in (
        (_address_key(), limits["per_address"]),
        (_account_key(email), limits["per_account"]),
    ):
        if not _take(key, free, now):
            wait = Wait(_next_at(key) - now)
            break
    db.session.commit()
    return wait


def succeeded(email: str) -> None:
    """The password was right: forget the account's (or this browser's) attempts, give back the
    address's one, and trust this browser for `email` from now on (the cookie)."""
    address = _address_key()
    db.session.execute(
        update(SignInThrottle)
        .where(SignInThrottle.key == address, SignInThrottle.attempts > 0)
        .values(attempts=SignInThrottle.attempts - 1)
    )
    db.session.execute(delete(SignInThrottle).where(SignInThrottle.key == _account_key(email)))
    db.session.commit()
    nonce = _trusted_browser(email) or secrets.token_urlsafe(16)
    value = _serializer().dumps({"email": _normal(email), "nonce": nonce})

    @after_this_request
    def _trust(response):
        response.set_cookie(
            BROWSER_COOKIE,
            value,
            max_age=_BROWSER_COOKIE_DAYS * 24 * 3600,
            httponly=True,
            samesite="Lax",
            secure=current_app.session_interface.get_cookie_secure(current_app),
        )
        return response


def _take(key: str, free: int, now: int) -> bool:
    """Atomically count one attempt under `key` if its wait is over; False if it is not."""
    dialect = db.session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    db.session.execute(
        insert(SignInThrottle)
        .values(key=key, attempts=0, next_at=0)
        .on_conflict_do_nothing(index_elements=["key"])
    )
    made = SignInThrottle.attempts + 1
    wait = case(
        (made < free, 0),
        *((made == free + n, delay) for n, delay in enumerate(DELAYS[:-1])),
        else_=DELAYS[-1],
    )
    taken = db.session.execute(
        update(SignInThrottle)
        .where(SignInThrottle.key == key, SignInThrottle.next_at <= now)
        .values(attempts=made, next_at=now + wait)
        .returning(SignInThrottle.attempts)
    ).first()
    return taken is not None


def _next_at(key: str) -> int:
    return db.session.scalar(select(SignInThrottle.next_at).where(SignInThrottle.key == key))


def _address_key() -> str:
    return f"address:{_printable(request.remote_addr or '-')}"[:320]


def _account_key(email: str) -> str:
    nonce = _trusted_browser(email)
    return f"browser:{_printable(nonce)}"[:320] if nonce else f"account:{_normal(email)}"[:320]


def _trusted_browser(email: str) -> str | None:
    """The nonce of this browser's cookie if it once signed in to `email`, else None."""
    try:
        trusted = _serializer().loads(request.cookies.get(BROWSER_COOKIE, ""))
    except BadSignature:
        return None
    if not isinstance(trusted, dict) or trusted.get("email") != _normal(email):
        return None
    nonce = trusted.get("nonce")
    return nonce if isinstance(nonce, str) and nonce else None


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.secret_key, salt="iom_events.sign-in-browser")


def _normal(email: str) -> str:
    return _printable(email.strip().lower())


def _printable(text: str) -> str:
    """Without control characters (PostgreSQL refuses NUL in text): a key, never a crash."""
    return "".join(character for character in text if character.isprintable())
