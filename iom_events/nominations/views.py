"""The focal point's private page: `/<lang>/nominations/<token>`.

No account: the signed link is the key (nominations/tokens.py). The page shows one invitation's
delegation and nothing else; an expired, revoked, declined or unknown link gets a page saying
so in the link's language (410 or 404) and changes nothing. Nothing here is stored by a browser
or a proxy, and no link leaks the token to another site (`Referrer-Policy: no-referrer`).
"""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError

from iom_events.documents.service import SomeRefused, Upload, received
from iom_events.documents.storage import blob_store
from iom_events.extensions import db
from iom_events.languages import LANG, current_lang
from iom_events.nominations import service
from iom_events.nominations.forms import NominationForm
from iom_events.nominations.merge import CHOICE
from iom_events.nominations.models import Invitation, NominationRole
from iom_events.nominations.tokens import Refusal, invitation_of

bp = Blueprint("nominations", __name__, url_prefix=f"{LANG}/nominations")

PDF = "application/pdf"
MERGE_BASE = "merge-base"

REFUSALS = {
    Refusal.UNKNOWN: (
        _l("This link does not work"),
        _l(
            "This address is not a valid invitation link: it may have been copied incompletely. "
            "Open the link from the invitation e-mail again, or ask the secretariat for a new one."
        ),
    ),
    Refusal.REVOKED: (
        _l("This link has been withdrawn"),
        _l(
            "The secretariat has withdrawn this invitation link. If you still need to send "
            "names, ask the secretariat for a new link."
        ),
    ),
    Refusal.EXPIRED: (
        _l("The deadline has passed"),
        _l(
            "Nominations through this link closed at the deadline. To change your delegation "
            "now, write to the secretariat."
        ),
    ),
    Refusal.DECLINED: (
        _l("The invitation was declined"),
        _l(
            "Your delegation has declined this invitation. Write to the secretariat to change that."
        ),
    ),
}


@bp.after_request
def private(response):
    """Never stored by a browser or proxy; the token never sent on as a Referer."""
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


def refused(refusal: Refusal):
    """The page of a link that opens nothing, in the link's language, with its status."""
    heading, message = REFUSALS[refusal]
    return render_template(
        "nominations/refused.html", heading=heading, message=message
    ), refusal.status


@bp.route("/<token>", methods=["GET", "POST"])
def show(token: str):
    """The delegation's list: shown, and saved as a new version on each send."""
    invitation, refusal = invitation_of(token)
    if refusal is not None:
        return refused(refusal)
    current = service.latest(invitation)
    if request.method == "GET":
        form = NominationForm(
            data={
                **NominationForm.rows_of(current.members if current else []),
                "based_on": current.number if current else 0,
            }
        )
    else:
        form = NominationForm()
    form.prepare(invitation.delegation.country)
    clashes = []
    if request.method == "POST" and form.validate():
        saved, problem = _save(invitation, form, token)
        if saved is not None and saved.version is not None:
            flash(
                _(
                    "Saved: version %(number)s of your list. You can change it until %(deadline)s.",
                    number=saved.version.number,
                    deadline=service.deadline_text(invitation),
                )
            )
            if saved.merged:
                flash(_("Changes saved meanwhile by someone else with this link were kept too."))
            return redirect(url_for(".show", token=token), 303)
        if problem is not None:
            form.credentials.errors = [*form.credentials.errors, problem]
        elif saved is not None and saved.clashes:
            clashes = saved.clashes
            _move_on(form, invitation)
    status = 400 if form.errors else 409 if clashes else 200
    return render_template(
        "nominations/show.html",
        invitation=invitation,
        current=current,
        form=form,
        clashes=clashes,
        merge_base=getattr(form, "started", None) if clashes else None,
        deadline=service.deadline_text(invitation),
        meeting=service.meeting_title(invitation, current_lang()),
        delegation=service.delegation_name(invitation, current_lang()),
        token=token,
        roles=NominationRole,
    ), status


def _started(form) -> int | None:
    base = request.form.get(MERGE_BASE)
    if base is not None and base.isascii() and base.isdigit() and len(base) < 10:
        return int(base)
    return form.based_on.data


def _move_on(form, invitation: Invitation) -> None:
    """After a clash: the form now stands on the latest version (the choices are about it),
    and still remembers where it started (hidden "merge-base")."""
    started = _started(form)
    form.started = started
    form.based_on.data = invitation.latest_number
    form.based_on.raw_data = [str(invitation.latest_number)]


def _save(invitation: Invitation, form, token: str):
    """(what was saved, None) or (None, why the letter was refused)."""
    members = form.members_data()
    choices = {
        key[len(CHOICE.format("")) :]: value
        for key, value in request.form.items()
        if key.startswith(CHOICE.format("")) and value in ("theirs", "mine")
    }
    upload = request.files.get(form.credentials.name)
    args = (members, form.based_on.data, choices, _started(form))
    if upload is None or not upload.filename:
        return _commit(invitation, *args), None
    try:
        with received({"letter": Upload(upload.stream, upload.filename)}, blob_store()) as files:
            (letter,) = files
            if letter.media_type != PDF:
                return None, _("Send the credentials letter as a PDF file.")
            letter_name = (upload.filename or "")[:255]
            saved = _commit(invitation, *args, credentials=(letter.incoming.sha256, letter_name))
            if saved.version is not None:
                letter.incoming.publish()
            return saved, None
    except SomeRefused as refusal:
        return None, str(refusal.refusals["letter"].message)


def _commit(invitation: Invitation, *args, credentials=None) -> service.Saved:
    """The new version committed; a save that raced ours (the same number taken an instant
    before) is merged with it once more."""
    for attempt in (1, 2):
        saved = service.nominate(invitation, *args, credentials=credentials)
        if saved.version is None:
            return saved
        try:
            db.session.commit()
        except IntegrityError:
            db.session.rollback()
            if attempt == 2:
                raise
            db.session.refresh(invitation)
            continue
        service.tell_the_secretariat(invitation, saved.version)
        return saved
    raise AssertionError("unreachable")


@bp.route("/<token>/decline", methods=["GET", "POST"])
def decline(token: str):
    """GET asks; the POST declines (the secretariat sees it on the accreditation page)."""
    invitation, refusal = invitation_of(token)
    if refusal is not None:
        return refused(refusal)
    if request.method == "POST":
        service.decline(invitation)
        return render_template(
            "nominations/refused.html",
            heading=_("You have declined the invitation"),
            message=_("The secretariat has been told. Thank you for your answer."),
            changed=True,
        )
    return render_template(
        "nominations/decline.html",
        delegation=service.delegation_name(invitation, current_lang()),
        meeting=service.meeting_title(invitation, current_lang()),
        token=token,
    )
