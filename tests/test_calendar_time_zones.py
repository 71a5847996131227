"""Every client shows a meeting at the right time, wherever and whenever it takes place.

The feed describes each venue's zone itself (a VTIMEZONE with yearly rules, limited to the years
its events span); clients such as Thunderbird (ical.js) and Outlook read the times with that
description, not with a zone database of their own. For meetings in zones with daylight saving
time in both hemispheres, in and out of summer, across a clock change and in years when the
zone's rules differed from today's, each parser's instant, computed from the feed alone, must be
Python zoneinfo's (tests/feedcheck), and equal to the UTC times written out below by hand.
"""

from datetime import UTC, date, datetime, time

import pytest
from icalendar import Calendar

from iom_events.agenda.models import AgendaItem, AgendaItemKind
from iom_events.extensions import db
from iom_events.translated import Translated

from feedcheck import findings
from feedcheck.python_parsers import feed_zone

# zone, country, local day and time, the UTC instant (known independently of any library)
MEETINGS = [
    ("Europe/Zurich", "CH", date(2031, 6, 10), time(10), datetime(2031, 6, 10, 8, tzinfo=UTC)),
    ("Europe/Zurich", "CH", date(2031, 1, 15), time(10), datetime(2031, 1, 15, 9, tzinfo=UTC)),
    ("Australia/Sydney", "AU", date(2031, 1, 15), time(10), datetime(2031, 1, 14, 23, tzinfo=UTC)),
    ("Australia/Sydney", "AU", date(2031, 7, 15), time(10), datetime(2031, 7, 15, 0, tzinfo=UTC)),
    ("America/Santiago", "CL", date(2031, 1, 15), time(10), datetime(2031, 1, 15, 13, tzinfo=UTC)),
    # 2006: New York still started summer time on the first Sunday of April (today: March).
    ("America/New_York", "US", date(2006, 3, 20), time(10), datetime(2006, 3, 20, 15, tzinfo=UTC)),
    ("America/New_York", "US", date(2006, 4, 20), time(10), datetime(2006, 4, 20, 14, tzinfo=UTC)),
    # 2018: São Paulo still had summer time (UTC-2); it has had none since 2019.
    (
        "America/Sao_Paulo",
        "BR",
        date(2018, 11, 20),
        time(10),
        datetime(2018, 11, 20, 12, tzinfo=UTC),
    ),
    (
        "America/Sao_Paulo",
        "BR",
        date(2020, 11, 20),
        time(10),
        datetime(2020, 11, 20, 13, tzinfo=UTC),
    ),
    # 2012: Moscow was on UTC+4 all year; since 2014, UTC+3.
    ("Europe/Moscow", "RU", date(2012, 1, 16), time(10), datetime(2012, 1, 16, 6, tzinfo=UTC)),
    # Zones whose winter is UTC itself: vobject must not take them for UTC.
    ("Europe/London", "GB", date(2031, 6, 10), time(10), datetime(2031, 6, 10, 9, tzinfo=UTC)),
    ("Europe/Lisbon", "PT", date(2031, 1, 15), time(10), datetime(2031, 1, 15, 10, tzinfo=UTC)),
    ("Asia/Bangkok", "TH", date(2009, 6, 4), time(9), datetime(2009, 6, 4, 2, tzinfo=UTC)),
    ("Asia/Kathmandu", "NP", date(2031, 3, 3), time(9), datetime(2031, 3, 3, 3, 15, tzinfo=UTC)),
]


def utc_of(calendar: Calendar, entry) -> datetime:
    """The event's start as a client reads it: with the feed's own VTIMEZONE for its TZID."""
    prop = entry["dtstart"]
    tzid = prop.params["TZID"]
    (vtimezone,) = [tz for tz in calendar.walk("VTIMEZONE") if str(tz["tzid"]) == tzid]
    local = prop.dt.replace(tzinfo=None)
    return local.replace(tzinfo=feed_zone(vtimezone.to_ical())).astimezone(UTC)


@pytest.mark.parametrize(
    ("zone", "country", "day", "at", "expected"),
    MEETINGS,
    ids=[f"{m[0]} {m[2]}" for m in MEETINGS],
)
def test_a_timed_meeting_is_at_the_same_instant_in_every_client(
    client, make_event, zone, country, day, at, expected
):
    event = make_event(
        starts_on=day, ends_on=day, starts_at=at, ends_at=time(at.hour + 2),
        timezone=zone, country=country,
    )  # fmt: skip
    body = client.get(f"/en/events/{event.slug}.ics").data
    calendar = Calendar.from_ical(body)
    (entry,) = calendar.walk("VEVENT")
    assert utc_of(calendar, entry) == expected
    assert findings({"meeting feed": body}) == []
    assert b"RDATE" not in body  # rules, not lists of dates
    zones = calendar.walk("VTIMEZONE")
    assert [str(tz["tzid"]) for tz in zones] == [zone]


