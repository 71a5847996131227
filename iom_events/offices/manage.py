"""Offices, for administrators: the directory's entries, created, edited and moved to the trash.

The public directory and office pages read the same rows, so an edit shows there at once.
"""

from flask import render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from iom_events import former_slugs
from iom_events.accounts.auth import manage_blueprint
from iom_events.editor import Editor, Words
from iom_events.events.models import EventOrganizer
from iom_events.extensions import db
from iom_events.formatting import country_choices
from iom_events.offices import queries
from iom_events.offices.forms import OfficeForm
from iom_events.offices.models import Office, OfficeKind

bp = manage_blueprint("manage_offices", __name__, "/offices", admin_only=True)

EVERYTHING = {"include_removed": True}


class OfficeEditor(Editor):
    model = Office
    form_class = OfficeForm
    key = "<slug>"
    groups = (
        (_l("What"), ("name", "kind", "slug", "parent", "position", "description")),
        (_l("Where"), ("city", "country", "region")),
        (_l("Functions"), ("resource_mobilization", "coordination", "coordination_area")),
    )
    words = Words(
        new=_l("New office"),
        edit=_l("Edit office"),
        added=_l("Office created."),
        back=_l("Back to the offices"),
        changed_meanwhile=_l(
            "Someone changed this office in the meantime: check it, then try again."
        ),
        in_trash=_l("The office is in the trash."),
        remove_question=_l("Move the office “%(name)s” to the trash?"),
        remove_consequence=_l(
            "The directory will no longer list it and its page will be gone. An administrator "
            "can restore it from the trash."
        ),
        trashed_meanwhile=_l("This office was moved to the trash by %(who)s (%(when)s)."),
        restore_hint=_l("You can restore the office from the trash."),
    )

    def lookup(self):
        return select(Office).where(Office.slug == self.args["slug"])

    def prepare(self, form, office):
        if office is not None and request.method == "GET":
            form.parent.data = office.parent.slug if office.parent else ""
        form.fill_choices(country_choices(office and office.country), queries.all_offices(), office)

    def check(self, form, office) -> bool:
        """An office in the trash keeps its address: restoring it must not clash."""
        statement = select(Office.id).where(Office.slug == form.slug.data)
        if office.id is not None:
            statement = statement.where(Office.id != office.id)
        if db.session.scalar(statement, execution_options=EVERYTHING) is not None:
            form.slug.errors.append(_("Another office already has this address."))
            return False
        if former_slugs.reserved_by_another(Office, form.slug.data, office.id):
            form.slug.errors.append(
                _("Another office had this address before, and it still leads there.")
            )
            return False
        return True

    def also(self, form, office):
        if office.id is None:
            return None
        # The old address leads to the new one (pages, feeds subscribed to).
        return lambda: former_slugs.remember(office, self.args["slug"])

    def refusal(self, office) -> str | None:
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

    def index(self):
        offices = queries.by_name(queries.all_offices())
        by_kind = [(kind, [o for o in offices if o.kind == kind]) for kind in OfficeKind]
        return render_template("manage/offices/index.html", by_kind=by_kind)

    def index_url(self) -> str:
        return url_for(".index")


OfficeEditor.register(bp)
