from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from sqlalchemy import JSON, BigInteger, CheckConstraint, ForeignKey, Index, String, false, update
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from iom_events.audit.models import AuditEntry
from iom_events.columns import UTCDateTime, choice, utcnow
from iom_events.extensions import db
from iom_events.labels import Choice
from iom_events.records import CalendarEntry, Removable, Versioned
from iom_events.translated import Translated, TranslatedText

if TYPE_CHECKING:
    from iom_events.agenda.models import AgendaItem
    from iom_events.delegations.models import Delegation, Participant
    from iom_events.documents.models import Document
    from iom_events.offices.models import Office
    from iom_events.press.models import PressContact


class EventKind(Choice):
    CONFERENCE = "conference", _l("Conference")
    RCP_MEETING = "rcp_meeting", _l("Regional consultative process meeting")
    GOVERNING_BODY_SESSION = "governing_body_session", _l("Governing body session")
    SIDE_EVENT = "side_event", _l("Side event")
    PRESS_BRIEFING = "press_briefing", _l("Press briefing")
    WORKSHOP = "workshop", _l("Workshop")
    OTHER = "other", _l("Other meeting")


class EventStatus(Choice):
    DRAFT = "draft", _l("Draft")
    PUBLISHED = "published", _l("Published")
    CANCELLED = "cancelled", _l("Cancelled")


class CountQualifier(Choice):
    """How exact a head count is: the sources say "about 60", "over 1,500"."""

    ABOUT = "about", _l("approximate")
    MORE_THAN = "more_than", _l("a minimum")


def _agenda_order() -> tuple:
    """The agenda's own order (`AgendaItem.agenda_order`), imported when the mappers are
    configured: the agenda's models import this module."""
    from iom_events.agenda.models import AgendaItem

    return AgendaItem.agenda_order()


