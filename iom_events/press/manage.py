"""Press contacts of a meeting, for staff.

Unlike participants, press contacts are public on purpose: journalists write to them and call
them, so the meeting page shows their e-mail and phone.
"""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from iom_events import editing
from iom_events.accounts.auth import manage_blueprint
from iom_events.events import staff
from iom_events.events.models import Event
from iom_events.extensions import db
from iom_events.offices.queries import all_offices
from iom_events.press.forms import PressContactForm
from iom_events.press.models import PressContact

bp = manage_blueprint("manage_press", __name__, "/events/<slug>/press")


def _contact_or_404(event: Event, contact_id: int) -> PressContact:
    statement = select(PressContact).where(
        PressContact.id == contact_id, PressContact.event_id == event.id
    )
    return db.session.scalar(statement) or abort(404)


def contacts_of(event: Event) -> list[PressContact]:
    """The meeting's press contacts with their offices, in one query."""
    statement = (
        select(PressContact)
        .where(PressContact.event_id == event.id)
        .options(joinedload(PressContact.office))
        .order_by(PressContact.position, PressContact.id)
    )
    return list(db.session.scalars(statement))


def _form(event: Event, contact: PressContact | None = None) -> PressContactForm:
    form = PressContactForm(obj=contact)
    last = max((c.position for c in event.press_contacts), default=-1)
    form.prepare(all_offices(), next_position=last + 1)
    return form


def _page(form, event, contact=None, conflict=None):
    status = 409 if conflict else (400 if form.errors else 200)
    return render_template(
        "manage/press/form.html", form=form, event=event, contact=contact, conflict=conflict
    ), status


@bp.get("/")
def index(slug: str):
    event = staff.meeting_or_404(slug)
    return render_template("manage/press/index.html", event=event, contacts=contacts_of(event))


@bp.route("/new", methods=["GET", "POST"])
def new(slug: str):
    event = staff.meeting_or_404(slug)
    form = _form(event)
    if form.validate_on_submit():
        editing.save(form, PressContact(event_id=event.id))  # a new record has no conflict
        flash(_("Press contact added."))
        return redirect(url_for(".index", slug=slug), 303)
    return _page(form, event)


@bp.route("/<int:contact_id>/edit", methods=["GET", "POST"])
def edit(slug: str, contact_id: int):
    event = staff.meeting_or_404(slug)
    contact = _contact_or_404(event, contact_id)
    form = _form(event, contact)
    conflict = None
    if form.validate_on_submit():
        conflict = editing.save(form, contact)
        if conflict is None:
            flash(_("Changes saved."))
            return redirect(url_for(".index", slug=slug), 303)
    return _page(form, event, contact, conflict)


@bp.post("/<int:contact_id>/remove")
def remove(slug: str, contact_id: int):
    event = staff.meeting_or_404(slug)
    contact = _contact_or_404(event, contact_id)
    contact.remove()
    if editing.commit_or_conflict(contact, editing.submitted_version()):
        flash(_("Someone changed this press contact meanwhile: check it, then try again."), "error")
    else:
        flash(_("The press contact is in the trash. An administrator can restore it."))
    return redirect(url_for(".index", slug=slug), 303)
