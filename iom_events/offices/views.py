"""The office directory and office pages."""

from flask import Blueprint, abort, render_template

from iom_events.languages import LANG
from iom_events.offices import queries

bp = Blueprint("offices", __name__, url_prefix=f"{LANG}/offices")


@bp.get("/")
def index():
    return render_template("offices/index.html", directory=queries.directory())


@bp.get("/<slug>/")
def show(slug: str):
    office = queries.office_by_slug(slug) or abort(404)
    return render_template(
        "offices/show.html",
        office=office,
        units=queries.by_name(office.units),
        meetings=queries.meetings_of(office),
    )