@pytest.mark.parametrize(
    ("zone", "country", "first", "second", "hours"),
    [
        # Zurich leaves summer time at 03:00 on 26 October 2025: 10:00 is 08:00Z, then 09:00Z.
        ("Europe/Zurich", "CH", date(2025, 10, 25), date(2025, 10, 26), (8, 9)),
        # Sydney leaves it at 03:00 on 6 April 2031: 10:00 is 23:00Z the day before, then 00:00Z.
        ("Australia/Sydney", "AU", date(2031, 4, 5), date(2031, 4, 6), (23, 0)),
        # New York entered it on 2 April 2006 (the old rule): 10:00 is 15:00Z, then 14:00Z.
        ("America/New_York", "US", date(2006, 4, 1), date(2006, 4, 2), (15, 14)),
    ],
)
def test_an_agenda_across_a_clock_change_keeps_its_local_times(
    app, client, make_event, zone, country, first, second, hours
):
    event = make_event(starts_on=first, ends_on=second, timezone=zone, country=country)
    with app.app_context():
        db.session.add_all(
            AgendaItem(
                event_id=event.id,
                day=day,
                starts_at=time(10),
                ends_at=time(11),
                kind=AgendaItemKind.SESSION,
                title=Translated(en=f"Session on {day}"),
            )
            for day in (first, second)
        )
        db.session.commit()
    body = client.get(f"/en/events/{event.slug}.ics").data
    calendar = Calendar.from_ical(body)
    items = [e for e in calendar.walk("VEVENT") if "RELATED-TO" in e]
    assert sorted(utc_of(calendar, item).hour for item in items) == sorted(hours)
    assert findings({"meeting feed": body}) == []


def test_a_feed_of_many_zones_and_years_describes_each_zone_for_its_span(client, make_event):
    """One VTIMEZONE per zone, covering that zone's events only, every one read right."""
    for zone, _country, day, at, _expected in MEETINGS:
        make_event(
            starts_on=day, ends_on=day, starts_at=at, timezone=zone, country="FJ",
            title=Translated(en=f"Meeting in {zone} on {day}"),
        )  # fmt: skip
    bodies = {
        year: client.get(f"/en/events.ics?country=FJ&year={year}").data
        for year in (2006, 2018, 2031)
    }
    assert findings({f"year {year}": body for year, body in bodies.items()}) == []
    zones_2031 = {str(tz["tzid"]) for tz in Calendar.from_ical(bodies[2031]).walk("VTIMEZONE")}
    assert zones_2031 == {
        "Europe/Zurich", "Australia/Sydney", "America/Santiago", "Asia/Kathmandu",
        "Europe/London", "Europe/Lisbon",
    }  # fmt: skip
    for body in bodies.values():
        calendar = Calendar.from_ical(body)
        for entry in calendar.walk("VEVENT"):
            expected = next(m[4] for m in MEETINGS if f"{m[0]} on {m[2]}" in str(entry["summary"]))
            assert utc_of(calendar, entry) == expected, entry["summary"]


def test_a_summer_zone_is_described_by_its_yearly_rules(client, make_event):
    """As Google and Outlook write it: two observances with RRULEs, not a list of dates."""
    event = make_event(
        starts_on=date(2031, 6, 10), ends_on=date(2031, 6, 10), starts_at=time(10),
        timezone="Europe/Zurich",
    )  # fmt: skip
    (zone,) = Calendar.from_ical(client.get(f"/en/events/{event.slug}.ics").data).walk("VTIMEZONE")
    rules = {c.name: c["RRULE"] for c in zone.subcomponents}
    assert set(rules) == {"DAYLIGHT", "STANDARD"}
    assert rules["DAYLIGHT"]["BYMONTH"] == [3] and rules["DAYLIGHT"]["BYDAY"] == ["-1SU"]
    assert rules["STANDARD"]["BYMONTH"] == [10] and rules["STANDARD"]["BYDAY"] == ["-1SU"]


def test_a_time_the_clock_skips_or_repeats_is_written_in_utc(app, client, make_event):
    """02:30 on the nights Zurich changes its clocks: skipped in March, twice in October. RFC
    5545 reads the first with the offset before the change and the second as its first
    occurrence, but clients disagree on both: in UTC, every client shows the same instant."""
    event = make_event(starts_on=date(2031, 3, 29), ends_on=date(2031, 10, 27))
    with app.app_context():
        db.session.add_all(
            AgendaItem(
                event_id=event.id,
                day=day,
                starts_at=time(2, 30),
                kind=AgendaItemKind.SESSION,
                title=Translated(en=f"Night session {day}"),
            )
            for day in (date(2031, 3, 30), date(2031, 10, 26))
        )
        db.session.commit()
    body = client.get(f"/en/events/{event.slug}.ics").data
    assert b"DTSTART:20310330T013000Z" in body  # 02:30 read at +01:00, before the change
    assert b"DTSTART:20311026T003000Z" in body  # the first 02:30, still at +02:00
    assert findings({"meeting feed": body}) == []
