"""What the feeds read (their fingerprints are in iom_events/fingerprints.py)."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import Select
from sqlalchemy.orm import selectinload

from iom_events.events.models import Event, EventOrganizer
from iom_events.events.queries import EventFilters, filtered_events
from iom_events.extensions import db

WITH_ORGANIZERS = selectinload(Event.organizers).joinedload(EventOrganizer.office)

PAST_WINDOW = timedelta(days=365)
"""How far back a feed without `year` goes: subscribers want what is coming and what just
happened; earlier years are archives (`?year=`), so that no feed grows without bound (Google
Calendar drops the events of subscribed feeds above about 1 MB)."""


def window_start(today: date) -> date:
    """The first day a meeting must still reach to be in a feed without `year`."""
    return today - PAST_WINDOW


def listing(filters: EventFilters, today: date) -> Select:
    """The meetings of a list feed: that year's with `year`, else the upcoming ones and those
    that ended less than a year ago."""
    statement = filtered_events(filters)
    if filters.year is None:
        statement = statement.where(Event.ends_on >= window_start(today))
    return statement


def meetings(statement: Select) -> list[Event]:
    return list(db.session.scalars(statement.options(WITH_ORGANIZERS)))
