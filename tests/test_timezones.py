"""VTIMEZONEs from ``iom_events.calendar.timezones``, read back from their text alone.

For each zone and span (one day, a day across a transition, one year, twenty years, and some
historic days), local wall-clock times are turned into UTC by zoneinfo (fold=0: RFC 5545 3.3.5
takes the first of a repeated time and the offset before a skipped one) and, from the generated
VTIMEZONE alone under a TZID no database knows, by icalendar's own VTIMEZONE→tzinfo conversion
and by dateutil's ``tzical`` (what vobject uses); they must agree. The times: every local hour
(every fifth away from transitions over twenty years) and the minutes around each transition.
Then the shapes (RRULEs, UNTIL in UTC, no RDATE or COMMENT, bytes stable), every onset an RRULE
generates checked against zoneinfo, and the feeds read by tests/feedcheck's four parsers.
Unit tests: no app, no database.
"""

from __future__ import annotations

import bisect
import functools
import re
import struct
import zoneinfo
from datetime import UTC, date, datetime, timedelta
from io import StringIO

import pytest
from dateutil import tz as dateutil_tz
from dateutil.rrule import rrulestr
from icalendar import Calendar, Event, Timezone
from icalendar.timezone.tzp import TZP
from pytz.tzinfo import DstTzInfo

from iom_events.calendar.timezones import vtimezone

from feedcheck import findings

ZONES = [
    "Europe/Zurich",
    "America/New_York",
    "Australia/Sydney",
    "America/Sao_Paulo",
    "America/Santiago",
    "Europe/Moscow",
    "Africa/Casablanca",
    "Europe/Dublin",
    "Asia/Tehran",
    "Australia/Lord_Howe",
    "Pacific/Chatham",
    "Pacific/Apia",
    "Asia/Kathmandu",
    "Asia/Bangkok",
]
SPANS = ["one day", "transition day", "one year", "twenty years"]
# Days of transitions worth a look besides each zone's latest one (local dates): the spans
# run from noon the day before to noon the day after.
HISTORIC_DAYS = [
    ("America/New_York", "2007-03-11"),
    ("America/New_York", "2007-11-04"),
    ("Europe/Moscow", "2011-03-27"),
    ("Europe/Moscow", "2014-10-26"),
    ("Pacific/Apia", "2011-12-30"),
    ("America/Sao_Paulo", "2019-02-16"),
    ("Asia/Tehran", "2022-09-21"),
    ("Africa/Casablanca", "2025-02-23"),
    ("Europe/Dublin", "2025-03-30"),
    ("Australia/Lord_Howe", "2025-04-06"),
    ("America/Santiago", "2025-09-06"),
]
MINUTES = (-91, -61, -60, -59, -31, -30, -29, -1, 0, 1, 14, 15, 29, 30, 31, 44, 45, 59, 60, 61, 91)
SCAN_STEP = timedelta(hours=3)
LONG_SPAN = timedelta(days=400)
NEAR = timedelta(days=2)
SPARSE_HOURS = 5
FEED_EVENTS = 60  # VEVENTs per feed for tests/feedcheck
EPOCH = datetime(1970, 1, 1)


def at(tzid: str, text: str) -> datetime:
    """An aware datetime from local ISO text in zone ``tzid``."""
    return datetime.fromisoformat(text).replace(tzinfo=zoneinfo.ZoneInfo(tzid))


@functools.cache
def transitions(tzid: str, start: datetime, end: datetime) -> tuple[tuple, ...]:
    """(UTC instant, offset before, offset after) of each change in [start, end], by zoneinfo.

    Found independently of the module under test: a scan every three hours, then bisection.
    """
    zone = zoneinfo.ZoneInfo(tzid)
    found = []
    low = start
    while low < end:
        high = min(low + SCAN_STEP, end)
        before, after = low.astimezone(zone).utcoffset(), high.astimezone(zone).utcoffset()
        if before != after:
            left, right = low, high
            while right - left > timedelta(seconds=1):
                middle = left + (right - left) / 2
                if middle.astimezone(zone).utcoffset() == before:
                    left = middle
                else:
                    right = middle
            found.append((right, before, after))
        low = high
    return tuple(found)


