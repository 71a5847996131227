"""One editor for what staff keep: the parts of a meeting, the meeting itself, offices.

An `Editor` subclass names one kind of record and says only what is specific to it: how one is
found, its form and the fields' groups, its rules, where "last" is. The base gives every kind the
same staff pages and the same promises:

- new / edit: one form page (templates/manage/part_form.html). Saving goes through
  `editing.save`, which decides what to do about other people's changes meanwhile.
- A record moved to the trash while someone was editing it: the page says who moved it and when,
  keeps everything typed, and offers "Restore and save" (one transaction).
- remove: a GET is a confirmation page saying in words what will happen; the POST is the
  confirmed action. The flash after it offers "Undo" and the trash.
- move: up or down among its siblings, where the kind has an order.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from babel.lists import format_list
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import get_locale, to_user_timezone
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from markupsafe import Markup
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from iom_events import editing, submissions
from iom_events.audit import describe
from iom_events.columns import utcnow
from iom_events.extensions import db
from iom_events.formatting import clock, moment, record_name
from iom_events.trash import service as trash

Groups = tuple[tuple[Any, tuple[str, ...]], ...]
"""A form page's fields: (legend or None, field names) in the order of the page."""


@dataclass(frozen=True)
class Words:
    """What the pages of one kind of record say, as whole sentences (translators need them so:
    French and Spanish agree with the noun)."""

    new: str
    edit: str
    added: str
    back: str
    changed_meanwhile: str
    in_trash: str
    remove_question: str
    """With %(name)s: "Move the agenda item “%(name)s” to the trash?"."""
    remove_consequence: str
    trashed_meanwhile: str
    """With %(who)s and %(when)s."""
    restore_hint: str = _l("You can restore it from the trash.")
    remove_button: str = _l("Move to the trash")


def changed_meanwhile(sentence: str, conflict: editing.Conflict) -> str:
    """`sentence` ("Someone changed this meeting in the meantime: check it, then try again.")
    followed by what a colleague changed, who and when, from the history: a button sent from
    a page shown before their change (Publish, Move to the trash, Move up) is refused, and says
    which change it would have ignored. The three latest changes at most."""
    changes = [
        _(
            "%(what)s, by %(who)s (%(when)s)",
            what=format_list(
                list(dict.fromkeys(c.label for c in entry.changes)), locale=get_locale()
            )
            or entry.action,
            who=entry.who,
            when=entry.when,
        )
        for entry in describe.entries_in_words(conflict.entries)[-3:]
    ]
    if not changes:
        return sentence
    return f"{sentence} " + _("Changed in the meantime: %(changes)s.", changes="; ".join(changes))


@dataclass(frozen=True)
class Confirmation:
    """A confirmation page: a question, what will happen, a POST button and a way back."""

    question: str
    consequence: str
    button: str
    cancel: str
    version: int | None = None
    fields: dict[str, str] = field(default_factory=dict)
    danger: bool = True
    refusal: str | None = None
    """When the action cannot be done now: said instead of the button."""


def confirmation_page(confirmation: Confirmation):
    """The page a GET to a state-changing route answers: nothing changes until it is posted."""
    return render_template("manage/confirm.html", confirmation=confirmation, action=request.path)


def asked_version(record) -> int | None:
    """The version the page with the button showed (sent along with the GET), else the current
    one: confirming then still catches a change made in between."""
    asked = editing.to_int(request.args.get("version"))
    return asked if asked is not None else getattr(record, "version", None)


def removed_notice(sentence: str, record, back: str, hint: str) -> Markup:
    """The flash after a removal: what happened, the trash, and an "Undo" button (posted by the
    empty form `#undo` of the staff pages, so that it works inside a flash and without
    JavaScript)."""
    restore = url_for("trash.restore", kind=trash.kind_of(record), record_id=record.id, next=back)
    return Markup(
        '{sentence} <a href="{trash}">{hint}</a> '
        '<button type="submit" form="undo" formaction="{restore}">{undo}</button>'
    ).format(
        sentence=sentence, trash=url_for("trash.index"), hint=hint, restore=restore, undo=_("Undo")
    )


