"""What the feeds read: the meetings, and a cheap fingerprint of them for conditional requests.

The fingerprint is one query of aggregates (how many, latest change, sum of versions): any
edit raises a version and a change time, a removal or an unpublished draft changes the count.
A client revalidating with If-None-Match costs that one query and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, func, literal, select
from sqlalchemy.orm import selectinload

from iom_events.agenda.models import AgendaItem
from iom_events.events.models import Event, EventOrganizer
from iom_events.events.queries import organized_by, public_events
from iom_events.extensions import db
from iom_events.offices.models import Office

WITH_ORGANIZERS = selectinload(Event.organizers).joinedload(EventOrganizer.office)


@dataclass(frozen=True)
class Fingerprint:
    values: tuple
    last_modified: datetime | None


def _offices_version():
    return select(func.coalesce(func.sum(Office.version), 0)).scalar_subquery()


def meeting_fingerprint(slug: str) -> Fingerprint | None:
    items = select(AgendaItem).where(
        AgendaItem.event_id == Event.id, AgendaItem.removed_at.is_(None)
    )
    statement = (
        public_events()
        .where(Event.slug == slug)
        .with_only_columns(
            Event.id,
            Event.version,
            Event.updated_at,
            items.with_only_columns(func.count()).scalar_subquery(),
            items.with_only_columns(func.max(AgendaItem.updated_at)).scalar_subquery(),
            items.with_only_columns(
                func.coalesce(func.sum(AgendaItem.version), 0)
            ).scalar_subquery(),
            _offices_version(),
        )
    )
    row = db.session.execute(statement).one_or_none()
    if row is None:
        return None
    changes = [value for value in (row[2], row[4]) if value is not None]
    return Fingerprint(tuple(row), max(changes))


def listing_fingerprint(statement: Select, office_slug: str | None = None) -> Fingerprint | None:
    """For a list of meetings (the site, an office, a kind): count, last change, versions.

    With an office slug, the same query tells whether that office exists (None if not).
    """
    meetings = statement.order_by(None).subquery()
    office_exists = (
        select(func.count(Office.id)).where(Office.slug == office_slug).scalar_subquery()
        if office_slug is not None
        else literal(1)
    )
    row = db.session.execute(
        select(
            func.count(meetings.c.id),
            func.max(meetings.c.updated_at),
            func.coalesce(func.sum(meetings.c.version), 0),
            _offices_version(),
            office_exists,
        )
    ).one()
    if not row[4]:
        return None
    return Fingerprint(tuple(row), row[1])


def meeting_with_agenda(slug: str) -> Event | None:
    statement = (
        public_events()
        .where(Event.slug == slug)
        .options(WITH_ORGANIZERS, selectinload(Event.agenda))
    )
    return db.session.scalars(statement).one_or_none()


def meetings(statement: Select) -> list[Event]:
    return list(db.session.scalars(statement.options(WITH_ORGANIZERS)))


def office_meetings(slug: str) -> Select:
    return public_events().where(organized_by(slug)).order_by(Event.starts_on, Event.id)
