"""Staff page: the history of a meeting (its own fields and every part of it), in words."""

from flask import render_template, request

from iom_events.accounts.auth import manage_blueprint
from iom_events.audit import describe, history
from iom_events.events import staff
from iom_events.extensions import db
from iom_events.web import page_number

bp = manage_blueprint("manage_history", __name__, "/events/<slug>/history")


@bp.get("")
def index(slug: str):
    event = staff.meeting_or_404(slug)
    filters = history.read_filters(request.args)
    page = db.paginate(
        history.entries(event.id, filters), page=page_number(), per_page=history.PER_PAGE
    )
    return render_template(
        "manage/events/history.html",
        event=event,
        page=page,
        entries=describe.entries_in_words(page.items, known=[event]),
        filters=filters,
        people=history.people(event.id),
        parts=[(name, label) for name, (label, _kinds) in history.PARTS.items()],
    )
