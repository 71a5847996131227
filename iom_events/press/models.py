from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from sqlalchemy import JSON, CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from iom_events import phones
from iom_events.extensions import db
from iom_events.records import Removable, Versioned

if TYPE_CHECKING:
    from iom_events.events.models import Event
    from iom_events.offices.models import Office


class PressContact(Versioned, Removable, db.Model):
    """A press officer. Public by nature: name, e-mail and phone are shown to journalists."""

    PERSONAL_DATA: ClassVar[tuple[str, ...]] = ("email", "phone")
    """Erased from the history once the contact is deleted for good (audit/erasure.py)."""

    __table_args__ = (
        CheckConstraint("event_id IS NOT NULL OR office_id IS NOT NULL", name="event_or_office"),
        CheckConstraint("phone IS NULL OR phone LIKE '+%'", name="phone_e164"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int | None] = mapped_column(
        ForeignKey("event.id", ondelete="CASCADE"), index=True
    )
    office_id: Mapped[int | None] = mapped_column(
        ForeignKey("office.id", ondelete="RESTRICT"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(20))
    """E.164, e.g. +541148151035."""
    languages: Mapped[list[str]] = mapped_column(JSON, default=list)
    position: Mapped[int] = mapped_column(default=0)

    event: Mapped[Event | None] = relationship(back_populates="press_contacts")
    office: Mapped[Office | None] = relationship()

    @property
    def phone_international(self) -> str:
        """The phone as written for readers abroad: +54 11 4815-1035."""
        return phones.international(self.phone)
