"""Delegations and participants of a meeting, for staff."""

from flask import redirect, url_for

from iom_events.accounts.auth import manage_blueprint

bp = manage_blueprint("manage_delegations", __name__, "/events/<slug>/delegations")


@bp.get("/")
def index(slug: str):
    return redirect(url_for("manage_events.show", slug=slug))