TRASHED_HINTS = {
    True: _l(
        "None of your changes has been saved yet, and your input is kept in the form. “Restore "
        "and save” brings it back from the trash and saves your input."
    ),
    False: _l(
        "None of your changes has been saved yet, and your input is kept in the form. Only an "
        "administrator, or the person who moved it to the trash, can restore it: ask them, then "
        "save again."
    ),
}
CONTAINER_HINT = _l(
    "None of your changes has been saved yet, and your input is kept in the form: save again "
    "once it is restored from the trash."
)
ANOTHER = "another"
"""The submit button "Save and add another" of a "new" form: the record is saved, then the same
blank form opens again (its query string kept: a participant's delegation stays chosen), with
the "added" message. One form after another, without the trip back to the list."""

MEETING_TRASHED = _l("The meeting “%(name)s” was moved to the trash by %(who)s (%(when)s).")


def moved_to_the_trash(sentence: str, container) -> str:
    """`sentence` (MEETING_TRASHED...) said of `container`: its name, who moved it, when."""
    return sentence % {"name": record_name(container), **who_and_when(trash.removal(container))}


def meeting_of_a_form(slug: str):
    """(the meeting, None) for a page that adds several records at once (rows, pasted lists);
    for a form posted after the meeting went to the trash, (the meeting, the sentence saying
    who moved it and when): the page shows the input again with it, 409, saving nothing,
    rather than a 404 that loses what was typed. 404 for a meeting that is not there at all."""
    from iom_events.events import staff

    event = staff.meeting(slug)
    if event is not None:
        return event, None
    if request.method == "POST":
        event = staff.meeting(slug, with_trash=True)
        if event is not None:
            return event, moved_to_the_trash(MEETING_TRASHED, event)
    abort(404)


def who_and_when(removal: trash.Removal | None) -> dict[str, str]:
    """For "moved to the trash by %(who)s at %(when)s": a time, with the date if not today."""
    if removal is None:
        return {"who": _("someone"), "when": "?"}
    when = (
        clock(removal.at)
        if to_user_timezone(removal.at).date() == to_user_timezone(utcnow()).date()
        else moment(removal.at)
    )
    who = removal.by.email if removal.by is not None else _("someone")
    return {"who": who, "when": when}


def _is_removed(record) -> bool:
    return getattr(record, "removed_at", None) is not None


