"""Domain objects in, RFC 5545 bytes out. No HTTP and no queries here.

What real clients need, and why it is done this way:
- UIDs are the records' own (made once). DTSTAMP and LAST-MODIFIED are the last change of
  anything the event shows, not the time of the request: the same content always gives the
  same bytes (and ETag). An agenda item shows its meeting's status, time zone, place and title,
  so its SEQUENCE is its own plus its meeting's (both only grow: RFC 5546 section 2.1.4 asks
  for a larger SEQUENCE whenever the time, place or status changes), and its last change is the
  later of its own and its meeting's. Nothing has to remember to raise them.
- A meeting without times is one all-day event whose DTEND is the day after its last day
  (DTEND is exclusive), never a block of midnight-to-midnight hours.
- Times carry the venue's TZID with a rule-based VTIMEZONE limited to the span of the feed's
  events (iom_events/calendar/timezones.py), never the multi-value RDATE lists that several
  clients misread.
- Cancelled meetings and their items say so twice: STATUS:CANCELLED, and a "Cancelled: " title
  prefix in the feed's language, because Outlook ignores STATUS. A meeting withdrawn from the
  site (back to draft, or in the trash) keeps its events in its own feed, cancelled and titled
  "Withdrawn: ", so subscribers see it go rather than keep a stale copy.
- DESCRIPTION is plain text that keeps links ("text (URL)"), list items and paragraphs, and
  ends with the meeting page's address (Google and Outlook do not show URL). An item says which
  meeting it belongs to and carries its room in LOCATION. A text shown in another language than
  the feed's (the fallback rule) carries LANGUAGE (RFC 5545 section 3.2.10).
- METHOD:PUBLISH requires an ORGANIZER on every event (RFC 5546 section 3.2.1). A feed with no
  event is still a valid calendar: RFC 5545 section 3.6 wants one component, so it carries the
  UTC zone and no METHOD (a PUBLISH needs a VEVENT).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vCalAddress, vDuration, vText

from iom_events.agenda.models import AgendaItem
from iom_events.calendar.timezones import vtimezone
from iom_events.events.models import Event as Meeting
from iom_events.i18n import Localized, Translated
from iom_events.text import plain_text

PRODID = "-//International Organization for Migration//iom_events//EN"
REFRESH = timedelta(hours=6)
EMPTY_FEED_ZONE = "Etc/UTC"
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Words:
    """What a feed says in its own language besides the data."""

    cancelled: str
    """The title prefix of a cancelled event: "Cancelled: ", "Annulé : ", "Cancelado: "."""
    withdrawn: str
    """The title prefix of a withdrawn meeting's events: "Withdrawn: "."""
    withdrawn_note: str
    """The first paragraph of a withdrawn event's DESCRIPTION: why it is cancelled."""
    default_organizer: str
    """ORGANIZER's name when no IOM office organizes the meeting."""


@dataclass(frozen=True)
class FeedContext:
    """What a feed needs besides the meetings: its language, its name and how to say things."""

    lang: str
    name: str
    url: str
    description: str
    organizer_email: str
    words: Words
    meeting_url: Callable[[Meeting], str]
    country_name: Callable[[str], str]

    def text(self, value: Translated | None, original: str | None = None) -> Localized | None:
        return value.resolve(self.lang, original) if value else None


@dataclass
class _Spans:
    """The earliest and latest instant used with each TZID: what its VTIMEZONE must cover."""

    by_zone: dict[str, tuple[datetime, datetime]] = field(default_factory=dict)

    def add(self, moment: date | datetime) -> None:
        if isinstance(moment, datetime) and isinstance(moment.tzinfo, ZoneInfo):
            key = moment.tzinfo.key
            first, last = self.by_zone.get(key, (moment, moment))
            self.by_zone[key] = (min(first, moment), max(last, moment))


