"""Who may do what: the manage area's guards, checking passwords, signing in again to resend."""

from __future__ import annotations

from functools import wraps

from flask import Blueprint, abort, current_app, g, request, session
from flask_babel import gettext as _
from flask_login import current_user, user_logged_in, user_logged_out
from sqlalchemy import func, select
from werkzeug.security import check_password_hash, generate_password_hash

from iom_events import refused_forms
from iom_events.accounts import sessions, throttle
from iom_events.accounts.models import User, UserRole
from iom_events.extensions import db, login
from iom_events.languages import LANG

# Checked when the e-mail is unknown, so that a wrong address costs as long as a wrong password.
_DUMMY_HASH = generate_password_hash("not a password")


def manage_blueprint(
    name: str, import_name: str, url_prefix: str = "", *, admin_only: bool = False
):
    """A blueprint under /<lang>/manage/ whose every view requires a signed-in staff member.

    The guard sits on the blueprint, not on each view: a new view cannot forget it. Nothing
    it answers is kept by a browser or a proxy (`Cache-Control: no-store`): staff pages carry
    contact data and drafts.
    """
    bp = Blueprint(name, import_name, url_prefix=f"{LANG}/manage{url_prefix}")
    bp.before_request(require_admin if admin_only else require_staff)
    bp.after_request(not_stored)
    return bp


def not_stored(response):
    """`Cache-Control: no-store`, whatever the view said (RFC 9111, section 5.2.2.5)."""
    response.headers["Cache-Control"] = "no-store"
    return response


def require_staff():
    if not current_user.is_authenticated:
        return _signed_out()
    return None


def require_admin():
    """Editors get the 403 page, which says what only administrators can do here."""
    if not current_user.is_authenticated:
        return _signed_out(admin=True)
    if current_user.role != UserRole.ADMIN:
        abort(403)
    return None


def admin_only(view):
    """For one admin-only view inside a staff blueprint."""

    @wraps(view)
    def guarded(*args, **kwargs):
        refusal = require_admin()
        if refusal is not None:
            return refusal
        return view(*args, **kwargs)

    return guarded


def _signed_out(admin: bool = False):
    """A visitor, or staff whose session ended (signed out in another tab, password changed).

    A form they post keeps its input: the page asks them to sign in, carrying the input, and
    once signed in offers to send it again. A visit (or an empty POST) goes to the sign-in
    page.
    """
    if request.method != "POST" or not refused_forms.has_input():
        return login.unauthorized()
    if refused_forms.SIGN_IN_EMAIL not in request.form:
        return refused_forms.sign_in_to_resend_page()
    email = request.form.get(refused_forms.SIGN_IN_EMAIL, "")
    wait = throttle.attempt(email)
    if wait is not None:
        return refused_forms.sign_in_to_resend_page(error=wait.message, status=429)
    user = authenticate(email, request.form.get(refused_forms.SIGN_IN_PASSWORD, ""))
    if user is None:
        return refused_forms.sign_in_to_resend_page(
            error=_("This e-mail address and password do not match.")
        )
    throttle.succeeded(email)
    sessions.begin(user)
    if admin and user.role != UserRole.ADMIN:
        abort(403)
    return refused_forms.resend_page(signed_in_again=True, status=200)


@user_logged_in.connect
@user_logged_out.connect
def _new_csrf_token(sender, user, **extra) -> None:
    """Signing in or out starts a new CSRF token: with no time limit on tokens (settings), a
    token lives exactly as long as one signed-in session."""
    field = current_app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token")
    session.pop(field, None)
    g.pop(field, None)


def hash_password(password: str) -> str:
    """scrypt, Werkzeug's default: memory-hard, salted."""
    return generate_password_hash(password, method="scrypt")


def authenticate(email: str, password: str) -> User | None:
    """The active user with these credentials, or None; never says which part was wrong.

    An address with a control character is nobody's (and PostgreSQL refuses NUL in a query)."""
    email = email.strip().lower()
    known = email.isprintable() and len(email) <= 254
    user = db.session.scalar(select(User).where(func.lower(User.email) == email)) if known else None
    if user is None:
        check_password_hash(_DUMMY_HASH, password)
        return None
    if not check_password_hash(user.password_hash, password) or not user.is_active:
        return None
    return user
