"""Which history entries a meeting's history page lists: filtered by person, part and date."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import Select, func, select
from sqlalchemy.orm import selectinload
from werkzeug.datastructures import MultiDict

from iom_events.accounts.models import User
from iom_events.audit.models import AuditAction, AuditEntry
from iom_events.extensions import db
from iom_events.fields import to_int

PARTS = {
    "meeting": (_l("The meeting itself"), ("Event",)),
    "agenda": (_l("Agenda"), ("AgendaItem",)),
    "delegations": (_l("Delegations"), ("Delegation",)),
    "participants": (_l("Participants"), ("Participant",)),
    "documents": (_l("Documents"), ("Document", "DocumentFile")),
    "press": (_l("Press contacts"), ("PressContact",)),
    "organizers": (_l("Organizers"), ("EventOrganizer",)),
}
"""The parts of a meeting a history can be narrowed to: label, the kinds of record in it."""

PER_PAGE = 50


@dataclass
class Filters:
    """What the reader asked for; a value that cannot be read is left out and said so."""

    person: int | None = None
    part: str | None = None
    since: date | None = None
    until: date | None = None
    errors: list[str] = field(default_factory=list)

    @property
    def args(self) -> dict[str, str]:
        """The filters as query parameters (for the links to other pages)."""
        values = {
            "person": self.person,
            "part": self.part,
            "from": self.since.isoformat() if self.since else None,
            "to": self.until.isoformat() if self.until else None,
        }
        return {name: str(value) for name, value in values.items() if value is not None}


def read_filters(args: MultiDict) -> Filters:
    """The filters of a history page's query string."""
    filters = Filters()
    person = args.get("person", "")
    if person:
        filters.person = to_int(person)
        if filters.person is None:
            filters.errors.append(_("Choose a person from the list."))
    part = args.get("part", "")
    if part:
        if part in PARTS:
            filters.part = part
        else:
            filters.errors.append(_("Choose a part of the meeting from the list."))
    filters.since = _day(args.get("from", ""), filters)
    filters.until = _day(args.get("to", ""), filters)
    if filters.since and filters.until and filters.until < filters.since:
        filters.errors.append(_("The last day cannot be before the first day."))
        filters.until = None
    return filters


def _day(text: str, filters: Filters) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        filters.errors.append(
            _("Enter a day as year-month-day, e.g. %(example)s.", example="2009-06-04")
        )
        return None


def entries(event_id: int, filters: Filters) -> Select:
    """The meeting's entries (its own and its parts'), newest first, with who made them.

    Only since the meeting's creation: SQLite may give a new meeting the id of one deleted for
    good, whose history stays."""
    created = (
        select(func.max(AuditEntry.id))
        .where(
            AuditEntry.object_type == "Event",
            AuditEntry.object_id == event_id,
            AuditEntry.action == AuditAction.CREATE,
        )
        .scalar_subquery()
    )
    statement = (
        select(AuditEntry)
        .where(AuditEntry.event_id == event_id, AuditEntry.id >= func.coalesce(created, 0))
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        .options(selectinload(AuditEntry.user))
    )
    if filters.person is not None:
        statement = statement.where(AuditEntry.user_id == filters.person)
    if filters.part is not None:
        statement = statement.where(AuditEntry.object_type.in_(PARTS[filters.part][1]))
    if filters.since is not None:
        statement = statement.where(AuditEntry.at >= datetime.combine(filters.since, time(), UTC))
    if filters.until is not None and filters.until < date.max:  # 9999-12-31: no end at all
        end = datetime.combine(filters.until + timedelta(days=1), time(), UTC)
        statement = statement.where(AuditEntry.at < end)
    return statement


def people(event_id: int) -> list[User]:
    """Everyone who changed something of this meeting: the choices of the person filter."""
    authors = select(AuditEntry.user_id).where(AuditEntry.event_id == event_id)
    return list(db.session.scalars(select(User).where(User.id.in_(authors)).order_by(User.email)))
