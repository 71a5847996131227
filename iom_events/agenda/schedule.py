"""An agenda follows its meeting: when the meeting moves, its items move with it.

The days of agenda items are the meeting's days. When staff move a meeting (a new first day, the
same number of days), every item moves by the same number of days, in the same transaction, so
that the page and the feeds never show the programme on the old dates; the items' SEQUENCE rises
with their day, so calendar clients update them (RFC 5546 section 2.1.4). When the length of the
meeting changes, nothing can say where the items belong: they stay, and those now outside the
meeting's days are named to staff, and the new dates are refused until they have placed them,
or chosen to move the whole agenda with the meeting's first day: the public never sees a
programme on days the meeting no longer has.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select

from iom_events.agenda.models import AgendaItem
from iom_events.audit.models import AuditAction, AuditEntry
from iom_events.events.models import Event
from iom_events.extensions import db
from iom_events.fields import MAX_MEETING_DAYS


def meeting_days(event: Event) -> list[date]:
    """The days of the meeting, at most its first `MAX_MEETING_DAYS`: a meeting saved before
    that bound with absurd dates (2009 to 9999) gives a form of a month's days, not of three
    million (minutes of CPU and gigabytes for one page). Its edit form asks for real dates."""
    length = min((event.ends_on - event.starts_on).days + 1, MAX_MEETING_DAYS)
    return [event.starts_on + timedelta(days=n) for n in range(length)]


@dataclass(frozen=True)
class AgendaFollowed:
    """What happened to a meeting's agenda when its dates changed."""

    days: int
    """How many days the items moved (negative: earlier; 0: they stayed)."""
    moved: int
    """How many items moved (items in the trash included, so that a restore finds them right)."""


def follow_meeting(
    event: Event, old_start: date, old_end: date, *, with_first_day: bool = False
) -> AgendaFollowed:
    """Move the agenda with a meeting whose dates were `old_start`–`old_end` (call before commit,
    after the new dates are set on `event`): always when the meeting keeps its length, and with
    `with_first_day` (staff chose it) when its length changes too."""
    shift = (event.starts_on - old_start).days
    same_length = (event.ends_on - event.starts_on) == (old_end - old_start)
    moved = 0
    # No flush before the caller's commit: its version check must see every change at once.
    with db.session.no_autoflush:
        if shift and (same_length or with_first_day):
            statement = select(AgendaItem).where(AgendaItem.event_id == event.id)
            everything = {"include_removed": True}
            for item in db.session.scalars(statement, execution_options=everything):
                item.day = item.day + timedelta(days=shift)
                moved += 1
    return AgendaFollowed(days=shift if moved else 0, moved=moved)


def left_outside(
    event: Event, new_start: date, new_end: date, *, with_first_day: bool = False
) -> list[AgendaItem]:
    """The live items that new dates would leave outside the meeting's days: none when the
    meeting only moves (same length: its agenda moves with it, `follow_meeting`); with
    `with_first_day`, those still outside once every item moved as the first day does."""
    if new_end - new_start == event.ends_on - event.starts_on:
        return []
    shift = new_start - event.starts_on if with_first_day else timedelta(0)
    return [item for item in event.agenda if not new_start <= item.day + shift <= new_end]


def may_move_with_first_day(event: Event, new_start: date, new_end: date) -> bool:
    """Whether to offer moving the agenda with the first day: new dates of another length would
    leave items outside the meeting, and moving them all as the first day does places them
    all on its days (4–5 June becoming 10–12 June: every item six days later)."""
    return bool(
        left_outside(event, new_start, new_end)
        and not left_outside(event, new_start, new_end, with_first_day=True)
    )


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


@dataclass(frozen=True)
class AgendaShift:
    """What the agenda page offers when items are on days the meeting no longer has: move the
    whole live agenda by `days` (0: no single move puts every item on the meeting's days),
    keeping the days between items, as `follow_meeting` does for a meeting moved as a whole."""

    outside: list[AgendaItem]
    """The live items outside the meeting's days, in agenda order."""
    days: int
    first_day: date
    """The agenda's first day today (it becomes `first_day + days`)."""
    stamp: str
    """Every live item's id and version: the button sends it back, and a shift whose agenda
    changed meanwhile is refused (`shift_agenda`), never applied to what nobody saw."""

    @property
    def new_first_day(self) -> date:
        return self.first_day + timedelta(days=self.days)


def proposed_shift(event: Event, items: list[AgendaItem]) -> AgendaShift | None:
    """None when every live item is on a day of the meeting. `items`: the live agenda, in
    order. The shift proposed is the one the meeting's first day last moved by (its history),
    else the one that puts the agenda's first day on the meeting's; whichever puts every item
    on the meeting's days (else 0)."""
    outside = [item for item in items if not event.starts_on <= item.day <= event.ends_on]
    if not outside:
        return None
    first, last = min(item.day for item in items), max(item.day for item in items)
    days = 0
    for candidate in (_last_move(event), (event.starts_on - first).days):
        if candidate and _fits(event, first, last, candidate):
            days = candidate
            break
    stamp = ",".join(f"{item.id}:{item.version}" for item in sorted(items, key=lambda i: i.id))
    return AgendaShift(outside=outside, days=days, first_day=first, stamp=stamp)


def shift_agenda(event: Event, days: int, stamp: str) -> int | None:
    """Move every live item of the meeting by `days`, if the agenda is still the one the page
    showed (`stamp`) and the move is still the one proposed; the number of items moved, or None
    (nothing changed). The caller commits: one transaction, one history entry per item (the
    save pipeline), each item's version checked by the UPDATE and its SEQUENCE raised."""
    items = list(
        db.session.scalars(
            select(AgendaItem)
            .where(AgendaItem.event_id == event.id)
            .order_by(*AgendaItem.agenda_order())
        )
    )
    proposal = proposed_shift(event, items)
    if proposal is None or not days or proposal.days != days or proposal.stamp != stamp:
        return None
    for item in items:
        item.day = item.day + timedelta(days=days)
    return len(items)


def _fits(event: Event, first: date, last: date, days: int) -> bool:
    """Whether items from `first` to `last`, moved by `days`, are all on the meeting's days."""
    try:
        return (
            event.starts_on
            <= first + timedelta(days=days)
            <= last + timedelta(days=days)
            <= event.ends_on
        )
    except OverflowError:  # a day before year 1 or after 9999: no such meeting day
        return False


def _last_move(event: Event) -> int | None:
    """How many days the meeting's first day moved by at its last change of dates, from its
    history (the fifty latest changes of the meeting; None if none changed its first day)."""
    statement = (
        select(AuditEntry.changes)
        .where(
            AuditEntry.object_type == "Event",
            AuditEntry.object_id == event.id,
            AuditEntry.action == AuditAction.UPDATE,
        )
        .order_by(AuditEntry.id.desc())
        .limit(50)
    )
    for changes in db.session.scalars(statement):
        old_new = (changes or {}).get("starts_on")
        if isinstance(old_new, list) and len(old_new) == 2:
            try:
                old, new = (date.fromisoformat(str(value)) for value in old_new)
            except ValueError:
                return None
            return (new - old).days
    return None
