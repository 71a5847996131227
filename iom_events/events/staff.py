"""The staff side of meetings: every meeting (drafts too), slugs, status changes."""

from __future__ import annotations

from flask import abort
from sqlalchemy import select

from iom_events import former_slugs
from iom_events.events.models import Event, EventStatus
from iom_events.extensions import db
from iom_events.slugs import slug as make_slug

EVERYTHING = {"include_removed": True}


def meetings(query: str = "", status: EventStatus | None = None):
    """All meetings not in the trash, drafts included: found by the site search's index (any
    text, any language) and best hits first, or all of them latest first."""
    from iom_events.search.queries import matching  # the search package reads events, too

    statement = select(Event).order_by(Event.starts_on.desc(), Event.id.desc())
    if status:
        statement = statement.where(Event.status == status)
    if query.strip():
        found = matching(statement, query, with_parts=False)
        statement = found if found is not None else statement.where(Event.slug == query.strip())
    return statement


def meeting(slug: str) -> Event | None:
    return db.session.scalar(select(Event).where(Event.slug == slug))


def meeting_or_404(slug: str) -> Event:
    """The meeting a staff page is about (drafts included, not one in the trash)."""
    return meeting(slug) or abort(404)


def parent_choices() -> list[Event]:
    """Meetings that can have side events: those that are not side events themselves."""
    statement = select(Event).where(Event.parent_id.is_(None)).order_by(Event.starts_on.desc())
    return list(db.session.scalars(statement))


def slug_taken(slug: str, other_than: Event | None = None) -> bool:
    """A meeting in the trash keeps its address: restoring it must not clash."""
    statement = select(Event.id).where(Event.slug == slug)
    if other_than is not None and other_than.id is not None:
        statement = statement.where(Event.id != other_than.id)
    return db.session.scalar(statement, execution_options=EVERYTHING) is not None


def free_slug(title: str) -> str:
    """An address made from a title, made unique with -2, -3... when needed."""
    base = make_slug(title, max_length=100) or "meeting"
    candidate, n = base, 1
    while slug_taken(candidate) or former_slugs.reserved_by_another(Event, candidate, None):
        n += 1
        candidate = f"{base}-{n}"
    return candidate