def latest_transition(tzid: str) -> datetime | None:
    """The zone's latest offset change between 1970 and 2026 (UTC), or None."""
    for year in range(2025, 1969, -1):
        found = transitions(
            tzid, datetime(year, 1, 1, tzinfo=UTC), datetime(year + 1, 1, 1, tzinfo=UTC)
        )
        if found:
            return found[-1][0]
    return None


def span(tzid: str, name: str) -> tuple[datetime, datetime]:
    """The (first, last) instants of a named test span in zone ``tzid``."""
    if name == "one day":
        return at(tzid, "2025-06-12T09:00"), at(tzid, "2025-06-12T18:00")
    if name == "one year":
        return at(tzid, "2025-01-01T00:00"), at(tzid, "2026-01-01T00:00")
    if name == "twenty years":
        return at(tzid, "2006-01-01T00:00"), at(tzid, "2026-01-01T00:00")
    if name == "transition day":
        moment = latest_transition(tzid)
        assert moment is not None, f"{tzid} has no transition since 1970: put it in STEADY"
        return moment - timedelta(hours=12), moment + timedelta(hours=12)
    noon = datetime.fromisoformat(f"{name}T12:00")  # a historic day: from noon before to after
    return (
        (noon - timedelta(days=1)).replace(tzinfo=zoneinfo.ZoneInfo(tzid)),
        (noon + timedelta(days=1)).replace(tzinfo=zoneinfo.ZoneInfo(tzid)),
    )


def expected_utc(local: datetime, zone: zoneinfo.ZoneInfo, fold: int = 0) -> datetime:
    """The UTC instant of a naive local time by zoneinfo (fold=0 is RFC 5545's reading)."""
    return local.replace(tzinfo=zone, fold=fold).astimezone(UTC)


def is_skipped(local: datetime, zone: zoneinfo.ZoneInfo) -> bool:
    """Whether a naive local time falls in a gap (does not exist in the zone)."""
    if local.replace(tzinfo=zone).utcoffset() == local.replace(tzinfo=zone, fold=1).utcoffset():
        return False
    return expected_utc(local, zone).astimezone(zone).replace(tzinfo=None) != local


@functools.cache
def points(tzid: str, first: datetime, last: datetime) -> tuple[tuple, ...]:
    """(local, UTC by RFC 5545, UTC by dateutil's rule) for each local time of the grid.

    The grid: every local hour whose instant is in [first, last], plus the minutes around both
    local faces of each transition (before and after the jump). Over spans longer than
    ``LONG_SPAN`` the hours more than ``NEAR`` from a transition and from the span's ends are
    taken every ``SPARSE_HOURS`` (coprime with 24: every hour of the day comes round), which
    still sees any onset put in the wrong place (the offset is constant between onsets) and
    keeps this file to seconds. dateutil reads a skipped time in the offset after the gap
    (fold=1), whatever the VTIMEZONE says: that is its expected value there.
    """
    zone = zoneinfo.ZoneInfo(tzid)
    start, end = (
        first.astimezone(zone).replace(tzinfo=None),
        last.astimezone(zone).replace(tzinfo=None),
    )
    around = transitions(tzid, first - timedelta(days=1), last + timedelta(days=1))
    faces = {
        instant.replace(tzinfo=None) + offset for instant, *offsets in around for offset in offsets
    }
    step = SPARSE_HOURS if last - first > LONG_SPAN else 1
    base = start.replace(minute=0, second=0, microsecond=0)
    count = (end - base) // timedelta(hours=1)
    hours = set(range(0, count + 1, step))
    near = NEAR // timedelta(hours=1)
    for mark in (start, end, *faces):
        middle = (mark - base) // timedelta(hours=1)
        hours.update(range(max(0, middle - near), min(count, middle + near) + 1))
    times = {face + timedelta(minutes=minutes) for face in faces for minutes in MINUTES}
    times.update(base + timedelta(hours=hour) for hour in hours)
    low, high = first.astimezone(UTC), last.astimezone(UTC)
    found = []
    for local in sorted(times):
        rfc = expected_utc(local, zone)
        if low <= rfc <= high:
            dateutil = expected_utc(local, zone, fold=1) if is_skipped(local, zone) else rfc
            found.append((local, rfc, dateutil))
    return tuple(found)


