"""Staff page: the history of a meeting (its own fields and every part of it)."""

from flask import render_template
from sqlalchemy import select

from iom_events.accounts.auth import manage_blueprint
from iom_events.audit.models import AuditEntry
from iom_events.events import staff
from iom_events.extensions import db

bp = manage_blueprint("manage_history", __name__, "/events/<slug>/history")


@bp.get("")
def index(slug: str):
    event = staff.meeting_or_404(slug)
    entries = db.session.scalars(
        select(AuditEntry)
        .where(AuditEntry.event_id == event.id)
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
    )
    return render_template("manage/events/history.html", event=event, entries=list(entries))
