/* The feed check's libical side (tests/feedcheck/libical.py compiles and runs it).
 *
 *     libical_check FILE.ics...
 *
 * Parses every file with libical (the C library behind Evolution and many CalDAV servers), runs
 * libical's restriction check for the calendar's METHOD (RFC 5545, and RFC 5546 for iTIP methods
 * such as PUBLISH), and writes on standard output, one tab-separated line each:
 *
 *     <file>\terror\t<component>\t<UID>\t<SUMMARY>\t<message>   an X-LIC-ERROR libical added
 *     <file>\tinstant\t<VEVENT>\t<DTSTART|DTEND>\t<seconds>     UTC instant, seconds since 1970
 *     <file>\tinstant\t<VEVENT>\t<DTSTART|DTEND>\t!<why>        no instant, and why
 *     <file>\tend\t<number of VEVENTs>
 *
 * <file> counts the arguments from 0; <VEVENT> counts the VCALENDAR's own VEVENTs from 0, in file
 * order. Instants are given for DTSTART and DTEND values that are date-times with a TZID, resolved
 * with the file's own VTIMEZONE of that TZID (icalcomponent_get_timezone), never with libical's
 * built-in zones. Exit status 0 unless a file cannot be read.
 */
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The whole file, NUL-terminated; NULL if it cannot be read. */
static char *read_all(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    if (fseek(f, 0, SEEK_END) != 0) { fclose(f); return NULL; }
    long n = ftell(f);
    rewind(f);
    char *buf = malloc((size_t)n + 1);
    if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) { fclose(f); free(buf); return NULL; }
    buf[n] = '\0';
    fclose(f);
    return buf;
}

/* A message on one line: tabs and line breaks become spaces. */
static void print_clean(const char *text) {
    for (const char *c = text ? text : ""; *c; c++)
        putchar(*c == '\t' || *c == '\n' || *c == '\r' ? ' ' : *c);
}

/* Every X-LIC-ERROR in c and below it. (A component has one property iterator: UID and SUMMARY
 * are looked up before the loop over its errors, never inside it.) */
static void report_errors(int file, icalcomponent *c) {
    icalproperty *uid_prop = icalcomponent_get_first_property(c, ICAL_UID_PROPERTY);
    icalproperty *summary_prop = icalcomponent_get_first_property(c, ICAL_SUMMARY_PROPERTY);
    const char *uid = uid_prop ? icalproperty_get_uid(uid_prop) : "";
    const char *summary = summary_prop ? icalproperty_get_summary(summary_prop) : "";
    for (icalproperty *p = icalcomponent_get_first_property(c, ICAL_XLICERROR_PROPERTY); p;
         p = icalcomponent_get_next_property(c, ICAL_XLICERROR_PROPERTY)) {
        printf("%d\terror\t%s\t", file, icalcomponent_kind_to_string(icalcomponent_isa(c)));
        print_clean(uid);
        putchar('\t');
        print_clean(summary);
        putchar('\t');
        print_clean(icalproperty_get_xlicerror(p));
        putchar('\n');
    }
    for (icalcomponent *s = icalcomponent_get_first_component(c, ICAL_ANY_COMPONENT); s;
         s = icalcomponent_get_next_component(c, ICAL_ANY_COMPONENT))
        report_errors(file, s);
}

static void write_instant(int file, icalcomponent *cal, int index, icalproperty *prop,
                          const char *name) {
    if (!prop) return;
    icalparameter *param = icalproperty_get_first_parameter(prop, ICAL_TZID_PARAMETER);
    if (!param) return;
    const char *tzid = icalparameter_get_tzid(param);
    icalvalue *value = icalproperty_get_value(prop);
    if (!value) { printf("%d\tinstant\t%d\t%s\t!no value\n", file, index, name); return; }
    struct icaltimetype t = icalvalue_get_datetimedate(value);
    if (icaltime_is_null_time(t)) {
        printf("%d\tinstant\t%d\t%s\t!no date-time value\n", file, index, name);
        return;
    }
    if (t.is_date) return;
    icaltimezone *zone = tzid ? icalcomponent_get_timezone(cal, tzid) : NULL;
    if (!zone) {
        printf("%d\tinstant\t%d\t%s\t!no VTIMEZONE with this TZID\n", file, index, name);
        return;
    }
    t.zone = NULL;
    printf("%d\tinstant\t%d\t%s\t%lld\n", file, index, name,
           (long long)icaltime_as_timet_with_zone(t, zone));
}

/* The instants of every VEVENT directly in cal, then the "end" line. The VEVENTs are collected
 * first: cal has one component iterator, and nothing may move it while they are read. */
static void write_instants(int file, icalcomponent *cal) {
    int count = icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT);
    icalcomponent **events = calloc((size_t)count + 1, sizeof *events);
    int n = 0;
    for (icalcomponent *e = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
         e && n < count; e = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT))
        events[n++] = e;
    for (int i = 0; i < n; i++) {
        icalproperty *start = icalcomponent_get_first_property(events[i], ICAL_DTSTART_PROPERTY);
        icalproperty *end = icalcomponent_get_first_property(events[i], ICAL_DTEND_PROPERTY);
        write_instant(file, cal, i, start, "DTSTART");
        write_instant(file, cal, i, end, "DTEND");
    }
    printf("%d\tend\t%d\n", file, n);
    free(events);
}

static int check_file(int file, const char *path) {
    char *text = read_all(path);
    if (!text) { fprintf(stderr, "libical_check: cannot read %s\n", path); return 2; }
    icalcomponent *cal = icalparser_parse_string(text);
    free(text);
    if (!cal) {
        printf("%d\terror\t\t\t\tlibical could not parse the file\n", file);
        printf("%d\tend\t-1\n", file);
        return 0;
    }
    if (icalcomponent_isa(cal) != ICAL_VCALENDAR_COMPONENT) {
        printf("%d\terror\t%s\t\t\tthe top-level component is not a VCALENDAR\n", file,
               icalcomponent_kind_to_string(icalcomponent_isa(cal)));
        printf("%d\tend\t-1\n", file);
        icalcomponent_free(cal);
        return 0;
    }
    write_instants(file, cal);
    icalrestriction_check(cal);
    report_errors(file, cal);
    icalcomponent_free(cal);
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: %s FILE.ics...\n", argv[0]); return 2; }
    icalerror_set_errors_are_fatal(0);
    int status = 0;
    for (int i = 1; i < argc; i++) {
        int result = check_file(i - 1, argv[i]);
        if (result > status) status = result;
        fflush(stdout);
    }
    return status;
}
