"""Staff pages for meetings: list, create, edit, publish or cancel, remove."""

from dataclasses import replace
from datetime import date

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from sqlalchemy import select

from iom_events import editing, former_slugs, submissions
from iom_events.accounts.auth import manage_blueprint
from iom_events.agenda import schedule
from iom_events.calendar import withdrawals
from iom_events.editor import (
    Confirmation,
    Editor,
    Words,
    asked_version,
    changed_meanwhile,
    confirmation_page,
)
from iom_events.events import copying, readiness, staff, status
from iom_events.events.forms import CopyForm, EventForm
from iom_events.events.models import Event, EventStatus
from iom_events.extensions import db
from iom_events.formatting import country_choices, long_day, translate
from iom_events.labels import choices
from iom_events.search.queries import staff_meetings
from iom_events.web import page_number

bp = manage_blueprint("manage_events", __name__)


class MeetingEditor(Editor):
    """The meeting itself. Its address is made from its title when left empty and kept when it
    changes (the old one leads to the new); its agenda follows its dates."""

    model = Event
    form_class = EventForm
    key = "<slug>"
    path = "/events"
    has_index = False
    groups = (
        (
            _l("What"),
            ("title", "kind", "original_language", "summary", "description", "slug", "series",
             "parent_slug"),
        ),
        (_l("When"), ("starts_on", "ends_on", "day_unknown", "move_agenda", "starts_at", "ends_at",
                    "timezone")),
        (_l("Where"), ("venue", "city", "country")),
        (
            _l("Scale and links"),
            ("participant_count", "participant_count_qualifier", "states_count", "website",
             "contact_email"),
        ),
    )  # fmt: skip
    words = Words(
        new=_l("New meeting"),
        edit=_l("Edit meeting"),
        added=_l("Meeting created as a draft. Publish it when it is ready."),
        back=_l("Back to the meeting"),
        changed_meanwhile=_l(
            "Someone changed this meeting in the meantime: check it, then try again."
        ),
        in_trash=_l("The meeting is in the trash."),
        remove_question=_l("Move the meeting “%(name)s” to the trash?"),
        remove_consequence=_l(
            "The public will no longer see it, nor its agenda, participants and documents; "
            "calendar subscribers see it withdrawn. You or an administrator can restore it from "
            "the trash, with everything in it."
        ),
        trashed_meanwhile=_l("This meeting was moved to the trash by %(who)s (%(when)s)."),
        restore_hint=_l("You can restore the meeting from the trash."),
    )

    def lookup(self):
        return select(Event).where(Event.slug == self.args["slug"])

    def blank(self):
        return Event(status=EventStatus.DRAFT)

    def prepare(self, form, event):
        parent = staff.parent_of(event)
        if request.method == "GET":
            if parent is not None:
                form.parent_slug.data = parent.slug
            elif event is None and request.args.get("parent"):
                form.parent_slug.data = request.args["parent"]
        parents = staff.parent_choices()
        if parent is not None and parent.is_removed:  # kept, and said to be in the trash
            parents.append(parent)
        form.fill_choices(
            country_choices(event and event.country), parents, event.slug if event else None
        )
        _offer_to_move_the_agenda(form, event)

    def check(self, form, event) -> bool:
        self.with_first_day = "move_agenda" in form and form.move_agenda.data
        if event.id is not None and not _agenda_fits(form, event, self.with_first_day):
            return False
        self.committed_slug = event.slug
        return _apply_slug_and_parent(form, event)

    def also(self, form, event):
        if event.id is None:
            return None
        dates, slug = (event.starts_on, event.ends_on), self.committed_slug
        self.agenda: list[schedule.AgendaFollowed] = []

        def after_the_merge():
            # The merge may have kept a colleague's address over the form's: only the address
            # that wins becomes a change, and the one it replaces leads to it.
            former_slugs.remember(event, slug)
            followed = schedule.follow_meeting(event, *dates, with_first_day=self.with_first_day)
            self.agenda.append(followed)

        return after_the_merge

    def saved(self, event, *, created: bool) -> None:
        super().saved(event, created=created)
        for followed in getattr(self, "agenda", []):
            _say_what_the_agenda_did(followed)

    def saved_url(self, event, *, created: bool = False) -> str:
        return url_for(".show", slug=event.slug)

    def index_url(self) -> str:
        return url_for(".index")

    def back_links(self) -> list[tuple[str, str]]:
        if "slug" not in self.args:
            return []
        return [(url_for(".show", slug=self.args["slug"]), self.words.back)]

    def name(self, event) -> str:
        return translate(event.title, event.original_language) or ""

    def take_away(self, event) -> None:
        was_public = withdrawals.is_public(event)
        event.remove()
        withdrawals.follow_visibility(event, was_public)

    def stale_url(self, event) -> str:
        return url_for(".show", slug=event.slug)


