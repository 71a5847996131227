"""Staff sessions kept on the server, so that they can be ended (OWASP ASVS 4.0, V3.3).

The browser's session cookie (Flask's, signed) holds a random token and nothing else about the
account; the `StaffSession` row that the token's SHA-256 names is the session. Deleting the row
ends it, whoever holds a copy of the cookie: signing out, "sign out everywhere" (the account
page), and any change to the account (a new password, a new role, disabling it: each moves the
account's version on) end it at once. It also ends after `SESSION_IDLE_MINUTES` without a
request and `SESSION_MAX_HOURS` after signing in, whatever happens in between.

Signing in starts from an empty cookie session: a new token and, with it, a new CSRF secret.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from flask import current_app, request, session
from flask_login import login_user, logout_user
from sqlalchemy import delete, or_, select

from iom_events.accounts.models import StaffSession, User
from iom_events.columns import utcnow
from iom_events.extensions import db, login

TOUCH_EVERY = timedelta(minutes=5)
"""How stale `last_seen_at` may get before a request writes it, without a write on every page;
at most a quarter of the idle timeout, so that a short one still counts from the last request."""


def begin(user: User) -> None:
    """Sign `user` in on this browser: a new server-side session, a new cookie session."""
    now = utcnow()
    _forget_expired(now)
    token = secrets.token_urlsafe(32)
    db.session.add(
        StaffSession(
            token_hash=_hashed(token),
            user_id=user.id,
            user_version=user.version,
            signed_in_at=now,
            last_seen_at=now,
            browser=request.user_agent.string[:200],
        )
    )
    db.session.commit()
    session.clear()  # nothing from before signing in carries over (session fixation)
    user.session_token = token
    login_user(user)


def end() -> None:
    """Sign out on this browser: its session ends on the server too."""
    token = session.get("_user_id")
    if token:
        db.session.execute(delete(StaffSession).where(StaffSession.token_hash == _hashed(token)))
        db.session.commit()
    logout_user()


def end_everywhere(user: User) -> None:
    """Sign `user` out on every browser, this one included."""
    db.session.execute(delete(StaffSession).where(StaffSession.user_id == user.id))
    db.session.commit()
    logout_user()


def open_sessions(user: User) -> list[StaffSession]:
    """`user`'s sessions that have not ended, the latest active first."""
    idle, longest = _limits()
    now = utcnow()
    return list(
        db.session.scalars(
            select(StaffSession)
            .where(
                StaffSession.user_id == user.id,
                StaffSession.user_version == user.version,
                StaffSession.last_seen_at > now - idle,
                StaffSession.signed_in_at > now - longest,
            )
            .order_by(StaffSession.last_seen_at.desc(), StaffSession.id.desc())
        )
    )


def is_this_browser(staff_session: StaffSession) -> bool:
    token = session.get("_user_id")
    return bool(token) and staff_session.token_hash == _hashed(token)


@login.user_loader
def load_user(token: str) -> User | None:
    """The signed-in staff member of the session `token` names, or None if it has ended.

    One query on the common path; a write only when the session has ended (its row goes) or
    its last activity is older than `TOUCH_EVERY`.
    """
    found = db.session.execute(
        select(StaffSession, User)
        .join(User, User.id == StaffSession.user_id)
        .where(StaffSession.token_hash == _hashed(token))
    ).first()
    if found is None:
        return None
    staff_session, user = found
    now = utcnow()
    idle, longest = _limits()
    if (
        not user.is_active
        or user.version != staff_session.user_version
        or staff_session.last_seen_at <= now - idle
        or staff_session.signed_in_at <= now - longest
    ):
        db.session.delete(staff_session)
        db.session.commit()
        return None
    if staff_session.last_seen_at <= now - min(TOUCH_EVERY, idle / 4):
        staff_session.last_seen_at = now
        db.session.commit()
    user.session_token = token
    return user


def _forget_expired(now) -> None:
    """Rows of sessions that ended by a timeout, deleted at each sign-in (no cron needed)."""
    idle, longest = _limits()
    db.session.execute(
        delete(StaffSession).where(
            or_(
                StaffSession.last_seen_at <= now - idle,
                StaffSession.signed_in_at <= now - longest,
            )
        )
    )


def _limits() -> tuple[timedelta, timedelta]:
    """(the idle timeout, the absolute one), from the settings."""
    config = current_app.config
    return (
        timedelta(minutes=config["SESSION_IDLE_MINUTES"]),
        timedelta(hours=config["SESSION_MAX_HOURS"]),
    )


def _hashed(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
