"""Staff sessions live on the server: signing out ends them for every copy of the cookie, and
they end by themselves after a time without activity and a time after signing in."""

import re
from datetime import timedelta

import pytest
from sqlalchemy import delete, select, update

from iom_events.accounts.models import StaffSession, User
from iom_events.columns import utcnow
from iom_events.extensions import db

from staff import csrf_token, post_form, sign_in

MANAGE = "/en/manage/"


@pytest.fixture(autouse=True)
def no_other_sessions(app):
    """Browser tests elsewhere commit sessions of the same accounts: each test here starts
    without them (in its own transaction, rolled back afterwards)."""
    with app.app_context():
        db.session.execute(delete(StaffSession))
        db.session.commit()


def is_signed_in(client) -> bool:
    return client.get(MANAGE).status_code == 200


def copy_of(app, client):
    """Another browser holding a copy of `client`'s session cookie (a stolen cookie)."""
    thief = app.test_client()
    thief.set_cookie("session", client.get_cookie("session").value, domain="localhost")
    return thief


def sessions_of(app, email: str) -> list[StaffSession]:
    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == email))
        query = select(StaffSession).where(StaffSession.user_id == user.id)
        found = list(db.session.scalars(query))
        db.session.expunge_all()
        return found


def age_sessions(app, email: str, **moved_back: timedelta) -> None:
    """Move the sessions' `signed_in_at` / `last_seen_at` back in time."""
    with app.app_context():
        user_id = db.session.scalar(select(User.id).where(User.email == email))
        values = {column: utcnow() - delta for column, delta in moved_back.items()}
        db.session.execute(
            update(StaffSession).where(StaffSession.user_id == user_id).values(**values)
        )
        db.session.commit()


def test_signing_out_ends_the_session_for_a_copied_cookie_too(app, staff_accounts):
    client = app.test_client()
    assert sign_in(client, staff_accounts["editor"]).status_code == 302
    thief = copy_of(app, client)
    assert is_signed_in(thief)

    assert post_form(client, "/en/sign-out", {}, path_for_token=MANAGE).status_code == 302

    response = thief.get(MANAGE)
    assert response.status_code == 302 and "/en/sign-in" in response.headers["Location"]
    assert not is_signed_in(client)


def test_sign_out_everywhere_ends_every_browser_of_the_account_only(app, staff_accounts):
    office, laptop, admin = app.test_client(), app.test_client(), app.test_client()
    for client, email in ((office, "editor"), (laptop, "editor"), (admin, "admin")):
        assert sign_in(client, staff_accounts[email]).status_code == 302

    page = office.get("/en/manage/account/").get_data(as_text=True)
    assert "Where you are signed in" in page
    assert page.count("<tr>") == 3  # the header row and the editor's two browsers
    assert page.count("(this browser)") == 1

    response = post_form(
        office, "/en/manage/account/sign-out-everywhere", {}, path_for_token=MANAGE
    )
    assert response.status_code == 302
    assert "You are signed out on every browser and device." in office.get(
        response.headers["Location"]
    ).get_data(as_text=True)
    assert not is_signed_in(office) and not is_signed_in(laptop)
    assert is_signed_in(admin)
    assert sessions_of(app, staff_accounts["editor"]) == []


def test_the_account_page_and_its_button_are_for_signed_in_staff_only(app, staff_accounts):
    client = app.test_client()
    assert client.get("/en/manage/account/").status_code == 302
    token = csrf_token(client)
    response = client.post("/en/manage/account/sign-out-everywhere", data={"csrf_token": token})
    assert response.status_code == 302 and "/en/sign-in" in response.headers["Location"]


