"""Administrators create staff accounts, change roles, disable them and set new passwords.

The fixtures' editor@iom.test and admin@iom.test are never disabled or demoted here: the tests
create accounts of their own.
"""

import contextlib
import re
import secrets
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from iom_events.accounts.models import User, UserRole
from iom_events.extensions import db

from pages import text_of
from staff import csrf_token, post_form, sign_in

FIRST_PASSWORD = "first password of the account"
NEW_PASSWORD = "another long password here"


def account_data(**changes) -> dict:
    return {
        "email": f"Staff.{secrets.token_hex(3)}@IOM.int",
        "role": "editor",
        "password": FIRST_PASSWORD,
        "password_again": FIRST_PASSWORD,
        **changes,
    }


def user_by_email(app, email: str) -> User | None:
    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == email))
        db.session.expunge_all()
        return user


def create_account(admin, **changes) -> str:
    """A new account made through the form; its (normalized) e-mail address."""
    data = account_data(**changes)
    assert post_form(admin, "/en/manage/users/new", data).status_code == 303
    return data["email"].lower()


def signed_in(app, email: str, password: str = FIRST_PASSWORD):
    client = app.test_client()
    assert sign_in(client, email, password).status_code == 302
    assert client.get("/en/manage/").status_code == 200
    return client


def elsewhere(app):
    """A client from an address of its own: its refused sign-ins slow down no other test."""
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = "192.0.2.44"
    return client


def is_signed_in(client) -> bool:
    return client.get("/en/manage/").status_code == 200


def act(admin, app, email: str, action: str):
    """Disable or enable an account from its page, as the button does."""
    user = user_by_email(app, email)
    return post_form(
        admin,
        f"/en/manage/users/{user.id}/{action}",
        {"version": user.version},
        path_for_token=f"/en/manage/users/{user.id}/edit",
        follow_redirects=True,
    )


def test_an_account_created_by_an_admin_signs_in(app, admin):
    email = create_account(admin)
    listing = admin.get("/en/manage/users/").get_data(as_text=True)
    assert f"{email} Editor Active" in text_of(listing)
    assert FIRST_PASSWORD not in listing
    user = user_by_email(app, email)
    assert user.role == UserRole.EDITOR and FIRST_PASSWORD not in user.password_hash
    signed_in(app, email.upper())  # e-mail addresses are compared in lowercase


def test_an_e_mail_address_has_one_account_whatever_its_case(app, admin):
    email = create_account(admin)
    response = post_form(admin, "/en/manage/users/new", account_data(email=email.upper()))
    assert response.status_code == 400
    assert "This e-mail address already has an account." in text_of(response.get_data(as_text=True))


def test_mismatched_passwords_are_refused_and_the_other_inputs_kept(app, admin):
    data = account_data(role="admin", password_again="not the same password")
    response = post_form(admin, "/en/manage/users/new", data)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "The two passwords are not the same." in text_of(html)
    assert f'value="{data["email"].lower()}"' in html
    assert '<option selected value="admin">' in html
    assert FIRST_PASSWORD not in html and "not the same password" not in html
    assert user_by_email(app, data["email"].lower()) is None


def test_a_short_password_or_a_bad_address_is_refused(app, admin):
    data = account_data(email="not an address", password="short", password_again="short")
    response = post_form(admin, "/en/manage/users/new", data)
    assert response.status_code == 400
    page = text_of(response.get_data(as_text=True))
    assert "Enter a valid e-mail address." in page
    assert "The password needs at least 12 characters." in page


def test_disabling_an_account_ends_its_session_and_refuses_its_sign_in(app, admin):
    email = create_account(admin)
    their_client = signed_in(app, email)
    page = text_of(act(admin, app, email, "disable").get_data(as_text=True))
    assert "The account is disabled; its open sessions are ended." in page
    assert f"{email} Editor Disabled" in text_of(
        admin.get("/en/manage/users/").get_data(as_text=True)
    )
    assert not is_signed_in(their_client)
    assert sign_in(elsewhere(app), email, FIRST_PASSWORD).status_code == 401

    act(admin, app, email, "enable")
    signed_in(app, email)


def test_a_new_password_ends_the_open_sessions(app, admin):
    email = create_account(admin)
    their_client = signed_in(app, email)
    user = user_by_email(app, email)
    path = f"/en/manage/users/{user.id}/password"
    response = post_form(
        admin,
        path,
        {"version": user.version, "password": NEW_PASSWORD, "password_again": NEW_PASSWORD},
        path_for_token=path,
        follow_redirects=True,
    )
    assert "Password changed." in text_of(response.get_data(as_text=True))
    assert not is_signed_in(their_client)
    signed_in(app, email, NEW_PASSWORD)


def test_an_admin_who_sets_their_own_password_stays_signed_in_here_only(app, admin):
    email = create_account(admin, role="admin")
    here, elsewhere_session = signed_in(app, email), signed_in(app, email)
    user = user_by_email(app, email)
    path = f"/en/manage/users/{user.id}/password"
    response = post_form(
        here,
        path,
        {"version": user.version, "password": NEW_PASSWORD, "password_again": NEW_PASSWORD},
        path_for_token=path,
    )
    assert response.status_code == 303
    assert is_signed_in(here) and not is_signed_in(elsewhere_session)


