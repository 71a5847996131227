"""The agenda of a meeting, for staff: items by day, their order within the day, the trash."""

from __future__ import annotations

from datetime import date

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload
from sqlalchemy.orm.exc import StaleDataError

from iom_events import submissions
from iom_events.accounts.auth import manage_blueprint
from iom_events.agenda import batch, order, schedule, table
from iom_events.agenda.forms import (
    BLANK_ROWS,
    AgendaItemForm,
    AgendaRowsForm,
    PastedAgendaForm,
)
from iom_events.agenda.models import AgendaItem, agenda_speaker
from iom_events.agenda.schedule import meeting_days
from iom_events.delegations.models import Participant
from iom_events.editor import PartEditor, Words, meeting_of_a_form
from iom_events.events import staff
from iom_events.events.models import Event
from iom_events.events.queries import agenda_by_day
from iom_events.extensions import db
from iom_events.fields import to_int
from iom_events.formatting import time_of_day

bp = manage_blueprint("manage_agenda", __name__, "/events/<slug>/agenda")


def _end_of_day(event: Event, day: date) -> int:
    """The position after the last item of the day: where a new or moved item goes."""
    statement = select(func.max(AgendaItem.position)).where(
        AgendaItem.event_id == event.id, AgendaItem.day == day
    )
    last = db.session.scalar(statement)
    return 0 if last is None else last + 1


def _speakers_in_the_trash(item: AgendaItem | None) -> list[Participant]:
    """The item's speakers who are in the trash (the item keeps them, unseen, until they are
    restored)."""
    if item is None or item.id is None:
        return []
    statement = (
        select(Participant)
        .join(agenda_speaker, agenda_speaker.c.participant_id == Participant.id)
        .where(agenda_speaker.c.agenda_item_id == item.id, Participant.removed_at.is_not(None))
        .order_by(Participant.position, Participant.id)
    )
    return list(db.session.scalars(statement, execution_options={"include_removed": True}))


def _namesake_in_the_trash(event: Event, name: str | None) -> Participant | None:
    """The meeting's participant in the trash named `name` (compared as `batch.fold` does), if
    any; no query when no name is given."""
    if not name:
        return None
    statement = select(Participant).where(
        Participant.event_id == event.id, Participant.removed_at.is_not(None)
    )
    people = db.session.scalars(statement, execution_options={"include_removed": True})
    return next((person for person in people if batch.fold(person.name) == batch.fold(name)), None)


