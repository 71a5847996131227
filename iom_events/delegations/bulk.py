"""Many delegations or participants at once, for staff: the rows form, and a list pasted or
uploaded, previewed, then imported (issue 16, items 1 and 2).

Both only create; `people` checks the rows and writes them in one transaction. Nothing is
written before the staff member confirms: the preview's "Import" form carries the rows it
showed, signed (`imports.carried`), and they are checked again when it is posted.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from iom_events import phones, submissions
from iom_events.delegations import imports, people
from iom_events.delegations.forms import ConfirmListForm, ListForm, RowsForm, typed_rows
from iom_events.delegations.models import Delegation, DelegationKind, ParticipantRole
from iom_events.editor import meeting_of_a_form, moved_to_the_trash
from iom_events.extensions import db
from iom_events.fields import to_int
from iom_events.formatting import country_choices
from iom_events.labels import choices

BLANK_ROWS = 5
"""The empty rows a rows form opens with; "More rows" adds as many (without JavaScript)."""

MAX_FORM_ROWS = 200
"""The most rows one rows form holds: more is a list to import."""

LABELS = {
    "delegation": _l("Delegation"),
    "kind": _l("Kind of delegation"),
    "country": _l("Country"),
    "name": _l("Name"),
    "function": _l("Function"),
    "affiliation": _l("Affiliation"),
    "role": _l("Role"),
    "email": _l("E-mail"),
    "phone": _l("Phone"),
    "public": _l("Public"),
}

DELEGATION_ROW = ("delegation", "kind", "country")
PERSON_ROW = ("name", "function", "affiliation", "role", "email", "phone", "public")


@dataclass(frozen=True)
class Column:
    """One column of the rows form: its name, heading and, for a select, its choices."""

    name: str
    label: str
    choices: list[tuple[str, str]] | None = None
    input_type: str = "text"


def register(bp) -> None:
    """Add the pages to the delegations' staff blueprint."""
    bp.add_url_rule("/rows", "rows", rows, methods=["GET", "POST"])
    bp.add_url_rule("/import", "import_list", import_list, methods=["GET", "POST"])
    bp.add_url_rule("/import/confirm", "confirm_import", confirm_import, methods=["POST"])


def rows(slug: str):
    """New delegations of a meeting, or new participants of one delegation (`?delegation=`),
    as rows of one form."""
    event, trashed = meeting_of_a_form(slug)
    delegation, delegation_trashed = _delegation(event, request.args.get("delegation"))
    trashed = trashed or delegation_trashed
    columns = _columns(PERSON_ROW if delegation else DELEGATION_ROW)
    form = RowsForm()
    typed = typed_rows(request.form, [c.name for c in columns]) if request.method == "POST" else []
    typed = typed[:MAX_FORM_ROWS]
    blank = dict.fromkeys((c.name for c in columns), "")
    lines = typed or [(number, blank) for number in range(1, BLANK_ROWS + 1)]
    checked: dict[int, people.Row] = {}
    status = 200
    if "more" in request.form:  # without JavaScript: the same rows, and more empty ones
        lines += [(len(lines) + number, blank) for number in range(1, BLANK_ROWS + 1)]
    if trashed:  # the rows come back as typed, nothing saved
        form.form_errors.append(trashed)
        status = 409
    elif "more" in request.form:
        pass
    elif request.method == "POST":
        status = 400
        if (first := submissions.earlier()) is not None:  # "Save" pressed again (Back, or twice)
            flash(submissions.SENT_AGAIN, "error")
            return redirect(first.location or url_for(".index", slug=event.slug), 303)
        if form.validate_on_submit():
            result = people.check(event, _filled(typed, columns), delegation=delegation)
            checked = {row.line: row for row in result}
            if not result:
                form.form_errors.append(_("Fill in at least one row."))
            elif all(row.ok for row in result):
                done = _create_once(event, result)
                if done is not None:
                    return done
                form.form_errors.append(str(NOT_SAVED))
                status = 409
    return render_template(
        "manage/delegations/rows.html",
        event=event,
        delegation=delegation,
        form=form,
        columns=columns,
        lines=lines[: MAX_FORM_ROWS + BLANK_ROWS],
        checked=checked,
        bad=sum(1 for row in checked.values() if not row.ok),
        labels=LABELS,
    ), status


def _filled(typed, columns: list[Column]) -> list[tuple[int, dict[str, str]]]:
    """The rows something was typed in: a select always sends its choice (a blank row's role is
    the list's first), so only the text cells say whether the row was left empty."""
    typed_in = [column.name for column in columns if column.choices is None]
    return [(line, values) for line, values in typed if any(values[c] for c in typed_in)]


NOT_SAVED = _l(
    "Nothing was saved: one of the rows could not be written. Check them, then try again."
)


