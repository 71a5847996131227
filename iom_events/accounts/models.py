from __future__ import annotations

from datetime import datetime

from flask_babel import lazy_gettext as _l
from flask_login import UserMixin
from sqlalchemy import Index, String
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

    def get_id(self) -> str:
        # The version is part of the session's user id: changing the password, the role or
        # disabling the account bumps it and ends every session opened before.
        return f"{self.id}:{self.version}"


class SignInAttempt(db.Model):
    """A failed sign-in, kept for a while to slow down password guessing."""

    __table_args__ = (
        Index("ix_sign_in_attempt_email_at", "email", "at"),
        Index("ix_sign_in_attempt_address_at", "address", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254))
    address: Mapped[str] = mapped_column(String(45))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
