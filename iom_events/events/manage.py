"""Staff pages for meetings: list, create, edit, publish or cancel, remove."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from iom_events import editing, former_slugs
from iom_events.accounts.auth import manage_blueprint
from iom_events.agenda import schedule
from iom_events.calendar import withdrawals
from iom_events.events import staff
from iom_events.events.forms import EventForm
from iom_events.events.models import Event, EventStatus
from iom_events.extensions import db
from iom_events.i18n import country_choices, long_day, translate
from iom_events.labels import choices
from iom_events.web import page_number

bp = manage_blueprint("manage_events", __name__)


def _form(event: Event | None = None) -> EventForm:
    form = EventForm(obj=event) if event else EventForm()
    if event and event.parent and request.method == "GET":
        form.parent_slug.data = event.parent.slug
    form.fill_choices(country_choices(), staff.parent_choices(), event.slug if event else None)
    return form


def _apply_slug_and_parent(form: EventForm, event: Event) -> bool:
    """Fill in the slug (made from the title when empty) and the parent; False on a clash.

    A renamed meeting keeps its old address, which leads to the new one (feeds subscribed to,
    links): no other meeting may take it."""
    if form.slug.data:
        if staff.slug_taken(form.slug.data, other_than=event):
            form.slug.errors.append(_("Another meeting already has this address."))
            return False
        if former_slugs.reserved_by_another(Event, form.slug.data, event.id):
            form.slug.errors.append(
                _("Another meeting had this address before, and it still leads there.")
            )
            return False
        old_slug, event.slug = event.slug, form.slug.data
        if event.id is not None:
            former_slugs.remember(event, old_slug)
    elif not event.slug:
        title = form.title.data.resolve(form.original_language.data)
        event.slug = staff.free_slug(title)
    event.parent = staff.meeting(form.parent_slug.data) if form.parent_slug.data else None
    return True


@bp.get("/")
def index():
    query = request.args.get("q", "")
    status = request.args.get("status", "")
    status = status if status in {s.value for s in EventStatus} else ""
    statement = staff.meetings(query, EventStatus(status) if status else None)
    page = db.paginate(statement, page=page_number(), per_page=50)
    return render_template(
        "manage/events/index.html", page=page, q=query, status=status, statuses=choices(EventStatus)
    )


@bp.route("/events/new", methods=["GET", "POST"])
def create():
    form = _form()
    if request.method == "GET" and request.args.get("parent"):
        form.parent_slug.data = request.args["parent"]
    if form.validate_on_submit():
        event = Event(status=EventStatus.DRAFT)
        if _apply_slug_and_parent(form, event):
            form.populate_obj(event)
            db.session.add(event)
            db.session.commit()
            flash(_("Meeting created as a draft. Publish it when it is ready."))
            return redirect(url_for(".show", slug=event.slug))
        db.session.rollback()
    status = 400 if form.errors else 200
    return render_template("manage/events/form.html", form=form, event=None), status


@bp.get("/events/<slug>/")
def show(slug: str):
    event = staff.meeting_or_404(slug)
    return render_template("manage/events/show.html", event=event)


@bp.route("/events/<slug>/edit", methods=["GET", "POST"])
def edit(slug: str):
    event = staff.meeting_or_404(slug)
    form = _form(event)
    if request.method == "GET":
        form.version.data = event.version
    conflict = None
    if form.validate_on_submit():
        conflict = editing.stale(form, event)
        if conflict is None and _agenda_fits(form, event) and _apply_slug_and_parent(form, event):
            dates = event.starts_on, event.ends_on
            agenda: list[schedule.AgendaFollowed] = []
            conflict = editing.save(
                form, event, also=lambda: agenda.append(schedule.follow_meeting(event, *dates))
            )
            if conflict is None:
                flash(_("Changes saved."))
                _say_what_the_agenda_did(agenda[0])
                return redirect(url_for(".show", slug=event.slug))
    status = 409 if conflict else (400 if form.errors else 200)
    return render_template(
        "manage/events/form.html", form=form, event=event, conflict=conflict
    ), status


def _agenda_fits(form: EventForm, event: Event) -> bool:
    """New dates that would leave agenda items on days the meeting no longer has are refused,
    naming the items; False then."""
    strays = schedule.left_outside(event, form.starts_on.data, form.ends_on.data)
    if not strays:
        return True
    original = event.original_language
    items = "; ".join(f"{translate(i.title, original)} ({long_day(i.day)})" for i in strays)
    form.ends_on.errors.append(
        ngettext(
            "%(num)d agenda item is on a day outside these dates: %(items)s. Move it to another "
            "day or remove it first.",
            "%(num)d agenda items are on days outside these dates: %(items)s. Move them to "
            "other days or remove them first.",
            len(strays),
            items=items,
        )
    )
    return False


def _say_what_the_agenda_did(followed: schedule.AgendaFollowed) -> None:
    if followed.moved:
        flash(
            ngettext(
                "The agenda moved with the meeting (%(num)d item).",
                "The agenda moved with the meeting (%(num)d items).",
                followed.moved,
            )
        )


STATUS_MESSAGES = {
    EventStatus.PUBLISHED: _l("The meeting is published."),
    EventStatus.CANCELLED: _l("The meeting is marked as cancelled."),
    EventStatus.DRAFT: _l("The meeting is back to draft: the public no longer sees it."),
}


@bp.post("/events/<slug>/status")
def set_status(slug: str):
    event = staff.meeting_or_404(slug)
    status = request.form.get("status", "")
    if status not in {s.value for s in EventStatus}:
        flash(_("Unknown status."), "error")
        return redirect(url_for(".show", slug=slug), 303)
    was_public = withdrawals.is_public(event)
    event.status = EventStatus(status)
    withdrawals.follow_visibility(event, was_public)
    conflict = editing.commit_or_conflict(event, editing.submitted_version())
    if conflict:
        flash(_("Someone changed this meeting meanwhile: check it, then try again."), "error")
    else:
        flash(str(STATUS_MESSAGES[event.status]))
    return redirect(url_for(".show", slug=slug), 303)


@bp.post("/events/<slug>/remove")
def remove(slug: str):
    event = staff.meeting_or_404(slug)
    was_public = withdrawals.is_public(event)
    event.remove()
    withdrawals.follow_visibility(event, was_public)
    conflict = editing.commit_or_conflict(event, editing.submitted_version())
    if conflict:
        flash(_("Someone changed this meeting meanwhile: check it, then try again."), "error")
        return redirect(url_for(".show", slug=slug), 303)
    flash(_("The meeting is in the trash. An administrator can restore it."))
    return redirect(url_for(".index"), 303)