def calendar(
    context: FeedContext,
    meetings: Iterable[Meeting],
    *,
    with_agenda: bool = False,
    withdrawn: bool = False,
) -> bytes:
    """The feed of `meetings` (with their timed agenda items when `with_agenda`), as bytes.

    `withdrawn`: the meetings are no longer public; their events are cancelled and say why.
    """
    spans = _Spans()
    events: list[Event] = []
    for meeting in meetings:
        events.append(_meeting(context, meeting, spans, withdrawn))
        if with_agenda:
            for item in meeting.agenda:
                if item.starts_at is not None and not item.is_removed:
                    events.append(_agenda_item(context, meeting, item, spans, withdrawn))

    feed = Calendar()
    feed.add("prodid", PRODID)
    feed.add("version", "2.0")
    feed.add("calscale", "GREGORIAN")
    if events:
        feed.add("method", "PUBLISH")
    feed.add("name", context.name)
    feed.add("x-wr-calname", context.name)
    feed.add("description", context.description)
    feed.add("x-wr-caldesc", context.description)
    feed.add("url", context.url)
    feed.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    feed.add("x-published-ttl", vDuration(REFRESH))
    for tzid, (first, last) in sorted(spans.by_zone.items()):
        feed.add_component(vtimezone(tzid, first, last))
    if not events:
        feed.add_component(vtimezone(EMPTY_FEED_ZONE, EPOCH, EPOCH))
    for entry in events:
        feed.add_component(entry)
    return feed.to_ical()


def _meeting(context: FeedContext, meeting: Meeting, spans: _Spans, withdrawn: bool) -> Event:
    title = context.text(meeting.title, meeting.original_language)
    entry = _common(context, meeting, withdrawn, title)
    entry.add("uid", meeting.uid)
    stamp = last_change(meeting)
    entry.add("dtstamp", stamp)
    entry.add("last-modified", stamp)
    entry.add("created", meeting.created_at)
    entry.add("sequence", meeting.sequence)
    start, end = _span(meeting)
    entry.add("dtstart", start)
    entry.add("dtend", end)
    spans.add(start)
    spans.add(end)
    _add_text(entry, "location", _place(context, meeting))
    text = context.text(meeting.description or meeting.summary, meeting.original_language)
    _add_description(context, entry, meeting, withdrawn, [text])
    return entry


def _agenda_item(
    context: FeedContext, meeting: Meeting, item: AgendaItem, spans: _Spans, withdrawn: bool
) -> Event:
    original = meeting.original_language
    entry = _common(context, meeting, withdrawn, context.text(item.title, original))
    entry.add("uid", item.uid)
    stamp = max(item.updated_at, last_change(meeting))
    entry.add("dtstamp", stamp)
    entry.add("last-modified", stamp)
    entry.add("sequence", item.sequence + meeting.sequence)
    zone = ZoneInfo(meeting.timezone)
    start = local_time(item.day, item.starts_at, zone)
    entry.add("dtstart", start)
    spans.add(start)
    if item.ends_at is not None:
        end = local_time(item.day, item.ends_at, zone)
        if end > start:
            entry.add("dtend", end)
            spans.add(end)
    entry.add("related-to", meeting.uid)
    room = context.text(item.room, original)
    place = _place(context, meeting)
    _add_text(entry, "location", _joined([room, place]))
    part_of = context.text(meeting.title, original)
    _add_description(
        context, entry, meeting, withdrawn, [part_of, context.text(item.description, original)]
    )
    return entry


def last_change(meeting: Meeting) -> datetime:
    """The last change of anything a meeting's event shows: the meeting itself, or the name of
    the office shown as its organizer."""
    office = _organizing_office(meeting)
    if office is not None and office.updated_at > meeting.updated_at:
        return office.updated_at
    return meeting.updated_at


