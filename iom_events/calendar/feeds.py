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
  "Withdrawn: ", so subscribers see it go rather than keep a stale copy; that feed is written
  from what the public last saw (iom_events/calendar/withdrawals.py), never from the draft.
- DESCRIPTION is plain text that keeps links ("text (URL)"), list items and paragraphs, and
  ends with the meeting page's address (Google and Outlook do not show URL). An item says which
  meeting it belongs to and carries its room in LOCATION. A text shown in another language than
  the feed's (the fallback rule) carries LANGUAGE (RFC 5545 section 3.2.10).
- A side event whose day is not known (`Event.day_unknown`: it took place during its parent
  meeting, on a day the sources do not give) is left out. RFC 5545 has no way to say "one day
  among these": a VEVENT's DTSTART places it (section 3.8.2.4), an all-day DTEND over the
  parent's days says it lasted all of them, and a DTSTART;VALUE=DATE without DTEND says it took
  the first one (section 3.6.1). Each would be a fact the seeds do not give; the meeting page
  says "during the conference" instead.
- ORGANIZER is the body that organized the meeting (role host or organizer, in the feed's
  language, with LANGUAGE when it is a fallback), never one that only took part, supported or
  co-chaired it; when none is named, IOM, which publishes the feed.
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

from iom_events import typography
from iom_events.agenda.models import AgendaItem
from iom_events.calendar.timezones import vtimezone
from iom_events.events.models import Event as Meeting
from iom_events.formatting import is_utc
from iom_events.forms import one_line, without_control_characters
from iom_events.text import plain_text
from iom_events.translated import Localized, Translated

PRODID = "-//International Organization for Migration//iom_events//EN"
TEXT_LIMITS = {"summary": 300, "location": 300, "description": 2000}
"""Characters a text property keeps at most (cut at a word, with "…"): calendar apps show a
few lines, the page has the rest, and one long text must not push a feed past the ~1 MB at
which Google Calendar drops a subscription's events."""
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
    context: FeedContext, meetings: Iterable[Meeting], *, with_agenda: bool = False
) -> bytes:
    """The feed of `meetings` (with their timed agenda items when `with_agenda`), as bytes."""
    spans = _Spans()
    events: list[Event] = []
    for meeting in meetings:
        if not on_a_calendar(meeting):
            continue
        events.append(_meeting(context, meeting, spans))
        if with_agenda:
            for item in meeting.agenda:
                if item.starts_at is not None:
                    events.append(_agenda_item(context, meeting, item, spans))
    return _feed(context, events, spans)


@dataclass(frozen=True)
class SeenEvent:
    """An event as a feed showed it, kept when its meeting stopped being public."""

    uid: str
    sequence: int
    title: Translated
    start: date | datetime
    end: date | datetime | None
    part_of: str | None
    """The UID of the meeting an agenda item belongs to (RELATED-TO)."""


def withdrawn_calendar(
    context: FeedContext,
    seen: Iterable[SeenEvent],
    *,
    withdrawn_at: datetime,
    original_language: str,
    site_url: str,
) -> bytes:
    """The feed of a meeting that is no longer public, from what its subscribers last saw
    (iom_events/calendar/withdrawals.py): the same events, cancelled, titled "Withdrawn: ..."
    and saying why, with a higher SEQUENCE. Nothing of the meeting as it is now."""
    spans = _Spans()
    events = []
    for shown in seen:
        title = shown.title.resolve(context.lang, original_language)
        entry = Event()
        _add_text(context, entry, "summary", _prefixed(context.words.withdrawn, title))
        entry.add("uid", shown.uid)
        entry.add("dtstamp", withdrawn_at)
        entry.add("last-modified", withdrawn_at)
        entry.add("sequence", shown.sequence + 1)
        entry.add("status", "CANCELLED")
        entry.add("dtstart", shown.start)
        spans.add(shown.start)
        if shown.end is not None:
            entry.add("dtend", shown.end)
            spans.add(shown.end)
        if shown.part_of:
            entry.add("related-to", shown.part_of)
        entry.add("description", f"{context.words.withdrawn_note}\n\n{site_url}")
        entry.add("url", site_url)
        entry.add("organizer", _address(context, context.words.default_organizer))
        events.append(entry)
    return _feed(context, events, spans)


