"""Staff pages of the nomination cycle: invite delegations, follow every invitation's status
on one page (the accreditation page), review a nomination with what changed since the last
review, accredit it (or withdraw the accreditation) or return it with a message, revoke or
send a link again.

Staff only (the blueprint's guard); the focal points' page is nominations/views.py.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload

from iom_events import mail
from iom_events.accounts.auth import manage_blueprint
from iom_events.columns import utcnow
from iom_events.delegations.models import Delegation, in_reading_order
from iom_events.documents.delivery import send_stored_file
from iom_events.documents.storage import blob_store
from iom_events.editor import Confirmation, confirmation_page
from iom_events.events import staff
from iom_events.extensions import db
from iom_events.fields import to_int
from iom_events.formatting import time_zone, translate
from iom_events.languages import current_lang
from iom_events.nominations import accreditation, service
from iom_events.nominations.forms import DEADLINE_FORMAT, DeadlineForm, InvitationForm, ReturnForm
from iom_events.nominations.models import Invitation, NominationRole
from iom_events.phones import international

bp = manage_blueprint("manage_nominations", __name__, "/events/<slug>/nominations")

FIELD_LABELS = {
    "title": _l("Title"),
    "name": _l("Name"),
    "function": _l("Function"),
    "role": _l("Role"),
    "email": _l("E-mail"),
    "phone": _l("Phone"),
    "public": _l("May be listed publicly"),
}
"""The members' fields as the review names what changed."""


def value_text(field: str, value) -> str:
    """A member's field as the review shows it ("—" when empty): the role and the
    listing in words, the phone number as dialled from abroad."""
    if field == "role":
        return str(NominationRole(value).label) if value else "—"
    if field == "public":
        return _("Public") if value else _("Private")
    if field == "phone":
        return international(value) if value else "—"
    return value or "—"


def in_language(text) -> str | None:
    """A text in the page's language, for a sentence (None when there is none)."""
    return str(translate(text)) if text else None


def _invitation(event, invitation_id: int) -> Invitation:
    """The invitation of this meeting, or 404 (never one of another meeting, nor one whose
    delegation is in the trash)."""
    invitation = db.session.scalar(
        select(Invitation)
        .where(Invitation.id == invitation_id, Invitation.event_id == event.id)
        .options(joinedload(Invitation.delegation, innerjoin=True))
    )
    return invitation or abort(404)


@bp.get("/")
def index(slug: str):
    """Every invited delegation and where it stands; three queries whatever their number (the
    user, the meeting, the invitations with their delegations)."""
    event = staff.meeting_or_404(slug)
    invitations = list(
        db.session.scalars(
            select(Invitation)
            .where(Invitation.event_id == event.id)
            .options(joinedload(Invitation.delegation, innerjoin=True))
        )
    )
    by_delegation = {invitation.delegation_id: invitation for invitation in invitations}
    delegations = in_reading_order(
        [invitation.delegation for invitation in invitations], event.original_language
    )
    rows = [by_delegation[delegation.id] for delegation in delegations]
    return render_template("manage/nominations/index.html", event=event, invitations=rows)


