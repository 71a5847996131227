"""The read side of meetings: what the public pages show, loaded in a bounded number of queries."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from itertools import groupby

from sqlalchemy import Select, extract, or_, select
from sqlalchemy.orm import joinedload, selectinload

from iom_events.agenda.models import AgendaItem
from iom_events.delegations.models import Delegation, Participant
from iom_events.documents.models import Document, DocumentSection
from iom_events.events.models import Event, EventKind, EventOrganizer, EventStatus, OrganizerRole
from iom_events.extensions import db
from iom_events.i18n import official_rank
from iom_events.offices.models import Office
from iom_events.press.models import PressContact

PUBLIC_STATUSES = (EventStatus.PUBLISHED, EventStatus.CANCELLED)


def public_events() -> Select[tuple[Event]]:
    """Meetings the public may see: published or cancelled, never drafts."""
    return select(Event).where(Event.status.in_(PUBLIC_STATUSES))


def published_event(slug: str) -> Event | None:
    """A public meeting with everything its page shows, in seven queries whatever its size.

    One query per collection (selectin), the rows each collection needs joined into it; the
    many-to-one links (a document's delegation, a speaker) resolve from the identity map.
    """
    statement = (
        public_events()
        .where(Event.slug == slug)
        .options(
            joinedload(Event.parent),
            selectinload(Event.organizers).joinedload(EventOrganizer.office),
            selectinload(Event.delegations),
            selectinload(Event.participants),
            selectinload(Event.agenda).joinedload(AgendaItem.speakers),
            selectinload(Event.documents).joinedload(Document.files),
            selectinload(Event.press_contacts).joinedload(PressContact.office),
            joinedload(Event.side_events),
        )
    )
    return db.session.scalars(statement).unique().one_or_none()


def organizers_by_role(event: Event) -> list[tuple[OrganizerRole, list[EventOrganizer]]]:
    """The organizers grouped by role, roles in the order they first appear."""
    groups: dict[OrganizerRole, list[EventOrganizer]] = {}
    for organizer in event.organizers:
        groups.setdefault(organizer.role, []).append(organizer)
    return list(groups.items())


def agenda_by_day(event: Event) -> list[tuple[date, list[AgendaItem]]]:
    """The programme grouped by day, in order."""
    return [(day, list(items)) for day, items in groupby(event.agenda, key=lambda i: i.day)]


@dataclass(frozen=True)
class DelegationView:
    delegation: Delegation
    members: list[Participant]


def delegations_with_members(event: Event) -> tuple[list[DelegationView], list[Participant]]:
    """The delegations with their public members, and the public people who belong to none.

    Participants are loaded once for the whole meeting and grouped here, rather than one query
    per delegation. Private participants are left out: this feeds public pages only.
    """
    members: dict[int | None, list[Participant]] = defaultdict(list)
    for person in event.participants:
        if person.is_public:
            members[person.delegation_id].append(person)
    views = [DelegationView(d, members.get(d.id, [])) for d in event.delegations]
    return views, members.get(None, [])


def public_side_events(event: Event) -> list[Event]:
    return [e for e in event.side_events if e.is_public]


def documents_by_section(event: Event) -> list[tuple[DocumentSection, list[Document]]]:
    """Documents under the seeds' headings (meeting documents, additional, presentations)."""
    sections: dict[DocumentSection, list[Document]] = {s: [] for s in DocumentSection}
    for document in event.documents:
        if document.files:
            sections[document.section].append(document)
    return [(section, docs) for section, docs in sections.items() if docs]


def document_languages(event: Event) -> list[str]:
    """The languages some document of the meeting is in: IOM's official ones first."""
    languages = {f.language for d in event.documents for f in d.files}
    return sorted(languages, key=lambda code: (official_rank(code), code))


def upcoming_and_recent(today: date, limit: int = 10) -> tuple[list[Event], list[Event]]:
    """The home page: meetings not over yet (soonest first) and past ones (latest first)."""
    main_meetings = public_events().where(Event.parent_id.is_(None))
    upcoming = main_meetings.where(Event.ends_on >= today).order_by(Event.starts_on, Event.id)
    recent = main_meetings.where(Event.ends_on < today).order_by(
        Event.starts_on.desc(), Event.id.desc()
    )
    return (
        list(db.session.scalars(upcoming.limit(limit))),
        list(db.session.scalars(recent.limit(limit))),
    )


@dataclass(frozen=True)
class EventFilters:
    year: int | None = None
    office: Office | str | None = None
    """An office, or its slug."""
    kind: EventKind | None = None
    country: str | None = None

    def query(self) -> dict[str, str]:
        """The filters as a normalized query string (`{"year": "2009", "kind": "conference"}`):
        what links to a filtered list or feed, and cache keys, carry."""
        office = self.office.slug if isinstance(self.office, Office) else self.office
        kind = self.kind.value if self.kind else None
        values = {"year": self.year, "office": office, "kind": kind, "country": self.country}
        return {name: str(value) for name, value in values.items() if value}


def filtered_events(filters: EventFilters) -> Select[tuple[Event]]:
    """Public meetings matching the list's filters, latest first."""
    statement = public_events()
    if filters.year:
        # A range, not extract(year): the index on starts_on serves it.
        statement = statement.where(
            Event.starts_on >= date(filters.year, 1, 1),
            Event.starts_on < date(filters.year + 1, 1, 1),
        )
    if filters.kind:
        statement = statement.where(Event.kind == filters.kind)
    if filters.country:
        statement = statement.where(Event.country == filters.country)
    if filters.office:
        statement = statement.where(organized_by(filters.office))
    return statement.order_by(Event.starts_on.desc(), Event.id.desc())


def organized_by(office: Office | str):
    """A condition: the office (an Office or its slug), or one of its units, has a part in
    organizing the meeting."""
    office_id = (
        select(Office.id).where(Office.slug == office).scalar_subquery()
        if isinstance(office, str)
        else office.id
    )
    unit_ids = select(Office.id).where(or_(Office.id == office_id, Office.parent_id == office_id))
    return Event.id.in_(
        select(EventOrganizer.event_id).where(EventOrganizer.office_id.in_(unit_ids))
    )


def countries_with_events() -> list[str]:
    statement = public_events().with_only_columns(Event.country).where(Event.country.is_not(None))
    return sorted(set(db.session.scalars(statement.distinct())))


def years_with_events() -> list[int]:
    year = extract("year", Event.starts_on)
    statement = public_events().with_only_columns(year).distinct()
    return sorted((int(y) for y in db.session.scalars(statement)), reverse=True)