def _common(
    context: FeedContext, meeting: Meeting, withdrawn: bool, title: Localized | None
) -> Event:
    entry = Event()
    cancelled = withdrawn or meeting.is_cancelled
    prefix = context.words.withdrawn if withdrawn else context.words.cancelled
    summary = f"{prefix}{title}" if cancelled else str(title)
    _add_text(entry, "summary", Localized(summary, title.lang, title.requested) if title else "")
    entry.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    entry.add("url", context.meeting_url(meeting))
    entry.add("organizer", _organizer(context, meeting))
    return entry


def _add_description(
    context: FeedContext,
    entry: Event,
    meeting: Meeting,
    withdrawn: bool,
    texts: list[Localized | None],
) -> None:
    """Paragraphs: why a withdrawn event is cancelled, the texts (Markdown made plain), and the
    meeting page's address last."""
    paragraphs = [context.words.withdrawn_note] if withdrawn else []
    paragraphs += [plain_text(text) for text in texts if text]
    paragraphs.append(context.meeting_url(meeting))
    language = next((text.lang for text in texts if text and text.is_fallback), None)
    entry.add("description", "\n\n".join(p for p in paragraphs if p), _language(language))


def _add_text(entry: Event, name: str, text: str | None) -> None:
    """A text property, with LANGUAGE when the text is not in the feed's language."""
    if text:
        fallback = text.lang if isinstance(text, Localized) and text.is_fallback else None
        entry.add(name, str(text), _language(fallback))


def _language(lang: str | None) -> dict[str, str] | None:
    return {"LANGUAGE": lang} if lang else None


def _place(context: FeedContext, meeting: Meeting) -> Localized | str:
    """ "Venue, city, country", those that are known; in another language when a part is."""
    original = meeting.original_language
    parts = [context.text(meeting.venue, original), context.text(meeting.city, original)]
    country = context.country_name(meeting.country) if meeting.country else None
    return _joined([*parts, country])


def _joined(parts: list[Localized | str | None]) -> Localized | str:
    """Parts joined by commas; a Localized marked with the first fallback part's language."""
    text = ", ".join(str(p) for p in parts if p)
    fallback = next((p for p in parts if isinstance(p, Localized) and p.is_fallback), None)
    return Localized(text, fallback.lang, fallback.requested) if fallback else text


def _span(meeting: Meeting) -> tuple[date | datetime, date | datetime]:
    """All-day with an exclusive end, or times in the venue's zone."""
    if meeting.starts_at is None:
        return meeting.starts_on, meeting.ends_on + timedelta(days=1)
    zone = ZoneInfo(meeting.timezone)
    start = local_time(meeting.starts_on, meeting.starts_at, zone)
    if meeting.ends_at is not None:
        end = local_time(meeting.ends_on, meeting.ends_at, zone)
    else:
        end = local_time(meeting.ends_on + timedelta(days=1), datetime.min.time(), zone)
    return start, max(end, start)


def local_time(day: date, at: time, zone: ZoneInfo) -> datetime:
    """`at` on `day` in the venue's zone; in UTC if the clock skips or repeats that time.

    RFC 5545 section 3.3.5 reads a skipped time with the offset before the change and a repeated
    one as its first occurrence (zoneinfo's fold=0), but clients disagree: libical, ical.js and
    vobject read a skipped 02:30 with the offset after it, and libical and ical.js take the
    second 02:30. Written in UTC, the instant is the one the venue's clock shows, for all."""
    moment = datetime.combine(day, at, tzinfo=zone)
    skipped = moment.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != moment.replace(
        tzinfo=None
    )
    repeated = moment.utcoffset() != moment.replace(fold=1).utcoffset()
    return moment.astimezone(UTC) if skipped or repeated else moment


def _organizing_office(meeting: Meeting):
    return next((o.office for o in meeting.organizers if o.office is not None), None)


def _organizer(context: FeedContext, meeting: Meeting) -> vCalAddress:
    office = _organizing_office(meeting)
    name = context.text(office.name) if office else None
    organizer = vCalAddress(f"mailto:{context.organizer_email}")
    organizer.params["cn"] = vText(str(name) if name else context.words.default_organizer)
    return organizer
