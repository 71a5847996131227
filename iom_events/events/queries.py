"""The read side of the meetings lists: home, the list and its filters (one meeting as the
public sees it is iom_events/events/public.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import groupby

from sqlalchemy import Select, extract, or_, select

from iom_events.agenda.models import AgendaItem
from iom_events.events.models import Event, EventKind, EventOrganizer
from iom_events.events.public import public_events
from iom_events.extensions import db
from iom_events.offices.models import Office


def agenda_by_day(event: Event) -> list[tuple[date, list[AgendaItem]]]:
    """The programme grouped by day, in order."""
    return [(day, list(items)) for day, items in groupby(event.agenda, key=lambda i: i.day)]


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
