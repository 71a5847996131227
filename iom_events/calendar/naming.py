"""What a list feed calls itself, in its language: "IOM meetings — Side events, Argentina, 2019".

Calendar apps list subscriptions by name (NAME, X-WR-CALNAME): two filtered feeds must not both
be "IOM meetings". The description (DESCRIPTION, X-WR-CALDESC) says what the feed covers and
where the earlier years are.
"""

from __future__ import annotations

from datetime import date

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from iom_events.events.models import EventKind
from iom_events.events.queries import EventFilters
from iom_events.formatting import country_name, date_range, translate
from iom_events.offices.models import Office

KIND_PLURALS = {
    EventKind.CONFERENCE: _l("Conferences"),
    EventKind.RCP_MEETING: _l("Regional consultative process meetings"),
    EventKind.GOVERNING_BODY_SESSION: _l("Governing body sessions"),
    EventKind.SIDE_EVENT: _l("Side events"),
    EventKind.PRESS_BRIEFING: _l("Press briefings"),
    EventKind.WORKSHOP: _l("Workshops"),
    EventKind.OTHER: _l("Other meetings"),
}


def feed_name(filters: EventFilters, office: Office | None) -> str:
    """ "IOM meetings", then what the filters keep: the office, the kind, the country, the year."""
    parts = []
    if office is not None:
        parts.append(str(translate(office.name)))
    if filters.kind:
        parts.append(str(KIND_PLURALS[filters.kind]))
    if filters.country:
        parts.append(country_name(filters.country))
    if filters.year:
        parts.append(str(filters.year))
    name = _("IOM meetings")
    return f"{name} — {', '.join(parts)}" if parts else name


def feed_description(filters: EventFilters, since: date) -> str:
    """What the feed covers: one year's meetings, or the upcoming ones and the last year's."""
    if filters.year:
        return _("The meetings that start in %(year)s.", year=filters.year)
    return _(
        "Upcoming meetings and those that ended since %(date)s. Earlier years have feeds of "
        "their own, with year= in the address (year=%(year)s, for example).",
        date=date_range(since),
        year=since.year - 1,
    )
