"""Public meeting pages: home, the meetings list, one meeting.

Each page first asks for its fingerprint (one query); an unchanged page is a 304 or comes from
the cache, and only a changed one is loaded and rendered (see iom_events/caching.py).
"""

from dataclasses import replace
from datetime import date

from flask import Blueprint, abort, current_app, make_response, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.datastructures import MultiDict

from iom_events import caching, fingerprints, former_slugs
from iom_events.events import calendar_links as links
from iom_events.events import public, queries
from iom_events.events.forms import EventFilterForm
from iom_events.events.models import Event, EventKind
from iom_events.extensions import db
from iom_events.formatting import by_name, country_name, place, translate
from iom_events.labels import choices
from iom_events.languages import LANG
from iom_events.offices import queries as office_queries
from iom_events.text import plain_text
from iom_events.web import page_number

bp = Blueprint("events", __name__, url_prefix=LANG)


@bp.get("/")
def home():
    today = date.today()
    fingerprint = fingerprints.listing("home", _main_meetings)
    fingerprint = replace(fingerprint, values=(*fingerprint.values, today.isoformat()))

    def build() -> str:
        upcoming, recent = queries.upcoming_and_recent(today)
        return render_template("events/home.html", upcoming=upcoming, recent=recent)

    return caching.respond(fingerprint, build, mimetype="text/html")


def _main_meetings():
    return queries.public_events().where(Event.parent_id.is_(None))


FILTERS = ("year", "office", "kind", "country")
"""The meetings list's filters, as the query string names them (`EventFilterForm`)."""


@bp.get("/events/")
def index():
    page = page_number()
    filters = _requested_filters()
    if filters is not None:
        fingerprint = fingerprints.listing(
            ("meetings", *sorted(filters.query().items())),
            lambda: queries.filtered_events(filters),
            filters.office,
        )
        if fingerprint is not None:
            # Only what shapes the page keys it and is in its links: not ?page=01 or ?utm_x=.
            query = {**filters.query(), **({"page": str(page)} if page > 1 else {})}
            return caching.respond(
                fingerprint,
                lambda: _listing(
                    EventFilterForm(MultiDict(query)),
                    queries.filtered_events(filters),
                    filters,
                    page,
                ),
                mimetype="text/html",
                query=query,
            )
        moved = former_slugs.redirect_office_filter(filters.office)
        if moved is not None:
            return moved
    # Bad filters: say which, and list every meeting (nothing is filtered on a guess).
    form = EventFilterForm(request.args)
    fill_choices(form)
    form.validate()
    return _listing(form, queries.filtered_events(queries.EventFilters())), 400


def _requested_filters() -> queries.EventFilters | None:
    """The list's filters as the query string gives them; None if one is wrong.

    Without any (the list most read), no form is built: the filters are known, and a cached
    answer costs its fingerprint alone."""
    if not any(value for name in FILTERS for value in request.args.getlist(name)):
        return queries.EventFilters()
    form = EventFilterForm(request.args)
    form.accept_any_known_shape()
    return form.filters() if form.validate() else None


def _add_to_calendar(event: Event, slug: str) -> list[tuple[str, str]]:
    """Web calendars' "new event" forms, filled with the meeting (not offered once cancelled)."""
    title = translate(event.title, event.original_language)
    text = plain_text(translate(event.summary or event.description, event.original_language))
    page = url_for("events.show", slug=slug, _external=True)
    where = place(event)
    return [
        (_("Add to Google Calendar"), links.google_calendar(event, title, text, where, page)),
        (_("Add to Outlook.com"), links.outlook_com(event, title, text, where, page)),
    ]


def fill_choices(form: EventFilterForm) -> None:
    offices = office_queries.all_offices()
    countries = [(code, country_name(code)) for code in queries.countries_with_events()]
    form.office.choices = [
        ("", _("All offices")),
        *by_name((o.slug, translate(o.name)) for o in offices),
    ]
    form.kind.choices = [("", _("All kinds")), *choices(EventKind)]
    form.country.choices = [("", _("All countries")), *by_name(countries)]


def _listing(
    form: EventFilterForm,
    statement,
    filters: queries.EventFilters | None = None,
    page: int = 1,
) -> str:
    fill_choices(form)
    listing = db.paginate(
        statement, page=page, per_page=current_app.config["EVENTS_PER_PAGE"], error_out=False
    )
    if page > max(listing.pages, 1):
        abort(404)
    return render_template(
        "events/index.html",
        form=form,
        page=listing,
        years=queries.years_with_events(),
        feed_query=(filters or queries.EventFilters()).query(),
    )


@bp.get("/events/<slug>/")
def show(slug: str):
    fingerprint = public.fingerprint(slug)
    if fingerprint is None:
        return _preview(slug) if current_user.is_authenticated else abort(404)

    def build() -> str:
        meeting = public.meeting(slug) or abort(404)
        event = meeting.event
        add_to = [] if event.is_cancelled or event.day_unknown else _add_to_calendar(event, slug)
        return render_template(
            "events/show.html", meeting=meeting, event=event, add_to_calendar=add_to
        )

    return caching.respond(fingerprint, build, mimetype="text/html")


def _preview(slug: str):
    """A meeting the public cannot see (a draft, one in the trash), shown to signed-in staff as
    its public page would be, under a banner saying so. Never stored by anyone: not the page
    cache (it does not go through `caching.respond`), not a browser or proxy (`no-store`)."""
    meeting = public.staff_preview(slug) or abort(404)
    page = render_template(
        "events/show.html",
        meeting=meeting,
        event=meeting.event,
        add_to_calendar=[],
        preview=_banner(meeting.event),
    )
    response = make_response(page)
    response.cache_control.private = True
    response.cache_control.no_store = True
    return response


def _banner(event: Event) -> str:
    """Why the public cannot see this page, first of all: the trash, else the draft."""
    if event.is_removed:
        return _("In the trash — not public. Only signed-in staff see this preview.")
    return _("Draft — not public. Only signed-in staff see this preview.")