class Editor:
    """Staff pages for one kind of record; subclass it and register it on a blueprint."""

    model: ClassVar[type]
    form_class: ClassVar[type]
    words: ClassVar[Words]
    groups: ClassVar[Groups] = ()
    key: ClassVar[str] = "<int:record_id>"
    """The URL part naming one record."""
    path: ClassVar[str] = ""
    suffix: ClassVar[str] = ""
    """Added to the endpoint names: "_participant" gives new_participant, edit_participant..."""
    has_index: ClassVar[bool] = True
    ordered: ClassVar[bool] = False
    removable: ClassVar[bool] = True
    save_label: ClassVar[str] = _l("Save")
    another_label: ClassVar[str] = _l("Save and add another")
    template: ClassVar[str] = "manage/part_form.html"

    def __init__(self, args: dict[str, Any]):
        self.args = args
        self.container_trashed: tuple[str, Any] | None = None
        """(sentence, record): what holds the record (its meeting, its delegation) went to the
        trash while the form was open; said on the form page, with the input kept."""

    # --- what a kind says about itself ---------------------------------------------------------

    @classmethod
    def key_name(cls) -> str:
        return re.search(r"<(?:\w+:)?(\w+)>", cls.key).group(1)

    def lookup(self):
        """The statement that finds the record the URL names."""
        return select(self.model).where(self.model.id == self.args[self.key_name()])

    def find(self, *, with_trash: bool = False):
        options = {"include_removed": True} if with_trash else {}
        return db.session.scalar(self.lookup(), execution_options=options)

    def blank(self):
        """A new record, before the form is copied onto it."""
        return self.model()

    def prepare(self, form, record) -> None:
        """Choices and defaults that depend on the page's language and on the scope."""

    def check(self, form, record) -> bool:
        """Rules beyond the form's own: False, with a message on a field, refuses the save."""
        return True

    def also(self, form, record) -> Callable[[], object] | None:
        """What must change with the record, in the same transaction (see `editing.save`)."""
        return None

    def saved(self, record, *, created: bool) -> None:
        flash(self.words.added if created else _("Changes saved."))

    def url_args(self) -> dict[str, Any]:
        return {}

    def index_url(self) -> str:
        return url_for(".index", **self.url_args())

    def saved_url(self, record, *, created: bool = False) -> str:
        return self.index_url()

    def back_links(self) -> list[tuple[str, str]]:
        return [(self.index_url(), self.words.back)]

    def name(self, record) -> str:
        return record_name(record)

    def refusal(self, record) -> str | None:
        """Why the record cannot go to the trash now (something still depends on it)."""
        return None

    def take_away(self, record) -> None:
        record.remove()

    def removed(self, record) -> None:
        flash(
            removed_notice(self.words.in_trash, record, self.index_url(), self.words.restore_hint)
        )

    def siblings(self, record) -> list:
        """The records `record` is ordered among, in their order (for "Move up"/"Move down")."""
        raise NotImplementedError

    # --- the pages -----------------------------------------------------------------------------

    def form(self, record):
        form = self.form_class(obj=record)
        if record is not None and request.method == "GET":
            form.version.data = record.version
        self.prepare(form, record)
        return form

    def page(self, form, record, conflict=None, trashed=None, restorable=True, hint=None):
        """The form page; `trashed`: who moved the record to the trash meanwhile, and
        `restorable`: whether this user may bring it back ("Restore and save"); `hint`: what
        to do then, when not that."""
        status = 400 if form.errors else 409 if conflict or trashed else 200
        if trashed is not None and hint is None:
            hint = TRASHED_HINTS[restorable]
        return render_template(
            self.template,
            editor=self,
            form=form,
            record=record,
            event=getattr(self, "event", None),
            heading=self.words.edit if record is not None else self.words.new,
            name=self.name(record) if record is not None else None,
            conflict=conflict,
            trashed=self.trashed_message(trashed)
            if isinstance(trashed, trash.Removal)
            else trashed,
            restorable=restorable,
            trashed_hint=hint,
        ), status

    def trashed_message(self, removal: trash.Removal) -> str:
        """'This agenda item was moved to the trash by X at 14:05' (a date too if not today)."""
        return self.words.trashed_meanwhile % who_and_when(removal)

    def container_page(self, form, record):
        """The form again, input kept, when what holds the record went to the trash meanwhile:
        409, nothing saved, the sentence saying who moved what, and when."""
        said = moved_to_the_trash(*self.container_trashed)
        form.validate()  # the errors of the input, if any, are shown too
        return self.page(form, record, trashed=said, restorable=False, hint=CONTAINER_HINT)

    def new(self):
        form = self.form(None)
        if self.container_trashed is not None:
            return self.container_page(form, None)
        if form.validate_on_submit():
            if (earlier := submissions.earlier()) is not None:
                return self._sent_again(earlier)
            record = self.blank()
            if self.check(form, record):
                submission = submissions.hold()  # committed with the record, or not at all
                try:
                    editing.save(form, record, also=self.also(form, record))
                except IntegrityError:  # the same form, sent twice at the same instant
                    db.session.rollback()
                    if (earlier := submissions.earlier()) is not None:
                        return self._sent_again(earlier)
                    raise
                self.saved(record, created=True)
                submissions.locate(submission, self.saved_url(record, created=True))
                if request.form.get(ANOTHER) == "yes":  # the same blank form, pre-set choices kept
                    return redirect(request.full_path.rstrip("?"), 303)
                return redirect(self.saved_url(record, created=True), 303)
            db.session.rollback()
        return self.page(form, None)

    def _sent_again(self, earlier: submissions.FormSubmission):
        """A "new" form already saved, sent again (Back, then Save; a double click): nothing
        more is created, and the page of what the first send created says so."""
        flash(submissions.SENT_AGAIN, "error")
        return redirect(earlier.location or self.index_url(), 303)

    def edit(self):
        record = self.find()
        if record is None and request.method == "POST":
            record = self.find(with_trash=True)  # moved to the trash meanwhile: said below
        if record is None:
            abort(404)
        form = self.form(record)
        if self.container_trashed is not None:
            return self.container_page(form, record)
        conflict = None
        # Editors restore what they moved to the trash themselves; administrators anything.
        restorable = not _is_removed(record) or trash.may_restore(current_user, record)
        if form.validate_on_submit() and (
            not _is_removed(record) or (request.form.get("restore") == "yes" and restorable)
        ):
            restoring = _is_removed(record)
            if restoring:
                record = self._restored(record, form)
            # What `check` sets on the record must reach the database only through the merge:
            # a query flushing it early would make it look like the committed value.
            with db.session.no_autoflush:
                checked = self.check(form, record)
            if checked:
                conflict = editing.save(form, record, also=self.also(form, record))
                if conflict is None:
                    if restoring:
                        flash(_("Restored and saved."))
                    else:
                        self.saved(record, created=False)
                    return redirect(self.saved_url(record), 303)
            if restoring or conflict is not None:
                db.session.rollback()  # nothing half-done stays in the session
                if restoring:
                    record = self.find(with_trash=True)
        trashed = trash.removal(record) if _is_removed(record) else None
        if trashed is not None and conflict is None:
            trash.catch_up(form, record, trashed)
        return self.page(form, record, conflict, trashed, restorable=restorable)

    def _restored(self, record, form):
        """Out of the trash, in the transaction the save commits; the record read again as any
        live one (what hangs from it then hides what is in the trash, as always). The restore is
        the editor's own change: it is not a conflict with their form."""
        before = record.version
        trash.bring_back(record)
        db.session.flush()
        db.session.expunge(record)
        record = self.find()
        if form.version.data == before:
            form.version.data = record.version
            form.version.raw_data = [str(record.version)]
        return record

    def found(self):
        """The record a removal or a move acts on: 404 if it, or what holds it, is in the trash
        (nothing typed to keep there)."""
        record = self.find()
        if record is None or self.container_trashed is not None:
            abort(404)
        return record

    def remove(self):
        record = self.found()
        refusal = self.refusal(record)
        if request.method == "GET":
            name = self.name(record)
            return confirmation_page(
                Confirmation(
                    question=self.words.remove_question % {"name": name},
                    consequence=self.words.remove_consequence,
                    button=self.words.remove_button,
                    cancel=self.index_url(),
                    version=asked_version(record),
                    refusal=refusal,
                )
            )
        if refusal:
            flash(refusal, "error")
            return redirect(self.index_url(), 303)
        self.take_away(record)
        conflict = editing.commit_or_conflict(record, editing.submitted_version())
        if conflict:
            flash(changed_meanwhile(self.words.changed_meanwhile, conflict), "error")
            return redirect(self.stale_url(record), 303)
        self.removed(record)
        return redirect(self.index_url(), 303)

    def stale_url(self, record) -> str:
        """Where a removal that came too late (the record changed meanwhile) leads."""
        return self.index_url()

    def move(self):
        record = self.found()
        step = {"up": -1, "down": 1}.get(request.form.get("direction", "")) or abort(400)
        records = self.siblings(record)
        other = records.index(record) + step
        if 0 <= other < len(records):
            if len({each.position for each in records}) < len(records):
                for position, each in enumerate(records):  # imported data may share positions
                    each.position = position
            neighbour = records[other]
            record.position, neighbour.position = neighbour.position, record.position
        conflict = editing.commit_or_conflict(record, editing.submitted_version())
        if conflict:
            flash(changed_meanwhile(self.words.changed_meanwhile, conflict), "error")
        return redirect(self.moved_url(record), 303)

    def moved_url(self, record) -> str:
        return self.index_url()

    def index(self):
        raise NotImplementedError

    # --- wiring ----------------------------------------------------------------------------

    @classmethod
    def register(cls, bp) -> None:
        """Add this kind's routes to a blueprint, under the endpoint names templates use."""
        one = f"{cls.path}/{cls.key}"
        routes = [
            ("new", f"{cls.path}/new", ["GET", "POST"]),
            ("edit", f"{one}/edit", ["GET", "POST"]),
        ]
        if cls.has_index:
            routes.append(("index", f"{cls.path}/", ["GET"]))
        if cls.removable:
            routes.append(("remove", f"{one}/remove", ["GET", "POST"]))
        if cls.ordered:
            routes.append(("move", f"{one}/move", ["POST"]))
        for action, rule, methods in routes:
            endpoint = f"{action}{cls.suffix}"
            bp.add_url_rule(rule, endpoint, cls._view(action, endpoint), methods=methods)

    @classmethod
    def _view(cls, action: str, endpoint: str):
        def view(**args):
            return getattr(cls(args), action)()

        view.__name__ = endpoint
        view.__doc__ = f"{cls.__name__}.{action}"
        return view