def renamed(component: Timezone) -> Timezone:
    """A copy under a TZID no database knows, so nothing can look the zone up by name."""
    copy = Timezone.from_ical(component.to_ical())
    copy["TZID"] = f"IOM-test/{component['TZID']}"
    return copy


class TransitionTable:
    """A VTIMEZONE as icalendar's own conversion reads it, queried the RFC 5545 way.

    ``Timezone.to_tz(TZP("pytz"), lookup_tzid=False)`` turns the observances into a pytz
    ``DstTzInfo`` (icalendar's ``get_transitions``: RRULEs expanded, UNTIL applied); its UTC
    transition table is read here with RFC 5545 3.3.5 rules, because pytz's ``localize()``
    takes the standard-time side of a repeated hour rather than the first occurrence.
    """

    def __init__(self, component: Timezone):
        tzinfo = renamed(component).to_tz(TZP("pytz"), lookup_tzid=False)
        assert isinstance(tzinfo, DstTzInfo)
        assert tzinfo.zone.startswith("IOM-test/")  # built from the text, not looked up
        self.times = list(tzinfo._utc_transition_times)
        self.offsets = [info[0] for info in tzinfo._transition_info]
        self.low, self.high = min(self.offsets), max(self.offsets)

    def _end(self, index: int) -> datetime:
        return self.times[index + 1] if index + 1 < len(self.times) else datetime.max

    def utc(self, local: datetime) -> datetime:
        """The first instant showing ``local``; in a gap, ``local`` read in the offset before."""
        first = max(0, bisect.bisect_right(self.times, local - self.high) - 1)
        last = max(0, bisect.bisect_right(self.times, local - self.low) - 1)
        valid, before = [], None
        for index in range(first, last + 1):
            instant = local - self.offsets[index]
            if index and instant < self.times[index]:
                continue
            if instant < self._end(index):
                valid.append(instant)
            else:
                before = instant  # this period ends before ``local``: the one before the gap
        return (min(valid) if valid else before).replace(tzinfo=UTC)


def dateutil_zone(component: Timezone):
    """The VTIMEZONE as dateutil's ``tzical`` reads its text (as vobject does)."""
    return dateutil_tz.tzical(StringIO(renamed(component).to_ical().decode())).get()


STEADY = {"Asia/Bangkok"}  # no transition since 1920: no "transition day"
CASES = [
    (tzid, name)
    for tzid in ZONES
    for name in SPANS
    if not (tzid in STEADY and name == "transition day")
] + HISTORIC_DAYS


@functools.cache
def generated(tzid: str, name: str) -> Timezone:
    """The module's VTIMEZONE for a test case (cached: two parsers read each one)."""
    return vtimezone(tzid, *span(tzid, name))


@pytest.mark.parametrize(("tzid", "name"), CASES)
def test_icalendar_reads_the_zoneinfo_instants(tzid, name):
    table = TransitionTable(generated(tzid, name))
    wrong = [
        (local, got, want)
        for local, want, _ in points(tzid, *span(tzid, name))
        if (got := table.utc(local)) != want
    ]
    assert not wrong[:5], f"{len(wrong)} local times read wrong"


@pytest.mark.parametrize(("tzid", "name"), CASES)
def test_dateutil_reads_the_zoneinfo_instants(tzid, name):
    """dateutil's tzical reads a skipped time in the offset after the gap (like fold=1): that
    is its own rule, whatever the VTIMEZONE says; every other time must be zoneinfo's."""
    reader = dateutil_zone(generated(tzid, name))
    wrong = [
        (local, got, want)
        for local, _, want in points(tzid, *span(tzid, name))
        if (got := local.replace(tzinfo=reader).astimezone(UTC)) != want
    ]
    assert not wrong[:5], f"{len(wrong)} local times read wrong"


