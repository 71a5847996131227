from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from flask_babel import lazy_gettext as _l
from sqlalchemy import CheckConstraint, Column, ForeignKey, Index, Table, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from iom_events.columns import UTCDateTime, choice, utcnow
from iom_events.extensions import db
from iom_events.labels import Choice
from iom_events.records import CalendarEntry, Removable, Versioned
from iom_events.translated import Translated, TranslatedText

if TYPE_CHECKING:
    from iom_events.delegations.models import Participant
    from iom_events.events.models import Event


class AgendaItemKind(Choice):
    OPENING = "opening", _l("Opening")
    SESSION = "session", _l("Session")
    BREAK = "break", _l("Break")
    SIDE_EVENT = "side_event", _l("Side event")
    CLOSING = "closing", _l("Closing")


agenda_speaker = Table(
    "agenda_speaker",
    db.metadata,
    Column("agenda_item_id", ForeignKey("agenda_item.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "participant_id",
        ForeignKey("participant.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
)


class AgendaItem(Versioned, Removable, CalendarEntry, db.Model):
    """One entry of the programme. Without a start time it is an entry for the whole day."""

    __table_args__ = (
        CheckConstraint("ends_at IS NULL OR starts_at IS NOT NULL", name="end_needs_start"),
        # An end on the next day is earlier on the clock than the start: under 24 hours.
        CheckConstraint(
            "ends_at IS NULL OR (ends_next_day AND ends_at < starts_at)"
            " OR (NOT ends_next_day AND ends_at >= starts_at)",
            name="ends_after_start",
        ),
        CheckConstraint("ends_at IS NOT NULL OR NOT ends_next_day", name="next_day_needs_end"),
        Index("ix_agenda_item_event_day", "event_id", "day", "position"),
    )

    SEQUENCED_FIELDS = ("day", "starts_at", "ends_at", "ends_next_day", "room", "removed_at")

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    day: Mapped[date]
    starts_at: Mapped[time | None]
    ends_at: Mapped[time | None]
    ends_next_day: Mapped[bool] = mapped_column(default=False, server_default=false())
    """The end time is on the day after `day` (a session 22:00–02:00): kept as a flag beside
    the venue's wall-clock times rather than as a date-time, so that the item moves with its
    day as one (`schedule`) and reads as typed."""
    kind: Mapped[AgendaItemKind] = mapped_column(choice(AgendaItemKind))
    title: Mapped[Translated] = mapped_column(TranslatedText)
    description: Mapped[Translated | None] = mapped_column(TranslatedText)
    room: Mapped[Translated | None] = mapped_column(TranslatedText)
    position: Mapped[int] = mapped_column(default=0)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    event: Mapped[Event] = relationship(back_populates="agenda")
    speakers: Mapped[list[Participant]] = relationship(
        secondary=agenda_speaker, order_by="(Participant.position, Participant.id)"
    )

    @classmethod
    def agenda_order(cls) -> tuple:
        """The one order of a meeting's programme, for SQL (`Event.agenda` and every query of
        items): by day; within a day the items with a start time by that time, then the items
        without one; items in the same slot (no time, or the same start time) in their manual
        order (`position`, moved by "Move up"/"Move down"), then by creation. `IS NULL` sorts
        false before true on SQLite and PostgreSQL alike, unlike NULLs themselves."""
        return (cls.day, cls.starts_at.is_(None), cls.starts_at, cls.position, cls.id)

    @property
    def ends_on(self) -> date | None:
        """The day the item's end time is on: its day, or the next one (`ends_next_day`);
        None without an end time."""
        if self.ends_at is None:
            return None
        return self.day + timedelta(days=1) if self.ends_next_day else self.day

    @property
    def slot(self) -> tuple[date, time | None]:
        """The day and start time: items share a slot when only their manual order separates
        them, and only they can be moved up or down among each other."""
        return (self.day, self.starts_at)
