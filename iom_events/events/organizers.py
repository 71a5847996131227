"""Who hosts, organizes and chairs a meeting, for staff: IOM offices or bodies named in full.

An organizer is a line of the meeting's facts, not a record of its own worth recovering: removing
one deletes it (the history keeps what it was).
"""

from __future__ import annotations

from flask import flash, render_template, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload
from wtforms.validators import Optional, ValidationError

from iom_events.accounts.auth import manage_blueprint
from iom_events.editor import PartEditor, Words
from iom_events.events.models import Event, EventOrganizer, OrganizerRole
from iom_events.extensions import db
from iom_events.fields import (
    MAX_POSITION,
    ChoiceField,
    OptionalInteger,
    TranslatedField,
    VersionField,
)
from iom_events.formatting import by_name, translate
from iom_events.forms import Form
from iom_events.labels import choices
from iom_events.offices.models import Office
from iom_events.offices.queries import all_offices

bp = manage_blueprint("manage_organizers", __name__, "/events/<slug>/organizers")


class OrganizerForm(Form):
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
        [Optional()],
        maximum=MAX_POSITION,
        description=_l("If left empty, the organizer goes last."),
    )

    def fill_choices(self, offices: list[Office]) -> None:
        self._offices = {office.slug: office for office in offices}
        self.role.choices = choices(OrganizerRole)
        self.office.choices = [("", "—"), *by_name((o.slug, translate(o.name)) for o in offices)]

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


def _last_position(event: Event, other_than: EventOrganizer) -> int:
    """The position after every other organizer of the meeting."""
    statement = select(func.max(EventOrganizer.position)).where(EventOrganizer.event_id == event.id)
    if other_than.id is not None:
        statement = statement.where(EventOrganizer.id != other_than.id)
    last = db.session.scalar(statement)
    return 0 if last is None else last + 1


class OrganizerEditor(PartEditor):
    model = EventOrganizer
    form_class = OrganizerForm
    key = "<int:organizer_id>"
    ordered = True
    groups = ((None, ("role",)), (_l("Who"), ("office", "name")), (None, ("position",)))
    words = Words(
        new=_l("New organizer"),
        edit=_l("Edit organizer"),
        added=_l("Organizer added."),
        back=_l("Back to the organizers"),
        changed_meanwhile=_l(
            "Someone changed this organizer in the meantime: check it, then try again."
        ),
        in_trash=_l("The organizer is removed."),
        remove_question=_l("Remove the organizer “%(name)s”?"),
        remove_consequence=_l(
            "The meeting page will no longer name them. This does not go through the trash: "
            "to undo it, add the organizer again (the history keeps what it was)."
        ),
        trashed_meanwhile=_l("This organizer was removed by %(who)s (%(when)s)."),
        remove_button=_l("Remove"),
    )

    def prepare(self, form, organizer):
        if organizer is not None and request.method == "GET":
            form.office.data = organizer.office.slug if organizer.office else ""
        form.fill_choices(all_offices())

    def also(self, form, organizer):
        """An organizer left without a position goes last."""
        if form.position.data is not None:
            return None

        def last():
            with db.session.no_autoflush:
                organizer.position = _last_position(self.event, other_than=organizer)

        return last

    def name(self, organizer) -> str:
        if organizer.office is not None:
            return translate(organizer.office.name)
        return translate(organizer.name, self.event.original_language) or ""

    def take_away(self, organizer) -> None:
        db.session.delete(organizer)

    def removed(self, organizer) -> None:
        flash(_("The organizer is removed."))

    def index(self):
        event = self.event
        # The organizers and their offices in one query more, not one per office.
        db.session.scalars(
            select(Event)
            .where(Event.id == event.id)
            .options(selectinload(Event.organizers).joinedload(EventOrganizer.office))
        ).one()
        return render_template("manage/organizers/index.html", event=event)


OrganizerEditor.register(bp)