@pytest.mark.parametrize(("tzid", "name"), CASES)
def test_no_rdate_lists_no_comment_utc_until(tzid, name):
    text = generated(tzid, name).to_ical().decode()
    assert "RDATE" not in text
    assert "COMMENT" not in text
    for until in re.findall(r"UNTIL=([^;\r\n]*)", text):
        assert re.fullmatch(r"\d{8}T\d{6}Z", until)
    for observance in generated(tzid, name).subcomponents:
        assert observance.name in {"STANDARD", "DAYLIGHT"}
        assert {"DTSTART", "TZOFFSETFROM", "TZOFFSETTO", "TZNAME"} <= set(observance)


@pytest.mark.parametrize(("tzid", "name"), CASES)
def test_every_rrule_onset_is_a_real_transition(tzid, name):
    """Each onset an RRULE generates (up to UNTIL, or 30 years when open) is a zoneinfo change
    with the observance's offsets and name: no rule is right only by chance in the span."""
    zone = zoneinfo.ZoneInfo(tzid)
    for sub in generated(tzid, name).subcomponents:
        if "RRULE" not in sub:
            continue
        parts = rule(sub["RRULE"].to_ical().decode())
        until = parts.pop("UNTIL", None)
        stop = (
            datetime.strptime(until, "%Y%m%dT%H%M%SZ")
            if until
            else datetime(sub.DTSTART.year + 30, 1, 1)
        )
        text = ";".join(f"{key}={value}" for key, value in parts.items())
        for onset in rrulestr(text, dtstart=sub.DTSTART):
            instant = (onset - sub.TZOFFSETFROM).replace(tzinfo=UTC)
            if instant.replace(tzinfo=None) > stop:
                break
            before = (instant - timedelta(seconds=1)).astimezone(zone)
            after = instant.astimezone(zone)
            assert (before.utcoffset(), after.utcoffset(), after.tzname()) == (
                sub.TZOFFSETFROM,
                sub.TZOFFSETTO,
                str(sub["TZNAME"]),
            ), onset


def misread(component: Timezone, tzid: str, name: str) -> tuple[int, int]:
    """How many grid times icalendar's conversion and dateutil get wrong from ``component``."""
    table, reader = TransitionTable(component), dateutil_zone(component)
    cases = points(tzid, *span(tzid, name))
    return (
        sum(table.utc(local) != rfc for local, rfc, _ in cases),
        sum(local.replace(tzinfo=reader).astimezone(UTC) != du for local, _, du in cases),
    )


def test_the_checks_see_a_wrong_zone():
    """Both readings fail on wrong VTIMEZONEs: a rule moved to the first Sunday of March, and
    icalendar's own ``Timezone.from_tzid()``, whose DAYLIGHT onset is written in the offset
    after the change (03:00 for 02:00): 03:00-03:59 on the spring day come out an hour late."""
    text = generated("Europe/Zurich", "one year").to_ical()
    moved = Timezone.from_ical(text.replace(b"BYDAY=-1SU;BYMONTH=3", b"BYDAY=1SU;BYMONTH=3"))
    assert all(count > 500 for count in misread(moved, "Europe/Zurich", "one year"))
    theirs = Timezone.from_tzid(
        "Europe/Zurich", first_date=date(2020, 1, 1), last_date=date(2028, 1, 1)
    )
    assert all(count > 0 for count in misread(theirs, "Europe/Zurich", "one year"))


def observances(component: Timezone) -> list[tuple]:
    """(kind, DTSTART, from, to, TZNAME, RRULE or None) of each observance, in order."""
    return [
        (
            sub.name,
            sub.DTSTART,
            sub.TZOFFSETFROM,
            sub.TZOFFSETTO,
            str(sub["TZNAME"]),
            sub["RRULE"].to_ical().decode() if "RRULE" in sub else None,
        )
        for sub in component.subcomponents
    ]


def rule(text: str) -> dict[str, str]:
    """An RRULE value as a dict of its parts."""
    return dict(part.split("=") for part in text.split(";"))


