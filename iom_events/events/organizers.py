"""Who hosts, organizes and chairs a meeting, for staff: IOM offices or bodies named in full.

An organizer is a line of the meeting's facts, not a record of its own worth recovering: removing
one deletes it (the history keeps what it was).
"""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload
from wtforms.validators import NumberRange, Optional, ValidationError

from iom_events import editing
from iom_events.accounts.auth import manage_blueprint
from iom_events.events import staff
from iom_events.events.models import Event, EventOrganizer, OrganizerRole
from iom_events.extensions import db
from iom_events.fields import ChoiceField, OptionalInteger, TranslatedField, VersionField
from iom_events.i18n import translate
from iom_events.labels import choices
from iom_events.offices.models import Office
from iom_events.offices.queries import all_offices

bp = manage_blueprint("manage_organizers", __name__, "/events/<slug>/organizers")


class OrganizerForm(FlaskForm):
    """An office of IOM, or a body in free text ("Royal Thai Government"), and its part."""

    version = VersionField()
    role = ChoiceField(_l("Role"))
    office = ChoiceField(_l("IOM office"))
    name = TranslatedField(
        _l("Name of the body"),
        description=_l("For a body that is not an IOM office, e.g. Royal Thai Government."),
    )
    position = OptionalInteger(
        _l("Order"),
        [Optional(), NumberRange(min=0)],
        description=_l("Left empty, the organizer comes last."),
    )

    def fill_choices(self, offices: list[Office]) -> None:
        self._offices = {office.slug: office for office in offices}
        self.role.choices = choices(OrganizerRole)
        self.office.choices = [("", "—")] + [(o.slug, translate(o.name)) for o in offices]

    def chosen_office(self) -> Office | None:
        return self._offices.get(self.office.data)

    def validate_name(self, field):
        if not self.office.data and not field.data:
            raise ValidationError(_l("Choose an office or enter the name of the body."))

    def populate_obj(self, obj):
        obj.role = OrganizerRole(self.role.data)
        obj.office = self.chosen_office()
        self.name.populate_obj(obj, "name")
        if self.position.data is not None:
            obj.position = self.position.data


def _organizer_or_404(event: Event, organizer_id: int) -> EventOrganizer:
    statement = select(EventOrganizer).where(
        EventOrganizer.id == organizer_id, EventOrganizer.event_id == event.id
    )
    return db.session.scalar(statement) or abort(404)


def _form(organizer: EventOrganizer | None = None) -> OrganizerForm:
    form = OrganizerForm(obj=organizer) if organizer else OrganizerForm()
    if organizer and request.method == "GET":
        form.version.data = organizer.version
        form.office.data = organizer.office.slug if organizer.office else ""
    form.fill_choices(all_offices())
    return form


def _last_position(event: Event, other_than: EventOrganizer) -> int:
    """The position after every other organizer of the meeting."""
    statement = select(func.max(EventOrganizer.position)).where(EventOrganizer.event_id == event.id)
    if other_than.id is not None:
        statement = statement.where(EventOrganizer.id != other_than.id)
    last = db.session.scalar(statement)
    return 0 if last is None else last + 1


def _save(form: OrganizerForm, event: Event, organizer: EventOrganizer):
    """`editing.save`, with an organizer left without a position put last."""
    conflict = editing.stale(form, organizer)
    if conflict is None:
        if form.position.data is None:
            organizer.position = _last_position(event, other_than=organizer)
        conflict = editing.save(form, organizer)
    return conflict


@bp.get("/")
def index(slug: str):
    event = staff.meeting_or_404(slug)
    # The organizers and their offices in one query more, not one per office.
    db.session.scalars(
        select(Event)
        .where(Event.id == event.id)
        .options(selectinload(Event.organizers).joinedload(EventOrganizer.office))
    ).one()
    return render_template("manage/organizers/index.html", event=event)


@bp.route("/new", methods=["GET", "POST"])
def new(slug: str):
    event = staff.meeting_or_404(slug)
    form = _form()
    if form.validate_on_submit():
        _save(form, event, EventOrganizer(event_id=event.id))
        flash(_("Organizer added."))
        return redirect(url_for(".index", slug=slug))
    status = 400 if form.errors else 200
    return render_template(
        "manage/organizers/form.html", form=form, event=event, organizer=None
    ), status


@bp.route("/<int:organizer_id>/edit", methods=["GET", "POST"])
def edit(slug: str, organizer_id: int):
    event = staff.meeting_or_404(slug)
    organizer = _organizer_or_404(event, organizer_id)
    form = _form(organizer)
    conflict = None
    if form.validate_on_submit():
        conflict = _save(form, event, organizer)
        if conflict is None:
            flash(_("Changes saved."))
            return redirect(url_for(".index", slug=slug))
    status = 409 if conflict else (400 if form.errors else 200)
    return render_template(
        "manage/organizers/form.html",
        form=form,
        event=event,
        organizer=organizer,
        conflict=conflict,
    ), status


@bp.post("/<int:organizer_id>/remove")
def remove(slug: str, organizer_id: int):
    event = staff.meeting_or_404(slug)
    organizer = _organizer_or_404(event, organizer_id)
    db.session.delete(organizer)
    if editing.commit_or_conflict(organizer, editing.submitted_version()):
        flash(_("Someone changed this organizer meanwhile: check it, then try again."), "error")
    else:
        flash(_("The organizer is removed."))
    return redirect(url_for(".index", slug=slug), 303)