@bp.route("/invite", methods=["GET", "POST"])
def invite(slug: str):
    """The invitation form: a delegation not invited yet (or a new one), its focal point, the
    deadline; saved, then e-mailed (a relay down leaves it saved, and says so). A delegation
    invited already (by a colleague meanwhile, or a page sent twice) is refused by name, with
    a way to its invitation, and nothing changes."""
    event = staff.meeting_or_404(slug)
    invited = select(Invitation.delegation_id).where(Invitation.event_id == event.id)
    delegations = in_reading_order(
        db.session.scalars(
            select(Delegation).where(Delegation.event_id == event.id, Delegation.id.not_in(invited))
        ),
        event.original_language,
    )
    form = InvitationForm()
    form.prepare(
        [(str(d.id), str(translate(d.name, event.original_language))) for d in delegations],
        event.timezone,
        time_zone(event.timezone, event.starts_on, in_language(event.city), event.country),
        lambda: service.listed_names(event),
    )
    already = None
    if form.validate_on_submit():
        invitation = service.invite(event, form, current_user)
        try:
            db.session.commit()
        except IntegrityError:  # the same delegation invited by a colleague a moment ago
            db.session.rollback()
            already = _invitation_of(event, form.delegation.data)
            if already is None:
                raise
        else:
            _send(invitation, _("Invitation sent to %(email)s."))
            return redirect(url_for(".index", slug=slug), 303)
    elif form.is_submitted():
        already = _invitation_of(event, form.delegation.data)
    if already is not None:
        form.delegation.errors = [
            _(
                "%(delegation)s is already invited to this meeting.",
                delegation=service.delegation_name(already, current_lang()),
            )
        ]
    return render_template(
        "manage/nominations/invite.html", event=event, form=form, already_invited=already
    ), 400 if form.errors else 200


def _invitation_of(event, delegation_id: str | None) -> Invitation | None:
    """The invitation of the meeting's delegation `delegation_id` (as a form sent it), if any."""
    number = to_int(delegation_id)
    if number is None:
        return None
    return db.session.scalar(
        select(Invitation)
        .where(Invitation.event_id == event.id, Invitation.delegation_id == number)
        .options(joinedload(Invitation.delegation, innerjoin=True))
    )


def _send(invitation: Invitation, done: str) -> None:
    try:
        service.send_invitation(invitation)
    except mail.MailNotSent:
        flash(
            _(
                "The invitation is saved, but the e-mail could not be sent: check the mail "
                "settings, then use “Send the link again”."
            ),
            "error",
        )
    else:
        flash(done % {"email": invitation.focal_point_email})


@bp.get("/<int:invitation_id>/")
def review(slug: str, invitation_id: int):
    """The latest version with what changed since the last review; the actions."""
    event = staff.meeting_or_404(slug)
    invitation = _invitation(event, invitation_id)
    current = service.latest(invitation)
    reviewed = service.version(invitation, invitation.reviewed_number)
    changes = (
        accreditation.changes(reviewed.members if reviewed else [], current.members)
        if current is not None and current is not reviewed
        else []
    )
    letter = accreditation.letter_change(reviewed, current) if current is not None else None
    return render_template(
        "manage/nominations/review.html",
        event=event,
        invitation=invitation,
        current=current,
        reviewed=reviewed,
        changes=changes,
        letter_change=letter,
        value_text=value_text,
        roles=NominationRole,
        field_labels=FIELD_LABELS,
        return_form=ReturnForm(),
        deadline_form=DeadlineForm(
            deadline=invitation.deadline.astimezone(ZoneInfo(event.timezone)).strftime(
                DEADLINE_FORMAT
            )
        ),
        deadline=service.deadline_text(invitation),
        link=service.link(invitation),
        international_phone=international,
    )


@bp.route("/<int:invitation_id>/accredit", methods=["GET", "POST"])
def accredit(slug: str, invitation_id: int):
    """GET asks (a public action); the POST accredits the version the page showed (`number`):
    a newer one must be reviewed first."""
    event = staff.meeting_or_404(slug)
    invitation = _invitation(event, invitation_id)
    review_url = url_for(".review", slug=slug, invitation_id=invitation.id)
    if request.method == "GET":
        number = to_int(request.args.get("number"))
        number = invitation.latest_number if number is None else number
        refusal = None if invitation.latest_number else _("There is no list to accredit.")
        if refusal is None and not 1 <= number <= invitation.latest_number:
            refusal = _no_such_version(number)
        return confirmation_page(
            Confirmation(
                question=_(
                    "Accredit version %(number)s of the list of %(delegation)s?",
                    number=number,
                    delegation=service.delegation_name(invitation, current_lang()),
                ),
                consequence=_(
                    "Its members become the delegation's participants, and those who may be "
                    "listed publicly appear on the meeting's public pages."
                ),
                button=_("Accredit"),
                cancel=review_url,
                fields={"number": str(number)},
                danger=False,
                refusal=refusal,
            )
        )
    sent = to_int(request.form.get("number"))
    if not invitation.latest_number:
        flash(_("There is no list to accredit."), "error")
    elif sent is None or not 1 <= sent <= invitation.latest_number:
        flash(_no_such_version(request.form.get("number", "")[:20]), "error")
    elif sent != invitation.latest_number:
        flash(_("The focal point sent a newer version meanwhile: review it first."), "error")
    else:
        accreditation.accredit(invitation)
        db.session.commit()
        flash(_("Accredited: the delegation's members are now the meeting's participants."))
    return redirect(review_url, 303)