def test_zurich_meeting_day_gives_the_two_current_rules():
    zone = generated("Europe/Zurich", "one day")
    assert [sub.name for sub in zone.subcomponents] == ["DAYLIGHT", "STANDARD"]
    daylight, standard = (rule(sub["RRULE"].to_ical().decode()) for sub in zone.subcomponents)
    assert daylight == {"FREQ": "YEARLY", "BYDAY": "-1SU", "BYMONTH": "3"}
    assert standard == {"FREQ": "YEARLY", "BYDAY": "-1SU", "BYMONTH": "10"}
    offsets = [(sub.TZOFFSETFROM, sub.TZOFFSETTO) for sub in zone.subcomponents]
    assert offsets == [
        (timedelta(hours=1), timedelta(hours=2)),
        (timedelta(hours=2), timedelta(hours=1)),
    ]


def test_new_york_2005_to_2008_shows_the_2007_change():
    zone = vtimezone(
        "America/New_York",
        at("America/New_York", "2005-03-01T09:00"),
        at("America/New_York", "2008-11-30T17:00"),
    )
    hour = timedelta(hours=1)
    assert observances(zone) == [
        (
            "DAYLIGHT",
            datetime(2004, 4, 4, 2),
            -5 * hour,
            -4 * hour,
            "EDT",
            "FREQ=YEARLY;UNTIL=20060403T070000Z;BYDAY=1SU;BYMONTH=4",
        ),
        (
            "STANDARD",
            datetime(2004, 10, 31, 2),
            -4 * hour,
            -5 * hour,
            "EST",
            "FREQ=YEARLY;UNTIL=20061030T060000Z;BYDAY=-1SU;BYMONTH=10",
        ),
        (
            "DAYLIGHT",
            datetime(2007, 3, 11, 2),
            -5 * hour,
            -4 * hour,
            "EDT",
            "FREQ=YEARLY;BYDAY=2SU;BYMONTH=3",
        ),
        (
            "STANDARD",
            datetime(2007, 11, 4, 2),
            -4 * hour,
            -5 * hour,
            "EST",
            "FREQ=YEARLY;BYDAY=1SU;BYMONTH=11",
        ),
    ]


def test_sydney_year_gives_southern_rules():
    kinds = [
        (kind, rrule)
        for kind, _, _, _, _, rrule in observances(generated("Australia/Sydney", "one year"))
    ]
    assert kinds == [
        ("STANDARD", "FREQ=YEARLY;BYDAY=1SU;BYMONTH=4"),
        ("DAYLIGHT", "FREQ=YEARLY;BYDAY=1SU;BYMONTH=10"),
    ]


def test_zone_without_transitions_gives_one_standard():
    (only,) = generated("Asia/Bangkok", "one year").subcomponents
    assert only.name == "STANDARD"
    assert only.TZOFFSETFROM == only.TZOFFSETTO == timedelta(hours=7)
    assert "RRULE" not in only


def test_sao_paulo_rule_ends_with_until_after_2019():
    zone = vtimezone(
        "America/Sao_Paulo",
        at("America/Sao_Paulo", "2019-01-10T09:00"),
        at("America/Sao_Paulo", "2019-03-10T09:00"),
    )
    (last,) = [
        sub for sub in zone.subcomponents if sub.DTSTART.year == 2018 and sub.name == "STANDARD"
    ]
    assert rule(last["RRULE"].to_ical().decode())["UNTIL"].startswith("2019021")
    now = generated("America/Sao_Paulo", "one year")
    assert [(sub.name, sub.TZOFFSETTO) for sub in now.subcomponents] == [
        ("STANDARD", -timedelta(hours=3))
    ]


def test_dublin_keeps_tzdata_negative_dst():
    """tzdata's IST is standard time and winter GMT has dst() of -1 h: DAYLIGHT, lower offset."""
    zone = generated("Europe/Dublin", "one day")
    (winter,) = zone.daylight
    (summer,) = zone.standard
    assert (winter.TZOFFSETTO, str(winter["TZNAME"])) == (timedelta(0), "GMT")
    assert (summer.TZOFFSETTO, str(summer["TZNAME"])) == (timedelta(hours=1), "IST")


