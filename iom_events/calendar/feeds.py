"""Domain objects in, RFC 5545 bytes out. No HTTP and no queries here.

What real clients need, and why it is done this way:
- UIDs are the records' own (made once); DTSTAMP and LAST-MODIFIED are their last change, not
  the time of the request: the same content always gives the same bytes (and ETag).
- A meeting without times is one all-day event whose DTEND is the day after its last day
  (DTEND is exclusive), never a block of midnight-to-midnight hours.
- Times carry the venue's TZID with a VTIMEZONE generated from the time-zone database; the
  COMMENT that icalendar adds to it is dropped (RFC 5545 does not allow it there; libical
  refuses it).
- METHOD:PUBLISH requires an ORGANIZER on every event (RFC 5546).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vCalAddress, vDuration, vText

from iom_events.agenda.models import AgendaItem
from iom_events.events.models import Event as Meeting
from iom_events.i18n import Localized, Translated
from iom_events.text import plain_text

PRODID = "-//International Organization for Migration//iom_events//EN"
REFRESH = timedelta(hours=6)


@dataclass(frozen=True)
class FeedContext:
    """What a feed needs besides the meetings: the language and how to name things in it."""

    lang: str
    name: str
    url: str
    organizer_email: str
    default_organizer: str
    meeting_url: Callable[[Meeting], str]
    place: Callable[[Meeting], str]

    def text(self, value: Translated | None, original: str | None = None) -> Localized | None:
        return value.resolve(self.lang, original) if value else None


def calendar(context: FeedContext, meetings: Iterable[Meeting], with_agenda: bool = False) -> bytes:
    feed = Calendar()
    feed.add("prodid", PRODID)
    feed.add("version", "2.0")
    feed.add("calscale", "GREGORIAN")
    feed.add("method", "PUBLISH")
    feed.add("name", context.name)
    feed.add("x-wr-calname", context.name)
    feed.add("url", context.url)
    feed.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    feed.add("x-published-ttl", vDuration(REFRESH))
    for meeting in meetings:
        feed.add_component(_meeting(context, meeting))
        if with_agenda:
            for item in meeting.agenda:
                if item.starts_at is not None:
                    feed.add_component(_agenda_item(context, meeting, item))
    feed.add_missing_timezones()
    for timezone in feed.walk("VTIMEZONE"):
        timezone.pop("COMMENT", None)
    return feed.to_ical()


def _common(context: FeedContext, meeting: Meeting, record, summary: str) -> Event:
    entry = Event()
    entry.add("uid", record.uid)
    entry.add("dtstamp", record.updated_at)
    entry.add("last-modified", record.updated_at)
    entry.add("sequence", record.sequence)
    entry.add("summary", summary)
    entry.add("status", "CANCELLED" if meeting.is_cancelled else "CONFIRMED")
    entry.add("url", context.meeting_url(meeting))
    entry.add("organizer", _organizer(context, meeting))
    location = context.place(meeting)
    if location:
        entry.add("location", location)
    return entry


def _meeting(context: FeedContext, meeting: Meeting) -> Event:
    title = context.text(meeting.title, meeting.original_language)
    entry = _common(context, meeting, meeting, str(title))
    entry.add("created", meeting.created_at)
    start, end = _span(meeting)
    entry.add("dtstart", start)
    entry.add("dtend", end)
    description = meeting.description or meeting.summary
    if description:
        entry.add("description", plain_text(context.text(description, meeting.original_language)))
    return entry


def _agenda_item(context: FeedContext, meeting: Meeting, item: AgendaItem) -> Event:
    title = context.text(item.title, meeting.original_language)
    entry = _common(context, meeting, item, str(title))
    zone = ZoneInfo(meeting.timezone)
    start = datetime.combine(item.day, item.starts_at, tzinfo=zone)
    end = datetime.combine(item.day, item.ends_at, tzinfo=zone) if item.ends_at else None
    entry.add("dtstart", start)
    if end is not None and end > start:
        entry.add("dtend", end)
    entry.add("related-to", meeting.uid)
    if item.description:
        text = context.text(item.description, meeting.original_language)
        entry.add("description", plain_text(text))
    return entry


def _span(meeting: Meeting) -> tuple[date | datetime, date | datetime]:
    """All-day with an exclusive end, or times in the venue's zone."""
    if meeting.starts_at is None:
        return meeting.starts_on, meeting.ends_on + timedelta(days=1)
    zone = ZoneInfo(meeting.timezone)
    start = datetime.combine(meeting.starts_on, meeting.starts_at, tzinfo=zone)
    if meeting.ends_at is not None:
        end = datetime.combine(meeting.ends_on, meeting.ends_at, tzinfo=zone)
    else:
        midnight = datetime.min.time()
        end = datetime.combine(meeting.ends_on + timedelta(days=1), midnight, tzinfo=zone)
    return start, max(end, start)


def _organizer(context: FeedContext, meeting: Meeting) -> vCalAddress:
    office = next((o.office for o in meeting.organizers if o.office is not None), None)
    name = context.text(office.name) if office else None
    organizer = vCalAddress(f"mailto:{context.organizer_email}")
    organizer.params["cn"] = vText(str(name) if name else context.default_organizer)
    return organizer
