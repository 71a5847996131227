"""Public meeting pages: home, the meetings list, one meeting.

Each page first asks for its fingerprint (one query); an unchanged page is a 304 or comes from
the cache, and only a changed one is loaded and rendered (see iom_events/caching.py).
"""

from dataclasses import replace
from datetime import date

from flask import Blueprint, abort, current_app, render_template, request
from flask_babel import gettext as _

from iom_events import caching, fingerprints
from iom_events.events import queries
from iom_events.events.forms import EventFilterForm
from iom_events.events.models import Event, EventKind
from iom_events.extensions import db
from iom_events.i18n import LANG, country_name, translate
from iom_events.labels import choices
from iom_events.offices import queries as office_queries

bp = Blueprint("events", __name__, url_prefix=LANG)

MAX_AGE = 60


@bp.get("/")
def home():
    today = date.today()
    fingerprint = fingerprints.listing(queries.public_events().where(Event.parent_id.is_(None)))
    fingerprint = replace(fingerprint, values=(*fingerprint.values, today.isoformat()))

    def build() -> str:
        upcoming, recent = queries.upcoming_and_recent(today)
        return render_template("events/home.html", upcoming=upcoming, recent=recent)

    return caching.respond(fingerprint, build, mimetype="text/html", max_age=MAX_AGE)


@bp.get("/events/")
def index():
    form = EventFilterForm(request.args)
    form.accept_any_known_shape()
    if form.validate():
        filters = form.filters()
        statement = queries.filtered_events(filters)
        fingerprint = fingerprints.listing(statement, filters.office)
        if fingerprint is not None:
            return caching.respond(
                fingerprint,
                lambda: _listing(EventFilterForm(request.args), statement),
                mimetype="text/html",
                max_age=MAX_AGE,
            )
    # Bad filters: say which, and list every meeting (nothing is filtered on a guess).
    form = EventFilterForm(request.args)
    fill_choices(form)
    form.validate()
    return _listing(form, queries.filtered_events(queries.EventFilters())), 400


def fill_choices(form: EventFilterForm) -> None:
    offices = office_queries.all_offices()
    countries = [(code, country_name(code)) for code in queries.countries_with_events()]
    form.office.choices = [("", _("All offices")), *((o.slug, translate(o.name)) for o in offices)]
    form.kind.choices = [("", _("All kinds")), *choices(EventKind)]
    form.country.choices = [("", _("All countries")), *sorted(countries, key=lambda c: c[1])]


def _listing(form: EventFilterForm, statement) -> str:
    fill_choices(form)
    page = db.paginate(statement, per_page=current_app.config["EVENTS_PER_PAGE"])
    return render_template(
        "events/index.html", form=form, page=page, years=queries.years_with_events()
    )


@bp.get("/events/<slug>/")
def show(slug: str):
    fingerprint = fingerprints.meeting_page(slug) or abort(404)

    def build() -> str:
        event = queries.published_event(slug) or abort(404)
        delegations, other_participants = queries.delegations_with_members(event)
        return render_template(
            "events/show.html",
            event=event,
            organizers_by_role=queries.organizers_by_role(event),
            agenda=queries.agenda_by_day(event),
            delegations=delegations,
            other_participants=other_participants,
            documents=queries.documents_by_section(event),
            document_languages=queries.document_languages(event),
            side_events=queries.public_side_events(event),
        )

    return caching.respond(fingerprint, build, mimetype="text/html", max_age=MAX_AGE)