class AgendaEditor(PartEditor):
    """An item's place within its day is not in its form: a new item, or one moved to another
    day, goes last; "Move up"/"Move down" reorder the day."""

    model = AgendaItem
    form_class = AgendaItemForm
    key = "<int:item_id>"
    ordered = True
    groups = (
        (_l("When"), ("day", "starts_at", "ends_at", "ends_next_day")),
        (_l("What"), ("kind", "title", "description", "room", "speakers")),
    )
    words = Words(
        new=_l("New agenda item"),
        edit=_l("Edit agenda item"),
        added=_l("Agenda item added."),
        back=_l("Back to the agenda"),
        changed_meanwhile=_l(
            "Someone changed this agenda item in the meantime: check it, then try again."
        ),
        in_trash=_l("The agenda item is in the trash."),
        remove_question=_l("Move the agenda item “%(name)s” to the trash?"),
        remove_consequence=_l(
            "The public will no longer see it. You or an administrator can restore it from the "
            "trash."
        ),
        trashed_meanwhile=_l("This agenda item was moved to the trash by %(who)s (%(when)s)."),
    )

    def prepare(self, form, item):
        kept = _speakers_in_the_trash(item)
        if item is not None and request.method == "GET":
            form.speakers.data = [person.id for person in [*item.speakers, *kept]]
        form.fill_choices(
            meeting_days(self.event),
            self.event.participants,
            self.event.original_language,
            kept,
            delegations=self.event.delegations,
            event_id=self.event.id,
        )

    def check(self, form, item):
        """A new person typed under "Add a person" whose name is that of a participant in the
        trash is refused: restored, they are the same person (no silent duplicate)."""
        namesake = _namesake_in_the_trash(self.event, form.new_speaker_name.data)
        if namesake is None:
            return True
        form.new_speaker_name.errors.append(
            _(
                "“%(name)s” is a participant of this meeting in the trash: restore them from the "
                "trash, then tick them in the list of speakers, instead of adding them again.",
                name=namesake.name,
            )
        )
        return False

    def also(self, form, item):
        day = item.day

        def to_the_end_of_a_new_day():
            if item.day != day:
                with db.session.no_autoflush:
                    item.position = _end_of_day(self.event, item.day)

        return to_the_end_of_a_new_day

    def saved_url(self, item, *, created: bool = False) -> str:
        return url_for(".index", slug=self.event.slug, _anchor=f"item-{item.id}")

    def moved_url(self, item) -> str:
        return self.saved_url(item)

    def siblings(self, item) -> list[AgendaItem]:
        """The items of the item's slot (its day, and its start time or none), in agenda order:
        the only ones it can be moved among."""
        same_time = (
            AgendaItem.starts_at.is_(None)
            if item.starts_at is None
            else AgendaItem.starts_at == item.starts_at
        )
        statement = (
            select(AgendaItem)
            .where(AgendaItem.event_id == item.event_id, AgendaItem.day == item.day, same_time)
            .order_by(*AgendaItem.agenda_order())
        )
        return list(db.session.scalars(statement))

    def move(self):
        """Refused, saying why, when the item has no neighbour in its slot that way: timed
        items follow their start times."""
        item = self.found()
        step = {"up": -1, "down": 1}.get(request.form.get("direction", "")) or abort(400)
        slot = self.siblings(item)
        if not 0 <= slot.index(item) + step < len(slot):
            flash(_cannot_move(item, self.name(item)), "error")
            return redirect(self.moved_url(item), 303)
        return super().move()

    def index(self):
        event = self.event
        # Loads the agenda and every item's speakers into `event` in two queries, not one per item.
        db.session.scalars(
            select(Event)
            .where(Event.id == event.id)
            .options(selectinload(Event.agenda).selectinload(AgendaItem.speakers))
        ).one()
        agenda = agenda_by_day(event)
        outside = schedule.days_outside(event, [day for day, _items in agenda])
        return render_template(
            "manage/agenda/index.html",
            event=event,
            agenda=agenda,
            outside_days=outside,
            movable=order.movable(event.agenda),
            shift=schedule.proposed_shift(event, event.agenda),
        )


def _cannot_move(item: AgendaItem, name: str) -> str:
    if item.starts_at is None:
        return _(
            "Items without a time follow the timed items of their day, in the order you give "
            "them: “%(name)s” cannot go further that way.",
            name=name,
        )
    return _(
        "Timed items follow their start times: “%(name)s” can only move among the items that "
        "start at the same time (%(time)s). Change its start time to move it further.",
        name=name,
        time=time_of_day(item.starts_at),
    )


AgendaEditor.register(bp)


@bp.post("/shift")
def shift(slug: str):
    """Move the whole agenda onto the meeting's days, as the agenda page proposed; refused,
    nothing changed, when the agenda or the meeting's dates changed since the page was shown."""
    event = staff.meeting_or_404(slug)
    days = to_int(request.form.get("days"))
    try:
        moved = schedule.shift_agenda(event, days or 0, request.form.get("stamp", ""))
        if moved is not None:
            db.session.commit()
    except StaleDataError:
        db.session.rollback()
        moved = None
    if moved is None:
        db.session.rollback()
        flash(
            _(
                "The agenda or the meeting's dates changed meanwhile: nothing moved. Check "
                "the agenda again."
            ),
            "error",
        )
    else:
        flash(_shifted(moved, days))
    return redirect(url_for(".index", slug=slug), 303)


def _shifted(moved: int, days: int) -> str:
    if days > 0:
        how_far = ngettext("%(num)d day later", "%(num)d days later", days)
    else:
        how_far = ngettext("%(num)d day earlier", "%(num)d days earlier", -days)
    return ngettext(
        "%(num)d agenda item moved %(how_far)s, onto the meeting's days.",
        "%(num)d agenda items moved %(how_far)s, onto the meeting's days.",
        moved,
        how_far=how_far,
    )


