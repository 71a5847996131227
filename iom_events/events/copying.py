"""A new meeting from a past one ("New meeting from…"): staff start the next meeting of a series
from the last one instead of typing it all again.

What is copied, and why (issue 16, item 3):
- the meeting's own fields (texts, kind, place, time zone, series, links, original language);
  not its address (a new one is made from the title), its status (the copy is a draft), its
  calendar identity (a new UID, SEQUENCE 0: subscribers must never take it for the old one),
  nor its parent (side events are tied to one meeting);
- its organizers, delegations and press contacts, as they are;
- its agenda, each item moved by as many days as the meeting's first day moves: an item on
  the second day of the old meeting is on the second day of the new one (and on the same
  weekday when the new meeting starts on the same weekday);
- the participants (with their contact data) only when asked: a new meeting usually has new
  people; speakers follow their participants;
- never the documents (their files belong to the old meeting) nor the history: the copy's
  history is its creation, written by the save pipeline (iom_events/saving.py) like any other.

What is in the trash is not copied (every query leaves it out). The copy is added to the
session only: the caller commits, so that it is one transaction.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import inspect, select
from sqlalchemy.orm import selectinload

from iom_events.agenda.models import AgendaItem
from iom_events.delegations.models import Delegation, Participant
from iom_events.events import staff
from iom_events.events.models import Event, EventOrganizer, EventStatus
from iom_events.extensions import db
from iom_events.press.models import PressContact
from iom_events.translated import Translated

NOT_COPIED = frozenset(
    {
        # identity and bookkeeping: the copy's own
        "id", "uid", "sequence", "version", "created_at", "updated_at", "removed_at",
        "content_version", "withdrawal",
        # set by `copy_meeting` itself
        "slug", "status", "parent_id", "event_id", "delegation_id", "starts_on", "ends_on",
    }
)  # fmt: skip
"""Columns never copied as they are, whatever the model."""


def source_meeting(slug: str) -> Event | None:
    """The meeting to copy, with every part the copy takes: six queries, whatever its size."""
    statement = (
        select(Event)
        .where(Event.slug == slug)
        .options(
            selectinload(Event.organizers),
            selectinload(Event.agenda).selectinload(AgendaItem.speakers),
            selectinload(Event.delegations),
            selectinload(Event.participants),
            selectinload(Event.press_contacts),
        )
    )
    return db.session.scalar(statement)


def copy_meeting(source: Event, *, starts_on: date, title: Translated, with_people: bool) -> Event:
    """A draft copy of `source` (see the module's rules) whose first day is `starts_on`, added
    to the session, not committed. `title` is the copy's title; its address is made from it
    (in the original language), unique. The caller checks that the new dates are within the
    bounds (iom_events/fields.py): `new_dates` says what they are."""
    shift = starts_on - source.starts_on
    copy = Event(**_columns(source), status=EventStatus.DRAFT)
    copy.title = title
    copy.starts_on, copy.ends_on = new_dates(source, starts_on)
    copy.slug = staff.free_slug(title.resolve(copy.original_language) or "")
    copy.organizers = [EventOrganizer(**_columns(o)) for o in source.organizers]
    copy.press_contacts = [PressContact(**_columns(c)) for c in source.press_contacts]
    delegations = {d.id: Delegation(**_columns(d)) for d in source.delegations}
    copy.delegations = list(delegations.values())
    people: dict[int, Participant] = {}
    if with_people:
        live = {d.id for d in source.delegations}
        for person in source.participants:
            if person.delegation_id is not None and person.delegation_id not in live:
                continue  # their delegation is in the trash: they are with it
            people[person.id] = Participant(
                **_columns(person), delegation=delegations.get(person.delegation_id)
            )
        copy.participants = list(people.values())
    copy.agenda = [
        AgendaItem(
            **_columns(item, shift=shift),
            speakers=[people[p.id] for p in item.speakers if p.id in people],
        )
        for item in source.agenda
    ]
    db.session.add(copy)
    return copy


def new_dates(source: Event, starts_on: date) -> tuple[date, date]:
    """The copy's first and last days: the same length as `source`, from `starts_on`.

    Raises OverflowError when the last day would be past the calendar's end (9999-12-31)."""
    return starts_on, starts_on + (source.ends_on - source.starts_on)


def _columns(record, *, shift: timedelta | None = None) -> dict:
    """The column values of `record` a copy takes (all but `NOT_COPIED`), by attribute name;
    with `shift`, every day and date-time among them moved by it (an agenda item's day, and
    any end stored as a date-time)."""
    values = {}
    for attribute in inspect(type(record)).column_attrs:
        if attribute.key in NOT_COPIED:
            continue
        value = getattr(record, attribute.key)
        if shift is not None and isinstance(value, date | datetime):
            value = value + shift
        elif isinstance(value, list | dict):  # a JSON column: never share the object
            value = type(value)(value)
        values[attribute.key] = value
    return values
