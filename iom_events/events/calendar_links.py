""" "Add to Google Calendar" and "Add to Outlook.com" links for one meeting.

Android's calendar opens neither `webcal:` links nor `.ics` downloads, and many people live in
Google Calendar or Outlook on the web: these links open the web app's "new event" form, filled
in. Their parameters are the apps' public event-template URLs:
- Google: `calendar.google.com/calendar/render?action=TEMPLATE&text=&dates=&details=&location=`
  (`dates` as `YYYYMMDD/YYYYMMDD` for whole days, the end exclusive, or UTC `...T...Z` times;
  `ctz` names the zone the event shows in);
- Outlook.com: `outlook.live.com/calendar/0/action/compose?subject=&startdt=&enddt=&allday=&body=
  &location=` (ISO 8601 dates, or UTC times).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from iom_events.events.models import Event

DETAILS_LENGTH = 600
"""Characters of description at most: the whole link must stay well under the 2,000 characters
some browsers and proxies cut URLs at."""


def span(meeting: Event) -> tuple[date | datetime, date | datetime]:
    """The meeting's days (end exclusive), or its start and end instants in UTC."""
    if meeting.starts_at is None:
        return meeting.starts_on, meeting.day_after_end
    zone = ZoneInfo(meeting.timezone)
    start = datetime.combine(meeting.starts_on, meeting.starts_at, tzinfo=zone)
    end_time = meeting.ends_at or datetime.min.time()
    end_day = meeting.ends_on if meeting.ends_at else meeting.day_after_end
    end = max(datetime.combine(end_day, end_time, tzinfo=zone), start)
    return start.astimezone(UTC), end.astimezone(UTC)


def google_calendar(meeting: Event, title: str, text: str, location: str, page: str) -> str:
    """The link that opens Google Calendar's new-event form filled with the meeting."""
    start, end = span(meeting)
    if isinstance(start, datetime):
        dates = f"{start:%Y%m%dT%H%M%SZ}/{end:%Y%m%dT%H%M%SZ}"
    else:
        dates = f"{start:%Y%m%d}/{end:%Y%m%d}"
    query = {
        "action": "TEMPLATE",
        "text": title,
        "dates": dates,
        "details": _details(text, page),
        "location": location,
        "ctz": meeting.timezone,
    }
    return "https://calendar.google.com/calendar/render?" + urlencode(query)


def outlook_com(meeting: Event, title: str, text: str, location: str, page: str) -> str:
    """The link that opens Outlook.com's new-event form filled with the meeting."""
    start, end = span(meeting)
    timed = isinstance(start, datetime)
    query = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": title,
        "startdt": f"{start:%Y-%m-%dT%H:%M:%SZ}" if timed else start.isoformat(),
        "enddt": f"{end:%Y-%m-%dT%H:%M:%SZ}" if timed else end.isoformat(),
        "allday": "false" if timed else "true",
        "body": _details(text, page),
        "location": location,
    }
    return "https://outlook.live.com/calendar/0/action/compose?" + urlencode(query)


def _details(text: str, page: str) -> str:
    """The text, cut at a word if long, then the meeting page's address."""
    if len(text) > DETAILS_LENGTH:
        text = text[: DETAILS_LENGTH - 1].rsplit(" ", 1)[0] + "…"
    return f"{text}\n\n{page}" if text else page
