"""The agenda of a meeting, for staff: items by day, their order within the day, the trash."""

from __future__ import annotations

from datetime import date, timedelta

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from iom_events import editing
from iom_events.accounts.auth import manage_blueprint
from iom_events.agenda import schedule
from iom_events.agenda.forms import AgendaItemForm
from iom_events.agenda.models import AgendaItem
from iom_events.events import staff
from iom_events.events.models import Event
from iom_events.events.queries import agenda_by_day
from iom_events.extensions import db

bp = manage_blueprint("manage_agenda", __name__, "/events/<slug>/agenda")


def _item_or_404(event: Event, item_id: int) -> AgendaItem:
    """An item of this meeting; another meeting's item, or one in the trash, is not found."""
    statement = select(AgendaItem).where(AgendaItem.id == item_id, AgendaItem.event_id == event.id)
    return db.session.scalar(statement) or abort(404)


def meeting_days(event: Event) -> list[date]:
    length = (event.ends_on - event.starts_on).days
    return [event.starts_on + timedelta(days=n) for n in range(length + 1)]


def _form(event: Event, item: AgendaItem | None = None) -> AgendaItemForm:
    form = AgendaItemForm(obj=item) if item else AgendaItemForm()
    if item and request.method == "GET":
        form.version.data = item.version
        form.speakers.data = [person.id for person in item.speakers]
    form.fill_choices(meeting_days(event), event.participants, event.original_language)
    return form


def _end_of_day(event: Event, day: date) -> int:
    """The position after the last item of the day: where a new or moved item goes."""
    statement = select(func.max(AgendaItem.position)).where(
        AgendaItem.event_id == event.id, AgendaItem.day == day
    )
    last = db.session.scalar(statement)
    return 0 if last is None else last + 1


def _day_of(item: AgendaItem) -> list[AgendaItem]:
    """The items of the item's day, in the order the public page shows them."""
    statement = (
        select(AgendaItem)
        .where(AgendaItem.event_id == item.event_id, AgendaItem.day == item.day)
        .order_by(AgendaItem.position, AgendaItem.id)
    )
    return list(db.session.scalars(statement))


def _swap_with_neighbour(item: AgendaItem, step: int) -> None:
    """Swap positions with the previous (-1) or next (+1) item of the day, if there is one.

    Items sharing a position (imported data) are numbered first, so that a swap always changes
    the order the public sees.
    """
    items = _day_of(item)
    other = items.index(item) + step
    if not 0 <= other < len(items):
        return
    if len({i.position for i in items}) < len(items):
        for position, each in enumerate(items):
            each.position = position
    neighbour = items[other]
    item.position, neighbour.position = neighbour.position, item.position


@bp.get("/")
def index(slug: str):
    event = staff.meeting_or_404(slug)
    # Loads the agenda and every item's speakers into `event` in two queries, not one per item.
    db.session.scalars(
        select(Event)
        .where(Event.id == event.id)
        .options(selectinload(Event.agenda).selectinload(AgendaItem.speakers))
    ).one()
    agenda = agenda_by_day(event)
    outside = schedule.days_outside(event, [day for day, _items in agenda])
    return render_template(
        "manage/agenda/index.html", event=event, agenda=agenda, outside_days=outside
    )


@bp.route("/new", methods=["GET", "POST"])
def new(slug: str):
    event = staff.meeting_or_404(slug)
    form = _form(event)
    if form.validate_on_submit():
        item = AgendaItem(event_id=event.id, position=_end_of_day(event, form.chosen_day()))
        editing.save(form, item)  # a new record has nothing to conflict with
        flash(_("Agenda item added."))
        return redirect(url_for(".index", slug=slug, _anchor=f"item-{item.id}"))
    status = 400 if form.errors else 200
    return render_template("manage/agenda/form.html", form=form, event=event, item=None), status


@bp.route("/<int:item_id>/edit", methods=["GET", "POST"])
def edit(slug: str, item_id: int):
    event = staff.meeting_or_404(slug)
    item = _item_or_404(event, item_id)
    form = _form(event, item)
    conflict = None
    if form.validate_on_submit():
        conflict = editing.stale(form, item)
        if conflict is None:
            if form.chosen_day() != item.day:
                item.position = _end_of_day(event, form.chosen_day())
            conflict = editing.save(form, item)
            if conflict is None:
                flash(_("Changes saved."))
                return redirect(url_for(".index", slug=slug, _anchor=f"item-{item.id}"))
    status = 409 if conflict else (400 if form.errors else 200)
    return render_template(
        "manage/agenda/form.html", form=form, event=event, item=item, conflict=conflict
    ), status


STEPS = {"up": -1, "down": 1}


@bp.post("/<int:item_id>/move")
def move(slug: str, item_id: int):
    event = staff.meeting_or_404(slug)
    item = _item_or_404(event, item_id)
    step = STEPS.get(request.form.get("direction", "")) or abort(400)
    _swap_with_neighbour(item, step)
    if editing.commit_or_conflict(item, editing.submitted_version()):
        flash(_("Someone changed this agenda item meanwhile: check it, then try again."), "error")
    return redirect(url_for(".index", slug=slug, _anchor=f"item-{item.id}"), 303)


@bp.post("/<int:item_id>/remove")
def remove(slug: str, item_id: int):
    event = staff.meeting_or_404(slug)
    item = _item_or_404(event, item_id)
    item.remove()
    if editing.commit_or_conflict(item, editing.submitted_version()):
        flash(_("Someone changed this agenda item meanwhile: check it, then try again."), "error")
    else:
        flash(_("The agenda item is in the trash. An administrator can restore it."))
    return redirect(url_for(".index", slug=slug), 303)
