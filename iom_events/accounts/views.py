"""Signing in and out."""

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import login_user, logout_user

from iom_events.accounts import auth
from iom_events.accounts.forms import SignInForm
from iom_events.languages import LANG
from iom_events.web import local_path

bp = Blueprint("accounts", __name__, url_prefix=LANG)


def _safe_next(target: str | None) -> str:
    """Only a path on this site (`web.local_path`): never an open redirect to another host."""
    return local_path(target) or url_for("manage_events.index")


@bp.route("/sign-in", methods=["GET", "POST"])
def sign_in():
    form = SignInForm(next=request.args.get("next", ""))
    status = 200
    if form.validate_on_submit():
        email = form.email.data
        if auth.sign_in_blocked(email):
            form.form_errors.append(_("Too many failed attempts. Wait 15 minutes, then try again."))
            status = 429
        else:
            user = auth.authenticate(email, form.password.data)
            if user is None:
                auth.record_failure(email)
                form.form_errors.append(_("This e-mail address and password do not match."))
                status = 401
            else:
                auth.forget_failures(email)
                login_user(user)
                return redirect(_safe_next(form.next.data))
    elif request.method == "POST":
        status = 400
    return render_template("accounts/sign_in.html", form=form), status


@bp.post("/sign-out")
def sign_out():
    logout_user()
    flash(_("You are signed out."))
    return redirect(url_for("events.home"))
