"""Error pages in the reader's language; in the staff area, pages that say what to do next.

A CSRF failure never runs the view and never loses what was typed: its page comes from
iom_events/refused_forms.py.
"""

from __future__ import annotations

from flask import Flask, current_app, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf.csrf import CSRFError
from sqlalchemy import select
from werkzeug.exceptions import HTTPException, SecurityError

from iom_events import addresses, former_slugs, refused_forms
from iom_events.accounts.models import User, UserRole
from iom_events.api.views import problem as api_problem
from iom_events.events import staff
from iom_events.extensions import db
from iom_events.settings import LANGUAGES

ADMIN_ONLY = {
    "trash.empty": (
        _l("Only administrators can empty the trash."),
        _l("Ask an administrator if something in it should be deleted for good."),
    ),
    "trash.restore": (
        _l("Only administrators can restore what someone else moved to the trash."),
        _l("Ask an administrator, or the person who moved it there."),
    ),
    "manage_users": (
        _l("Only administrators can manage staff accounts."),
        _l("Ask an administrator to add, change or disable an account."),
    ),
    "manage_offices": (
        _l("Only administrators can edit the office directory."),
        _l("Ask an administrator to make the change for you."),
    ),
}
"""What an editor is told where only administrators may go, by endpoint, else by blueprint."""

UNTRUSTED_HOST = _l("This site does not answer at this address. Check the link.")

TOO_MANY_FIELDS = (
    _l("Form too large"),
    _l("This form sent more fields than any form of the site has. Nothing was saved."),
)

ANY_ADMIN_PAGE = (
    _l("Only administrators can open this page."),
    _l("Ask an administrator to do this for you."),
)


def init_app(app: Flask) -> None:
    """The error handlers; a CSRF failure has its own, before the generic 400."""
    app.register_error_handler(CSRFError, form_refused)
    app.register_error_handler(400, bad_request)
    app.register_error_handler(403, forbidden)
    app.register_error_handler(404, page_not_found)
    app.register_error_handler(405, method_not_allowed)
    app.register_error_handler(409, conflict)
    app.register_error_handler(413, too_large)


# --- where the request is ---------------------------------------------------------------------


def _api_request() -> bool:
    """Under /api/: answered with problem details even where no API route matched (a path
    the API does not have, a method it does not take)."""
    return request.path == "/api" or request.path.startswith("/api/")


def in_staff_area() -> bool:
    """The address is under /<lang>/manage/, whether or not a route matched it."""
    parts = request.path.split("/", 3)
    return len(parts) > 2 and parts[1] in LANGUAGES and parts[2] == "manage"


def _staff_page() -> bool:
    """Styled staff error pages are for signed-in staff; visitors see the public pages."""
    return in_staff_area() and current_user.is_authenticated


# --- pages ------------------------------------------------------------------------------------


def page_not_found(error: HTTPException):
    """The 404 page, unless the address is a renamed meeting's or office's: then a 301 to it.

    In the staff area it says the record may be in the trash, and leads back to its list."""
    if _api_request():
        return api_problem(error)
    moved = former_slugs.redirect_if_moved()
    if moved is not None:
        return moved
    if _staff_page():
        back, meeting_gone = _way_back()
        return render_template("errors/staff_404.html", back=back, meeting_gone=meeting_gone), 404
    return render_template("errors/404.html"), 404


def forbidden(error: HTTPException):
    """An administrators' page opened by an editor: what only administrators can do, and who
    they are."""
    if not _staff_page():
        return error
    what, ask = ADMIN_ONLY.get(
        request.endpoint or "", ADMIN_ONLY.get(request.blueprint or "", ANY_ADMIN_PAGE)
    )
    admins = db.session.scalars(
        select(User.email)
        .where(User.role == UserRole.ADMIN, User.is_active.is_(True))
        .order_by(User.email)
    ).all()
    return render_template("errors/staff_403.html", what=what, ask=ask, admins=admins), 403


