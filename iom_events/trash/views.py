"""The trash, for administrators."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from iom_events.accounts.auth import manage_blueprint
from iom_events.documents.storage import blob_store
from iom_events.i18n import long_day
from iom_events.trash import service

bp = manage_blueprint("trash", __name__, "/trash", admin_only=True)


@bp.get("/")
def index():
    return render_template("manage/trash.html", items=service.contents())


@bp.post("/<kind>/<int:record_id>/restore")
def restore(kind: str, record_id: int):
    record = service.find(kind, record_id) or abort(404)
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
    return redirect(url_for(".index"), 303)


@bp.post("/empty")
def empty():
    if request.form.get("confirm") != "yes":
        flash(
            _("Tick the box to confirm that everything in the trash is deleted for good."), "error"
        )
        return redirect(url_for(".index"), 303)
    count = service.empty(blob_store())
    flash(_("The trash is empty: %(count)d items were deleted for good.", count=count))
    return redirect(url_for(".index"), 303)
