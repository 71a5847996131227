"""The feed check itself (tests/feedcheck): it passes a good calendar and fails each bad one.

Every test here runs the four parsers for real; none can be skipped (a parser that cannot run is a
finding). The wrong-zone test proves that each parser reads the feed's VTIMEZONE, not zone data
of its own.
"""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
import zlib
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import brotli
import pytest
from backports import zstd
from flask import Flask, Response, request_finished
from icalendar import Calendar, Event

from feedcheck import PARSERS, findings
from feedcheck.plugin import FeedCollector, decoded

ZURICH_RULES = """\
BEGIN:VTIMEZONE
TZID:Europe/Zurich
BEGIN:DAYLIGHT
DTSTART:19810329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
TZNAME:CEST
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
END:DAYLIGHT
BEGIN:STANDARD
DTSTART:19961027T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
TZNAME:CET
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
END:STANDARD
END:VTIMEZONE
"""

# Europe/Zurich deliberately wrong: +03:00 all year. Any parser that still gets the right instant
# reads zone data of its own, not the feed's.
ZURICH_AT_PLUS_3 = """\
BEGIN:VTIMEZONE
TZID:Europe/Zurich
BEGIN:STANDARD
DTSTART:19700101T000000
TZNAME:+03
TZOFFSETFROM:+0300
TZOFFSETTO:+0300
END:STANDARD
END:VTIMEZONE
"""

SUMMER = """\
BEGIN:VEVENT
UID:summer@feedcheck.test
DTSTAMP:20250101T000000Z
DTSTART;TZID=Europe/Zurich:20250624T100000
DTEND;TZID=Europe/Zurich:20250624T120000
SUMMARY:Geneva meeting\\, summer time
ORGANIZER;CN=IOM:mailto:events@iom.test
END:VEVENT
"""

WINTER = """\
BEGIN:VEVENT
UID:winter@feedcheck.test
DTSTAMP:20250101T000000Z
DTSTART;TZID=Europe/Zurich:20250124T100000
DURATION:PT1H30M
SUMMARY:Geneva meeting\\, winter time
ORGANIZER;CN=IOM:mailto:events@iom.test
END:VEVENT
"""

ALL_DAY = """\
BEGIN:VEVENT
UID:all-day@feedcheck.test
DTSTAMP:20250101T000000Z
DTSTART;VALUE=DATE:20250301
DTEND;VALUE=DATE:20250303
SUMMARY:Réunion de Genève
ORGANIZER;CN=IOM:mailto:events@iom.test
END:VEVENT
"""


def ics(*parts: str, method: str = "PUBLISH") -> bytes:
    """A VCALENDAR of the given component texts, with CRLF line ends (written with LF here)."""
    head = f"BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//IOM//feed check tests//EN\nMETHOD:{method}\n"
    return (head + "".join(parts) + "END:VCALENDAR\n").replace("\n", "\r\n").encode()


GOOD = ics(ZURICH_RULES, SUMMER, WINTER, ALL_DAY)


def lines_about(problems: list[str], text: str) -> list[str]:
    return [line for line in problems if text in line]


def off_by(problems: list[str], parser: str, difference: str) -> list[str]:
    """The instant findings of one parser with that difference, e.g. "(+1 h)"."""
    return [p for p in problems if f": {parser}: VEVENT " in p and p.endswith(f"({difference})")]


def test_a_good_calendar_with_rule_based_zones_passes():
    assert findings({"good.ics": GOOD}) == []


def test_every_parser_reads_the_feeds_own_zone():
    """Europe/Zurich at +03:00 all year: each of the four parsers puts the 10:00 summer meeting
    at 07:00Z instead of 08:00Z, so each resolves the TZID with the feed's VTIMEZONE. The good
    feed comes first in the same batch: a parser that kept its Europe/Zurich for the next feed
    (vobject's registry does, unless the check renames TZIDs) would miss the wrong one."""
    problems = findings({"good.ics": GOOD, "wrong.ics": ics(ZURICH_AT_PLUS_3, SUMMER, WINTER)})
    assert all(line.startswith("wrong.ics: ") for line in problems)
    for parser in PARSERS:
        (summer_start,) = [p for p in off_by(problems, parser, "-1 h") if "DTSTART" in p]
        assert summer_start == (
            f'wrong.ics: {parser}: VEVENT summer@feedcheck.test "Geneva meeting, summer time": '
            "DTSTART 2025-06-24T10:00:00 Europe/Zurich: expected 2025-06-24T08:00:00Z, "
            "got 2025-06-24T07:00:00Z (-1 h)"
        )
        assert len(off_by(problems, parser, "-2 h")) == 1  # the winter start, 09:00Z read 07:00Z
    assert len(problems) == 3 * len(PARSERS)