class Event(Versioned, Removable, CalendarEntry, db.Model):
    """One meeting. Its days are the venue's local days; times, when known, are in `timezone`."""

    __table_args__ = (
        CheckConstraint("ends_on >= starts_on", name="ends_after_start"),
        CheckConstraint("participant_count >= 0", name="participant_count_positive"),
        CheckConstraint("states_count >= 0", name="states_count_positive"),
        CheckConstraint("length(country) = 2", name="country_iso"),
        # The public lists: published meetings by date; the home page's "not over yet".
        Index("ix_event_status_starts_on", "status", "starts_on"),
        Index("ix_event_ends_on", "ends_on"),
        # Covers the fingerprint of the public lists and feeds (count, last change, versions):
        # a 304 on the site feed reads this index only.
        Index("ix_event_public_changes", "status", "removed_at", "updated_at", "version"),
    )

    SEQUENCED_FIELDS = (
        "starts_on", "ends_on", "starts_at", "ends_at", "timezone", "status", "removed_at",
        "venue", "city", "country", "day_unknown",
    )  # fmt: skip

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    kind: Mapped[EventKind] = mapped_column(choice(EventKind), index=True)
    status: Mapped[EventStatus] = mapped_column(
        choice(EventStatus), default=EventStatus.DRAFT, index=True
    )
    original_language: Mapped[str] = mapped_column(String(35))
    title: Mapped[Translated] = mapped_column(TranslatedText)
    summary: Mapped[Translated | None] = mapped_column(TranslatedText)
    description: Mapped[Translated | None] = mapped_column(TranslatedText)

    starts_on: Mapped[date] = mapped_column(index=True)
    ends_on: Mapped[date]
    starts_at: Mapped[time | None]
    ends_at: Mapped[time | None]
    timezone: Mapped[str] = mapped_column(String(64))
    """The venue's IANA time zone, e.g. Asia/Bangkok."""

    venue: Mapped[Translated | None] = mapped_column(TranslatedText)
    city: Mapped[Translated | None] = mapped_column(TranslatedText)
    country: Mapped[str | None] = mapped_column(String(2), index=True)

    participant_count: Mapped[int | None]
    participant_count_qualifier: Mapped[CountQualifier | None] = mapped_column(
        choice(CountQualifier)
    )
    states_count: Mapped[int | None]
    day_unknown: Mapped[bool] = mapped_column(default=False, server_default=false())
    """The day is not known, only that it took place during its parent meeting: its dates are
    the parent's, shown as "during the conference", and no calendar places it on a day.

    Seed 003 gives a day for one BAPA+40 side event ("Jeudi (21/03)") and none for the other
    ("M. Vitorino a ouvert l'événement parallèle South-South cooperation as a tool for migration
    governance..."): that one must not show three days, nor one invented."""
    reproduction_of: Mapped[str | None] = mapped_column(String(500))
    """Set on the demonstration meetings only: the public page they reproduce (its title and
    where it is kept). The page then says that the meeting's documents are reproductions made
    for demonstration, not IOM documents (issue 17: "the reference documents must not
    pretend")."""
    website: Mapped[str | None] = mapped_column(String(500))
    contact_email: Mapped[str | None] = mapped_column(String(254))
    """The meeting secretariat's public address for enquiries (not a participant's)."""
    series: Mapped[str | None] = mapped_column(String(80), index=True)
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("event.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    content_version: Mapped[int] = mapped_column(default=0, server_default="0")
    """Raised whenever anything shown on the meeting's page changes (see `_count_changes`)."""
    withdrawal: Mapped[dict | None] = mapped_column(JSON(none_as_null=True))
    """What calendar subscribers last saw of a meeting that is no longer public (back to
    draft, or in the trash): its feed is written from this alone (iom_events/calendar)."""

    parent: Mapped[Event | None] = relationship(remote_side=[id], back_populates="side_events")
    side_events: Mapped[list[Event]] = relationship(
        back_populates="parent", order_by="(Event.starts_on, Event.id)"
    )
    organizers: Mapped[list[EventOrganizer]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="EventOrganizer.position"
    )
    agenda: Mapped[list[AgendaItem]] = relationship(
        back_populates="event",
        cascade="all, delete-orphan",
        order_by=lambda: _agenda_order(),
    )
    delegations: Mapped[list[Delegation]] = relationship(
        back_populates="event",
        cascade="all, delete-orphan",
        order_by="(Delegation.position, Delegation.id)",
    )
    participants: Mapped[list[Participant]] = relationship(
        back_populates="event",
        cascade="all, delete-orphan",
        order_by="(Participant.position, Participant.id)",
    )
    documents: Mapped[list[Document]] = relationship(
        back_populates="event",
        cascade="all, delete-orphan",
        order_by="(Document.position, Document.id)",
    )
    press_contacts: Mapped[list[PressContact]] = relationship(
        back_populates="event",
        cascade="all, delete-orphan",
        order_by="(PressContact.position, PressContact.id)",
    )

    @property
    def is_public(self) -> bool:
        return self.status != EventStatus.DRAFT

    @property
    def is_cancelled(self) -> bool:
        return self.status == EventStatus.CANCELLED

    @property
    def day_after_end(self) -> date:
        """The day after the last one: the exclusive end of an all-day event (RFC 5545). A
        meeting saved, before dates were bounded, as ending on 9999-12-31 has no day after:
        its last day is given instead, rather than an OverflowError on its page and feeds."""
        return self.ends_on + timedelta(days=1) if self.ends_on < date.max else self.ends_on

    def __repr__(self) -> str:
        return f"<Event {self.slug}>"


class OrganizerRole(Choice):
    """A body's part in a meeting, in the seeds' own words: "Organisée par le Gouvernement
    royal thaïlandais en collaboration avec l'OIM", "coprésidée par", "soutenu à la fois par
    l'OIM et le HCR", "L'OIM a participé à deux événements parallèles" (seeds 002 and 003).

    Only HOST and ORGANIZER organize the meeting (the feeds' ORGANIZER, `organizes`); the
    others had a part in it without organizing it."""

    HOST = "host", _l("Host")
    ORGANIZER = "organizer", _l("Organizer")
    COLLABORATOR = "collaborator", _l("In collaboration with")
    CO_CHAIR = "co_chair", _l("Co-chair")
    SUPPORTER = "supporter", _l("With the support of")
    PARTICIPANT = "participant", _l("Taking part")

    @property
    def organizes(self) -> bool:
        return self in (OrganizerRole.HOST, OrganizerRole.ORGANIZER)

    def heading(self, count: int) -> str:
        """The role as the heading of `count` bodies on a meeting's page, in the reader's
        language, agreeing in number with them where the language needs it ("Organisateur",
        "Organisateurs"); English says "Organized by", as the seed ("Organisée par").

        The English forms differ from the labels (a form's choices: "Organizer") so that each
        has its own catalog entry: a msgid cannot be both singular and plural."""
        if self is OrganizerRole.HOST:
            return ngettext("Hosted by", "Hosted by", count)
        if self is OrganizerRole.ORGANIZER:
            return ngettext("Organized by", "Organized by", count)
        if self is OrganizerRole.CO_CHAIR:
            return ngettext("Co-chaired by", "Co-chaired by", count)
        return str(self.label)


class EventOrganizer(Versioned, db.Model):
    """A body with a part in organizing a meeting: an IOM office, or named in free text."""

    __table_args__ = (
        CheckConstraint("office_id IS NOT NULL OR name IS NOT NULL", name="office_or_name"),
        Index("ix_event_organizer_office_event", "office_id", "event_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    role: Mapped[OrganizerRole] = mapped_column(choice(OrganizerRole))
    office_id: Mapped[int | None] = mapped_column(
        ForeignKey("office.id", ondelete="RESTRICT"), index=True
    )
    name: Mapped[Translated | None] = mapped_column(TranslatedText)
    position: Mapped[int] = mapped_column(default=0)

    event: Mapped[Event] = relationship(back_populates="organizers")
    office: Mapped[Office | None] = relationship()


class EventFormerSlug(db.Model):
    """An address a meeting's pages and feed had before it was renamed: it answers 301 to the
    current one, so links, bookmarks and calendar subscriptions keep working."""

    slug: Mapped[str] = mapped_column(String(120), primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)

    event: Mapped[Event] = relationship()


class ListingsVersion(db.Model):
    """One row whose `value` the database raises at every write to `event` or `office`
    (triggers: migrations/versions/0014_listings_version.py), whatever wrote it.

    Lists of meetings are fingerprinted by aggregates over those two tables; while this number
    has not moved, they cannot have changed, and a list's fingerprint is read from memory after
    one indexed read of this row (iom_events/fingerprints.py). Never written by the app."""

    id: Mapped[int] = mapped_column(primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger)


def meeting_of(record) -> int | None:
    """The meeting whose page shows this record, if any (its history is not on the page)."""
    if isinstance(record, AuditEntry) or not getattr(record, "shown_publicly", True):
        return None
    if isinstance(record, Event):
        return record.parent_id  # a side event is listed on its parent's page
    if getattr(record, "event_id", None) is not None:
        return record.event_id
    document = getattr(record, "document", None)
    return document.event_id if document is not None else None


def count_content_changes(session: Session) -> None:
    """Raise `content_version` of every meeting whose page a flush touched: its agenda, people,
    documents, press contacts, organizers or side events. The page's fingerprint then reads one
    row instead of adding up every part (iom_events/fingerprints.py).

    The meeting's own `updated_at` stays, so that lists and feeds, which show the meeting's own
    fields, do not look changed; except for organizers, which the feeds name (ORGANIZER), whose
    change moves it. A step of the save pipeline (iom_events/saving.py)."""
    touched = [
        (meeting_id, isinstance(record, EventOrganizer))
        for record in (*session.new, *session.dirty, *session.deleted)
        if (meeting_id := meeting_of(record)) is not None
    ]
    table = Event.__table__
    for organizers_changed in (False, True):
        meetings = {meeting_id for meeting_id, o in touched if o is organizers_changed}
        if not meetings:
            continue
        # A Core UPDATE applies the column's onupdate (utcnow) unless told otherwise.
        updated_at = utcnow() if organizers_changed else table.c.updated_at
        session.execute(
            update(table)
            .where(table.c.id.in_(meetings))
            .values(content_version=table.c.content_version + 1, updated_at=updated_at)
        )