def test_santiago_sunday_on_or_after_the_2nd_stops_before_it_differs():
    """Chile changes on the first Sunday on or after the 2nd: the first Sunday, except when the
    1st is a Sunday (April 2029, September 2030). Years that look like 1SU get an UNTIL before
    then, never an open rule."""
    zone = generated("America/Santiago", "one day")
    assert [(kind, start, rrule) for kind, start, _, _, _, rrule in observances(zone)] == [
        (
            "STANDARD",
            datetime(2024, 4, 7),
            "FREQ=YEARLY;UNTIL=20280403T030000Z;BYDAY=1SU;BYMONTH=4",
        ),
        (
            "DAYLIGHT",
            datetime(2025, 9, 7),
            "FREQ=YEARLY;UNTIL=20290903T040000Z;BYDAY=1SU;BYMONTH=9",
        ),
    ]


def test_same_inputs_same_bytes():
    first, last = span("Europe/Zurich", "one year")
    once = vtimezone("Europe/Zurich", first, last).to_ical()
    zoneinfo.ZoneInfo.clear_cache()  # new zone objects: nothing reused from the first call
    assert vtimezone("Europe/Zurich", first, last).to_ical() == once


def test_serializes_and_parses_back():
    for tzid in ZONES:
        text = generated(tzid, "twenty years").to_ical()
        assert all(len(line) <= 75 for line in text.split(b"\r\n"))
        assert Calendar.from_ical(b"BEGIN:VCALENDAR\r\n" + text + b"END:VCALENDAR\r\n").walk(
            "VTIMEZONE"
        )


def test_one_day_is_small():
    for tzid in ZONES:
        assert len(generated(tzid, "one day").subcomponents) <= 3, tzid


def test_bad_arguments():
    with pytest.raises(zoneinfo.ZoneInfoNotFoundError):
        vtimezone(
            "Mars/Olympus_Mons", datetime(2025, 1, 1, tzinfo=UTC), datetime(2025, 1, 2, tzinfo=UTC)
        )
    with pytest.raises(ValueError, match="no time zone"):
        vtimezone("Europe/Zurich", datetime(2025, 1, 1), datetime(2025, 1, 2))
    with pytest.raises(ValueError, match="after"):
        vtimezone(
            "Europe/Zurich", datetime(2025, 1, 2, tzinfo=UTC), datetime(2025, 1, 1, tzinfo=UTC)
        )


@pytest.fixture
def tzpath():
    """Lets a test point zoneinfo elsewhere; puts the search path and cache back after."""
    saved = zoneinfo.TZPATH
    yield zoneinfo.reset_tzpath
    zoneinfo.reset_tzpath(to=saved)
    zoneinfo.ZoneInfo.clear_cache()


@pytest.mark.parametrize(
    "tzid", ["Europe/Zurich", "America/New_York", "America/Santiago", "Australia/Lord_Howe"]
)
def test_slim_tzdata_footer_rules(tzpath, tzid):
    """The tzdata package's slim files stop listing transitions early; the footer rule applies."""
    pytest.importorskip("tzdata")
    tzpath(to=[])
    zoneinfo.ZoneInfo.clear_cache()
    first, last = span(tzid, "one year")
    component = vtimezone(tzid, first, last)
    table, reader = TransitionTable(component), dateutil_zone(component)
    for local, rfc, dateutil in points.__wrapped__(tzid, first, last):
        assert table.utc(local) == rfc
        assert local.replace(tzinfo=reader).astimezone(UTC) == dateutil


def tzif(
    transitions: list[tuple[int, int]], types: list[tuple[int, int, str]], footer: str
) -> bytes:
    """A TZif version 2 file (RFC 8536): (UTC seconds, type index) and (offset s, isdst, name)."""
    names = b"".join(name.encode() + b"\0" for _, _, name in types)
    starts = [names.index(name.encode() + b"\0") for _, _, name in types]

    def block(size: str) -> bytes:
        counts = struct.pack(">6l", 0, 0, 0, len(transitions), len(types), len(names))
        times = struct.pack(f">{len(transitions)}{size}", *(t for t, _ in transitions))
        indices = bytes(i for _, i in transitions)
        infos = b"".join(
            struct.pack(">lBB", o, d, s) for (o, d, _), s in zip(types, starts, strict=True)
        )
        return b"TZif2" + bytes(15) + counts + times + indices + infos + names

    return block("l") + block("q") + b"\n" + footer.encode() + b"\n"


