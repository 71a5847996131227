"""The staff side of meetings: every meeting (drafts too), slugs, status changes."""

from __future__ import annotations

from flask import abort
from sqlalchemy import select

from iom_events import former_slugs
from iom_events.events.models import Event
from iom_events.extensions import db
from iom_events.slugs import slug as make_slug

EVERYTHING = {"include_removed": True}


def meeting(slug: str, *, with_trash: bool = False) -> Event | None:
    options = EVERYTHING if with_trash else {}
    return db.session.scalar(select(Event).where(Event.slug == slug), execution_options=options)


def meeting_or_404(slug: str) -> Event:
    """The meeting a staff page is about (drafts included, not one in the trash)."""
    return meeting(slug) or abort(404)


def parent_of(event: Event | None) -> Event | None:
    """The meeting `event` is a side event of, even one in the trash: the link is kept while
    the parent is there, and shown, so that saving the side event does not undo it."""
    if event is None or event.parent_id is None:
        return None
    return db.session.get(Event, event.parent_id, execution_options=EVERYTHING)


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
