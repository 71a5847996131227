from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from flask_babel import lazy_gettext as _l
from flask_login import UserMixin
from sqlalchemy import BigInteger, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from iom_events.columns import UTCDateTime, choice, utcnow
from iom_events.extensions import db
from iom_events.labels import Choice
from iom_events.records import Versioned


class UserRole(Choice):
    ADMIN = "admin", _l("Administrator")
    EDITOR = "editor", _l("Editor")


class User(UserMixin, Versioned, db.Model):
    """A staff member who edits meetings. Only a hash of the password is ever stored."""

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[UserRole] = mapped_column(choice(UserRole), default=UserRole.EDITOR)
    is_active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    # The token of the session this user was loaded for (accounts/sessions.py), not stored.
    session_token: ClassVar[str | None] = None

    def get_id(self) -> str | None:
        """What Flask-Login keeps in the cookie session: the server-side session's token."""
        return self.session_token


class StaffSession(db.Model):
    """A signed-in browser: the server's half of a staff session (accounts/sessions.py).

    The browser's cookie holds a random token; only its SHA-256 is stored here, so a copy of
    this table opens no session. A session ends when its row goes: on sign-out, on "sign out
    everywhere", when the account's version moves on (new password, new role, disabled), after
    `SESSION_IDLE_MINUTES` without a request and `SESSION_MAX_HOURS` after signing in.
    """

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    # The account's version at sign-in: any change to the account since ends the session.
    user_version: Mapped[int]
    signed_in_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # Updated at most every few minutes (sessions.TOUCH_EVERY), enough for an idle timeout.
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime)
    browser: Mapped[str] = mapped_column(String(200), default="")


class SignInThrottle(db.Model):
    """Sign-in attempts counted for one key (an account, a client address, a trusted browser).

    `attempts` counts the attempts since the last success; `next_at` (seconds since the epoch)
    is when the next one may be tried. Both change in one atomic UPDATE (accounts/throttle.py),
    so a burst of concurrent guesses cannot slip past the count.
    """

    key: Mapped[str] = mapped_column(String(320), primary_key=True)
    attempts: Mapped[int] = mapped_column(default=0)
    next_at: Mapped[int] = mapped_column(BigInteger, default=0, index=True)
