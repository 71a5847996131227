"""What the feeds read (their fingerprints are in iom_events/fingerprints.py)."""

from __future__ import annotations

from sqlalchemy import Select
from sqlalchemy.orm import selectinload

from iom_events.events.models import Event, EventOrganizer
from iom_events.events.queries import organized_by, public_events
from iom_events.extensions import db

WITH_ORGANIZERS = selectinload(Event.organizers).joinedload(EventOrganizer.office)


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