def _feed(context: FeedContext, events: list[Event], spans: _Spans) -> bytes:
    feed = Calendar()
    feed.add("prodid", PRODID)
    feed.add("version", "2.0")
    feed.add("calscale", "GREGORIAN")
    if events:
        feed.add("method", "PUBLISH")
    # vText: escaped as TEXT (RFC 5545 section 3.3.11), whatever the name or description holds.
    name = _shortened(_typeset(_line(context.name), context.lang), TEXT_LIMITS["summary"])
    description = _typeset(_paragraphs(context.description), context.lang)
    feed.add("name", vText(name))
    feed.add("x-wr-calname", vText(name))
    feed.add("description", vText(description))
    feed.add("x-wr-caldesc", vText(description))
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


def _meeting(context: FeedContext, meeting: Meeting, spans: _Spans) -> Event:
    title = context.text(meeting.title, meeting.original_language)
    entry = _common(context, meeting, title)
    entry.add("uid", meeting.uid)
    stamp = last_change(meeting)
    entry.add("dtstamp", stamp)
    entry.add("last-modified", stamp)
    entry.add("created", meeting.created_at)
    entry.add("sequence", meeting.sequence)
    start, end = meeting_span(meeting)
    entry.add("dtstart", start)
    entry.add("dtend", end)
    spans.add(start)
    spans.add(end)
    _add_text(context, entry, "location", _place(context, meeting))
    text = context.text(meeting.description or meeting.summary, meeting.original_language)
    _add_description(context, entry, meeting, [text])
    return entry


def _agenda_item(context: FeedContext, meeting: Meeting, item: AgendaItem, spans: _Spans) -> Event:
    original = meeting.original_language
    entry = _common(context, meeting, context.text(item.title, original))
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
        end = local_time(item.ends_on, item.ends_at, zone)  # past midnight: the next day
        if end > start:
            entry.add("dtend", end)
            spans.add(end)
    entry.add("related-to", meeting.uid)
    room = context.text(item.room, original)
    place = _place(context, meeting)
    _add_text(context, entry, "location", _joined([room, place]))
    part_of = context.text(meeting.title, original)
    _add_description(context, entry, meeting, [part_of, context.text(item.description, original)])
    return entry


def last_change(meeting: Meeting) -> datetime:
    """The last change of anything a meeting's event shows: the meeting itself, or the name of
    the office shown as its organizer."""
    office = _organizing_office(meeting)
    if office is not None and office.updated_at > meeting.updated_at:
        return office.updated_at
    return meeting.updated_at


def _common(context: FeedContext, meeting: Meeting, title: Localized | None) -> Event:
    entry = Event()
    if meeting.is_cancelled:
        _add_text(context, entry, "summary", _prefixed(context.words.cancelled, title))
    else:
        _add_text(context, entry, "summary", title)
    entry.add("status", "CANCELLED" if meeting.is_cancelled else "CONFIRMED")
    entry.add("url", context.meeting_url(meeting))
    entry.add("organizer", _organizer(context, meeting))
    return entry


def _prefixed(prefix: str, title: Localized | None) -> Localized | str:
    """ "Cancelled: " and the title, marked with the title's language when it is a fallback."""
    if title is None:
        return prefix.strip()
    return Localized(f"{prefix}{title}", title.lang, title.requested)


def _add_description(
    context: FeedContext, entry: Event, meeting: Meeting, texts: list[Localized | None]
) -> None:
    """Paragraphs: the texts (Markdown made plain), then the meeting page's address."""
    paragraphs = [_typeset(_paragraphs(plain_text(text)), text.lang) for text in texts if text]
    body = _shortened("\n\n".join(p for p in paragraphs if p), TEXT_LIMITS["description"])
    language = next((text.lang for text in texts if text and text.is_fallback), None)
    description = (
        f"{body}\n\n{context.meeting_url(meeting)}" if body else context.meeting_url(meeting)
    )
    entry.add("description", description, _language(language))


def _add_text(context: FeedContext, entry: Event, name: str, text: str | None) -> None:
    """A text property, with LANGUAGE when the text is not in the feed's language."""
    if text:
        fallback = text.lang if isinstance(text, Localized) and text.is_fallback else None
        shown = _typeset(_line(str(text)), fallback or context.lang)
        entry.add(name, _shortened(shown, TEXT_LIMITS[name]), _language(fallback))


