"""VTIMEZONEs written as yearly rules, limited to the span a feed uses.

``vtimezone(tzid, first, last)`` gives the VTIMEZONE (RFC 5545 3.6.5) of an IANA zone that is
correct for every instant from ``first`` to ``last``, shaped the way Google and Outlook write
them: a STANDARD and a DAYLIGHT observance per yearly rule, each with
``RRULE:FREQ=YEARLY;BYMONTH=m;BYDAY=nSU`` (``UNTIL`` in UTC when the rule stops), and single
observances (DTSTART only) for what no yearly rule describes. Never RDATE, never COMMENT.

Why not icalendar's ``Calendar.add_missing_timezones()`` / ``Timezone.from_tzid()``: they write
every transition from 1970 to 2038 as one observance per offset pair with a long comma-separated
``RDATE`` and no ``RRULE``, plus a ``COMMENT``. ical.js and vobject read only the first date of
such a line, Outlook derives a wrong yearly rule from a zone without RRULE, and libical refuses
the COMMENT. Their DAYLIGHT onsets are also local times in the offset after the change, not before
it (03:00 for Zurich's 02:00), so RFC readers put 03:00-03:59 on that day an hour late. What
icalendar does well is kept: its components and value types (``Timezone``,
``TimezoneStandard``, ``TimezoneDaylight``, ``vRecur``, ``vUTCOffset``) build and serialize the
result.

How:
- Transitions come from ``zoneinfo`` itself: the zone's offset, ``dst()`` and name are probed once
  a day and each change is bisected to the second. The instants listed in the TZif file that
  ``zoneinfo`` reads (``zoneinfo.TZPATH``, then the ``tzdata`` package; RFC 8536) are probed too,
  so changes less than a day apart are not missed; past the file's last listed transition (slim
  files stop early) its footer rule applies, which the daily probes find.
- We look at whole UTC years, one before ``first`` to one after ``last``, to recognise rules: a
  transition joins a yearly run when the year before had one with the same kind, offsets, name,
  month, local time and nth (1-4) or last (-1) weekday of the month. A run still going at the
  end is followed 28 more years (every weekday alignment); a "Sun>=2" that was the first Sunday
  only by chance gets an UNTIL at its last true occurrence. Every onset an RRULE generates is
  one the zone has.
- We keep the observance in force a day before ``first`` (a skipped local time at ``first`` is
  read in the offset before it), whatever changes until ``last``, the rest of the yearly rules
  in force (a one-day meeting in Zurich gets CEST and CET, each with its RRULE), and a STANDARD
  (vobject fails on a zone without one). A zone that does not change in that time gets one
  STANDARD with equal offsets.
- ``STANDARD`` when ``dst()`` is zero, else ``DAYLIGHT``, as zoneinfo has it: tzdata's negative
  DST (Europe/Dublin's winter GMT, Morocco's Ramadan +00) is a DAYLIGHT with the lower offset.
- ``UNTIL`` is one day after the UTC instant of a rule's last transition: RFC readers find the
  same last onset for any value before the next year's, and readers that compare UNTIL with the
  floating DTSTART as if both were local (dateutil's ``tzical``, ical.js) keep the last one east
  of UTC, where the exact instant is earlier than the local time.
- The output depends only on the arguments and the time-zone data: same inputs, same bytes.
  Transitions are cached per zone and year, so a site feed's twenty zones cost little.
"""

from __future__ import annotations

import calendar
import functools
import importlib.resources
import os
import struct
import zoneinfo
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from io import StringIO

from dateutil.tz import tzical
from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

__all__ = ["vtimezone"]

_DAY = 86_400  # seconds
_WEEK = 7 * _DAY
_YEAR = 366 * _DAY
_AHEAD = 28  # years an open-ended rule is checked beyond the window: every weekday alignment
_EPOCH = datetime(1970, 1, 1)
_VOBJECT_FROM = 946_684_800  # 2000-01-01T00:00Z: vobject compares a zone with UTC from then
_VOBJECT_TO = 1_577_836_800  # 2020-01-01T00:00Z: and until then
_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True)
class _State:
    """What a zone says between two transitions: UTC offset, ``dst()`` and abbreviation."""

    offset: timedelta
    dst: timedelta
    name: str


