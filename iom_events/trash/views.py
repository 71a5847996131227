"""The trash: editors see and restore what they removed; administrators everything, and only
they empty it."""

from datetime import datetime

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from iom_events.accounts.auth import admin_only, manage_blueprint
from iom_events.accounts.models import UserRole
from iom_events.documents.storage import blob_store
from iom_events.editor import Confirmation, confirmation_page
from iom_events.formatting import long_day, translate
from iom_events.trash import service
from iom_events.web import local_path

bp = manage_blueprint("trash", __name__, "/trash")


def _is_admin() -> bool:
    return current_user.role == UserRole.ADMIN


def _back_to(target: str | None) -> str:
    """Where "Undo" came from (a path on this site only, `web.local_path`), else the trash."""
    return local_path(target) or url_for(".index")


@bp.get("/")
def index():
    items = service.contents(None if _is_admin() else current_user)
    return render_template("manage/trash.html", items=items, everything=_is_admin())


@bp.post("/<kind>/<int:record_id>/restore")
def restore(kind: str, record_id: int):
    record = service.find(kind, record_id)
    if record is None and service.find(kind, record_id, in_trash=False) is not None:
        # "Undo" pressed after someone else restored it: nothing to do, and said so.
        flash(_("It is already out of the trash: someone restored it in the meantime."))
        return redirect(_back_to(request.args.get("next")), 303)
    if record is None:
        abort(404)
    if not service.may_restore(current_user, record):
        abort(403)
    moved_from = service.restore(record)
    flash(_("Restored."))
    meeting = service.meeting_still_in_trash(record)
    if meeting is not None:
        flash(
            _(
                "Its meeting, “%(title)s”, is in the trash: nobody sees it until the meeting is "
                "restored too (by whoever moved it there, or an administrator).",
                title=translate(meeting.title, meeting.original_language),
            ),
            "error",
        )
    delegation = service.delegation_still_in_trash(record)
    if delegation is not None:
        flash(
            _(
                "Their delegation, “%(name)s”, is in the trash: nobody sees this participant "
                "until the delegation is restored too (by whoever moved it there, or an "
                "administrator). Emptying the trash would delete them with it.",
                name=translate(delegation.name),
            ),
            "error",
        )
    if moved_from is not None:
        flash(
            _(
                "Its day, %(old)s, is no longer a day of the meeting: it is now on %(new)s. "
                "Check the agenda.",
                old=long_day(moved_from),
                new=long_day(record.day),
            ),
            "error",
        )
    return redirect(_back_to(request.args.get("next")), 303)


@bp.route("/empty", methods=["GET", "POST"])
@admin_only
def empty():
    if request.method == "GET":
        items = service.contents()
        latest = service.latest_removal(items)
        return confirmation_page(
            Confirmation(
                question=ngettext(
                    "Empty the trash of its %(num)d item?",
                    "Empty the trash of its %(num)d items?",
                    len(items),
                )
                if items
                else _("Empty the trash?"),
                consequence=_(
                    "Everything in the trash now is deleted for good, with its files: nobody can "
                    "restore it afterwards. What someone moves there after this page opened "
                    "stays."
                ),
                button=_("Empty the trash"),
                cancel=url_for(".index"),
                fields={"confirm": "yes", "until": latest.isoformat() if latest else ""},
                refusal=None if items else _("The trash is empty."),
            )
        )
    until = _moment(request.form.get("until"))
    if request.form.get("confirm") != "yes" or until is None:
        flash(_("Nothing was deleted: open “Empty the trash” again and confirm."), "error")
        return redirect(url_for(".index"), 303)
    deleted, kept = service.empty(blob_store(), until)
    if not kept:
        flash(
            ngettext(
                "The trash is empty: %(num)d item was deleted for good.",
                "The trash is empty: %(num)d items were deleted for good.",
                deleted,
            )
        )
    else:
        flash(
            ngettext(
                "%(num)d item was deleted for good.",
                "%(num)d items were deleted for good.",
                deleted,
            )
        )
        flash(
            ngettext(
                "%(num)d item moved to the trash after you opened the confirmation stays there.",
                "%(num)d items moved to the trash after you opened the confirmation stay there.",
                kept,
            )
        )
    return redirect(url_for(".index"), 303)


def _moment(text: str | None) -> datetime | None:
    """A moment the confirmation page wrote (ISO 8601 with its offset), else None."""
    try:
        moment = datetime.fromisoformat(text or "")
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None
