"""Password guessing is slowed down with growing waits, counted atomically, and never keeps the
owner out of their account from their own browser."""

import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import delete, update

from iom_events.accounts.models import SignInThrottle
from iom_events.extensions import db

from staff import PASSWORD, csrf_token, sign_in


def from_address(app, address: str):
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    return client


def wait_is_over(app) -> None:
    """As if the current wait had passed (the clock is not moved: the waits are)."""
    with app.app_context():
        db.session.execute(update(SignInThrottle).values(next_at=int(time.time())))
        db.session.commit()


def test_after_the_free_attempts_each_one_waits_longer(app, staff_accounts):
    client = from_address(app, "203.0.113.20")
    free = app.config["SIGN_IN_LIMITS"]["per_account"]
    for _ in range(free):
        assert sign_in(client, staff_accounts["editor"], "guess").status_code == 401
    refused = sign_in(client, staff_accounts["editor"], "guess")
    assert refused.status_code == 429
    assert "Too many failed attempts. Wait 1 minute, then try again." in refused.get_data(
        as_text=True
    )
    # Not even the right password is checked while waiting.
    assert sign_in(client, staff_accounts["editor"]).status_code == 429

    wait_is_over(app)
    assert sign_in(client, staff_accounts["editor"], "guess").status_code == 401
    assert "Wait 2 minutes" in sign_in(client, staff_accounts["editor"]).get_data(as_text=True)
    for expected in ("Wait 4 minutes", "Wait 8 minutes", "Wait 15 minutes", "Wait 15 minutes"):
        wait_is_over(app)
        assert sign_in(client, staff_accounts["editor"], "guess").status_code == 401
        assert expected in sign_in(client, staff_accounts["editor"]).get_data(as_text=True)

    wait_is_over(app)
    assert sign_in(client, staff_accounts["editor"]).status_code == 302  # no hard lock


def test_the_owner_on_their_own_browser_is_never_kept_out_by_guesses_from_elsewhere(
    app, staff_accounts
):
    owner = from_address(app, "192.0.2.10")
    assert sign_in(owner, staff_accounts["editor"]).status_code == 302
    assert owner.post("/en/sign-out", data={"csrf_token": csrf_token(owner, "/en/manage/")})

    for n in range(30):  # guesses from many places, enough to slow every stranger down
        attacker = from_address(app, f"198.51.100.{n}")
        sign_in(attacker, staff_accounts["editor"], f"guess {n}")
    stranger = from_address(app, "198.51.100.200")
    assert sign_in(stranger, staff_accounts["editor"]).status_code == 429

    assert sign_in(owner, staff_accounts["editor"]).status_code == 302


def test_a_success_forgets_the_failures_before_it(app, staff_accounts):
    client = from_address(app, "203.0.113.21")
    free = app.config["SIGN_IN_LIMITS"]["per_account"]
    for _ in range(free - 1):
        assert sign_in(client, staff_accounts["admin"], "typo").status_code == 401
    assert sign_in(client, staff_accounts["admin"]).status_code == 302
    other = from_address(app, "203.0.113.21")  # same place, a browser not trusted yet
    for _ in range(free):
        assert sign_in(other, staff_accounts["admin"], "typo").status_code == 401


def test_an_office_behind_one_address_is_not_slowed_down_by_its_own_sign_ins(app, staff_accounts):
    per_address = app.config["SIGN_IN_LIMITS"]["per_address"]
    for _ in range(per_address + 5):
        colleague = from_address(app, "203.0.113.50")
        assert sign_in(colleague, staff_accounts["editor"]).status_code == 302


def test_a_forged_trust_cookie_counts_as_a_stranger(app, staff_accounts):
    client = from_address(app, "203.0.113.22")
    client.set_cookie("iom_events_browser", "eyJlbWFpbCI6ImVkaXRvckBpb20udGVzdCJ9.forged")
    free = app.config["SIGN_IN_LIMITS"]["per_account"]
    for _ in range(free):
        assert sign_in(client, staff_accounts["editor"], "guess").status_code == 401
    assert sign_in(client, staff_accounts["editor"], "guess").status_code == 429


def test_the_wait_is_said_in_the_page_language(app, staff_accounts):
    client = from_address(app, "203.0.113.23")
    for _ in range(app.config["SIGN_IN_LIMITS"]["per_account"] + 1):
        response = client.post(
            "/fr/sign-in",
            data={
                "email": "nobody@iom.test",
                "password": "guess",
                "csrf_token": csrf_token(client, "/fr/sign-in"),
            },
        )
    assert response.status_code == 429
    assert "Attendez 1\u00a0minute" in response.get_data(as_text=True)


@pytest.mark.commits  # the guesses race on the database from several threads
def test_a_burst_of_concurrent_guesses_gets_exactly_the_free_attempts(app, staff_accounts):
    email = "burst-target@iom.test"
    free = app.config["SIGN_IN_LIMITS"]["per_account"]
    clients = [from_address(app, f"198.18.0.{n}") for n in range(20)]
    tokens = [csrf_token(client) for client in clients]

    def guess(n: int) -> int:
        data = {"email": email, "password": PASSWORD, "csrf_token": tokens[n]}
        return clients[n].post("/en/sign-in", data=data).status_code

    try:
        with ThreadPoolExecutor(max_workers=len(clients)) as pool:
            statuses = sorted(pool.map(guess, range(len(clients))))
        assert statuses == [401] * free + [429] * (len(clients) - free)
    finally:
        with app.app_context():
            db.session.execute(delete(SignInThrottle))
            db.session.commit()


def test_control_characters_in_the_address_typed_are_a_refusal_not_a_crash(app, editor):
    """Also on the page that asks a signed-out editor to sign in and send their form again."""
    client = from_address(app, "203.0.113.24")
    for email in ("nul\x00@iom.test", "editor@iom.test\x00", "\x1b[2J@iom.test"):
        response = client.post(
            "/en/sign-in",
            data={"email": email, "password": "guess", "csrf_token": csrf_token(client)},
        )
        assert response.status_code in (400, 401), email
    token = csrf_token(client)
    response = client.post(
        "/en/manage/events/new",
        data={
            "csrf_token": token,
            "title-en": "Typed while signed out",
            "_resend-email": "nul\x00@iom.test",
            "_resend-password": "guess",
        },
    )
    assert response.status_code in (400, 401)
    assert "Typed while signed out" in response.get_data(as_text=True)
