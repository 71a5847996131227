from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from flask_babel import lazy_gettext as _l
from sqlalchemy import JSON, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from iom_events.columns import UTCDateTime, choice, utcnow
from iom_events.extensions import db
from iom_events.labels import Choice

if TYPE_CHECKING:
    from iom_events.accounts.models import User


class AuditAction(Choice):
    CREATE = "create", _l("Created")
    UPDATE = "update", _l("Changed")
    REMOVE = "remove", _l("Moved to the trash")
    RESTORE = "restore", _l("Restored")
    DELETE = "delete", _l("Deleted for good")
    """Removed for good, when the trash is emptied."""


class AuditEntry(db.Model):
    """One change: who, when, which object, and each field's old and new value.

    `changes` maps a field name to `[old, new]`. `event_id` files the entry under its meeting, so a
    meeting's history includes its agenda, delegations and documents.
    """

    __table_args__ = (Index("ix_audit_entry_object", "object_type", "object_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    action: Mapped[AuditAction] = mapped_column(choice(AuditAction))
    object_type: Mapped[str] = mapped_column(String(40))
    object_id: Mapped[int]
    event_id: Mapped[int | None] = mapped_column(index=True)
    """Not a foreign key: the history of a meeting outlives the meeting."""
    changes: Mapped[dict] = mapped_column(JSON, default=dict)
    version: Mapped[int | None]
    """The object's version after this change (to show what changed since a given version)."""

    user: Mapped[User | None] = relationship()
