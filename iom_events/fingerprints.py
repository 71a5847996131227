"""Cheap fingerprints of what a page or a feed shows: one query of aggregates.

Any edit raises a record's version and its change time; a removal, a restore or a draft going
public changes a count. So a fingerprint changes whenever the content it covers can have
changed, and is the key of HTTP validators (ETag) and of cached pages and feeds: nothing is
invalidated by hand, a new fingerprint is simply a new key.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, func, literal, select
from sqlalchemy.orm import aliased

from iom_events.agenda.models import AgendaItem
from iom_events.events.models import Event
from iom_events.events.queries import public_events
from iom_events.extensions import db
from iom_events.offices.models import Office


@dataclass(frozen=True)
class Fingerprint:
    values: tuple
    last_modified: datetime | None


def _offices():
    """Office names appear on meeting pages and feeds (organizers, press contacts)."""
    return select(
        func.coalesce(func.sum(Office.version), 0) + func.count(Office.id)
    ).scalar_subquery()


def _parent():
    parent = aliased(Event)
    return select(parent.version).where(parent.id == Event.parent_id).scalar_subquery()


def meeting_page(slug: str) -> Fingerprint | None:
    """Everything the public meeting page shows: the meeting, what hangs from it (counted by
    its `content_version`), its parent's title, and the offices named on it."""
    statement = (
        public_events()
        .where(Event.slug == slug)
        .with_only_columns(
            Event.id,
            Event.version,
            Event.updated_at,
            Event.content_version,
            _parent(),
            _offices(),
        )
    )
    row = db.session.execute(statement).one_or_none()
    return None if row is None else Fingerprint(tuple(row), row[2])


def meeting_feed(slug: str) -> Fingerprint | None:
    """What a meeting's feed shows: the meeting, its agenda items, the organizing offices."""
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
            _offices(),
        )
    )
    row = db.session.execute(statement).one_or_none()
    if row is None:
        return None
    changes = [value for value in (row[2], row[4]) if value is not None]
    return Fingerprint(tuple(row), max(changes))


def listing(statement: Select, office_slug: str | None = None) -> Fingerprint | None:
    """For a list of meetings (home, the list, a feed): count, last change, versions.

    With an office slug, the same query tells whether that office exists (None if not).
    """
    office_exists = (
        select(func.count(Office.id)).where(Office.slug == office_slug).scalar_subquery()
        if office_slug is not None
        else literal(1)
    )
    # The same WHERE, aggregates instead of rows: no subquery to build or to plan around.
    aggregates = (
        statement.order_by(None)
        .limit(None)
        .offset(None)
        .with_only_columns(
            func.count(Event.id),
            func.max(Event.updated_at),
            func.coalesce(func.sum(Event.version), 0),
            _offices(),
            office_exists,
        )
    )
    row = db.session.execute(aggregates).one()
    if not row[4]:
        return None
    return Fingerprint(tuple(row), row[1])