@dataclass(frozen=True)
class _Change:
    """One transition: ``at`` in seconds since the epoch (UTC), the states before and after."""

    at: int
    before: _State
    after: _State

    @property
    def local(self) -> datetime:
        """Naive wall-clock time of the transition in the offset before it (RFC 5545 3.6.5)."""
        return _EPOCH + timedelta(seconds=self.at) + self.before.offset

    @property
    def key(self) -> tuple:
        """What consecutive years must share to be one yearly rule (weekday rule aside)."""
        local = self.local
        return (
            self.after.dst != timedelta(0),
            self.before.offset,
            self.after.offset,
            self.after.name,
            local.month,
            local.weekday(),
            local.time(),
        )


@dataclass(frozen=True)
class _Observance:
    """A STANDARD or DAYLIGHT to write: a single change, or a yearly run with its BYDAY."""

    changes: tuple[_Change, ...]
    byday: str | None = None  # "-1SU", "2SU"...: only for a run of two or more years
    until: int | None = None  # UTC seconds for UNTIL; None while the rule is still in force


def vtimezone(tzid: str, first: datetime, last: datetime) -> Timezone:
    """The VTIMEZONE of IANA zone ``tzid``, right for every instant in [first, last].

    ``first`` and ``last`` are aware datetimes: the earliest and latest DTSTART/DTEND using the
    zone in one feed. Raises ``zoneinfo.ZoneInfoNotFoundError`` for an unknown zone and
    ``ValueError`` for naive or reversed bounds.
    """
    zone = zoneinfo.ZoneInfo(tzid)
    start, end = _seconds(first), _seconds(last)
    if start > end:
        raise ValueError(f"first ({first}) is after last ({last})")
    component = _described(tzid, zone, start, end)
    if _vobject_takes_for_utc(component) and _not_utc(zone, start, end):
        # vobject (Radicale...) ignores a VTIMEZONE that reads as UTC all over 2000-2019
        # (its tzinfo_eq), as one whose winter is UTC (London, Lisbon) does when it starts
        # later or stops earlier: described up to its first change since 2000 too, it does not.
        since = [
            c.at for c in _changes_around(zone, _VOBJECT_FROM, _VOBJECT_TO) if c.at >= _VOBJECT_FROM
        ]
        if since:
            component = _described(tzid, zone, min(start, since[0]), max(end, since[0]))
    return component


def _described(tzid: str, zone: zoneinfo.ZoneInfo, start: int, end: int) -> Timezone:
    """The VTIMEZONE for [start, end] (UTC seconds)."""
    changes = _changes_around(zone, start, end)
    first_year, last_year = _utc_year(start), _utc_year(end)
    window_end = _seconds(datetime(last_year + 2, 1, 1, tzinfo=UTC))
    observances = _observances(zone, changes, window_end)
    chosen = _in_span(observances, changes, start, end)
    component = Timezone()
    component.add("TZID", tzid)
    if not any(change.at <= start - _DAY for change in changes):
        component.add_component(_steady(_state(zone, start - _DAY), first_year - 1))
    else:
        chosen = _with_standard(chosen, observances)
    for observance in sorted(chosen, key=lambda o: o.changes[0].at):
        component.add_component(_component(observance))
    return component


def _vobject_takes_for_utc(component: Timezone) -> bool:
    """Does the VTIMEZONE read, as dateutil reads it for vobject, as UTC in every season of
    2000-2019? (vobject.icalendar.tzinfo_eq, what vobject checks before it uses a zone)."""
    if any(c.get("TZOFFSETTO").td for c in component.subcomponents):
        zone = tzical(StringIO(component.to_ical().decode())).get()
        moments = (datetime(year, month, 1) for year in range(2000, 2020) for month in (1, 7))
        return all(zone.utcoffset(moment) == timedelta(0) for moment in moments)
    return True