MeetingEditor.register(bp)


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
        event.slug = form.slug.data  # the old one is remembered after the merge (`also`)
    elif not event.slug:
        title = form.title.data.resolve(form.original_language.data)
        event.slug = staff.free_slug(title)
    current = staff.parent_of(event)
    if current is None or form.parent_slug.data != current.slug:  # else kept, even in the trash
        event.parent = staff.meeting(form.parent_slug.data) if form.parent_slug.data else None
    return True


def _offer_to_move_the_agenda(form: EventForm, event: Event | None) -> None:
    """Keep "Move the agenda with the first day" on the page only where it helps: new dates,
    sent, of another length, that would leave items outside the meeting, and that the move
    would place on its days. Elsewhere the agenda's days follow the rule of `follow_meeting`."""
    start, end = form.starts_on.data, form.ends_on.data
    offered = (
        event is not None
        and request.method == "POST"
        and isinstance(start, date)
        and isinstance(end, date)
        and start <= end
        and schedule.may_move_with_first_day(event, start, end)
    )
    if not offered:
        del form.move_agenda
        return
    days = (start - event.starts_on).days
    form.move_agenda.description = (
        ngettext(
            "Every agenda item moves %(num)d day later, as the first day does.",
            "Every agenda item moves %(num)d days later, as the first day does.",
            days,
        )
        if days > 0
        else ngettext(
            "Every agenda item moves %(num)d day earlier, as the first day does.",
            "Every agenda item moves %(num)d days earlier, as the first day does.",
            -days,
        )
    )


def _agenda_fits(form: EventForm, event: Event, with_first_day: bool) -> bool:
    """New dates that would leave agenda items on days the meeting no longer has are refused,
    naming the items, and offering to move the agenda with the first day where that places
    them all; False then."""
    start, end = form.starts_on.data, form.ends_on.data
    strays = schedule.left_outside(event, start, end, with_first_day=with_first_day)
    if not strays:
        return True
    original = event.original_language
    items = "; ".join(f"{translate(i.title, original)} ({long_day(i.day)})" for i in strays)
    if "move_agenda" in form:
        message = ngettext(
            "%(num)d agenda item is on a day outside these dates: %(items)s. Tick “Move the "
            "agenda with the first day”, or move it to another day or remove it first.",
            "%(num)d agenda items are on days outside these dates: %(items)s. Tick “Move the "
            "agenda with the first day”, or move them to other days or remove them first.",
            len(strays),
            items=items,
        )
    else:
        message = ngettext(
            "%(num)d agenda item is on a day outside these dates: %(items)s. Move it to "
            "another day or remove it first.",
            "%(num)d agenda items are on days outside these dates: %(items)s. Move them to "
            "other days or remove them first.",
            len(strays),
            items=items,
        )
    form.ends_on.errors.append(message)
    return False


