"""Delegations and participants of a meeting, for staff.

This is the one place where participants' e-mails and phones are shown: public pages, feeds and
exports leave them out, and leave out the people marked private.
"""

from collections import defaultdict
from collections.abc import Iterable

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy import select

from iom_events import editing, phones
from iom_events.accounts.auth import manage_blueprint
from iom_events.delegations.forms import DelegationForm, ParticipantForm
from iom_events.delegations.models import Delegation, Participant
from iom_events.events import staff
from iom_events.events.models import Event
from iom_events.events.queries import DelegationView
from iom_events.extensions import db
from iom_events.i18n import country_choices

bp = manage_blueprint("manage_delegations", __name__, "/events/<slug>/delegations")


def _delegation_or_404(event: Event, delegation_id: int) -> Delegation:
    statement = select(Delegation).where(
        Delegation.id == delegation_id, Delegation.event_id == event.id
    )
    return db.session.scalar(statement) or abort(404)


def _participant_or_404(event: Event, participant_id: int) -> Participant:
    """A participant of this meeting; not one whose delegation is in the trash (they are too)."""
    statement = select(Participant).where(
        Participant.id == participant_id, Participant.event_id == event.id
    )
    participant = db.session.scalar(statement) or abort(404)
    if participant.delegation_id is not None and participant.delegation is None:
        abort(404)
    return participant


def after_last(records: Iterable) -> int:
    """The position that puts a new record after the others."""
    return max((record.position for record in records), default=-1) + 1


def roster(event: Event) -> tuple[list[DelegationView], list[Participant]]:
    """Every delegation with all its people (private ones too), and the people in none.

    Two queries whatever the size of the meeting. The people of a delegation in the trash are
    left out with it; they come back when it is restored.
    """
    members: dict[int | None, list[Participant]] = defaultdict(list)
    for person in event.participants:
        members[person.delegation_id].append(person)
    views = [DelegationView(d, members.get(d.id, [])) for d in event.delegations]
    return views, members.get(None, [])


@bp.get("/")
def index(slug: str):
    event = staff.meeting_or_404(slug)
    delegations, unattached = roster(event)
    return render_template(
        "manage/delegations/index.html",
        event=event,
        delegations=delegations,
        unattached=unattached,
        international_phone=phones.international,
    )


# --- delegations -------------------------------------------------------------------------------


def _delegation_form(event: Event, delegation: Delegation | None = None) -> DelegationForm:
    form = DelegationForm(obj=delegation)
    form.prepare(country_choices(), next_position=after_last(event.delegations))
    return form


def _delegation_page(form, event, delegation=None, conflict=None):
    status = 409 if conflict else (400 if form.errors else 200)
    return render_template(
        "manage/delegations/delegation_form.html",
        form=form,
        event=event,
        delegation=delegation,
        conflict=conflict,
    ), status


@bp.route("/new", methods=["GET", "POST"])
def new(slug: str):
    event = staff.meeting_or_404(slug)
    form = _delegation_form(event)
    if form.validate_on_submit():
        editing.save(form, Delegation(event_id=event.id))  # a new record has no conflict
        flash(_("Delegation added."))
        return redirect(url_for(".index", slug=slug), 303)
    return _delegation_page(form, event)


@bp.route("/<int:delegation_id>/edit", methods=["GET", "POST"])
def edit(slug: str, delegation_id: int):
    event = staff.meeting_or_404(slug)
    delegation = _delegation_or_404(event, delegation_id)
    form = _delegation_form(event, delegation)
    conflict = None
    if form.validate_on_submit():
        conflict = editing.save(form, delegation)
        if conflict is None:
            flash(_("Changes saved."))
            return redirect(url_for(".index", slug=slug), 303)
    return _delegation_page(form, event, delegation, conflict)


@bp.post("/<int:delegation_id>/remove")
def remove(slug: str, delegation_id: int):
    event = staff.meeting_or_404(slug)
    delegation = _delegation_or_404(event, delegation_id)
    delegation.remove()
    if editing.commit_or_conflict(delegation, editing.submitted_version()):
        flash(_("Someone changed this delegation meanwhile: check it, then try again."), "error")
    else:
        flash(
            _(
                "The delegation and its participants are in the trash. "
                "An administrator can restore them."
            )
        )
    return redirect(url_for(".index", slug=slug), 303)


# --- participants ------------------------------------------------------------------------------


def _participant_form(event: Event, participant: Participant | None = None) -> ParticipantForm:
    if participant is None:  # "Add a participant" from a delegation pre-selects it
        form = ParticipantForm(delegation=request.args.get("delegation", ""))
    else:
        form = ParticipantForm(obj=participant)
    form.prepare(event.delegations, event.original_language)
    return form


def _participant_page(form, event, participant=None, conflict=None):
    status = 409 if conflict else (400 if form.errors else 200)
    return render_template(
        "manage/delegations/participant_form.html",
        form=form,
        event=event,
        participant=participant,
        conflict=conflict,
    ), status


@bp.route("/participants/new", methods=["GET", "POST"])
def new_participant(slug: str):
    event = staff.meeting_or_404(slug)
    form = _participant_form(event)
    if form.validate_on_submit():
        participant = Participant(event_id=event.id, position=after_last(event.participants))
        editing.save(form, participant)  # a new record has no conflict
        flash(_("Participant added."))
        return redirect(url_for(".index", slug=slug), 303)
    return _participant_page(form, event)


@bp.route("/participants/<int:participant_id>/edit", methods=["GET", "POST"])
def edit_participant(slug: str, participant_id: int):
    event = staff.meeting_or_404(slug)
    participant = _participant_or_404(event, participant_id)
    form = _participant_form(event, participant)
    conflict = None
    if form.validate_on_submit():
        conflict = editing.save(form, participant)
        if conflict is None:
            flash(_("Changes saved."))
            return redirect(url_for(".index", slug=slug), 303)
    return _participant_page(form, event, participant, conflict)


@bp.post("/participants/<int:participant_id>/remove")
def remove_participant(slug: str, participant_id: int):
    event = staff.meeting_or_404(slug)
    participant = _participant_or_404(event, participant_id)
    participant.remove()
    if editing.commit_or_conflict(participant, editing.submitted_version()):
        flash(_("Someone changed this participant meanwhile: check it, then try again."), "error")
    else:
        flash(_("The participant is in the trash. An administrator can restore them."))
    return redirect(url_for(".index", slug=slug), 303)
