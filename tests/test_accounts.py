"""Signing in: throttled guessing, safe redirects, cookie flags, sanitized staff text."""

import pytest

from staff import csrf_token, post_form, sign_in


def test_failed_sign_ins_are_throttled_per_account_without_saying_whether_it_exists(
    app, staff_accounts
):
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = "203.0.113.7"
    limit = app.config["SIGN_IN_LIMITS"]["per_account"]
    for _ in range(limit):
        assert sign_in(client, "throttled@iom.test", "guess").status_code == 401
    blocked = sign_in(client, "throttled@iom.test", "guess")
    assert blocked.status_code == 429
    assert "Too many failed attempts" in blocked.get_data(as_text=True)
    # The editor's account is not affected by guesses at another account.
    assert sign_in(client, staff_accounts["editor"]).status_code == 302


def test_failed_sign_ins_are_throttled_per_address(app, staff_accounts):
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = "198.51.100.9"
    limit = app.config["SIGN_IN_LIMITS"]["per_address"]
    for n in range(limit):
        sign_in(client, f"someone-{n}@iom.test", "guess")
    # Even the right password is refused from this address for a while.
    assert sign_in(client, staff_accounts["editor"]).status_code == 429


@pytest.mark.parametrize(
    "target",
    [
        "//evil.example/steal",
        "/\t/evil.example/",  # browsers drop the tab: //evil.example/
        "/\n/evil.example/",
        "/\\evil.example/",  # read as //evil.example/
        "/%0A/x\r\nSet-Cookie: x=1",
        "https://evil.example/",
        "/ /evil.example/",
        "/\x00/x",
    ],
)
def test_sign_in_never_redirects_to_another_site(app, staff_accounts, target):
    """Checked on the value sent (a browser's reading of it), never a 500."""
    client = app.test_client()
    token = csrf_token(client)
    response = client.post(
        "/en/sign-in",
        data={"email": staff_accounts["editor"], "password": "correct horse battery staple",
              "next": target, "csrf_token": token},
    )  # fmt: skip
    assert response.status_code == 302
    assert response.location == "/en/manage/"


def test_sign_in_goes_back_to_the_page_asked_for(app, staff_accounts):
    client = app.test_client()
    token = csrf_token(client)
    response = client.post(
        "/en/sign-in",
        data={"email": staff_accounts["editor"], "password": "correct horse battery staple",
              "next": "/fr/manage/events/?q=bangkok", "csrf_token": token},
    )  # fmt: skip
    assert response.location == "/fr/manage/events/?q=bangkok"


def test_session_cookie_is_httponly_lax_and_secure_over_https(app, staff_accounts):
    client = app.test_client()
    response = sign_in(client, staff_accounts["editor"])
    cookies = response.headers.getlist("Set-Cookie")
    assert len(cookies) == 2  # the session, and the browser's trust for sign-in throttling
    for cookie in cookies:
        assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie
    secure_client = app.test_client()
    token = csrf_token(secure_client)
    response = secure_client.post(
        "/en/sign-in",
        data={"email": staff_accounts["editor"], "password": "correct horse battery staple",
              "csrf_token": token},
        base_url="https://localhost",
        headers={"Referer": "https://localhost/en/sign-in"},  # Flask-WTF checks it over HTTPS
    )  # fmt: skip
    cookies = response.headers.getlist("Set-Cookie")
    assert len(cookies) == 2 and all("Secure" in cookie for cookie in cookies)


def test_markdown_descriptions_are_rendered_and_sanitized(app, editor, make_event):
    event = make_event()
    html = editor.get(f"/en/manage/events/{event.slug}/edit").get_data(as_text=True)
    assert "csrf_token" in html
    response = post_form(
        editor,
        f"/en/manage/events/{event.slug}/edit",
        {
            "version": 1, "title-en": "A test meeting", "kind": "conference",
            "original_language": "en", "starts_on": "2030-01-10", "ends_on": "2030-01-11",
            "timezone": "Europe/Zurich", "country": "CH",
            "description-en": "**Bold** words.\n\n<script>alert(1)</script>"
                              '<a href="javascript:x">x</a>',
        },
    )  # fmt: skip
    assert response.status_code == 303
    page = editor.get(f"/en/events/{event.slug}/").get_data(as_text=True)
    assert "<strong>Bold</strong> words." in page
    assert "<script>alert(1)" not in page and "javascript:" not in page