def _no_such_version(number) -> str:
    """A version number the list never had (a tampered or hand-made address), in words."""
    return _(
        "This list has no version %(number)s: nothing was accredited. Open the review page "
        "to see its latest version.",
        number=number,
    )


@bp.post("/<int:invitation_id>/return")
def send_back(slug: str, invitation_id: int):
    """Return the latest version to the focal point with the message typed. The review page's
    button only shows the e-mail as it will go (addressee, language, subject, text) and asks;
    the confirmed POST (`confirmed`) returns the version the page showed (`number`) and sends
    it. A newer version sent meanwhile is refused, the message kept in the form."""
    event = staff.meeting_or_404(slug)
    invitation = _invitation(event, invitation_id)
    if not invitation.latest_number:
        abort(404)
    form = ReturnForm()
    number = to_int(request.form.get("number")) or invitation.latest_number
    refusal = None
    if number != invitation.latest_number:
        refusal = _("The focal point sent a newer version meanwhile: review it first.")
    elif form.validate() and request.form.get("confirmed") == "yes":
        try:
            accreditation.return_nomination(invitation, form.message.data)
        except mail.MailNotSent:
            flash(
                _("Returned, but the e-mail could not be sent: check the mail settings."), "error"
            )
        else:
            flash(_("Returned to the focal point, with your message."))
        return redirect(url_for(".review", slug=slug, invitation_id=invitation.id), 303)
    letter = None
    if refusal is None and not form.errors:
        letter = accreditation.return_letter(invitation, form.message.data)
    return render_template(
        "manage/nominations/return.html",
        event=event,
        invitation=invitation,
        number=number,
        form=form,
        letter=letter,
        refusal=refusal,
        delegation=service.delegation_name(invitation, current_lang()),
        review_url=url_for(".review", slug=slug, invitation_id=invitation.id),
    ), 409 if refusal else 400 if form.errors else 200


@bp.route("/<int:invitation_id>/withdraw-accreditation", methods=["GET", "POST"])
def withdraw_accreditation(slug: str, invitation_id: int):
    """GET asks; the POST withdraws the accreditation of the version the page showed
    (`number`): its members leave the participants (to the trash) and the public pages. One
    accredited or withdrawn meanwhile is refused, and said."""
    event = staff.meeting_or_404(slug)
    invitation = _invitation(event, invitation_id)
    review_url = url_for(".review", slug=slug, invitation_id=invitation.id)
    delegation = service.delegation_name(invitation, current_lang())
    if request.method == "GET":
        number = to_int(request.args.get("number")) or invitation.accredited_number
        return confirmation_page(
            Confirmation(
                question=_(
                    "Withdraw the accreditation of version %(number)s of the list of "
                    "%(delegation)s?",
                    number=number,
                    delegation=delegation,
                ),
                consequence=_(
                    "Its members are no longer the delegation's participants: they go to the "
                    "trash and leave the meeting's public pages. The list stays, to be "
                    "reviewed again; the focal point is not told."
                ),
                button=_("Withdraw the accreditation"),
                cancel=review_url,
                fields={"number": str(number)},
                refusal=None
                if invitation.accredited_number and number == invitation.accredited_number
                else _stale_accreditation(invitation),
            )
        )
    if invitation.accredited_number is None or request.form.get("number") != str(
        invitation.accredited_number
    ):
        flash(_stale_accreditation(invitation), "error")
    else:
        number = invitation.accredited_number
        accreditation.withdraw(invitation)
        db.session.commit()
        flash(
            _(
                "The accreditation of version %(number)s is withdrawn: its members are in the "
                "trash, and no longer on the public pages.",
                number=number,
            )
        )
    return redirect(review_url, 303)