class PartEditor(Editor):
    """A part of a meeting (agenda item, delegation, document...): found within its meeting only,
    created in it, listed on the meeting's pages."""

    def __init__(self, args: dict[str, Any]):
        from iom_events.events import staff

        super().__init__(args)
        event = staff.meeting(args["slug"])
        if event is None and request.method == "POST":  # moved to the trash meanwhile?
            event = staff.meeting(args["slug"], with_trash=True)
            if event is not None:
                self.container_trashed = (MEETING_TRASHED, event)
        self.event = event or abort(404)

    def lookup(self):
        return super().lookup().where(self.model.event_id == self.event.id)

    def blank(self):
        return self.model(event_id=self.event.id)

    def url_args(self) -> dict[str, Any]:
        return {"slug": self.event.slug}

    def back_links(self) -> list[tuple[str, str]]:
        meeting = url_for("manage_events.show", slug=self.event.slug)
        return [(self.index_url(), self.words.back), (meeting, _("Back to the meeting"))]

    def from_the_meeting(self) -> bool:
        """Whether this "new" form was opened from the meeting's staff page
        (`?from=meeting`, its "Add a document" and "Add a press contact" links)."""
        return request.args.get("from") == "meeting"

    def saved_url(self, record, *, created: bool = False) -> str:
        """A record created from the meeting's page leads back there, where the next step is;
        otherwise to its list."""
        if created and self.from_the_meeting():
            return url_for("manage_events.show", slug=self.event.slug)
        return super().saved_url(record, created=created)

    def name(self, record) -> str:
        from iom_events.formatting import translate
        from iom_events.translated import Translated

        for attribute in ("title", "name"):
            value = getattr(record, attribute, None)
            if isinstance(value, Translated):
                return translate(value, self.event.original_language) or ""
        return record_name(record)

    def after_last(self, records) -> int:
        """The position that puts a new record after the others."""
        return max((record.position for record in records), default=-1) + 1

    def siblings(self, record) -> list:
        statement = (
            select(self.model)
            .where(self.model.event_id == self.event.id)
            .order_by(self.model.position, self.model.id)
        )
        return list(db.session.scalars(statement))
