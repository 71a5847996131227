"""The two Python parsers, each made to resolve a TZID with the feed's own VTIMEZONE only.

- icalendar (7.x) resolves an IANA TZID with its own zone data and looks at a feed's VTIMEZONE
  only for other names. Here every VTIMEZONE is turned into a zone with
  Timezone.to_tz(lookup_tzid=False), icalendar's own path for a TZID it does not know (with its
  default zoneinfo provider that builds a dateutil tzical zone from icalendar's serialization of
  the component), and the event's wall time is localized in it with icalendar's provider.
- vobject (0.9.x) reads a VTIMEZONE through dateutil too, after rewriting it its own way, but
  keeps every zone in a process-wide registry (the first zone registered under a TZID wins) and
  falls back to pytz's zone data for a TZID it has no zone for. Here it parses a private copy of
  the feed in which every TZID carries a token of its own, so that neither can step in; the
  registry entries of that token are removed afterwards. vobject takes a VTIMEZONE whose offsets
  match UTC's over 2000-2019 for UTC (its tzinfo_eq) and leaves times in it floating: those are
  read as UTC, which is what vobject means by it.
"""

from __future__ import annotations

import functools
import re
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime, tzinfo

import icalendar
import vobject
import vobject.icalendar
from icalendar.timezone import tzp

from .instants import PROPERTIES, Reading, Time, seconds
from .structure import first, vevents

# A content line up to the colon that starts its value (a colon inside quotes does not count).
_HEAD = re.compile(r'^((?:[^:"]|"[^"]*")*):(.*)$', re.S)
_TZID_PARAM = re.compile(r'(;TZID=)("[^"]*"|[^;:]*)', re.I)
_FOLD = re.compile(r"\r?\n[ \t]")


def icalendar_reading(cal: icalendar.Calendar, times: Sequence[Time]) -> Reading:
    """icalendar's instants, every TZID resolved with the feed's VTIMEZONE of that TZID."""
    vtimezones: dict[str, icalendar.Timezone] = {}
    for vtz in cal.walk("VTIMEZONE"):
        vtimezones.setdefault(str(first(vtz.get("TZID", ""))), vtz)
    instants = {}
    for time in times:
        vtz = vtimezones.get(time.tzid)
        if vtz is None:
            instants[time.key] = "!no VTIMEZONE with this TZID"
            continue
        try:
            zone = feed_zone(vtz.to_ical())
        except Exception as err:  # a VTIMEZONE icalendar cannot use is a finding, not a crash
            instants[time.key] = f"!cannot make a zone of the VTIMEZONE: {err}"
            continue
        instants[time.key] = seconds(tzp.localize(time.local, zone))
    return Reading(events=len(vevents(cal)), instants=instants)


@functools.lru_cache(maxsize=64)
def feed_zone(vtimezone: bytes) -> tzinfo:
    """icalendar's zone for one VTIMEZONE (its RFC 5545 text), made from the component alone
    (lookup_tzid=False: never icalendar's zone data for a name it knows). Cached by text: a
    feed's zones are the same from one request to the next."""
    return icalendar.Timezone.from_ical(vtimezone).to_tz(lookup_tzid=False)


def vobject_reading(data: bytes) -> Reading:
    """vobject's instants for the feed (raw bytes), from a copy whose TZIDs are its own."""
    token = f"feedcheck-{uuid.uuid4().hex[:12]}/"
    text = renamed_tzids(_FOLD.sub("", data.decode("utf-8", "replace")), token)
    try:
        components = list(vobject.readComponents(text))
        if not components or components[0].name != "VCALENDAR":
            return Reading.failed("no VCALENDAR in the feed")
        events = components[0].contents.get("vevent", [])
        as_utc = _taken_for_utc(components[0])
        instants = {}
        for index, event in enumerate(events):
            for name in PROPERTIES:
                lines = event.contents.get(name.lower())
                if lines and isinstance(lines[0].value, datetime):
                    value = lines[0].value
                    tzids = lines[0].params.get("X-VOBJ-ORIGINAL-TZID", [])
                    if value.tzinfo is None and set(tzids) & as_utc:
                        value = value.replace(tzinfo=UTC)
                    instants[(index, name)] = seconds(value)
        return Reading(events=len(events), instants=instants)
    except Exception as err:  # whatever vobject cannot read is a finding, not a crash
        return Reading.failed(f"cannot parse: {' '.join(str(err).split())}")
    finally:
        _forget_zones(token)


def _taken_for_utc(calendar) -> set[str]:
    """The TZIDs whose VTIMEZONE vobject takes for UTC (and so does not register)."""
    found = set()
    for vtimezone in calendar.contents.get("vtimezone", []):
        zone = vtimezone.gettzinfo()
        if zone is not None and vobject.icalendar.tzinfo_eq(zone, vobject.icalendar.utc):
            found.add(str(vtimezone.tzid.value))
    return found


def renamed_tzids(text: str, token: str) -> str:
    """text (unfolded iCalendar) with token put before every TZID: the value of each TZID
    property and of each TZID parameter, quoted or not."""
    lines = text.split("\n")
    for number, line in enumerate(lines):
        if "tzid" in line.lower():
            lines[number] = _renamed_line(line, token)
    return "\n".join(lines)


def _renamed_line(line: str, token: str) -> str:
    match = _HEAD.match(line)
    if not match:
        return line
    head, value = match.groups()
    if head.split(";", 1)[0].strip().upper() == "TZID":
        return f"{head}:{token}{value}"

    def rename(param: re.Match) -> str:
        tzid = param.group(2)
        quoted = tzid.startswith('"')
        return param.group(1) + (f'"{token}{tzid[1:]}' if quoted else token + tzid)

    return f"{_TZID_PARAM.sub(rename, head)}:{value}"


def _forget_zones(token: str) -> None:
    """Drops the zones registered under token from vobject's registry (a module global)."""
    registry = vars(vobject.icalendar).get("__tzidMap")
    if isinstance(registry, dict):
        for tzid in [tzid for tzid in registry if str(tzid).startswith(token)]:
            del registry[tzid]
