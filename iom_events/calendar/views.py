"""The feeds over HTTP: a meeting, the site (with the list's filters), an office.

Feeds are cheap to poll: the ETag comes from one fingerprint query, so a client revalidating
with If-None-Match gets its 304 for that query alone; the feed itself is built only for a 200.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from flask import Blueprint, Response, abort, current_app, request, url_for
from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from iom_events.calendar import feeds, queries
from iom_events.calendar.queries import Fingerprint
from iom_events.events.forms import EventFilterForm
from iom_events.events.models import EventKind
from iom_events.events.queries import EventFilters, filtered_events
from iom_events.i18n import LANG, current_lang, place, translate
from iom_events.labels import label
from iom_events.offices.queries import office_by_slug

bp = Blueprint("calendar", __name__, url_prefix=LANG)

FORMAT = "1"
"""Part of every ETag: bump it when the feeds' layout changes, so clients fetch them again."""
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


def _respond(fingerprint: Fingerprint, key: str, build: Callable[[], bytes]) -> Response:
    digest = hashlib.sha256(repr((FORMAT, current_lang(), key, fingerprint.values)).encode())
    etag = digest.hexdigest()[:32]
    response = Response(mimetype="text/calendar")
    response.set_etag(etag)
    response.last_modified = fingerprint.last_modified
    response.cache_control.public = True
    response.cache_control.max_age = MAX_AGE
    response.make_conditional(request)
    if response.status_code == 304:
        return response
    response.set_data(build())
    response.content_type = "text/calendar; charset=utf-8"
    return response


@bp.get("/events/<slug>.ics")
def meeting(slug: str):
    fingerprint = queries.meeting_fingerprint(slug) or abort(404)

    def build() -> bytes:
        event = queries.meeting_with_agenda(slug) or abort(404)
        title = translate(event.title, event.original_language)
        url = url_for("events.show", slug=slug, _external=True)
        return feeds.calendar(_context(str(title), url), [event], with_agenda=True)

    return _respond(fingerprint, f"meeting:{slug}", build)


@bp.get("/events.ics")
def site():
    filters = _filters()
    statement = filtered_events(filters)
    fingerprint = queries.listing_fingerprint(statement, filters.office)
    if fingerprint is None:
        abort(400, _("Unknown office: %(slug)s", slug=filters.office))

    def build() -> bytes:
        name = _("IOM meetings")
        if filters.kind:
            name = f"{name} — {label(filters.kind)}"
        url = url_for("events.index", **request.args.to_dict(), _external=True)
        return feeds.calendar(_context(name, url), queries.meetings(statement))

    return _respond(fingerprint, f"site:{sorted(request.args.items())}", build)


@bp.get("/offices/<slug>.ics")
def office(slug: str):
    statement = queries.office_meetings(slug)
    fingerprint = queries.listing_fingerprint(statement, slug) or abort(404)

    def build() -> bytes:
        found = office_by_slug(slug) or abort(404)
        name = f"{translate(found.name)} — {_('IOM meetings')}"
        url = url_for("offices.show", slug=slug, _external=True)
        return feeds.calendar(_context(name, url), queries.meetings(statement))

    return _respond(fingerprint, f"office:{slug}", build)


def _filters() -> EventFilters:
    """The meetings list's filters, checked without a query; a bad value is a 400."""
    form = EventFilterForm(MultiDict(request.args))
    office, country = form.office.data or "", form.country.data or ""
    form.office.choices = [("", ""), (office, office)]
    form.kind.choices = [("", ""), *((k.value, k.value) for k in EventKind)]
    valid_country = len(country) == 2 and country.isalpha() and country.isupper()
    form.country.choices = [("", ""), *([(country, country)] if valid_country else [])]
    if not form.validate():
        problems = "; ".join(f"{name}: {' '.join(map(str, e))}" for name, e in form.errors.items())
        abort(400, problems)
    return EventFilters(
        year=form.year.data,
        office=office or None,
        kind=form.kind_choice(),
        country=country or None,
    )
