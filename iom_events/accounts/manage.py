"""Staff accounts, for administrators: create, change the role, disable, set a new password.

Disabling an account or giving it a new password changes its version, which is part of every
session's user id (`User.get_id`): the person's open sessions end at their next request.
"""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user
from sqlalchemy import func, select

from iom_events import editing
from iom_events.accounts.auth import manage_blueprint
from iom_events.accounts.forms import NewPasswordForm, RoleForm, UserForm
from iom_events.accounts.models import User, UserRole
from iom_events.extensions import db

bp = manage_blueprint("manage_users", __name__, "/users", admin_only=True)


def _user_or_404(user_id: int) -> User:
    return db.session.get(User, user_id) or abort(404)


def _email_taken(form: UserForm) -> bool:
    statement = select(User.id).where(func.lower(User.email) == form.email.data.lower())
    if db.session.scalar(statement) is None:
        return False
    form.email.errors.append(_("This e-mail address already has an account."))
    return True


def _leaves_no_admin(user: User, *, role: UserRole, active: bool) -> bool:
    """Whether the change would leave nobody able to manage accounts and offices."""
    if role == UserRole.ADMIN and active:
        return False
    other_admins = (
        select(func.count())
        .select_from(User)
        .where(User.role == UserRole.ADMIN, User.is_active.is_(True), User.id != user.id)
    )
    return db.session.scalar(other_admins) == 0


def _commit_action(user: User, done: str):
    """An action without a form (disable, enable): the same conflict rule as `editing.save`."""
    if editing.commit_or_conflict(user, editing.submitted_version()):
        flash(_("Someone changed this account meanwhile: check it, then try again."), "error")
    else:
        flash(done)
    return redirect(url_for(".edit", user_id=user.id), 303)


@bp.get("/")
def index():
    users = db.session.scalars(select(User).order_by(User.email))
    return render_template("manage/users/index.html", users=list(users))


@bp.route("/new", methods=["GET", "POST"])
def new():
    form = UserForm()
    if form.validate_on_submit() and not _email_taken(form):
        editing.save(form, User())  # a new record has no version to conflict with
        flash(_("Account created. Give the person their password in a safe way."))
        return redirect(url_for(".index"))
    return render_template("manage/users/new.html", form=form), 400 if form.errors else 200


@bp.route("/<int:user_id>/edit", methods=["GET", "POST"])
def edit(user_id: int):
    user = _user_or_404(user_id)
    form = RoleForm(obj=user)
    conflict = None
    if form.validate_on_submit():
        if _leaves_no_admin(user, role=UserRole(form.role.data), active=user.is_active):
            form.role.errors.append(_("This is the last active administrator: keep the role."))
        else:
            conflict = editing.save(form, user)
            if conflict is None:
                flash(_("Changes saved."))
                return redirect(url_for(".index"))
    status = 409 if conflict else (400 if form.errors else 200)
    return render_template(
        "manage/users/edit.html", form=form, user=user, conflict=conflict
    ), status


@bp.route("/<int:user_id>/password", methods=["GET", "POST"])
def reset_password(user_id: int):
    user = _user_or_404(user_id)
    form = NewPasswordForm(obj=user)
    conflict = None
    if form.validate_on_submit():
        conflict = editing.save(form, user)
        if conflict is None:
            if user.id == current_user.id:
                login_user(user)  # end the other sessions, not the one that set the password
            flash(_("Password changed. The account's open sessions are ended."))
            return redirect(url_for(".edit", user_id=user.id))
    status = 409 if conflict else (400 if form.errors else 200)
    return render_template(
        "manage/users/password.html", form=form, user=user, conflict=conflict
    ), status


@bp.post("/<int:user_id>/disable")
def disable(user_id: int):
    user = _user_or_404(user_id)
    if user.id == current_user.id:  # so that an active administrator always remains
        flash(_("You cannot disable your own account."), "error")
        return redirect(url_for(".edit", user_id=user.id), 303)
    user.is_active = False
    return _commit_action(user, _("The account is disabled; its open sessions are ended."))


@bp.post("/<int:user_id>/enable")
def enable(user_id: int):
    user = _user_or_404(user_id)
    user.is_active = True
    return _commit_action(user, _("The account is active again."))
