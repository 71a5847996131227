"""Offices, for administrators."""

from flask import redirect, url_for

from iom_events.accounts.auth import manage_blueprint

bp = manage_blueprint("manage_offices", __name__, "/offices", admin_only=True)


@bp.get("/")
def index():
    return redirect(url_for("manage_events.index"))
