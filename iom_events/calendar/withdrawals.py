"""What subscribers saw of a meeting that is no longer public, kept for its feed.

A meeting that leaves the public (back to draft, or into the trash) keeps answering at its feed's
address with its events cancelled, so that calendar clients drop them rather than keep a stale
copy (a 404 or 410 leaves it in place). That feed must say only what the public already saw,
never what staff write in the draft afterwards (a new title, new dates, notes): so when a
meeting stops being public, its events as the feed showed them are kept in `Event.withdrawal`,
and the withdrawn feed is written from that alone. Public again, the meeting drops it.

Call `follow_visibility` wherever a meeting's status or removal changes, before the commit.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select

from iom_events.calendar.feeds import SeenEvent, local_time, meeting_span, on_a_calendar
from iom_events.columns import utcnow
from iom_events.events.models import Event, EventFormerSlug
from iom_events.events.public import PUBLIC_STATUSES
from iom_events.extensions import db
from iom_events.translated import Translated


def is_public(event: Event) -> bool:
    return event.status in PUBLIC_STATUSES and event.removed_at is None


def follow_visibility(event: Event, was_public: bool) -> None:
    """Keep what subscribers saw when the meeting stops being public; forget it when it is
    public again. `was_public`: whether it was before the change being saved."""
    if is_public(event):
        event.withdrawal = None
    elif was_public:
        # No flush before the caller's commit: its version check must see every change at once.
        with db.session.no_autoflush:
            event.withdrawal = snapshot(event)


def snapshot(event: Event) -> dict:
    """The meeting's events as its feed shows them now (JSON): when, and for each event its
    UID, SEQUENCE, title in every language, start and end.

    Shape: `{"at": "2031-05-06T10:00:00+00:00", "language": "fr", "addresses": [the slugs the
    public knew it by], "events": [{"uid": ...,
    "sequence": 3, "title": {"fr": ...}, "start": {"date": "2031-05-06"} | {"local":
    "2031-05-06T09:00:00", "tzid": "Africa/Dakar"} | {"utc": "..."}, "end": ..., "part_of":
    uid or None}]}`."""
    start, end = meeting_span(event)
    events = [_entry(event.uid, event.sequence, event.title, start, end, None)]
    zone = ZoneInfo(event.timezone)
    for item in event.agenda:
        if item.starts_at is None or item.is_removed:
            continue
        item_start = local_time(item.day, item.starts_at, zone)
        item_end = local_time(item.ends_on, item.ends_at, zone) if item.ends_at else None
        sequence = item.sequence + event.sequence
        events.append(_entry(item.uid, sequence, item.title, item_start, item_end, event.uid))
    if not on_a_calendar(event):  # its feed never showed it (a day unknown)
        events = []
    former = select(EventFormerSlug.slug).where(EventFormerSlug.event_id == event.id)
    addresses = [event.slug, *sorted(db.session.scalars(former))]
    return {
        "at": utcnow().isoformat(),
        "language": event.original_language,
        "addresses": addresses,
        "events": events,
    }


def seen_events(withdrawal: dict) -> list[SeenEvent]:
    """The events a snapshot keeps, as the feed writes them."""
    return [
        SeenEvent(
            uid=seen["uid"],
            sequence=seen["sequence"],
            title=Translated(seen["title"]),
            start=_when(seen["start"]),
            end=_when(seen["end"]),
            part_of=seen["part_of"],
        )
        for seen in withdrawal["events"]
    ]


def _when(value: dict | None) -> date | datetime | None:
    """A start or end from a snapshot, back as a date or an aware datetime."""
    if value is None:
        return None
    if "date" in value:
        return date.fromisoformat(value["date"])
    if "utc" in value:
        return datetime.fromisoformat(value["utc"])
    return datetime.fromisoformat(value["local"]).replace(tzinfo=ZoneInfo(value["tzid"]))


def _entry(uid, sequence, title, start, end, part_of) -> dict:
    return {
        "uid": uid,
        "sequence": sequence,
        "title": dict(title),
        "start": _moment(start),
        "end": _moment(end),
        "part_of": part_of,
    }


def _moment(value: date | datetime | None) -> dict | None:
    if value is None:
        return None
    if not isinstance(value, datetime):
        return {"date": value.isoformat()}
    if isinstance(value.tzinfo, ZoneInfo):
        return {"local": value.replace(tzinfo=None).isoformat(), "tzid": value.tzinfo.key}
    return {"utc": value.isoformat()}
