"""Staff accounts, for administrators."""

from flask import redirect, url_for

from iom_events.accounts.auth import manage_blueprint

bp = manage_blueprint("manage_users", __name__, "/users", admin_only=True)


@bp.get("/")
def index():
    return redirect(url_for("manage_events.index"))
