"""The focal point's private page: `/<lang>/nominations/<token>`.

No account: the signed link is the key (nominations/tokens.py). The page shows one invitation's
delegation and nothing else; an expired, revoked, declined or unknown link gets a page saying
so in the link's language (410 or 404) and changes nothing; a list posted through it (the
deadline passed, or the link was withdrawn, while the page was open) is shown back. A save that
stops (a field to correct, a clash) keeps what was typed, and holds the letter sent with it
(nominations/letters.py). Nothing here is stored by a browser or a proxy, and no link leaks the
token to another site (`Referrer-Policy: no-referrer`).
"""

from __future__ import annotations

import secrets
from contextlib import ExitStack

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError

from iom_events.documents.service import Accepted, SomeRefused, Upload, received
from iom_events.documents.storage import blob_store
from iom_events.extensions import db
from iom_events.labels import label
from iom_events.languages import LANG, current_lang
from iom_events.nominations import letters, service
from iom_events.nominations.forms import NominationForm
from iom_events.nominations.merge import CHOICE
from iom_events.nominations.models import Invitation, NominationRole
from iom_events.nominations.tokens import Refusal, invitation_of
from iom_events.phones import international

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
    """The page of a link that opens nothing, in the link's language, with its status. A list
    sent through it is not saved, but shown back, so that nothing typed is lost: the focal
    point can copy it into a message to the secretariat."""
    heading, message = REFUSALS[refusal]
    typed, letter = [], None
    if request.method == "POST" and request.endpoint == "nominations.show":
        typed, letter = _typed_back()
    return render_template(
        "nominations/refused.html", heading=heading, message=message, typed=typed, letter=letter
    ), refusal.status


def _typed_back() -> tuple[list[list[str]], str | None]:
    """What a list posted through a link that no longer works held, as the person typed it:
    each member as its values ("Ana Pérez", "Ambassador", "Head of delegation"…), and the name
    of the letter chosen."""
    form = NominationForm()
    typed = []
    for row in form.members:
        member = row.form
        if member.is_blank():
            continue
        values = [member.title.data, member.name.data, member.function.data]
        if member.role.data in {role.value for role in NominationRole}:
            values.append(label(NominationRole(member.role.data)))
        values += [member.email.data, (member.phone.raw_data or [""])[0]]
        if member.remove.data:
            values.append(_("to be removed"))
        typed.append([str(value) for value in values if value])
    upload = request.files.get(form.credentials.name)
    return typed, (upload.filename if upload is not None and upload.filename else None)


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
                "draft": secrets.token_hex(16),
            }
        )
        form.prepare(invitation.delegation.country)
        return _page(invitation, current, form, token)
    form = NominationForm()
    form.prepare(invitation.delegation.country)
    valid = form.validate()
    clashes: list = []
    with ExitStack() as receiving:
        received_now, letter = _letters(invitation, form, receiving)
        if valid and not form.credentials.errors:
            saved = _commit(invitation, form, _credentials(received_now, letter))
            if saved.version is not None or saved.unchanged is not None:
                if saved.version is not None and received_now is not None:
                    received_now.incoming.publish()
                _say_saved(invitation, saved)
                return redirect(url_for(".show", token=token), 303)
            clashes = saved.clashes or []
            _move_on(form, invitation)
        if received_now is not None:  # not saved: held for the next save
            letter = letters.hold(invitation, received_now)
    status = 400 if form.errors else 409 if clashes else 200
    return _page(invitation, service.latest(invitation), form, token, clashes, letter), status


def _letters(
    invitation: Invitation, form, receiving: ExitStack
) -> tuple[Accepted | None, letters.HeldLetter | None]:
    """(the letter sent with this form, received and checked; the one held from a save that
    stopped before). A letter refused, or held no longer, is an error of the form's letter."""
    held = letters.held(invitation, request.form.get(letters.FIELD))
    upload = request.files.get(form.credentials.name)
    if upload is not None and upload.filename:
        received_now, problem = _received(receiving, upload)
        if problem is not None:
            form.credentials.errors = [*form.credentials.errors, problem]
        return received_now, held
    if held is not None and held.gone:
        message = _(
            "The letter you chose before, %(name)s, could not be kept: choose it again.",
            name=held.filename,
        )
        form.credentials.errors = [*form.credentials.errors, message]
        return None, None
    return None, held


def _credentials(received_now: Accepted | None, held: letters.HeldLetter | None):
    """(SHA-256, file name) of the letter to save with the list; None keeps the one saved."""
    if received_now is not None:
        return received_now.incoming.sha256, (received_now.filename or "")[:255]
    return (held.sha256, held.filename) if held is not None else None


def _page(invitation, current, form, token: str, clashes=(), letter=None):
    return render_template(
        "nominations/show.html",
        invitation=invitation,
        current=current,
        form=form,
        errors=form.error_list() if form.errors else [],
        clashes=clashes,
        letter=letter,
        letter_field=letters.FIELD,
        merge_base=getattr(form, "started", None) if clashes else None,
        deadline=service.deadline_text(invitation),
        meeting=service.meeting_title(invitation, current_lang()),
        delegation=service.delegation_name(invitation, current_lang()),
        token=token,
        roles=NominationRole,
        international_phone=international,
    )


def _say_saved(invitation: Invitation, saved: service.Saved) -> None:
    deadline = service.deadline_text(invitation)
    if saved.version is None:  # the same list sent again (a double click)
        flash(
            _(
                "Your list is saved as version %(number)s: nothing had changed since. "
                "You can change it until %(deadline)s.",
                number=saved.unchanged.number,
                deadline=deadline,
            )
        )
        return
    flash(
        _(
            "Saved: version %(number)s of your list. You can change it until %(deadline)s.",
            number=saved.version.number,
            deadline=deadline,
        )
    )
    if saved.merged:
        flash(_("Changes saved meanwhile by someone else with this link were kept too."))


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


def _received(receiving: ExitStack, upload) -> tuple[Accepted | None, str | None]:
    """(the letter received and checked, None) or (None, why it was refused). The letter waits
    in the store until `receiving` closes: published by a save, else held (nominations/
    letters.py), else deleted."""
    try:
        (letter,) = receiving.enter_context(
            received({"letter": Upload(upload.stream, upload.filename)}, blob_store())
        )
    except SomeRefused as refusal:
        refused = refusal.refusals["letter"]
        if refused.media_type in (None, PDF):  # empty, too large, a PDF misnamed or unsafe
            return None, str(refused.message)
        return None, _not_a_pdf()  # not the documents' advice: formats a letter cannot be in
    if letter.media_type != PDF:
        return None, _not_a_pdf()
    return letter, None


def _not_a_pdf() -> str:
    return _("The content of this file is not a PDF: send the credentials letter as a PDF file.")


def _commit(invitation: Invitation, form, credentials) -> service.Saved:
    """The new version committed; a save that raced ours (the same number taken an instant
    before) is merged with it once more."""
    choices = {
        key[len(CHOICE.format("")) :]: value
        for key, value in request.form.items()
        if key.startswith(CHOICE.format("")) and value in ("theirs", "mine")
    }
    args = (form.members_data(), form.based_on.data, choices, _started(form))
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
