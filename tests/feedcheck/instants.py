"""The UTC instant of every zoned event time, as each parser reads it, against zoneinfo's.

A "time" here is a DTSTART or DTEND of one of the VCALENDAR's own VEVENTs whose value is a
DATE-TIME with a TZID. Instants are ints, seconds since 1970-01-01T00:00:00Z; a parser that gives
none gives a str starting with "!" and saying why. Every parser reports a Reading: the number of
VEVENTs it sees and an instant for each (VEVENT index, "DTSTART" | "DTEND").

The reference is Python's zoneinfo for the TZID (an IANA name), with fold=0: a local time that a
change of offset skips is read with the offset before the change, and a repeated one is its first
occurrence, which is what RFC 5545 3.3.5 says. For a TZID that is not an IANA name there is no
reference, and the parsers must agree with each other.
"""

from __future__ import annotations

import functools
import zoneinfo
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import icalendar

from .structure import event_name, first, vevents

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
PROPERTIES = ("DTSTART", "DTEND")

Instant = int | str  # seconds since 1970 UTC, or "!why there is none"
Key = tuple[int, str]  # (VEVENT index from 0, "DTSTART" | "DTEND")


@dataclass
class Reading:
    """What one parser made of one feed: events is the number of VEVENTs it saw (None when it
    could not read the feed), errors its own complaints (one line each)."""

    events: int | None
    instants: dict[Key, Instant] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    @classmethod
    def failed(cls, why: str) -> Reading:
        return cls(events=None, errors=[why])


@dataclass(frozen=True)
class Time:
    """One DTSTART or DTEND with a TZID: where it is, its local wall time, and the reference."""

    key: Key
    event: str  # VEVENT <UID> "<SUMMARY>"
    tzid: str
    local: datetime  # naive

    @property
    def expected(self) -> int | None:
        """zoneinfo's instant (fold=0), or None when the TZID is not an IANA name."""
        zone = iana_zone(self.tzid)
        return seconds(self.local.replace(tzinfo=zone, fold=0)) if zone else None

    def where(self) -> str:
        return f"{self.event}: {self.key[1]} {self.local.isoformat()} {self.tzid}"


def zoned_times(cal: icalendar.Calendar) -> list[Time]:
    """Every DTSTART and DTEND of the feed's VEVENTs that is a DATE-TIME with a TZID."""
    times = []
    for index, event in enumerate(vevents(cal)):
        for name in PROPERTIES:
            value = first(event.get(name))
            tzid = getattr(value, "params", {}).get("TZID") if value is not None else None
            dt = getattr(value, "dt", None)
            if tzid and isinstance(dt, datetime):
                # icalendar localized the wall time; replacing the zone keeps the wall time.
                local = dt.replace(tzinfo=None, fold=0)
                times.append(Time((index, name), event_name(event), str(tzid), local))
    return times


@functools.cache
def iana_names() -> frozenset[str]:
    """The IANA zone names zoneinfo knows (reading them scans the zone data: done once)."""
    return frozenset(zoneinfo.available_timezones())


@functools.cache
def iana_zone(tzid: str) -> zoneinfo.ZoneInfo | None:
    """The zoneinfo zone of an IANA name; None for any other TZID."""
    return zoneinfo.ZoneInfo(tzid) if tzid in iana_names() else None


def seconds(moment: object) -> Instant:
    """The instant of an aware datetime (int seconds since 1970 UTC), or why it has none."""
    if not isinstance(moment, datetime):
        return f"!a {type(moment).__name__} value, not a date-time"
    if moment.tzinfo is None or moment.utcoffset() is None:
        return "!TZID not resolved (a floating time)"
    return round((moment - EPOCH).total_seconds())


def utc_text(value: int) -> str:
    return (EPOCH + timedelta(seconds=value)).strftime("%Y-%m-%dT%H:%M:%SZ")


def difference_text(diff: int) -> str:
    """+1 h, -30 min, +5 h 30 min: a difference of instants in seconds."""
    hours, rest = divmod(abs(diff), 3600)
    minutes, secs = divmod(rest, 60)
    parts = [f"{hours} h" if hours else "", f"{minutes} min" if minutes else ""]
    parts.append(f"{secs} s" if secs else "")
    return ("+" if diff > 0 else "-") + " ".join(p for p in parts if p)


def got_text(got: Instant, expected: int | None) -> str:
    if isinstance(got, str):
        return f"no instant ({got[1:]})"
    if expected is None:
        return utc_text(got)
    return f"{utc_text(got)} ({difference_text(got - expected)})"


def compare(
    times: Sequence[Time],
    events: int,
    readings: Mapping[str, Reading],
    max_lines: int | None = 20,
) -> list[str]:
    """Findings (one line each, "<parser>: ...") of every parser whose instants differ from the
    reference, or, without one, from the other parsers; at most max_lines instant lines per
    parser, then one line counting the rest (None: no limit)."""
    problems: list[str] = []
    usable = {}
    for parser, reading in readings.items():
        problems += [f"{parser}: {error}" for error in reading.errors]
        if reading.events is None:
            problems.append(f"{parser}: could not read the feed; its instants were not compared")
        elif reading.events != events:
            problems.append(
                f"{parser}: sees {reading.events} VEVENT(s), icalendar {events}; its instants "
                "were not compared"
            )
        else:
            usable[parser] = reading
    for parser, reading in usable.items():
        lines = [
            f"{parser}: {time.where()}: expected {utc_text(time.expected)}, got "
            f"{got_text(got, time.expected)}"
            for time in times
            if time.expected is not None
            and (got := reading.instants.get(time.key, "!no instant given")) != time.expected
        ]
        if max_lines is not None and len(lines) > max_lines:
            rest = len(lines) - max_lines
            lines = [*lines[:max_lines], f"{parser}: {rest} more time(s) off, not shown"]
        problems += lines
    problems += _disagreements([t for t in times if t.expected is None], usable)
    return problems


def _disagreements(times: Sequence[Time], readings: Mapping[str, Reading]) -> list[str]:
    """For times without a reference: a finding when the parsers do not all agree."""
    problems = []
    for time in times:
        got = {
            parser: r.instants.get(time.key, "!no instant given") for parser, r in readings.items()
        }
        if len(set(got.values())) > 1:
            shown = ", ".join(f"{parser} {got_text(value, None)}" for parser, value in got.items())
            problems.append(
                f"parsers disagree on {time.where()} (not an IANA name, no reference): {shown}"
            )
    return problems