def test_a_role_change_merges_with_the_account_disabled_meanwhile(app, admin):
    email = create_account(admin)
    user = user_by_email(app, email)
    path = f"/en/manage/users/{user.id}/edit"
    act(admin, app, email, "disable")
    stale = post_form(admin, path, {"role": "admin", "version": user.version}, path_for_token=path)
    assert stale.status_code == 303  # not the same field: both changes are kept
    assert "Saved, merged with admin@iom.test's changes to Active." in text_of(
        admin.get(stale.location).get_data(as_text=True)
    )
    assert f"{email} Administrator Disabled" in text_of(
        admin.get("/en/manage/users/").get_data(as_text=True)
    )


def test_an_admin_cannot_disable_their_own_account(app, admin):
    response = act(admin, app, "admin@iom.test", "disable")
    assert "You cannot disable your own account." in text_of(response.get_data(as_text=True))
    assert user_by_email(app, "admin@iom.test").is_active
    assert admin.get("/en/manage/users/").status_code == 200


@contextlib.contextmanager
def the_only_active_admins(app, *emails: str):
    """Disables every other active admin (accounts that tests made) for the time of a test,
    then puts them back (also for a test that commits)."""
    with app.app_context():
        others = db.session.scalars(
            select(User).where(
                User.role == UserRole.ADMIN, User.is_active.is_(True), User.email.not_in(emails)
            )
        ).all()
        ids = [user.id for user in others]
        for user in others:
            user.is_active = False
        db.session.commit()
    try:
        yield
    finally:
        with app.app_context():
            for user_id in ids:
                db.session.get(User, user_id).is_active = True
            db.session.commit()


def test_the_last_active_admin_keeps_the_role(app, admin):
    user = user_by_email(app, "admin@iom.test")
    path = f"/en/manage/users/{user.id}/edit"
    with the_only_active_admins(app, "admin@iom.test"):
        response = post_form(admin, path, {"role": "editor", "version": user.version})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "This is the last active administrator: keep the role." in text_of(html)
    assert user_by_email(app, "admin@iom.test").role == UserRole.ADMIN
    assert admin.get("/en/manage/users/").status_code == 200  # still signed in, still admin


def test_editors_do_not_manage_accounts(editor):
    assert editor.get("/en/manage/users/new").status_code == 403


def test_a_new_account_is_an_editor_unless_an_administrator_is_chosen(admin):
    """The form's first choice is "Administrator": left as it opens, it must not give that."""
    html = admin.get("/en/manage/users/new").get_data(as_text=True)
    chosen = re.findall(r"<option([^>]*)>([^<]*)</option>", html)
    assert [label for attributes, label in chosen if "selected" in attributes] == ["Editor"]


@pytest.mark.commits  # two administrators' requests race on the database from two threads
@pytest.mark.parametrize("action", ["demote", "disable"])
def test_two_administrators_acting_on_each_other_at_once_leave_one(app, admin, action):
    """Each change alone keeps an administrator; both at the same moment must not remove both
    (PostgreSQL ran both checks before either commit)."""
    emails = [create_account(admin, role="admin") for _ in range(2)]
    users = [user_by_email(app, email) for email in emails]
    clients = [signed_in(app, email) for email in emails]
    try:
        with the_only_active_admins(app, *emails):
            for _ in range(3):
                requests, start = [], threading.Barrier(2)
                for client, other in zip(clients, reversed(users), strict=True):
                    other = user_by_email(app, other.email)
                    if action == "demote":
                        path = f"/en/manage/users/{other.id}/edit"
                        data = {"role": "editor", "version": other.version}
                    else:
                        path = f"/en/manage/users/{other.id}/disable"
                        data = {"version": other.version}
                    token = csrf_token(client, "/en/manage/")
                    requests.append((start, client, path, {**data, "csrf_token": token}))
                with ThreadPoolExecutor(max_workers=2) as pool:
                    statuses = list(pool.map(at_once, *zip(*requests, strict=True)))
                assert all(status < 500 for status in statuses), statuses
                with app.app_context():
                    left = db.session.scalar(
                        select(func.count())
                        .select_from(User)
                        .where(User.role == UserRole.ADMIN, User.is_active.is_(True))
                    )
                assert left >= 1, statuses
                restore_admins(app, emails)
                clients = [signed_in(app, email) for email in emails]
    finally:
        with app.app_context():
            for user in db.session.scalars(select(User).where(User.email.in_(emails))):
                user.is_active = False
            db.session.commit()


def at_once(start: threading.Barrier, client, path: str, data: dict) -> int:
    start.wait()
    return client.post(path, data=data).status_code


def restore_admins(app, emails: list[str]) -> None:
    with app.app_context():
        for user in db.session.scalars(select(User).where(User.email.in_(emails))):
            user.role, user.is_active = UserRole.ADMIN, True
        db.session.commit()