def test_change_shorter_than_a_day(tmp_path, tzpath):
    """Two transitions two hours apart (no real zone has them today): the TZif list finds them."""
    start = int((datetime(2025, 6, 12, 10) - EPOCH).total_seconds())
    data = tzif([(start, 1), (start + 7200, 0)], [(3600, 0, "XST"), (7200, 1, "XDT")], "XST-1")
    (tmp_path / "Test").mkdir()
    (tmp_path / "Test" / "Blip").write_bytes(data)
    tzpath(to=[str(tmp_path)])
    zoneinfo.ZoneInfo.clear_cache()
    first, last = at("Test/Blip", "2025-06-12T00:00"), at("Test/Blip", "2025-06-13T00:00")
    component = vtimezone("Test/Blip", first, last)
    assert [(sub.name, sub.DTSTART) for sub in component.subcomponents] == [
        ("STANDARD", datetime(2024, 1, 1)),
        ("DAYLIGHT", datetime(2025, 6, 12, 11)),
        ("STANDARD", datetime(2025, 6, 12, 14)),
    ]
    table, reader = TransitionTable(component), dateutil_zone(component)
    for local, rfc, dateutil in points.__wrapped__("Test/Blip", first, last):
        assert table.utc(local) == rfc
        assert local.replace(tzinfo=reader).astimezone(UTC) == dateutil


def feed(component: Timezone, instants: list[datetime]) -> bytes:
    """A small VCALENDAR: the VTIMEZONE and one VEVENT starting at each (aware) instant."""
    calendar = Calendar()
    calendar.add("prodid", "-//iom_events//timezone test//EN")
    calendar.add("version", "2.0")
    calendar.add_component(component)
    for number, instant in enumerate(instants):
        event = Event()
        event.add("uid", f"tz-{number}@iom-events.test")
        event.add("dtstamp", datetime(2025, 1, 1, tzinfo=UTC))
        event.add("summary", f"Instant {number}")
        event.add("dtstart", instant)
        calendar.add_component(event)
    return calendar.to_ical()


def feed_instants(tzid: str, name: str, limit: int = FEED_EVENTS) -> list[datetime]:
    """Up to ``limit`` local times of a case that are neither skipped nor repeated: a minute
    before, at and after each local face of each transition first (at most half), then an even
    sample of the grid. For skipped and repeated times each parser has a rule of its own,
    whatever the VTIMEZONE: dateutil (vobject), ical.js and libical read a skipped time in the
    offset after the gap; ical.js and libical take a repeated one on the STANDARD side (the
    later one when both sides are alike), not the first (RFC 5545 3.3.5)."""
    zone = zoneinfo.ZoneInfo(tzid)
    first, last = span(tzid, name)
    existing = [
        local
        for local, _, _ in points(tzid, first, last)
        if local.replace(tzinfo=zone).utcoffset() == local.replace(tzinfo=zone, fold=1).utcoffset()
    ]
    around = transitions(tzid, first - timedelta(days=1), last + timedelta(days=1))
    faces = {
        instant.replace(tzinfo=None) + offset for instant, *offsets in around for offset in offsets
    }
    beside = {face + timedelta(minutes=minutes) for face in faces for minutes in (-1, 0, 1)}
    close = sorted(beside.intersection(existing))
    close = close[:: -(-len(close) // (limit // 2)) or 1]
    rest = sorted(set(existing).difference(close))
    rest = rest[:: -(-len(rest) // (limit - len(close))) or 1]
    return [local.replace(tzinfo=zone) for local in sorted({*close, *rest})]


def test_feedcheck_parsers_read_the_zones():
    """tests/feedcheck reads each generated VTIMEZONE in a feed with one VEVENT per test instant
    with icalendar, vobject, ical.js (Thunderbird) and libical (Evolution, CalDAV servers)."""
    feeds = {}
    for tzid, name in CASES:
        feeds[f"{tzid} {name}.ics"] = feed(generated(tzid, name), feed_instants(tzid, name))
    assert findings(feeds, max_lines=5) == []