@bp.route("/paste", methods=["GET", "POST"])
def paste(slug: str):
    """A table pasted from a spreadsheet: checked and shown row by row; the items are added,
    in one transaction, only when the editor confirms the very text they saw checked."""
    event, trashed = meeting_of_a_form(slug)
    form = PastedAgendaForm()
    checked, header, refusal = [], False, None
    if trashed:  # the pasted text comes back, nothing checked or added
        refusal = trashed
    elif form.validate_on_submit():
        try:
            rows, header = table.read(form.text.data)
        except table.TooManyRows:
            refusal = _(
                "At most %(num)d rows at once: paste the agenda in parts.", num=batch.MAX_ROWS
            )
            rows = []
        checked = batch.check(event, rows, event.participants)
        if not checked and refusal is None:
            refusal = _("No rows found: paste the table's cells, one item a line.")
        seen = batch.fingerprint(form.text.data)
        all_good = refusal is None and all(each.ok for each in checked)
        if all_good and "confirm" in request.form and form.previewed.data == seen:
            created, location = submissions.once(lambda: _added(event, checked))
            if not created:
                flash(submissions.SENT_AGAIN, "error")
                return redirect(location or url_for(".index", slug=slug), 303)
            flash(
                ngettext("%(num)d agenda item added.", "%(num)d agenda items added.", len(checked))
            )
            return redirect(url_for(".index", slug=slug), 303)
        form.previewed.data = seen if all_good else ""
    refused = form.errors or refusal or any(not each.ok for each in checked)
    status = 409 if trashed else 400 if request.method == "POST" and refused else 200
    return render_template(
        "manage/agenda/paste.html",
        event=event,
        form=form,
        checked=checked,
        header=header,
        refusal=refusal,
    ), status


def _added(event: Event, checked: list[batch.Checked]) -> str:
    """Add the checked rows' items (`submissions.once` commits); the agenda's address."""
    batch.create(event, checked)
    return url_for(".index", slug=event.slug)


@bp.route("/rows", methods=["GET", "POST"])
def rows(slug: str):
    """New items of one day typed as rows of one form: every row checked, errors on their row
    and everything typed kept; all added in one transaction, or none."""
    event, trashed = meeting_of_a_form(slug)
    days = meeting_days(event)
    form = AgendaRowsForm()
    if request.method == "GET":
        form.day.data = request.args.get("day") or days[0].isoformat()
    form.fill_choices(days)
    errors: dict[int, dict[str, str]] = {}
    if trashed:  # the rows come back as typed, nothing added
        flash(trashed, "error")
    elif "more" in request.form:  # without JavaScript: the same rows, and more blank ones
        for _blank in range(BLANK_ROWS):
            if len(form.rows) < form.rows.max_entries:
                form.rows.append_entry()
        form.fill_choices(days)
    elif form.validate_on_submit():
        typed = [batch.Row.typed(form.day.data, row.data) for row in form.rows]
        checked = batch.check(event, typed, event.participants)
        day_refused = [each.errors.pop("day") for each in checked if "day" in each.errors]
        if day_refused:  # one day for every row: said once, at the day
            form.day.errors = [day_refused[0]]
        errors = {each.number: each.errors for each in checked if each.errors}
        if not checked:
            flash(_("Every row is blank: type at least one item."), "error")
        elif not errors and not day_refused:
            created, location = submissions.once(lambda: _added(event, checked))
            if not created:
                flash(submissions.SENT_AGAIN, "error")
                return redirect(location or url_for(".index", slug=slug), 303)
            flash(
                ngettext("%(num)d agenda item added.", "%(num)d agenda items added.", len(checked))
            )
            return redirect(url_for(".index", slug=slug), 303)
    items = [item for item in event.agenda if item.day.isoformat() == form.day.data]
    more = "more" in request.form
    status = 409 if trashed else 400 if request.method == "POST" and not more else 200
    return render_template(
        "manage/agenda/rows.html", event=event, form=form, errors=errors, items=items
    ), status