def test_zones_from_add_missing_timezones_are_misread():
    """icalendar's add_missing_timezones() writes every onset since 1970 in one comma-separated
    RDATE per observance, and a COMMENT. As observed (vobject 0.9.9, ical.js 2.2, icalendar 7.3,
    libical 3.0): vobject and ical.js take only the first value of such an RDATE and put the
    summer meeting one hour late; icalendar and libical read it right."""
    calendar = Calendar()
    calendar.add("prodid", "-//IOM//feed check tests//EN")
    calendar.add("version", "2.0")
    event = Event()
    event.add("uid", "zurich-2025@feedcheck.test")
    event.add("dtstamp", datetime(2025, 1, 1, tzinfo=UTC))
    event.add("dtstart", datetime(2025, 6, 24, 10, tzinfo=ZoneInfo("Europe/Zurich")))
    event.add("summary", "Zurich summer")
    calendar.add_component(event)
    calendar.add_missing_timezones()

    problems = findings({"generated.ics": calendar.to_ical()})

    assert lines_about(problems, "generated.ics: VTIMEZONE Europe/Zurich: RDATE with several")
    assert lines_about(problems, "generated.ics: VTIMEZONE Europe/Zurich: has a COMMENT")
    assert lines_about(problems, "generated.ics: libical: VTIMEZONE: Failed iTIP restrictions")
    late = {parser for parser in PARSERS if off_by(problems, parser, "+1 h")}
    assert late == {"vobject", "ical.js"}
    assert (
        'generated.ics: ical.js: VEVENT zurich-2025@feedcheck.test "Zurich summer": DTSTART '
        "2025-06-24T10:00:00 Europe/Zurich: expected 2025-06-24T08:00:00Z, got "
        "2025-06-24T09:00:00Z (+1 h)"
    ) in problems
    assert len(problems) == 5


def test_a_time_a_clock_change_skips_is_read_with_the_offset_before_the_gap():
    """RFC 5545 3.3.5: 02:30 on the night clocks go forward is 01:30Z in Zurich (the offset before
    the gap), as zoneinfo with fold=0 says. As observed, all four parsers read 00:30Z."""
    gap = SUMMER.replace("20250624T100000", "20250330T023000").replace("20250624T12", "20250330T12")
    problems = findings({"gap.ics": ics(ZURICH_RULES, gap)})
    assert problems, "a time in the gap read with the offset after it must be a finding"
    assert all(
        ": DTSTART 2025-03-30T02:30:00 Europe/Zurich: expected 2025-03-30T01:30:00Z" in p
        for p in problems
    )