def _not_utc(zone: zoneinfo.ZoneInfo, start: int, end: int) -> bool:
    """Is the zone ever off UTC around [start, end]? (If not, vobject's reading is right.)"""
    changes = _changes_around(zone, start, end)
    states = [c.after for c in changes] or [_state(zone, start)]
    return any(state.offset for state in [*states, _state(zone, start)])


def _changes_around(zone: zoneinfo.ZoneInfo, start: int, end: int) -> list[_Change]:
    """The zone's changes from the year before ``start`` to the year after ``end``."""
    years = range(_utc_year(start) - 1, _utc_year(end) + 2)
    return [change for year in years for change in _changes_in_year(zone, year)]


def _seconds(moment: datetime) -> int:
    """Whole seconds since the epoch (UTC) of an aware datetime."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{moment} has no time zone")
    return (moment - datetime(1970, 1, 1, tzinfo=UTC)) // timedelta(seconds=1)


def _utc_year(seconds: int) -> int:
    """The UTC calendar year of an instant in seconds since the epoch."""
    return (_EPOCH + timedelta(seconds=seconds)).year


def _state(zone: zoneinfo.ZoneInfo, seconds: int) -> _State:
    """The zone's offset, ``dst()`` and name at an instant (seconds since the epoch, UTC)."""
    moment = datetime.fromtimestamp(seconds, zone)
    return _State(moment.utcoffset(), moment.dst(), moment.tzname() or "")


@functools.lru_cache(maxsize=32_768)
def _changes_in_year(zone: zoneinfo.ZoneInfo, year: int) -> tuple[_Change, ...]:
    """Every transition of ``zone`` in UTC calendar year ``year``, in order.

    Up to its last listed transition, a TZif file lists every one (RFC 8536 section 3.2), so
    the zone is probed at those instants only. After it, the zone follows the file's footer, a
    POSIX TZ rule (section 3.3): at most two changes a year, months apart, found by a probe a
    week. Without a file, a probe a day. Each change is then bisected to the second. A feed with
    meetings years ahead in many zones stays cheap. Cached per zone object
    (``ZoneInfo.clear_cache()`` makes new ones) and year.
    """
    low = _seconds(datetime(year, 1, 1, tzinfo=UTC)) - 1
    high = _seconds(datetime(year + 1, 1, 1, tzinfo=UTC)) - 1
    every = _tzif_transitions(zone.key, tuple(zoneinfo.TZPATH))
    listed = [t for t in every if low < t <= high]
    if not every:
        regular: range | tuple = range(low, high, _DAY)
    elif high <= every[-1]:
        regular = ()  # all listed
    else:
        regular = range(max(low, every[-1]), high, _WEEK)
    probes = sorted({low, *regular, high, *listed})
    changes: list[_Change] = []
    at, state = probes[0], _state(zone, probes[0])
    for probe in probes[1:]:
        target = _state(zone, probe)
        while state != target:  # one change or more in (at, probe]
            at = _bisect(zone, at, state, probe)
            after = _state(zone, at)
            changes.append(_Change(at, state, after))
            state = after
        at = probe
    return tuple(changes)


def _bisect(zone: zoneinfo.ZoneInfo, low: int, state: _State, high: int) -> int:
    """The first second in (low, high] where the zone leaves ``state`` (its state at low)."""
    if _state(zone, high - 1) == state:  # a listed instant, or a change in the last second
        return high
    while high - low > 1:
        middle = (low + high) // 2
        if _state(zone, middle) == state:
            low = middle
        else:
            high = middle
    return high


