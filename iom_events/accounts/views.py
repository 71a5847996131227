"""Signing in and out; one's own account and its sessions."""

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from iom_events.accounts import auth, sessions, throttle
from iom_events.accounts.forms import SignInForm
from iom_events.languages import LANG
from iom_events.web import local_path

bp = Blueprint("accounts", __name__, url_prefix=LANG)
bp.after_request(auth.not_stored)  # the sign-in page shows the e-mail address typed
account = auth.manage_blueprint("account", __name__, "/account")


def _safe_next(target: str | None) -> str:
    """Only a path on this site (`web.local_path`): never an open redirect to another host."""
    return local_path(target) or url_for("manage_events.index")


@bp.route("/sign-in", methods=["GET", "POST"])
def sign_in():
    form = SignInForm(next=request.args.get("next", ""))
    status = 200
    if form.validate_on_submit():
        email = form.email.data
        wait = throttle.attempt(email)
        if wait is not None:
            form.form_errors.append(wait.message)
            status = 429
        else:
            user = auth.authenticate(email, form.password.data)
            if user is None:
                form.form_errors.append(_("This e-mail address and password do not match."))
                status = 401
            else:
                throttle.succeeded(email)
                sessions.begin(user)
                return redirect(_safe_next(form.next.data))
    elif request.method == "POST":
        status = 400
    return render_template("accounts/sign_in.html", form=form), status


@bp.post("/sign-out")
def sign_out():
    sessions.end()
    flash(_("You are signed out."))
    return redirect(url_for("events.home"))


@account.get("/")
def index():
    """The signed-in staff member's own account: their open sessions, "sign out everywhere"."""
    return render_template(
        "manage/account.html",
        sessions=[
            (staff_session, sessions.is_this_browser(staff_session))
            for staff_session in sessions.open_sessions(current_user)
        ],
    )


@account.post("/sign-out-everywhere")
def sign_out_everywhere():
    sessions.end_everywhere(current_user)
    flash(_("You are signed out on every browser and device."))
    return redirect(url_for("accounts.sign_in"))
