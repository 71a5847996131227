"""The feeds over HTTP: a meeting, the site (with the list's filters), an office.

Feeds are cheap to poll: the ETag comes from one fingerprint query, so a client revalidating
with If-None-Match gets its 304 for that query alone; the feed itself is built only for a 200,
once per version whatever the number of pollers (iom_events/caching.py).

What subscribers see when things change (the README says it for users):
- a meeting cancelled: its events stay, STATUS:CANCELLED and titled "Cancelled: ...";
- a meeting moved (dates, times, time zone, venue): the same events (same UID) with a higher
  SEQUENCE and LAST-MODIFIED, its agenda moved with it;
- a meeting withdrawn (back to draft, or in the trash) after it was public: its own feed still
  answers 200 with its events cancelled and titled "Withdrawn: ...", and it leaves the list
  feeds. Not 404 or 410: on an error, Google, Outlook, Apple Calendar and Thunderbird keep the
  copy they have, silently or behind an error badge, so subscribers would never learn;
- a meeting or office renamed: the old address answers 301 to the new one.
Feeds are open to any origin (CORS), like the API.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime

from flask import Blueprint, Response, abort, current_app, request, url_for
from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from iom_events import caching, fingerprints, former_slugs
from iom_events.calendar import feeds, naming, queries, withdrawals
from iom_events.events import public
from iom_events.events.forms import EventFilterForm
from iom_events.events.queries import EventFilters
from iom_events.fields import SLUG
from iom_events.fingerprints import Fingerprint
from iom_events.formatting import country_name, translate
from iom_events.languages import LANG, current_lang
from iom_events.offices.queries import office_by_slug
from iom_events.web import open_to_any_origin

bp = Blueprint("calendar", __name__, url_prefix=LANG)


# Feeds are public: calendar web apps on other sites may read and revalidate them.
bp.after_request(open_to_any_origin)


def _context(name: str, url: str, description: str) -> feeds.FeedContext:
    return feeds.FeedContext(
        lang=current_lang(),
        name=name,
        url=url,
        description=description,
        organizer_email=current_app.config["CALENDAR_ORGANIZER_EMAIL"],
        words=feeds.Words(
            cancelled=_("Cancelled: "),
            withdrawn=_("Withdrawn: "),
            withdrawn_note=_(
                "This meeting is no longer published on IOM's meetings site: it may have been "
                "withdrawn or replaced. See the site for the meetings to come."
            ),
            default_organizer=_("International Organization for Migration"),
        ),
        meeting_url=lambda meeting: url_for("events.show", slug=meeting.slug, _external=True),
        country_name=country_name,
    )


def _respond(
    fingerprint: Fingerprint, build: Callable[[], bytes], query: dict[str, str] | None = None
) -> Response:
    return caching.respond(fingerprint, build, mimetype="text/calendar", query=query)


@bp.get("/events/<slug>.ics")
def meeting(slug: str):
    fingerprint = fingerprints.meeting_feed(slug) or abort(404)
    if not fingerprint.public:
        return _withdrawn(fingerprint.withdrawal or abort(404), fingerprint)

    def build() -> bytes:
        event = public.calendar_meeting(slug) or abort(404)
        title = translate(event.title, event.original_language)
        url = url_for("events.show", slug=slug, _external=True)
        description = _("The meeting and its agenda, from IOM's meetings site.")
        context = _context(str(title), url, description)
        return feeds.calendar(context, [event], with_agenda=True)

    return _respond(fingerprint, build)


def _withdrawn(withdrawal: dict, fingerprint: Fingerprint) -> Response:
    """A meeting no longer public, as its subscribers last saw it: cancelled, saying why. A
    draft that never was public has no withdrawal and stays unknown (404)."""

    def build() -> bytes:
        seen = withdrawals.seen_events(withdrawal)
        title = seen[0].title.resolve(current_lang(), withdrawal.get("language"))
        site = url_for("events.home", _external=True)
        context = _context(f"{_('Withdrawn: ')}{title}", site, _("Withdrawn from IOM's site."))
        return feeds.withdrawn_calendar(
            context,
            seen,
            withdrawn_at=datetime.fromisoformat(withdrawal["at"]),
            original_language=withdrawal.get("language"),
            site_url=site,
        )

    return _respond(fingerprint, build)


@bp.get("/events.ics")
def site():
    filters = _filters(MultiDict(request.args))
    if isinstance(filters, Response):
        return filters
    return _listing(filters)


@bp.get("/offices/<slug>.ics")
def office(slug: str):
    if SLUG.fullmatch(slug) is None:
        abort(404)
    args = MultiDict(request.args)
    args.setlist("office", [slug])
    filters = _filters(args)
    if isinstance(filters, Response):
        return filters
    return _listing(filters, office_feed=True)


def _listing(filters: EventFilters, office_feed: bool = False) -> Response:
    today = date.today()
    fingerprint = fingerprints.listing(
        ("feed", today, *sorted(filters.query().items())),
        lambda: queries.listing(filters, today),
        filters.office,
    )
    if fingerprint is None:  # no such office
        if office_feed:
            abort(404)  # the 404 handler leads a renamed office's feed to its new address
        moved = former_slugs.redirect_office_filter(filters.office)
        return moved or _bad_request(_("Unknown office: %(slug)s", slug=filters.office))
    fingerprint = replace(fingerprint, values=(*fingerprint.values, today.isoformat()))
    query = filters.query()
    if office_feed:
        query.pop("office")

    def build() -> bytes:
        office = office_by_slug(filters.office) if filters.office else None
        name = naming.feed_name(filters, office)
        if office_feed:
            url = url_for("offices.show", slug=filters.office, _external=True)
        else:
            url = url_for("events.index", **query, _external=True)
        description = naming.feed_description(filters, queries.window_start(today))
        meetings = queries.meetings(queries.listing(filters, today))
        return feeds.calendar(_context(name, url, description), meetings)

    return _respond(fingerprint, build, query)


def _filters(args: MultiDict) -> EventFilters | Response:
    """The meetings list's filters, checked without a query; a bad value is a 400 that says
    which, in the feed's language."""
    form = EventFilterForm(args)
    form.accept_any_known_shape()
    if not form.validate():
        problems = "\n".join(
            _(
                "%(label)s: %(message)s",
                label=form[name].label.text,
                message=" ".join(map(str, errors)),
            )
            for name, errors in form.errors.items()
        )
        return _bad_request(problems)
    return form.filters()


def _bad_request(message: str) -> Response:
    return Response(f"{message}\n", status=400, mimetype="text/plain")