def import_list(slug: str):
    """A list to import: the form, then (posted) its preview, nothing written."""
    event, trashed = meeting_of_a_form(slug)
    form = ListForm()
    if trashed:  # what was pasted comes back, nothing checked
        form.form_errors.append(trashed)
        return _import_page(event, form, status=409)
    if not form.validate_on_submit():
        return _import_page(event, form, status=400 if request.method == "POST" else 200)
    try:
        if form.upload.data:
            table = imports.read_upload(form.upload.data.read(imports.MAX_BYTES + 1))
        else:
            table = imports.read_text(form.pasted.data)
    except imports.UnreadableTable as error:
        form.form_errors.append(str(error))
        return _import_page(event, form, status=400)
    checked = people.check(event, table.rows)
    return _import_page(event, form, checked=checked, ignored=table.ignored)


def confirm_import(slug: str):
    """The confirmed import: the rows the preview showed, checked again, written at once."""
    event, trashed = meeting_of_a_form(slug)
    confirm = ConfirmListForm()
    lines = imports.brought_back(confirm.rows.data) if confirm.validate_on_submit() else None
    form = ListForm(formdata=None)
    if trashed and lines is not None:  # the preview again, to confirm once the meeting is back
        form.form_errors.append(trashed)
        return _import_page(event, form, checked=people.check(event, lines), status=409)
    if lines is None:
        form.form_errors.append(_("The list could not be read back: paste or upload it again."))
        return _import_page(event, form, status=400)
    if (first := submissions.earlier()) is not None:  # "Import" pressed again (Back, or twice)
        flash(submissions.SENT_AGAIN, "error")
        return redirect(first.location or url_for(".index", slug=event.slug), 303)
    checked = people.check(event, lines)
    if not checked or not all(row.ok for row in checked):
        form.form_errors.append(
            _("The meeting changed since the preview: check the rows again. Nothing was saved.")
        )
        return _import_page(event, form, checked=checked, status=409)
    done = _create_once(event, checked)
    if done is not None:
        return done
    form.form_errors.append(str(NOT_SAVED))
    return _import_page(event, form, checked=checked, status=409)


def _create_once(event, rows: list[people.Row]):
    """Write the rows, once per send (`submissions`; the caller has answered a repeat already,
    before checking the rows: a repeat's rows are at the meeting, and would be refused as
    such): the delegations page, saying what was added, or that this very form had been saved
    an instant earlier; None when the database refused the rows (nothing written)."""
    listed = url_for(".index", slug=event.slug)
    submission = submissions.hold()
    try:
        made = people.create(event, rows)
    except people.ImportFailed:
        if (first := submissions.earlier()) is not None:  # the same send, an instant earlier
            flash(submissions.SENT_AGAIN, "error")
            return redirect(first.location or listed, 303)
        return None
    submissions.locate(submission, listed)
    flash(_added(*made))
    return redirect(listed, 303)


def _import_page(event, form, *, checked=None, ignored=(), status=200):
    good = [(row.line, row.values) for row in checked or () if row.ok]
    shown = [c for c in imports.COLUMNS if any(row.values.get(c) for row in checked or ())]
    return render_template(
        "manage/delegations/import.html",
        event=event,
        form=form,
        checked=checked,
        columns=[Column(name, str(LABELS[name])) for name in shown],
        ignored=ignored,
        good=len(good),
        confirm=ConfirmListForm(formdata=None, rows=imports.carried(good)) if good else None,
        headings=imports.HEADINGS,
        labels=LABELS,
        international_phone=phones.international,
    ), status


def _added(delegations: int, participants: int) -> str:
    return _(
        "Added: %(delegations)s and %(participants)s.",
        delegations=ngettext("%(num)d delegation", "%(num)d delegations", delegations),
        participants=ngettext("%(num)d participant", "%(num)d participants", participants),
    )


def _delegation(event, value: str | None) -> tuple[Delegation | None, str | None]:
    """The delegation of the meeting `?delegation=` names, if any, and, for a form posted after
    it went to the trash, the sentence saying so (`editor.meeting_of_a_form`); 404 for one the
    meeting does not have."""
    if not value:
        return None, None
    delegation_id = to_int(value)
    if delegation_id is None:  # no number, or none a record can have
        abort(404)
    delegation = db.session.get(Delegation, delegation_id)
    if delegation is None and request.method == "POST":
        delegation = db.session.get(
            Delegation, delegation_id, execution_options={"include_removed": True}
        )
        if delegation is not None and delegation.event_id == event.id:
            from iom_events.delegations.manage import DELEGATION_TRASHED  # manage imports us

            return delegation, moved_to_the_trash(DELEGATION_TRASHED, delegation)
    if delegation is None or delegation.event_id != event.id:
        abort(404)
    return delegation, None


def _columns(names) -> list[Column]:
    special = {
        "kind": [("", "—"), *choices(DelegationKind)],
        "role": choices(ParticipantRole),
        "country": [("", "—"), *country_choices()],
        "public": [("yes", _("Public")), ("no", _("Private"))],
    }
    types = {"email": "email", "phone": "tel"}
    return [
        Column(name, str(LABELS[name]), special.get(name), types.get(name, "text"))
        for name in names
    ]