@functools.lru_cache(maxsize=512)
def _tzif_transitions(key: str | None, tzpath: tuple[str, ...]) -> tuple[int, ...]:
    """Transition instants (seconds since the epoch, UTC) listed in the zone's TZif file.

    Found the way ``zoneinfo`` finds it (``tzpath``, i.e. ``zoneinfo.TZPATH``, then the
    ``tzdata`` package). Empty when there is no file; only hints: the daily probes find
    changes without them.
    """
    data = _tzif_bytes(key, tzpath) if key else None
    if not data or data[:4] != b"TZif":
        return ()
    try:
        isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt = struct.unpack(">6l", data[20:44])
        if data[4] < ord("2"):  # version 1: 32-bit times only (RFC 8536 3.1)
            return struct.unpack(f">{timecnt}l", data[44 : 44 + 4 * timecnt])
        skip = 44 + 5 * timecnt + 6 * typecnt + charcnt + 8 * leapcnt + isstdcnt + isutcnt
        header = data[skip : skip + 44]  # version 2+: a second header and 64-bit times
        timecnt = struct.unpack(">6l", header[20:44])[3]
        return struct.unpack(f">{timecnt}q", data[skip + 44 : skip + 44 + 8 * timecnt])
    except struct.error:  # a damaged file: zoneinfo would not have loaded it either
        return ()


def _tzif_bytes(key: str, tzpath: tuple[str, ...]) -> bytes | None:
    """The TZif file of ``key`` as ``zoneinfo`` would read it, or None."""
    for root in tzpath:
        path = os.path.join(root, *key.split("/"))
        if os.path.isfile(path):
            with open(path, "rb") as file:
                return file.read()
    try:
        package = importlib.resources.files("tzdata.zoneinfo")
        return package.joinpath(*key.split("/")).read_bytes()
    except (ImportError, OSError):
        return None


def _observances(
    zone: zoneinfo.ZoneInfo, changes: list[_Change], window_end: int
) -> list[_Observance]:
    """The changes as yearly runs (two years or more, with BYDAY) and single observances.

    A change extends the run of its ``key`` when it falls in the next local year and a common
    nth-or-last weekday rule remains; ``window_end`` (UTC seconds) is where we stopped looking,
    so a run whose next occurrence would come later gets no UNTIL.
    """
    groups: dict[tuple, list[_Change]] = defaultdict(list)
    for change in changes:
        groups[change.key].append(change)
    observances = []
    for group in groups.values():
        run, rules = [group[0]], _weekday_rules(group[0].local.date())
        for change in group[1:]:
            common = rules & _weekday_rules(change.local.date())
            if change.local.year == run[-1].local.year + 1 and common:
                run, rules = [*run, change], common
            else:
                observances.append(_run(zone, run, rules, window_end))
                run, rules = [change], _weekday_rules(change.local.date())
        observances.append(_run(zone, run, rules, window_end))
    return observances