def _stale_accreditation(invitation: Invitation) -> str:
    """Why a withdrawal from an older page does nothing: what is accredited now."""
    if invitation.accredited_number is None:
        return _("No version of this list is accredited now: nothing was changed.")
    return _(
        "Version %(number)s was accredited meanwhile: nothing was changed. Check it, then "
        "withdraw its accreditation if need be.",
        number=invitation.accredited_number,
    )


@bp.route("/<int:invitation_id>/revoke", methods=["GET", "POST"])
def revoke(slug: str, invitation_id: int):
    """GET asks (the link stops working at once); the POST withdraws it."""
    event = staff.meeting_or_404(slug)
    invitation = _invitation(event, invitation_id)
    review_url = url_for(".review", slug=slug, invitation_id=invitation.id)
    if request.method == "GET":
        return confirmation_page(
            Confirmation(
                question=_(
                    "Withdraw the link sent to the focal point of %(delegation)s?",
                    delegation=service.delegation_name(invitation, current_lang()),
                ),
                consequence=_(
                    "The link stops working at once. “Send the link again” sends a new one."
                ),
                button=_("Withdraw the link"),
                cancel=review_url,
            )
        )
    service.revoke(invitation)
    db.session.commit()
    flash(_("The link no longer works. “Send the link again” sends a new one."))
    return redirect(review_url, 303)


@bp.post("/<int:invitation_id>/deadline")
def move_deadline(slug: str, invitation_id: int):
    """A new deadline, read in the meeting's time zone: the link already sent works until
    then (a link that had expired works again)."""
    event = staff.meeting_or_404(slug)
    invitation = _invitation(event, invitation_id)
    form = DeadlineForm()
    form.prepare(event.timezone)
    if form.validate():
        invitation.deadline = form.deadline_utc
        db.session.commit()
        flash(_("Deadline changed: %(deadline)s.", deadline=service.deadline_text(invitation)))
    else:
        flash(" ".join(str(error) for error in form.deadline.errors), "error")
    return redirect(url_for(".review", slug=slug, invitation_id=invitation.id), 303)


@bp.post("/<int:invitation_id>/resend")
def resend(slug: str, invitation_id: int):
    """E-mail the link again (a new one, when it was withdrawn)."""
    event = staff.meeting_or_404(slug)
    invitation = _invitation(event, invitation_id)
    if invitation.deadline <= utcnow():
        flash(_("The deadline has passed: move it first, then send the link again."), "error")
        return redirect(url_for(".review", slug=slug, invitation_id=invitation.id), 303)
    service.reopen(invitation)
    db.session.commit()
    _send(invitation, _("The link was sent again to %(email)s."))
    return redirect(url_for(".review", slug=slug, invitation_id=invitation.id), 303)


@bp.get("/<int:invitation_id>/credentials/<int:number>")
def credentials(slug: str, invitation_id: int, number: int):
    """The credentials letter of one version: staff only, never cached."""
    event = staff.meeting_or_404(slug)
    invitation = _invitation(event, invitation_id)
    version = service.version(invitation, number)
    if version is None or not version.credentials_sha256:
        abort(404)
    store = blob_store()
    path = store.path(version.credentials_sha256)
    if not path.is_file():
        abort(404)
    return send_stored_file(
        path,
        store.relative_path(version.credentials_sha256),
        mimetype="application/pdf",
        download_name=version.credentials_filename or "credentials.pdf",
        etag=version.credentials_sha256,
    )