def test_activity_keeps_a_short_idle_session_alive(app, staff_accounts):
    """The idle timeout counts from the last request, even when it is shorter than the
    interval at which a busy session's activity is written down."""
    app.config["SESSION_IDLE_MINUTES"] = 1
    try:
        client = app.test_client()
        assert sign_in(client, staff_accounts["editor"]).status_code == 302
        age_sessions(app, staff_accounts["editor"], last_seen_at=timedelta(seconds=50))
        assert is_signed_in(client)  # activity 50 seconds after the last: written down
        (stored,) = sessions_of(app, staff_accounts["editor"])
        assert stored.last_seen_at > utcnow() - timedelta(seconds=10)
        age_sessions(app, staff_accounts["editor"], last_seen_at=timedelta(seconds=61))
        assert not is_signed_in(client)
    finally:
        app.config["SESSION_IDLE_MINUTES"] = 8 * 60


def test_a_session_ends_after_the_idle_time(app, staff_accounts):
    client = app.test_client()
    assert sign_in(client, staff_accounts["editor"]).status_code == 302
    idle = timedelta(minutes=app.config["SESSION_IDLE_MINUTES"])
    age_sessions(app, staff_accounts["editor"], last_seen_at=idle - timedelta(minutes=1))
    assert is_signed_in(client)  # a minute left: the request counts as activity
    assert sessions_of(app, staff_accounts["editor"])[0].last_seen_at > utcnow() - timedelta(
        minutes=1
    )
    age_sessions(app, staff_accounts["editor"], last_seen_at=idle + timedelta(minutes=1))
    assert not is_signed_in(client)
    assert sessions_of(app, staff_accounts["editor"]) == []


def test_a_session_ends_some_hours_after_signing_in_however_active(app, staff_accounts):
    client = app.test_client()
    assert sign_in(client, staff_accounts["editor"]).status_code == 302
    longest = timedelta(hours=app.config["SESSION_MAX_HOURS"])
    age_sessions(app, staff_accounts["editor"], signed_in_at=longest - timedelta(minutes=1))
    assert is_signed_in(client)
    age_sessions(app, staff_accounts["editor"], signed_in_at=longest + timedelta(minutes=1))
    assert not is_signed_in(client)


def test_a_form_posted_after_the_session_ended_keeps_its_input(app, staff_accounts):
    client = app.test_client()
    assert sign_in(client, staff_accounts["editor"]).status_code == 302
    token = csrf_token(client, "/en/manage/events/new")
    age_sessions(app, staff_accounts["editor"], last_seen_at=timedelta(days=2))
    response = client.post(
        "/en/manage/events/new",
        data={"csrf_token": token, "title-en": "A meeting typed before the session ended"},
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 401
    assert "A meeting typed before the session ended" in page


def test_signing_in_starts_a_new_session_and_a_new_csrf_token(app, staff_accounts):
    client = app.test_client()
    before = csrf_token(client)
    cookie_before = client.get_cookie("session").value
    assert sign_in(client, staff_accounts["editor"]).status_code == 302
    after = csrf_token(client, MANAGE)
    assert after != before
    assert client.get_cookie("session").value != cookie_before
    # A token from before signing in is no longer accepted.
    response = client.post("/en/sign-out", data={"csrf_token": before})
    assert response.status_code == 400 and is_signed_in(client)


def test_only_a_hash_of_the_token_is_stored(app, staff_accounts):
    client = app.test_client()
    assert sign_in(client, staff_accounts["editor"]).status_code == 302
    (stored,) = sessions_of(app, staff_accounts["editor"])
    cookie = client.get_cookie("session").value
    assert stored.token_hash not in cookie
    assert re.fullmatch(r"[0-9a-f]{64}", stored.token_hash)


def test_disabling_an_account_ends_its_sessions(app, admin, staff_accounts):
    client = app.test_client()
    assert sign_in(client, staff_accounts["editor"]).status_code == 302
    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == staff_accounts["editor"]))
        path, version = f"/en/manage/users/{user.id}/disable", user.version
    assert post_form(admin, path, {"version": version}, path_for_token=path).status_code == 303
    assert not is_signed_in(client)
