"""Offices, for administrators: the directory's entries, created, edited and moved to the trash.

The public directory and office pages read the same rows, so an edit shows there at once.
"""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy import func, select

from iom_events import editing, former_slugs
from iom_events.accounts.auth import manage_blueprint
from iom_events.events.models import EventOrganizer
from iom_events.extensions import db
from iom_events.i18n import country_choices
from iom_events.offices import queries
from iom_events.offices.forms import OfficeForm
from iom_events.offices.models import Office, OfficeKind

bp = manage_blueprint("manage_offices", __name__, "/offices", admin_only=True)

EVERYTHING = {"include_removed": True}


def _office_or_404(slug: str) -> Office:
    return db.session.scalar(select(Office).where(Office.slug == slug)) or abort(404)


def _form(office: Office | None = None) -> OfficeForm:
    form = OfficeForm(obj=office) if office else OfficeForm()
    if office and request.method == "GET":
        form.version.data = office.version
        form.parent.data = office.parent.slug if office.parent else ""
    form.fill_choices(country_choices(), queries.all_offices(), office)
    return form


def _slug_taken(form: OfficeForm, office: Office) -> bool:
    """An office in the trash keeps its address: restoring it must not clash."""
    statement = select(Office.id).where(Office.slug == form.slug.data)
    if office.id is not None:
        statement = statement.where(Office.id != office.id)
    if db.session.scalar(statement, execution_options=EVERYTHING) is not None:
        form.slug.errors.append(_("Another office already has this address."))
        return True
    if former_slugs.reserved_by_another(Office, form.slug.data, office.id):
        form.slug.errors.append(
            _("Another office had this address before, and it still leads there.")
        )
        return True
    return False


def _why_not_removable(office: Office) -> str | None:
    """Meetings and units would point at an office nobody sees: they must go first."""
    organizes = select(func.count()).where(EventOrganizer.office_id == office.id)
    if db.session.scalar(organizes):
        return _(
            "This office still organizes meetings: change their organizers before moving it "
            "to the trash."
        )
    units = select(func.count()).select_from(Office).where(Office.parent_id == office.id)
    if db.session.scalar(units):
        return _("This office still has divisions or units: move them elsewhere first.")
    return None


@bp.get("/")
def index():
    offices = queries.all_offices()
    by_kind = [(kind, [o for o in offices if o.kind == kind]) for kind in OfficeKind]
    return render_template("manage/offices/index.html", by_kind=by_kind)


@bp.route("/new", methods=["GET", "POST"])
def new():
    form = _form()
    office = Office()
    conflict = None
    if form.validate_on_submit() and not _slug_taken(form, office):
        conflict = editing.save(form, office)
        if conflict is None:
            flash(_("Office created."))
            return redirect(url_for(".index"))
    status = 409 if conflict else (400 if form.errors else 200)
    return render_template(
        "manage/offices/form.html", form=form, office=None, conflict=conflict
    ), status


@bp.route("/<slug>/edit", methods=["GET", "POST"])
def edit(slug: str):
    office = _office_or_404(slug)
    form = _form(office)
    conflict = None
    if form.validate_on_submit() and not _slug_taken(form, office):
        # The old address leads to the new one (pages, feeds subscribed to).
        conflict = editing.save(form, office, also=lambda: former_slugs.remember(office, slug))
        if conflict is None:
            flash(_("Changes saved."))
            return redirect(url_for(".index"))
    status = 409 if conflict else (400 if form.errors else 200)
    return render_template(
        "manage/offices/form.html", form=form, office=office, conflict=conflict
    ), status


@bp.post("/<slug>/remove")
def remove(slug: str):
    office = _office_or_404(slug)
    refusal = _why_not_removable(office)
    if refusal:
        flash(refusal, "error")
        return redirect(url_for(".index"), 303)
    office.remove()
    if editing.commit_or_conflict(office, editing.submitted_version()):
        flash(_("Someone changed this office meanwhile: check it, then try again."), "error")
    else:
        flash(_("The office is in the trash. An administrator can restore it."))
    return redirect(url_for(".index"), 303)