@pytest.mark.parametrize(
    ("feed", "finding"),
    [
        pytest.param(
            ics(SUMMER.replace("Europe/Zurich", "Europe/Vienna")),
            'RFC 5545: VEVENT summer@feedcheck.test "Geneva meeting, summer time": DTSTART uses '
            "TZID Europe/Vienna and the feed has no VTIMEZONE of that TZID (3.2.19)",
            id="tzid-without-vtimezone",
        ),
        pytest.param(
            ics(ZURICH_RULES, SUMMER, WINTER.replace("winter@", "summer@")),
            'RFC 5545: VEVENT summer@feedcheck.test "Geneva meeting, winter time": UID used by '
            "another VEVENT of the feed (3.8.4.7)",
            id="duplicate-uid",
        ),
        pytest.param(
            GOOD.replace(b"SUMMARY:Geneva meeting\\, summer time", b"SUMMARY:" + b"x" * 68),
            "bytes: 1 line(s) longer than 75 octets, the first is line 27 (76 octets)",
            id="76-octet-line",
        ),
        pytest.param(
            GOOD.replace(b"DTSTAMP:20250101T000000Z\r\n", b"DTSTAMP:20250101T000000Z\n", 1),
            "bytes: 1 bare LF or CR line break(s), the first ending line 24",
            id="bare-lf",
        ),
        pytest.param(
            ics(method="PUBLISH").replace(b"METHOD:PUBLISH\r\n", b""),
            "RFC 5545: VCALENDAR has no component; at least one is required (3.6)",
            id="empty-vcalendar",
        ),
        pytest.param(
            GOOD.replace("Réunion".encode(), b"R\xc3\r\n \xa9union"),
            "bytes: 2 line(s) split inside a UTF-8 character, the first is line 43",
            id="utf8-split-by-folding",
        ),
        pytest.param(
            ics(
                ZURICH_RULES.replace("TZID:Europe/Zurich\n", "TZID:Europe/Zurich\nCOMMENT:x\n"),
                SUMMER,
            ),
            "VTIMEZONE Europe/Zurich: has a COMMENT, which RFC 5545 3.6.5 does not allow there",
            id="vtimezone-comment",
        ),
        pytest.param(
            ics(ZURICH_RULES, SUMMER.replace("DTEND", "DURATION:PT1H\nDTEND")),
            'RFC 5545: VEVENT summer@feedcheck.test "Geneva meeting, summer time": both DTEND and '
            "DURATION (3.6.1)",
            id="dtend-and-duration",
        ),
        pytest.param(
            ics(ZURICH_RULES, SUMMER.replace("DTSTAMP:20250101T000000Z\n", "")),
            'RFC 5545: VEVENT summer@feedcheck.test "Geneva meeting, summer time": no DTSTAMP '
            "(3.6.1)",
            id="no-dtstamp",
        ),
        pytest.param(
            ics(ZURICH_RULES, SUMMER.replace("ORGANIZER;CN=IOM:mailto:events@iom.test\n", "")),
            'libical: VEVENT summer@feedcheck.test "Geneva meeting, summer time": Failed iTIP '
            "restrictions for ORGANIZER property",
            id="publish-without-organizer",
        ),
    ],
)
def test_a_bad_calendar_fails(feed: bytes, finding: str):
    problems = findings({"bad.ics": feed})
    assert any(line.startswith(f"bad.ics: {finding}") for line in problems), problems


def fold(line: str) -> str:
    """An ASCII content line folded at 75 octets (RFC 5545 3.1), with its LF."""
    parts = [line[:75]] + [line[n : n + 74] for n in range(75, len(line), 74)]
    return "\n ".join(parts) + "\n"


def test_a_feed_over_a_megabyte_fails():
    description = fold("DESCRIPTION:" + "x" * 900)
    events = "".join(
        ALL_DAY.replace("all-day@", f"day-{n}@").replace("END:VEVENT", description + "END:VEVENT")
        for n in range(1100)
    )
    feed = ics(events)
    assert len(feed) > 1_100_000
    problems = findings({"big.ics": feed})
    assert problems == [
        f"big.ics: size: {len(feed):,} bytes, over 1,000,000: Google Calendar drops the events "
        "of subscribed feeds above about 1 MB"
    ]


def test_one_batch_reports_each_feed_under_its_name():
    problems = findings({"a.ics": GOOD, "b.ics": ics(ZURICH_AT_PLUS_3, SUMMER), "c.ics": GOOD})
    assert {line.split(": ", 1)[0] for line in problems} == {"b.ics"}
    assert len(problems) == 2 * len(PARSERS)


