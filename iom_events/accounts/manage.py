"""Staff accounts, for administrators: create, change the role, disable, set a new password.

Disabling an account or giving it a new password changes its version, which is part of every
session's user id (`User.get_id`): the person's open sessions end at their next request.
"""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import func, select, update

from iom_events import editing
from iom_events.accounts import sessions
from iom_events.accounts.auth import manage_blueprint
from iom_events.accounts.forms import NewPasswordForm, RoleForm, UserForm
from iom_events.accounts.models import User, UserRole
from iom_events.editor import (
    Confirmation,
    Editor,
    Words,
    asked_version,
    changed_meanwhile,
    confirmation_page,
)
from iom_events.extensions import db

bp = manage_blueprint("manage_users", __name__, "/users", admin_only=True)

WORDS = Words(
    new=_l("New account"),
    edit=_l("Account"),
    added=_l("Account created. Give the person their password in a safe way."),
    back=_l("Back to the users"),
    changed_meanwhile=_l("Someone changed this account in the meantime: check it, then try again."),
    in_trash="",
    remove_question="",
    remove_consequence="",
    trashed_meanwhile="",
)


def _leaves_no_admin(user: User, *, role: UserRole, active: bool) -> bool:
    """Whether the change would leave nobody able to manage accounts and offices.

    The active administrators' rows are written (unchanged) first, which locks them until the
    save commits, on PostgreSQL (row locks) as on SQLite (the database's write lock): two
    administrators demoting or disabling each other at the same moment are decided one after
    the other, and the second one sees the first one's change. (`SELECT … FOR UPDATE` would do
    on PostgreSQL only: SQLite reads outside the transaction until its first write.)"""
    if role == UserRole.ADMIN and active:
        return False
    db.session.execute(
        update(User)
        .where(User.role == UserRole.ADMIN, User.is_active.is_(True))
        .values(role=User.role)
        .execution_options(synchronize_session=False)
    )
    other_admins = (
        select(func.count())
        .select_from(User)
        .where(User.role == UserRole.ADMIN, User.is_active.is_(True), User.id != user.id)
    )
    return db.session.scalar(other_admins) == 0


class UserEditor(Editor):
    """A new account (e-mail, role, first password) and an account's role; accounts are never
    removed, only disabled (below), so that their history keeps its author."""

    model = User
    form_class = RoleForm
    key = "<int:user_id>"
    removable = False
    template = "manage/users/edit.html"
    groups = ((None, ("email", "role", "password", "password_again")),)
    words = WORDS

    def form(self, user):
        if user is None:
            form = UserForm()
            self.save_label = _l("Create the account")
            return form
        return super().form(user)

    def name(self, user) -> str:
        return user.email

    def check(self, form, user) -> bool:
        if user.id is None:
            statement = select(User.id).where(func.lower(User.email) == form.email.data.lower())
            if db.session.scalar(statement) is not None:
                form.email.errors.append(_("This e-mail address already has an account."))
                return False
        elif _leaves_no_admin(user, role=UserRole(form.role.data), active=user.is_active):
            form.role.errors.append(_("This is the last active administrator: keep the role."))
            return False
        return True

    def index(self):
        users = db.session.scalars(select(User).order_by(User.email))
        return render_template("manage/users/index.html", users=list(users))


UserEditor.register(bp)


def _user_or_404(user_id: int) -> User:
    return db.session.get(User, user_id) or abort(404)


def _commit_action(user: User, done: str):
    """An action without a form (disable, enable): the same conflict rule as `editing.save`."""
    conflict = editing.commit_or_conflict(user, editing.submitted_version())
    if conflict:
        sentence = _("Someone changed this account in the meantime: check it, then try again.")
        flash(changed_meanwhile(sentence, conflict), "error")
    else:
        flash(done)
    return redirect(url_for(".edit", user_id=user.id), 303)


@bp.route("/<int:user_id>/password", methods=["GET", "POST"])
def reset_password(user_id: int):
    user = _user_or_404(user_id)
    form = NewPasswordForm(obj=user)
    conflict = None
    if form.validate_on_submit():
        conflict = editing.save(form, user)
        if conflict is None:
            if user.id == current_user.id:
                sessions.begin(user)  # end the other sessions, not the one that set the password
            flash(_("Password changed. The account's open sessions are ended."))
            return redirect(url_for(".edit", user_id=user.id), 303)
    status = 409 if conflict else (400 if form.errors else 200)
    return render_template(
        "manage/users/password.html", form=form, user=user, conflict=conflict
    ), status


@bp.route("/<int:user_id>/disable", methods=["GET", "POST"])
def disable(user_id: int):
    user = _user_or_404(user_id)
    refusal = _("You cannot disable your own account.") if user.id == current_user.id else None
    if request.method == "GET":
        return confirmation_page(
            Confirmation(
                question=_("Disable the account of %(email)s?", email=user.email),
                consequence=_(
                    "The person can no longer sign in, and their open sessions end. You can "
                    "enable the account again later."
                ),
                button=_("Disable the account"),
                cancel=url_for(".edit", user_id=user.id),
                version=asked_version(user),
                refusal=refusal,
            )
        )
    if refusal is None and _leaves_no_admin(user, role=user.role, active=False):
        refusal = _("This is the last active administrator: the account stays active.")
    if refusal:  # so that an active administrator always remains
        flash(refusal, "error")
        return redirect(url_for(".edit", user_id=user.id), 303)
    user.is_active = False
    return _commit_action(user, _("The account is disabled; its open sessions are ended."))


@bp.post("/<int:user_id>/enable")
def enable(user_id: int):
    user = _user_or_404(user_id)
    user.is_active = True
    return _commit_action(user, _("The account is active again."))
