"""Press contacts of a meeting, for staff.

Unlike participants, press contacts are public on purpose: journalists write to them and call
them, so the meeting page shows their e-mail and phone.
"""

from flask import render_template
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from iom_events.accounts.auth import manage_blueprint
from iom_events.editor import PartEditor, Words
from iom_events.events.models import Event
from iom_events.extensions import db
from iom_events.offices.queries import all_offices
from iom_events.press.forms import PressContactForm
from iom_events.press.models import PressContact

bp = manage_blueprint("manage_press", __name__, "/events/<slug>/press")


def contacts_of(event: Event) -> list[PressContact]:
    """The meeting's press contacts with their offices, in one query."""
    statement = (
        select(PressContact)
        .where(PressContact.event_id == event.id)
        .options(joinedload(PressContact.office))
        .order_by(PressContact.position, PressContact.id)
    )
    return list(db.session.scalars(statement))


class PressContactEditor(PartEditor):
    model = PressContact
    form_class = PressContactForm
    key = "<int:contact_id>"
    ordered = True
    groups = ((None, ("name", "office", "email", "phone", "languages", "position")),)
    words = Words(
        new=_l("New press contact"),
        edit=_l("Edit press contact"),
        added=_l("Press contact added."),
        back=_l("Back to the press contacts"),
        changed_meanwhile=_l(
            "Someone changed this press contact in the meantime: check it, then try again."
        ),
        in_trash=_l("The press contact is in the trash."),
        remove_question=_l("Move the press contact “%(name)s” to the trash?"),
        remove_consequence=_l(
            "Journalists will no longer see this contact on the meeting page. You or an "
            "administrator can restore the contact from the trash."
        ),
        trashed_meanwhile=_l("This press contact was moved to the trash by %(who)s (%(when)s)."),
        restore_hint=_l("You can restore the contact from the trash."),
    )

    def prepare(self, form, contact):
        form.prepare(
            all_offices(),
            next_position=self.after_last(self.event.press_contacts),
            country=self.event.country,
        )

    def index(self):
        return render_template(
            "manage/press/index.html", event=self.event, contacts=contacts_of(self.event)
        )


PressContactEditor.register(bp)