def test_a_parser_that_cannot_run_is_a_finding(monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")  # neither node nor cc nor pkg-config
    monkeypatch.setattr("feedcheck.external.CACHE", Path("/nonexistent/cache"))
    problems = findings({"good.ics": GOOD})
    assert lines_about(problems, "good.ics: ical.js: cannot run: node is not installed")
    assert lines_about(problems, "good.ics: libical: cannot run: no C compiler")


# --- the pytest plugin -----------------------------------------------------------------------

PLUGIN_TESTS = """
import gzip

import pytest
from flask import Flask, Response

BAD = {bad!r}
GOOD = {good!r}
app = Flask(__name__)


@app.get("/bad.ics")
def bad():
    body = gzip.compress(BAD)
    return Response(body, mimetype="text/calendar", headers={{"Content-Encoding": "gzip"}})


@app.get("/good.ics")
def good():
    return Response(GOOD, mimetype="text/calendar")


@app.get("/page")
def page():
    return BAD  # not text/calendar: not a feed


def test_served_a_bad_feed():
    assert app.test_client().get("/bad.ics").status_code == 200


def test_served_a_good_feed_and_a_page():
    client = app.test_client()
    assert client.get("/good.ics").status_code == 200
    assert client.get("/page").status_code == 200


def test_served_nothing():
    pass
"""


def test_the_plugin_fails_a_test_that_was_served_a_bad_feed(tmp_path):
    """A pytest run of its own, with only the plugin: the test served a (gzip-compressed) bad
    feed fails with the findings; the others pass."""
    bad = ics(ZURICH_AT_PLUS_3, SUMMER)
    (tmp_path / "test_served.py").write_text(PLUGIN_TESTS.format(bad=bad, good=GOOD))
    tests_dir = str(Path(__file__).resolve().parent)
    env = {**os.environ, "PYTHONPATH": tests_dir, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}
    command = [sys.executable, "-m", "pytest", "-p", "feedcheck.plugin", "-q", "-rf"]
    run = subprocess.run(
        [*command, "-p", "no:cacheprovider", str(tmp_path / "test_served.py")],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    output = run.stdout + run.stderr
    assert "1 failed, 2 passed" in output, output
    assert "FAILED test_served.py::test_served_a_bad_feed" in output
    assert "feed check: 8 finding(s) in the 1 feed(s) this test was served" in output
    assert (
        'http://localhost/bad.ics: libical: VEVENT summer@feedcheck.test "Geneva meeting, summer '
        'time": DTSTART 2025-06-24T10:00:00 Europe/Zurich: expected 2025-06-24T08:00:00Z, got '
        "2025-06-24T07:00:00Z (-1 h)"
    ) in output


@pytest.mark.parametrize(
    ("encoding", "encode"),
    [
        ("gzip", gzip.compress),
        ("br", brotli.compress),
        ("zstd", zstd.compress),
        ("deflate", zlib.compress),
        ("deflate", lambda body: zlib.compress(body, wbits=-zlib.MAX_WBITS)),  # raw deflate
        ("identity", lambda body: body),
    ],
)
def test_the_plugin_reads_compressed_feeds(encoding, encode):
    response = Response(encode(GOOD), mimetype="text/calendar")
    response.headers["Content-Encoding"] = encoding
    assert decoded(response) == GOOD


def test_the_plugin_reports_an_encoding_it_cannot_read():
    response = Response(GOOD, mimetype="text/calendar", headers={"Content-Encoding": "compress"})
    with pytest.raises(ValueError, match="Content-Encoding compress"):
        decoded(response)


def test_the_collector_keeps_each_feed_a_test_is_served_once():
    """Any app, 200 and text/calendar only; a URL served again with other bytes is kept too."""
    app = Flask(__name__)
    bodies = iter([GOOD, GOOD, ics(ZURICH_RULES, WINTER)])
    app.add_url_rule("/feed.ics", "feed", lambda: Response(next(bodies), mimetype="text/calendar"))
    app.add_url_rule("/gone.ics", "gone", lambda: Response(GOOD, 410, mimetype="text/calendar"))
    app.add_url_rule("/page", "page", lambda: GOOD.decode())
    collector = FeedCollector()
    request_finished.connect(collector, weak=False)
    try:
        client = app.test_client()
        for path in ("/feed.ics", "/feed.ics", "/gone.ics", "/page", "/feed.ics"):
            client.get(path)
    finally:
        request_finished.disconnect(collector)
    assert list(collector.feeds) == ["http://localhost/feed.ics", "http://localhost/feed.ics (2)"]
    assert collector.findings() == []
