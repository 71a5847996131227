"""Rules on a feed's components and properties (RFC 5545 section 3.6), read with icalendar.

Each function takes an icalendar.Calendar (the feed as icalendar parsed it) and returns finding
messages (str, one line each, without the feed's name).
"""

from __future__ import annotations

from datetime import date, datetime

import icalendar

# Properties that may carry a TZID outside VTIMEZONE (RFC 5545 3.2.19).
TZID_PROPERTIES = ("DTSTART", "DTEND", "DUE", "RECURRENCE-ID", "EXDATE", "RDATE")


def structure_findings(cal: icalendar.Calendar) -> list[str]:
    """Every rule of this module on one parsed feed."""
    return [*calendar_rules(cal), *event_rules(cal), *tzid_rules(cal), *vtimezone_rules(cal)]


def vevents(cal: icalendar.Calendar) -> list[icalendar.Event]:
    """The VCALENDAR's own VEVENTs, in file order (what every parser here counts)."""
    return [c for c in cal.subcomponents if c.name == "VEVENT"]


def first(value):
    """A property given twice is a list in icalendar; clients read the first."""
    return value[0] if isinstance(value, list) else value


def event_name(event: icalendar.Event) -> str:
    """VEVENT <UID> "<SUMMARY>", the summary on one line and cut at 60 characters."""
    uid = str(first(event.get("UID", ""))) or "(no UID)"
    summary = " ".join(str(first(event.get("SUMMARY", ""))).split())
    if len(summary) > 60:
        summary = summary[:59] + "…"
    return f'VEVENT {uid} "{summary}"' if summary else f"VEVENT {uid}"


def calendar_rules(cal: icalendar.Calendar) -> list[str]:
    """A VCALENDAR with PRODID, VERSION:2.0 and at least one component (RFC 5545 3.4, 3.6,
    3.7.3, 3.7.4)."""
    if cal.name != "VCALENDAR":
        return [f"RFC 5545: the top-level component is {cal.name}, not VCALENDAR (3.4)"]
    problems = [
        f"RFC 5545: VCALENDAR has no {name} (3.6, {section})"
        for name, section in (("PRODID", "3.7.3"), ("VERSION", "3.7.4"))
        if name not in cal
    ]
    if "VERSION" in cal and str(first(cal["VERSION"])) != "2.0":
        problems.append(f"RFC 5545: VERSION is {first(cal['VERSION'])}, not 2.0 (3.7.4)")
    if not cal.subcomponents:
        problems.append("RFC 5545: VCALENDAR has no component; at least one is required (3.6)")
    return problems


def event_rules(cal: icalendar.Calendar) -> list[str]:
    """Each VEVENT has UID, DTSTAMP and DTSTART, not both DTEND and DURATION, a DTEND of the
    type of DTSTART and not before it, and a UID of its own in the feed (RFC 5545 3.6.1,
    3.8.2.2, 3.8.4.7; a RECURRENCE-ID override shares its UID with the master, 3.8.4.4)."""
    problems = []
    seen: set[tuple[str, str]] = set()
    for event in vevents(cal):
        where = event_name(event)
        problems += [
            f"RFC 5545: {where}: no {name} (3.6.1)"
            for name in ("UID", "DTSTAMP", "DTSTART")
            if name not in event
        ]
        if "DTEND" in event and "DURATION" in event:
            problems.append(f"RFC 5545: {where}: both DTEND and DURATION (3.6.1)")
        problems += _end_rules(event, where)
        if "UID" in event:
            key = (str(first(event["UID"])), _recurrence_id(event))
            if key in seen:
                problems.append(
                    f"RFC 5545: {where}: UID used by another VEVENT of the feed (3.8.4.7)"
                )
            seen.add(key)
    return problems


def _recurrence_id(event: icalendar.Event) -> str:
    value = first(event.get("RECURRENCE-ID"))
    return value.to_ical().decode() if value is not None else ""


def _end_rules(event: icalendar.Event, where: str) -> list[str]:
    start, end = first(event.get("DTSTART")), first(event.get("DTEND"))
    if start is None or end is None:
        return []
    start_dt, end_dt = getattr(start, "dt", None), getattr(end, "dt", None)
    if isinstance(start_dt, datetime) != isinstance(end_dt, datetime) or not isinstance(
        start_dt, date
    ):
        return [f"RFC 5545: {where}: DTSTART and DTEND are not of the same value type (3.8.2.2)"]
    try:
        before = end_dt < start_dt
    except TypeError:  # one floating, one with a zone
        return [f"RFC 5545: {where}: DTSTART and DTEND mix floating and zoned times (3.8.2.2)"]
    return [f"RFC 5545: {where}: DTEND is before DTSTART (3.8.2.2)"] if before else []


def tzid_rules(cal: icalendar.Calendar) -> list[str]:
    """Every TZID used by a property has a VTIMEZONE of that TZID in the feed (RFC 5545 3.2.19:
    "An individual VTIMEZONE calendar component MUST be specified for each unique TZID")."""
    zones = {str(first(vtz.get("TZID", ""))) for vtz in cal.walk("VTIMEZONE")}
    problems = []
    for component in cal.walk():
        if component.name in ("VTIMEZONE", "STANDARD", "DAYLIGHT"):
            continue
        for name in TZID_PROPERTIES:
            values = component.get(name)
            for value in values if isinstance(values, list) else [values]:
                tzid = getattr(value, "params", {}).get("TZID") if value is not None else None
                if tzid and str(tzid) not in zones:
                    where = event_name(component) if component.name == "VEVENT" else component.name
                    problems.append(
                        f"RFC 5545: {where}: {name} uses TZID {tzid} and the feed has no "
                        "VTIMEZONE of that TZID (3.2.19)"
                    )
    return problems


def vtimezone_rules(cal: icalendar.Calendar) -> list[str]:
    """No RDATE with several values anywhere in a VTIMEZONE (ical.js and vobject read only the
    first value of such a line, and Outlook is reported to misread RDATE-based zones: state the
    rules with RRULE, or one value per RDATE line), and no COMMENT on a VTIMEZONE (not allowed
    there by RFC 5545 3.6.5; libical's restriction check and iTIP (RFC 5546) reject it)."""
    problems = []
    for vtz in cal.walk("VTIMEZONE"):
        tzid = str(first(vtz.get("TZID", ""))) or "(no TZID)"
        if "COMMENT" in vtz:
            problems.append(
                f"VTIMEZONE {tzid}: has a COMMENT, which RFC 5545 3.6.5 does not allow there "
                "(libical's restriction check and iTIP reject it)"
            )
        lists = []
        for part in vtz.walk():
            rdates = part.get("RDATE")
            for rdate in rdates if isinstance(rdates, list) else [rdates]:
                count = len(getattr(rdate, "dts", []))
                if count > 1:
                    start = first(part.get("DTSTART"))
                    since = start.to_ical().decode() if start is not None else "?"
                    lists.append(f"{part.name} from {since} ({count} values)")
        if lists:
            problems.append(
                f"VTIMEZONE {tzid}: RDATE with several values in {', '.join(lists)}: ical.js and "
                "vobject read only the first value of such a line (Outlook is reported to misread "
                "RDATE-based zones too); state the rules with RRULE, or one value per RDATE line"
            )
    return problems
