from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from iom_events.columns import UTCDateTime, choice, utcnow
from iom_events.extensions import db


class UserRole(StrEnum):
    ADMIN = "admin"
    EDITOR = "editor"


class User(db.Model):
    """A staff member who edits meetings. Only a hash of the password is ever stored."""

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[UserRole] = mapped_column(choice(UserRole), default=UserRole.EDITOR)
    is_active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
