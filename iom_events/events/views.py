"""Public meeting pages: home, the meetings list, one meeting."""

from datetime import date

from flask import Blueprint, abort, current_app, render_template, request
from flask_babel import gettext as _

from iom_events.events import queries
from iom_events.events.forms import EventFilterForm
from iom_events.events.models import EventKind
from iom_events.extensions import db
from iom_events.i18n import LANG, country_name, translate
from iom_events.labels import choices
from iom_events.offices import queries as office_queries

bp = Blueprint("events", __name__, url_prefix=LANG)


@bp.get("/")
def home():
    upcoming, recent = queries.upcoming_and_recent(date.today())
    return render_template("events/home.html", upcoming=upcoming, recent=recent)


@bp.get("/events/")
def index():
    form = EventFilterForm(request.args)
    offices = office_queries.all_offices()
    countries = [(code, country_name(code)) for code in queries.countries_with_events()]
    form.office.choices = [("", _("All offices")), *((o.slug, translate(o.name)) for o in offices)]
    form.kind.choices = [("", _("All kinds")), *choices(EventKind)]
    form.country.choices = [("", _("All countries")), *sorted(countries, key=lambda c: c[1])]
    valid = form.validate()
    filters = queries.EventFilters()
    if valid:
        filters = queries.EventFilters(
            year=form.year.data,
            office=next((o for o in offices if o.slug == form.office.data), None),
            kind=form.kind_choice(),
            country=form.country.data or None,
        )
    page = db.paginate(
        queries.filtered_events(filters), per_page=current_app.config["EVENTS_PER_PAGE"]
    )
    body = render_template(
        "events/index.html",
        form=form,
        page=page,
        filters=filters,
        years=queries.years_with_events(),
    )
    return body, 200 if valid else 400


@bp.get("/events/<slug>/")
def show(slug: str):
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