def _typeset(text: str, lang: str) -> str:
    """`text` set as its language is printed (`typography.typeset`), as on the pages."""
    return typography.typeset(text, lang)


def _line(text: str) -> str:
    """A one-line property (SUMMARY, LOCATION, a name): whatever was saved, no control
    character (RFC 5545 section 3.3.11 allows none in TEXT but HTAB) and no line break, which
    clients show as a title cut in two or, in a parameter, cannot read at all."""
    return one_line(without_control_characters(text))


def _paragraphs(text: str) -> str:
    """A multi-line property (DESCRIPTION): line breaks kept (as LF), no control character."""
    cleaned = without_control_characters(text).replace("\r\n", "\n").replace("\r", "\n")
    return cleaned.replace("\t", " ")


def _shortened(text: str, limit: int) -> str:
    """`text`, or its first `limit` characters cut at a word with "…"."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(maxsplit=1)[0].rstrip() + "…"


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


def meeting_span(meeting: Meeting) -> tuple[date | datetime, date | datetime]:
    """All-day with an exclusive end, or times in the venue's zone."""
    if meeting.starts_at is None:
        return meeting.starts_on, meeting.day_after_end
    zone = ZoneInfo(meeting.timezone)
    start = local_time(meeting.starts_on, meeting.starts_at, zone)
    if meeting.ends_at is not None:
        end = local_time(meeting.ends_on, meeting.ends_at, zone)
    else:
        end = local_time(meeting.day_after_end, datetime.min.time(), zone)
    return start, max(end, start)


def local_time(day: date, at: time, zone: ZoneInfo) -> datetime:
    """`at` on `day` in the venue's zone; in UTC if the clock skips or repeats that time.

    RFC 5545 section 3.3.5 reads a skipped time with the offset before the change and a repeated
    one as its first occurrence (zoneinfo's fold=0), but clients disagree: libical, ical.js and
    vobject read a skipped 02:30 with the offset after it, and libical and ical.js take the
    second 02:30. Written in UTC, the instant is the one the venue's clock shows, for all.

    A meeting held in UTC itself is written in UTC ("...Z", section 3.3.5's form #2), with no
    VTIMEZONE of its own."""
    moment = datetime.combine(day, at, tzinfo=zone)
    if is_utc(zone.key):
        return moment.astimezone(UTC)
    skipped = moment.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != moment.replace(
        tzinfo=None
    )
    repeated = moment.utcoffset() != moment.replace(fold=1).utcoffset()
    return moment.astimezone(UTC) if skipped or repeated else moment


def on_a_calendar(meeting: Meeting) -> bool:
    """Whether a feed shows the meeting: not when its day is unknown (see the module's notes)."""
    return not meeting.day_unknown


def _organizing(meeting: Meeting):
    """The first body that organized the meeting (`OrganizerRole.organizes`), or None."""
    return next((o for o in meeting.organizers if o.role.organizes), None)


def _organizing_office(meeting: Meeting):
    organizer = _organizing(meeting)
    return organizer.office if organizer is not None else None


def _organizer(context: FeedContext, meeting: Meeting) -> vCalAddress:
    """ORGANIZER: CN is the organizing body's name in the feed's language (an office's, or the
    name typed for it), LANGUAGE when it is shown in another (RFC 5545 section 3.8.4.3 allows
    it); IOM when no body is named as organizer."""
    organizer = _organizing(meeting)
    if organizer is None:
        return _address(context, context.words.default_organizer)
    if organizer.office is not None:
        name = context.text(organizer.office.name)
    else:
        name = context.text(organizer.name, meeting.original_language)
    if not name:
        return _address(context, context.words.default_organizer)
    return _address(context, str(name), name.lang if name.is_fallback else None)


def _address(context: FeedContext, name: str, language: str | None = None) -> vCalAddress:
    organizer = vCalAddress(f"mailto:{context.organizer_email}")
    organizer.params["cn"] = vText(_typeset(_line(name), language or context.lang))
    if language:
        organizer.params["LANGUAGE"] = language
    return organizer