def _weekday_rules(day: date) -> set[int]:
    """Which BYDAY ordinals describe ``day`` in its month: 1-4 (nth), -1 (last), or both."""
    rules = {(day.day - 1) // 7 + 1} if day.day <= 28 else set()
    if day.day + 7 > calendar.monthrange(day.year, day.month)[1]:
        rules.add(-1)
    return rules


def _run(
    zone: zoneinfo.ZoneInfo, run: list[_Change], rules: set[int], window_end: int
) -> _Observance:
    """One observance for consecutive yearly changes: single, or RRULE with BYDAY/UNTIL.

    A rule still in force at ``window_end`` is followed for ``_AHEAD`` more years; if the zone
    leaves it (a "Sun>=2" that was the first Sunday only by chance), UNTIL stops it at its last
    true occurrence, so that every onset the RRULE generates is one the zone has.
    """
    if len(run) == 1:
        return _Observance((run[0],))
    ordinal = -1 if -1 in rules else min(rules)
    last = run[-1]
    byday = f"{ordinal}{_WEEKDAYS[last.local.weekday()]}"
    following = _following(last, ordinal)
    if following < window_end:
        return _Observance(tuple(run), byday, last.at + _DAY)
    for _ in range(_AHEAD):
        if not _changes_at(zone, following, last):
            return _Observance(tuple(run), byday, last.at + _DAY)
        last = _Change(following, last.before, last.after)
        following = _following(last, ordinal)
    return _Observance(tuple(run), byday)


def _following(change: _Change, ordinal: int) -> int:
    """UTC seconds of the occurrence a year after ``change`` by its BYDAY ``ordinal``."""
    local = change.local
    day = _nth_weekday(local.year + 1, local.month, local.weekday(), ordinal)
    moment = datetime.combine(day, local.time()) - change.before.offset
    return _seconds(moment.replace(tzinfo=UTC))


def _changes_at(zone: zoneinfo.ZoneInfo, seconds: int, like: _Change) -> bool:
    """Whether the zone makes the same change as ``like`` at exactly ``seconds`` (UTC)."""
    return (
        _state(zone, seconds - 1).offset == like.before.offset
        and _state(zone, seconds) == like.after
    )


def _nth_weekday(year: int, month: int, weekday: int, ordinal: int) -> date:
    """The ``ordinal``-th (1-4, or -1 for last) ``weekday`` (0 = Monday) of a month."""
    if ordinal > 0:
        offset = (weekday - date(year, month, 1).weekday()) % 7
        return date(year, month, 1 + offset + 7 * (ordinal - 1))
    days = calendar.monthrange(year, month)[1]
    return date(year, month, days - (date(year, month, days).weekday() - weekday) % 7)


def _in_span(
    observances: list[_Observance], changes: list[_Change], start: int, end: int
) -> list[_Observance]:
    """The observances that matter for [start, end] (UTC seconds).

    The one in force a day before ``start`` (a local time at ``start`` may be read in the offset
    before a change there: a skipped time, RFC 5545 3.3.5), every one with a change until
    ``end``, and yearly runs with a change in the year after (the rest of the rule in force).
    """
    horizon = start - _DAY
    in_force = max((change.at for change in changes if change.at <= horizon), default=horizon)

    def wanted(observance: _Observance) -> bool:
        until = end + _YEAR if observance.byday else end
        return any(in_force <= change.at <= until for change in observance.changes)

    return [observance for observance in observances if wanted(observance)]


def _with_standard(chosen: list[_Observance], observances: list[_Observance]) -> list[_Observance]:
    """``chosen``, plus the latest earlier STANDARD when it has none (Apia in December 2011:
    two DAYLIGHTs). dateutil's ``tzical`` (vobject) fails on a time before every onset of a
    zone without STANDARD, and Outlook wants one."""
    if any(not observance.changes[0].after.dst for observance in chosen):
        return chosen
    onset = min(observance.changes[0].at for observance in chosen)
    earlier = [
        (change.at, index)
        for index, observance in enumerate(observances)
        if not observance.changes[0].after.dst
        for change in observance.changes
        if change.at < onset
    ]
    return [*chosen, observances[max(earlier)[1]]] if earlier else chosen


def _steady(state: _State, year: int) -> TimezoneStandard:
    """The observance of a zone that does not change before the span: a STANDARD (whatever its
    ``dst()``) with equal offsets from 1 January of ``year`` (local), the way Google writes
    zones without transitions."""
    component = TimezoneStandard()
    component.add("DTSTART", datetime(year, 1, 1))
    component.add("TZOFFSETFROM", state.offset)
    component.add("TZOFFSETTO", state.offset)
    if state.name:
        component.add("TZNAME", state.name)
    return component


def _component(observance: _Observance) -> TimezoneStandard | TimezoneDaylight:
    """The STANDARD (``dst()`` zero) or DAYLIGHT of an observance (RFC 5545 3.6.5).

    DTSTART is the first onset as local time in the offset before it; a run adds
    ``RRULE:FREQ=YEARLY;BYMONTH;BYDAY`` and, when it stops, UNTIL in UTC (RFC 5545 3.3.10).
    """
    change = observance.changes[0]
    component = TimezoneDaylight() if change.after.dst else TimezoneStandard()
    component.add("DTSTART", change.local)
    component.add("TZOFFSETFROM", change.before.offset)
    component.add("TZOFFSETTO", change.after.offset)
    if change.after.name:
        component.add("TZNAME", change.after.name)
    if observance.byday:
        rule: dict[str, object] = {
            "FREQ": "YEARLY",
            "BYMONTH": change.local.month,
            "BYDAY": observance.byday,
        }
        if observance.until is not None:
            until = datetime(1970, 1, 1, tzinfo=UTC)
            rule["UNTIL"] = until + timedelta(seconds=observance.until)
        component.add("RRULE", rule)
    return component
