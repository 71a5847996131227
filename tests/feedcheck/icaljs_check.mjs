// The feed check's ical.js side (tests/feedcheck/icaljs.py runs it).
//
//     node icaljs_check.mjs FILE.ics...
//
// Parses every file with ical.js (the iCalendar parser of Mozilla Thunderbird) and writes on
// standard output one JSON object per file, on one line:
//
//     {"file": <index of the argument, from 0>,
//      "events": <number of the VCALENDAR's own VEVENTs, or -1 when the file does not parse>,
//      "errors": [<message>, ...],
//      "instants": [[<VEVENT index>, "DTSTART" | "DTEND", <seconds since 1970 UTC> | "!<why>"]]}
//
// ical.js has no time-zone data of its own: before each file the TimezoneService is emptied and
// every VTIMEZONE of that file registered, so a TZID resolves with the file's own definition or
// not at all (a time left floating is reported as "!", never read as UTC).
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

/** [index, name, seconds | "!why"] for a DTSTART or DTEND date-time with a TZID, or null. */
function instant(index, vevent, name) {
  const prop = vevent.getFirstProperty(name.toLowerCase());
  const tzid = prop && prop.getParameter("tzid");
  if (!tzid) return null;
  try {
    const time = prop.getFirstValue();
    if (!time) return [index, name, "!no value"];
    if (time.isDate) return null;
    if (!time.zone || time.zone.tzid !== tzid) {
      return [index, name, `!TZID not resolved (zone ${time.zone ? time.zone.tzid : "none"})`];
    }
    return [index, name, time.toUnixTime()];
  } catch (err) {
    return [index, name, `!${String(err.message).replace(/\s+/g, " ")}`];
  }
}

/** The report of one file (see the header). */
function check(file, path) {
  const report = { file, events: -1, errors: [], instants: [] };
  try {
    ICAL.TimezoneService.reset();
    const root = new ICAL.Component(ICAL.parse(readFileSync(path, "utf8")));
    if (root.name !== "vcalendar") {
      report.errors.push(`the top-level component is ${root.name.toUpperCase()}, not VCALENDAR`);
      return report;
    }
    for (const vtz of root.getAllSubcomponents("vtimezone")) {
      ICAL.TimezoneService.register(new ICAL.Timezone(vtz));
    }
    const events = root.getAllSubcomponents("vevent");
    events.forEach((vevent, index) => {
      for (const name of ["DTSTART", "DTEND"]) {
        const found = instant(index, vevent, name);
        if (found) report.instants.push(found);
      }
    });
    report.events = events.length;
  } catch (err) {
    report.errors.push(`cannot parse: ${String(err.message).replace(/\s+/g, " ")}`);
  }
  return report;
}

process.argv.slice(2).forEach((path, file) => {
  process.stdout.write(JSON.stringify(check(file, path)) + "\n");
});
