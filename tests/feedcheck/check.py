"""findings(): everything wrong with a batch of feeds, one line per problem."""

from __future__ import annotations

import tempfile
from collections.abc import Mapping
from pathlib import Path

import icalendar

from .byte_rules import byte_findings
from .external import start_icaljs, start_libical
from .instants import Reading, compare, zoned_times
from .python_parsers import icalendar_reading, vobject_reading
from .structure import structure_findings, vevents

PARSERS = ("icalendar", "vobject", "ical.js", "libical")


def findings(feeds: Mapping[str, bytes], *, max_lines: int | None = 20) -> list[str]:
    """Every problem of every feed, one line each: "<feed>: <rule or parser>: <what>".

    feeds maps a name (a URL, a file name: it only labels the lines) to the feed's bytes as
    served. Checked: the byte rules (RFC 5545 3.1) and the size, the structure rules (RFC 5545
    3.6), the VTIMEZONE shapes that real clients misread, and the UTC instant of every DTSTART
    and DTEND with a TZID as icalendar, vobject, ical.js and libical read it from the feed's own
    VTIMEZONE, against zoneinfo; libical's restriction check for the feed's METHOD too. At most
    max_lines instant lines per feed and parser (None: all). An empty list: all good.

    ical.js and libical run once for the whole batch, beside the Python parsers.
    """
    names = list(feeds)
    if not names:
        return []
    with tempfile.TemporaryDirectory(prefix="feedcheck-") as folder:
        paths = [Path(folder) / f"{number}.ics" for number in range(len(names))]
        for path, name in zip(paths, names, strict=True):
            path.write_bytes(feeds[name])
        runs = [start_icaljs(paths), start_libical(paths)]
        try:
            local = [python_findings(feeds[name]) for name in names]
        finally:  # wait for them even if the Python side broke: no process outlives the check
            external = {run.parser: run.readings(len(names)) for run in runs}
    problems = []
    for number, name in enumerate(names):
        own, cal, readings = local[number]
        if cal is not None:
            for parser, per_feed in external.items():
                readings[parser] = per_feed[number]
            own += compare(zoned_times(cal), len(vevents(cal)), readings, max_lines)
        else:
            own += [f"{parser}: {e}" for parser, r in external.items() for e in r[number].errors]
        problems += [f"{name}: {line}" for line in own]
    return problems


def python_findings(
    data: bytes,
) -> tuple[list[str], icalendar.Calendar | None, dict[str, Reading]]:
    """The findings of one feed that need no other process, the feed as icalendar parsed it
    (None when it cannot), and the readings of the Python parsers."""
    problems = byte_findings(data)
    try:
        cal = icalendar.Calendar.from_ical(data)
    except Exception as err:  # a feed icalendar cannot parse is a finding, not a crash
        return [*problems, f"icalendar: cannot parse: {' '.join(str(err).split())}"], None, {}
    problems += structure_findings(cal)
    readings = {
        "icalendar": icalendar_reading(cal, zoned_times(cal)),
        "vobject": vobject_reading(data),
    }
    return problems, cal, readings
