"""The feeds over HTTP: a meeting, the site (with the list's filters), an office.

Feeds are cheap to poll: the ETag comes from one fingerprint query, so a client revalidating
with If-None-Match gets its 304 for that query alone; the feed itself is built only for a 200.
"""

from __future__ import annotations

from collections.abc import Callable

from flask import Blueprint, Response, abort, current_app, request, url_for
from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from iom_events import caching, fingerprints
from iom_events.calendar import feeds, queries
from iom_events.events.forms import EventFilterForm
from iom_events.events.queries import EventFilters, filtered_events
from iom_events.fingerprints import Fingerprint
from iom_events.i18n import LANG, current_lang, place, translate
from iom_events.labels import label
from iom_events.offices.queries import office_by_slug

bp = Blueprint("calendar", __name__, url_prefix=LANG)

MAX_AGE = 900


def _context(name: str, url: str) -> feeds.FeedContext:
    return feeds.FeedContext(
        lang=current_lang(),
        name=name,
        url=url,
        organizer_email=current_app.config["CALENDAR_ORGANIZER_EMAIL"],
        default_organizer=_("International Organization for Migration"),
        meeting_url=lambda meeting: url_for("events.show", slug=meeting.slug, _external=True),
        place=place,
    )


def _respond(fingerprint: Fingerprint, build: Callable[[], bytes]) -> Response:
    return caching.respond(fingerprint, build, mimetype="text/calendar", max_age=MAX_AGE)


@bp.get("/events/<slug>.ics")
def meeting(slug: str):
    fingerprint = fingerprints.meeting_feed(slug) or abort(404)

    def build() -> bytes:
        event = queries.meeting_with_agenda(slug) or abort(404)
        title = translate(event.title, event.original_language)
        url = url_for("events.show", slug=slug, _external=True)
        return feeds.calendar(_context(str(title), url), [event], with_agenda=True)

    return _respond(fingerprint, build)


@bp.get("/events.ics")
def site():
    filters = _filters()
    statement = filtered_events(filters)
    fingerprint = fingerprints.listing(statement, filters.office)
    if fingerprint is None:
        abort(400, _("Unknown office: %(slug)s", slug=filters.office))

    def build() -> bytes:
        name = _("IOM meetings")
        if filters.kind:
            name = f"{name} — {label(filters.kind)}"
        url = url_for("events.index", **request.args.to_dict(), _external=True)
        return feeds.calendar(_context(name, url), queries.meetings(statement))

    return _respond(fingerprint, build)


@bp.get("/offices/<slug>.ics")
def office(slug: str):
    statement = queries.office_meetings(slug)
    fingerprint = fingerprints.listing(statement, slug) or abort(404)

    def build() -> bytes:
        found = office_by_slug(slug) or abort(404)
        name = f"{translate(found.name)} — {_('IOM meetings')}"
        url = url_for("offices.show", slug=slug, _external=True)
        return feeds.calendar(_context(name, url), queries.meetings(statement))

    return _respond(fingerprint, build)


def _filters() -> EventFilters:
    """The meetings list's filters, checked without a query; a bad value is a 400."""
    form = EventFilterForm(MultiDict(request.args))
    form.accept_any_known_shape()
    if not form.validate():
        problems = "; ".join(f"{name}: {' '.join(map(str, e))}" for name, e in form.errors.items())
        abort(400, problems)
    return form.filters()
