"""The trash: editors see and restore what they removed; administrators everything, and only
they empty it."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from iom_events.accounts.auth import admin_only, manage_blueprint
from iom_events.accounts.models import UserRole
from iom_events.documents.storage import blob_store
from iom_events.editor import Confirmation, confirmation_page
from iom_events.i18n import long_day
from iom_events.trash import service

bp = manage_blueprint("trash", __name__, "/trash")


def _is_admin() -> bool:
    return current_user.role == UserRole.ADMIN


def _back_to(target: str | None) -> str:
    """Where "Undo" came from (a path on this site only), else the trash."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return url_for(".index")


@bp.get("/")
def index():
    items = service.contents(None if _is_admin() else current_user)
    return render_template("manage/trash.html", items=items, everything=_is_admin())


@bp.post("/<kind>/<int:record_id>/restore")
def restore(kind: str, record_id: int):
    record = service.find(kind, record_id) or abort(404)
    if not service.may_restore(current_user, record):
        abort(403)
    moved_from = service.restore(record)
    flash(_("Restored."))
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
        return confirmation_page(
            Confirmation(
                question=_("Empty the trash?"),
                consequence=_(
                    "Everything in the trash is deleted for good, with its files: "
                    "nobody can restore it afterwards."
                ),
                button=_("Empty the trash"),
                cancel=url_for(".index"),
                fields={"confirm": "yes"},
            )
        )
    if request.form.get("confirm") != "yes":
        flash(
            _("Tick the box to confirm that everything in the trash is deleted for good."), "error"
        )
        return redirect(url_for(".index"), 303)
    count = service.empty(blob_store())
    flash(_("The trash is empty: %(count)d items were deleted for good.", count=count))
    return redirect(url_for(".index"), 303)