def bad_request(error: HTTPException):
    """An address the site cannot read (a host that is no host name, a control character),
    said in the page's language; a staff request the site cannot read (a button's odd value):
    nothing changed."""
    if _api_request():
        return api_problem(error, UNTRUSTED_HOST if isinstance(error, SecurityError) else None)
    if isinstance(error, addresses.BadHost):
        # No link can be built on such a host: a page of its own, without the site's header.
        return render_template("errors/bad_host.html", message=error.description), 400
    if isinstance(error, addresses.BadAddress):
        return render_template("errors/400.html", message=error.description), 400
    if isinstance(error, SecurityError):  # a host not in TRUSTED_HOSTS: no link to build on it
        return render_template("errors/bad_host.html", message=UNTRUSTED_HOST), 400
    if not _staff_page():
        return error
    back, _gone = _way_back()
    return render_template("errors/staff_400.html", back=back), 400


def method_not_allowed(error: HTTPException):
    """A button's address typed or bookmarked: it answers forms, not visits."""
    if _api_request():
        response = api_problem(error)
        response.headers["Allow"] = ", ".join(getattr(error, "valid_methods", None) or [])
        return response
    allowed = getattr(error, "valid_methods", None) or []
    if not _staff_page():
        return render_template("errors/405.html"), 405, {"Allow": ", ".join(allowed)}
    back, _gone = _way_back(*_posted_route(allowed))
    page = render_template("errors/staff_405.html", back=back)
    return page, 405, {"Allow": ", ".join(allowed)}


def conflict(error: HTTPException):
    """Someone else's change won at the same moment: nothing of theirs or ours is lost."""
    if not _staff_page():
        return error
    back, _gone = _way_back()
    return render_template("errors/staff_409.html", back=back), 409


def too_large(error: HTTPException):
    """A body far over the upload limit, refused unread; or a form of more fields than any
    form of the site has (Werkzeug's MAX_FORM_PARTS), which is no file's fault."""
    if _api_request():
        return api_problem(error)
    config = current_app.config
    if (request.content_length or 0) <= config["MAX_CONTENT_LENGTH"]:
        heading, message = TOO_MANY_FIELDS
    else:
        limit = config["UPLOAD_MAX_BYTES"] // (1024 * 1024)
        heading = _("File too large")
        message = _(
            "Files up to %(size)s MB are accepted. Nothing was saved: go back and choose a "
            "smaller file.",
            size=limit,
        )
    return render_template("errors/413.html", heading=heading, message=message), 413


def _posted_route(allowed: list[str]) -> tuple[str | None, dict]:
    """The blueprint and arguments of the route an address answers with another method (a
    405 matched no route, so the request has none)."""
    try:
        adapter = current_app.create_url_adapter(request)
        endpoint, args = adapter.match(request.path, method=allowed[0])
    except (HTTPException, IndexError):
        return None, {}
    return endpoint.rpartition(".")[0] or None, args


def _way_back(blueprint: str | None = None, args: dict | None = None) -> tuple[str, bool]:
    """The staff list the page belongs to, and whether its meeting is gone (deleted, in the
    trash or never there): then the way back is the list of meetings."""
    meetings = url_for("manage_events.index")
    if blueprint is None:
        blueprint, args = request.blueprint, request.view_args or {}
    args = args or {}
    endpoint = f"{blueprint}.index"
    if not blueprint or endpoint not in current_app.view_functions:
        return meetings, False
    needed = next(current_app.url_map.iter_rules(endpoint)).arguments - {"lang"}
    if not needed <= args.keys():
        return meetings, False
    if "slug" in needed and staff.meeting(args["slug"]) is None:
        return meetings, True
    return url_for(endpoint, **{name: args[name] for name in needed}), False


def form_refused(error: CSRFError):
    """A failed CSRF check: nothing ran; the input comes back with a fresh token."""
    if in_staff_area() and not current_user.is_authenticated:
        return refused_forms.sign_in_to_resend_page(status=400)
    return refused_forms.resend_page()