def _publish_page(confirmation: Confirmation, slug: str):
    """The confirmation of "Publish", with what the public will miss in each language above
    its button (events/readiness.py): publishing stays allowed, on purpose."""
    found = readiness.check(readiness.meeting_with_parts(slug))
    if not found.complete:
        confirmation = replace(confirmation, button=_("Publish anyway"))
    return render_template(
        "manage/events/publish.html",
        confirmation=confirmation,
        readiness=found,
        action=request.path,
    )


def _say_what_the_agenda_did(followed: schedule.AgendaFollowed) -> None:
    if followed.moved:
        flash(
            ngettext(
                "The agenda moved with the meeting (%(num)d item).",
                "The agenda moved with the meeting (%(num)d items).",
                followed.moved,
            )
        )


@bp.get("/")
def index():
    query = request.args.get("q", "")
    wanted = request.args.get("status", "")
    wanted = wanted if wanted in {s.value for s in EventStatus} else ""
    statement = staff_meetings(query, EventStatus(wanted) if wanted else None)
    page = db.paginate(statement, page=page_number(), per_page=50)
    return render_template(
        "manage/events/index.html",
        page=page,
        q=query,
        status=wanted,
        statuses=choices(EventStatus),
    )


@bp.get("/events/<slug>/")
def show(slug: str):
    event = staff.meeting_or_404(slug)
    return render_template(
        "manage/events/show.html", event=event, moves=status.moves_from(event.status)
    )


@bp.route("/events/<slug>/status", methods=["GET", "POST"])
def set_status(slug: str):
    """Only the moves of the status table (events/status.py); a GET asks for confirmation."""
    event = staff.meeting_or_404(slug)
    target = (request.form if request.method == "POST" else request.args).get("status", "")
    move = status.move(event.status, target)
    name = translate(event.title, event.original_language) or ""
    if request.method == "GET":
        confirmation = Confirmation(
            question=(move.question if move else _("Change the status of “%(name)s”?"))
            % {"name": name},
            consequence=move.consequence if move else "",
            button=move.button if move else "",
            cancel=url_for(".show", slug=slug),
            version=asked_version(event),
            fields={"status": target},
            danger=move.danger if move else False,
            refusal=None if move else status.refusal(event.status, target),
        )
        if move is status.PUBLISH:
            return _publish_page(confirmation, slug)
        return confirmation_page(confirmation)
    if move is None:
        flash(status.refusal(event.status, target), "error")
        return redirect(url_for(".show", slug=slug), 303)
    was_public = withdrawals.is_public(event)
    event.status = move.to
    withdrawals.follow_visibility(event, was_public)
    conflict = editing.commit_or_conflict(event, editing.submitted_version())
    if conflict:
        sentence = _("Someone changed this meeting in the meantime: check it, then try again.")
        flash(changed_meanwhile(sentence, conflict), "error")
    else:
        flash(str(move.done))
    return redirect(url_for(".show", slug=slug), 303)


@bp.route("/events/<slug>/copy", methods=["GET", "POST"])
def copy(slug: str):
    """A new meeting from this one: a draft copy on new dates (events/copying.py), written in
    one transaction; bad input changes nothing and is said at its field."""
    source = copying.source_meeting(slug) or abort(404)
    form = CopyForm(data={"title": source.title} if request.method == "GET" else None)
    form.length = (source.ends_on - source.starts_on).days + 1
    if form.validate_on_submit():

        def copied() -> str:
            copy = copying.copy_meeting(
                source,
                starts_on=form.starts_on.data,
                title=form.title.data,
                with_people=form.with_people.data,
            )
            return url_for(".show", slug=copy.slug)

        created, location = submissions.once(copied)
        if not created:
            flash(submissions.SENT_AGAIN, "error")
            return redirect(location or url_for(".index"), 303)
        flash(_("A copy was created as a draft: check it, then publish it when it is ready."))
        return redirect(location, 303)
    return render_template(
        "manage/events/copy.html", form=form, event=source
    ), 400 if form.errors else 200
