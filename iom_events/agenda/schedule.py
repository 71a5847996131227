"""An agenda follows its meeting: when the meeting moves, its items move with it.

The days of agenda items are the meeting's days. When staff move a meeting (a new first day, the
same number of days), every item moves by the same number of days, in the same transaction, so
that the page and the feeds never show the programme on the old dates; the items' SEQUENCE rises
with their day, so calendar clients update them (RFC 5546 section 2.1.4). When the length of the
meeting changes, nothing can say where the items belong: they stay, and those now outside the
meeting's days are named to staff, and the new dates are refused until they have placed them:
the public never sees a programme on days the meeting no longer has.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select

from iom_events.agenda.models import AgendaItem
from iom_events.events.models import Event
from iom_events.extensions import db


@dataclass(frozen=True)
class AgendaFollowed:
    """What happened to a meeting's agenda when its dates changed."""

    days: int
    """How many days the items moved (negative: earlier; 0: they stayed)."""
    moved: int
    """How many items moved (items in the trash included, so that a restore finds them right)."""


def follow_meeting(event: Event, old_start: date, old_end: date) -> AgendaFollowed:
    """Move the agenda with a meeting whose dates were `old_start`–`old_end` (call before commit,
    after the new dates are set on `event`)."""
    shift = (event.starts_on - old_start).days
    same_length = (event.ends_on - event.starts_on) == (old_end - old_start)
    moved = 0
    # No flush before the caller's commit: its version check must see every change at once.
    with db.session.no_autoflush:
        if shift and same_length:
            statement = select(AgendaItem).where(AgendaItem.event_id == event.id)
            everything = {"include_removed": True}
            for item in db.session.scalars(statement, execution_options=everything):
                item.day = item.day + timedelta(days=shift)
                moved += 1
    return AgendaFollowed(days=shift if moved else 0, moved=moved)


def left_outside(event: Event, new_start: date, new_end: date) -> list[AgendaItem]:
    """The live items that new dates would leave outside the meeting's days: none when the
    meeting only moves (same length: its agenda moves with it, `follow_meeting`)."""
    if new_end - new_start == event.ends_on - event.starts_on:
        return []
    return [item for item in event.agenda if not new_start <= item.day <= new_end]


def days_outside(event: Event, days: list[date]) -> set[date]:
    """Those of `days` that are not days of the meeting (its agenda needs attention there)."""
    return {day for day in days if not event.starts_on <= day <= event.ends_on}


def back_within(item: AgendaItem) -> date | None:
    """Put an item restored from the trash on a day of its meeting, if the meeting's dates
    changed meanwhile so that its own is not one any more: the nearest day, at the end of it.
    Returns the day it had then (None when it keeps its day). Call before the commit."""
    event = item.event
    if event.starts_on <= item.day <= event.ends_on:
        return None
    old = item.day
    with db.session.no_autoflush:
        item.day = min(max(item.day, event.starts_on), event.ends_on)
        last = db.session.scalar(
            select(func.max(AgendaItem.position)).where(
                AgendaItem.event_id == event.id, AgendaItem.day == item.day
            )
        )
    item.position = 0 if last is None else last + 1
    return old
