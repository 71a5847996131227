"""The feed check: every iCalendar feed the app serves, read by four real parsers.

    from feedcheck import findings
    problems = findings({"/en/events.ics": body})   # [] when all is well

Byte rules (RFC 5545 3.1), structure rules (RFC 5545 3.6), the VTIMEZONE shapes real clients
misread, the 1 MB size at which Google Calendar gives up, and the UTC instant of every zoned
DTSTART and DTEND as icalendar, vobject, ical.js (Thunderbird) and libical (Evolution, CalDAV
servers) read it from the feed's own VTIMEZONE, compared with Python's zoneinfo. See check.py.

The pytest plugin (plugin.py, registered in tests/conftest.py) runs it on every feed that a test
was served, and fails that test with the findings.
"""

from .check import PARSERS, findings

__all__ = ["PARSERS", "findings"]
