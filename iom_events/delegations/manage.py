"""Delegations and participants of a meeting, for staff.

This is the one place where participants' e-mails and phones are shown: public pages, feeds and
exports leave them out, and leave out the people marked private.
"""

from collections import defaultdict

from flask import abort, render_template, request
from flask_babel import lazy_gettext as _l

from iom_events import phones
from iom_events.accounts.auth import manage_blueprint
from iom_events.delegations import bulk
from iom_events.delegations.forms import DelegationForm, ParticipantForm
from iom_events.delegations.models import Delegation, Participant, in_reading_order
from iom_events.editor import PartEditor, Words
from iom_events.events.models import Event
from iom_events.events.public import DelegationView
from iom_events.extensions import db
from iom_events.formatting import country_choices

bp = manage_blueprint("manage_delegations", __name__, "/events/<slug>/delegations")

BACK = _l("Back to the delegations")
DELEGATION_TRASHED = _l("The delegation “%(name)s” was moved to the trash by %(who)s (%(when)s).")


def roster(event: Event) -> tuple[list[DelegationView], list[Participant]]:
    """Every delegation with all its people (private ones too), and the people in none; the
    delegations in the order the public page lists them (`in_reading_order`).

    Two queries whatever the size of the meeting. The people of a delegation in the trash are
    left out with it; they come back when it is restored.
    """
    members: dict[int | None, list[Participant]] = defaultdict(list)
    for person in event.participants:
        members[person.delegation_id].append(person)
    delegations = in_reading_order(event.delegations, event.original_language)
    views = [DelegationView(d, members.get(d.id, [])) for d in delegations]
    return views, members.get(None, [])


class DelegationEditor(PartEditor):
    model = Delegation
    form_class = DelegationForm
    key = "<int:delegation_id>"
    groups = ((None, ("kind", "name", "short_name", "country", "region")),)
    words = Words(
        new=_l("New delegation"),
        edit=_l("Edit delegation"),
        added=_l("Delegation added."),
        back=BACK,
        changed_meanwhile=_l(
            "Someone changed this delegation in the meantime: check it, then try again."
        ),
        in_trash=_l("The delegation and its participants are in the trash."),
        remove_question=_l("Move the delegation “%(name)s” and its participants to the trash?"),
        remove_consequence=_l(
            "The public will no longer see them. You or an administrator can restore them from "
            "the trash."
        ),
        trashed_meanwhile=_l("This delegation was moved to the trash by %(who)s (%(when)s)."),
        restore_hint=_l("You can restore them from the trash."),
    )

    def prepare(self, form, delegation):
        form.prepare(country_choices(delegation and delegation.country))

    def index(self):
        delegations, unattached = roster(self.event)
        return render_template(
            "manage/delegations/index.html",
            event=self.event,
            delegations=delegations,
            unattached=unattached,
            international_phone=phones.international,
        )


class ParticipantEditor(PartEditor):
    model = Participant
    form_class = ParticipantForm
    key = "<int:participant_id>"
    path = "/participants"
    suffix = "_participant"
    has_index = False
    groups = (
        (_l("Who"), ("name", "function", "affiliation", "role", "delegation", "is_public")),
        (_l("Contact (staff only)"), ("email", "phone")),
    )
    words = Words(
        new=_l("New participant"),
        edit=_l("Edit participant"),
        added=_l("Participant added."),
        back=BACK,
        changed_meanwhile=_l(
            "Someone changed this participant in the meantime: check it, then try again."
        ),
        in_trash=_l("The participant is in the trash."),
        remove_question=_l("Move the participant “%(name)s” to the trash?"),
        remove_consequence=_l(
            "The public will no longer see this participant. You or an administrator can "
            "restore the participant from the trash."
        ),
        trashed_meanwhile=_l("This participant was moved to the trash by %(who)s (%(when)s)."),
        restore_hint=_l("You can restore the participant from the trash."),
    )

    def find(self, *, with_trash: bool = False):
        """Not one whose delegation is in the trash: they are in it too (a form posted after
        it went there is shown again, input kept, saying so)."""
        participant = super().find(with_trash=with_trash)
        if participant is not None and participant.delegation_id and not participant.delegation:
            if request.method != "POST":
                abort(404)
            delegation = db.session.get(
                Delegation, participant.delegation_id, execution_options={"include_removed": True}
            )
            self.container_trashed = (DELEGATION_TRASHED, delegation)
        return participant

    def form(self, participant):
        if participant is None:  # "Add a participant" from a delegation pre-selects it
            form = ParticipantForm(delegation=request.args.get("delegation", ""))
            self.prepare(form, None)
            return form
        return super().form(participant)

    def prepare(self, form, participant):
        delegations = list(self.event.delegations)
        if participant is not None and participant.delegation_id is not None:
            own = db.session.get(
                Delegation, participant.delegation_id, execution_options={"include_removed": True}
            )
            if own is not None and own.is_removed:  # kept, and said to be in the trash
                delegations.append(own)
        form.prepare(delegations, self.event.original_language, self.event.country)

    def blank(self):
        return Participant(
            event_id=self.event.id, position=self.after_last(self.event.participants)
        )


DelegationEditor.register(bp)
ParticipantEditor.register(bp)
bulk.register(bp)
