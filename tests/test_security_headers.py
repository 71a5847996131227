"""Headers that keep staff data out of caches, HTTPS sticky, and links pointing home."""

import pytest

from iom_events import create_app
from iom_events.extensions import cache, db

STAFF_PAGES = [
    "/en/manage/",
    "/en/manage/account/",
    "/en/manage/users/",
    "/en/manage/events/new",
    "/en/manage/trash/",
]


@pytest.mark.parametrize("path", STAFF_PAGES)
def test_no_staff_page_is_kept_by_a_browser_or_a_proxy(admin, path):
    response = admin.get(path)
    assert response.status_code == 200, path
    assert response.headers["Cache-Control"] == "no-store"


def test_pages_with_contact_data_are_not_stored(admin, make_event):
    event = make_event()
    for path in (
        f"/en/manage/events/{event.slug}/edit",
        f"/en/manage/events/{event.slug}/",
        f"/en/manage/events/{event.slug}/history",
    ):
        response = admin.get(path)
        assert response.status_code == 200, path
        assert response.headers["Cache-Control"] == "no-store"


def test_the_sign_in_page_is_not_stored(client):
    assert client.get("/en/sign-in").headers["Cache-Control"] == "no-store"


def test_hsts_over_https_only(client):
    secure = client.get("/en/", base_url="https://localhost")
    assert secure.headers["Strict-Transport-Security"] == "max-age=31536000"
    assert "Strict-Transport-Security" not in client.get("/en/").headers


def test_absolute_links_come_from_the_configured_server_name(app):
    """Whatever Host a request sends, what a shared cache may store links to the site."""
    named = create_app(
        {
            **{k: v for k, v in app.config.items() if k.startswith(("SQLALCHEMY", "SECRET"))},
            "TESTING": True,
            "CACHE_TYPE": "SimpleCache",
            "SERVER_NAME": "meetings.iom.int",
        }
    )
    client = named.test_client()
    try:
        feed = client.get("/en/events.ics", base_url="http://evil.invalid")
        assert feed.status_code == 200
        assert b"URL:http://meetings.iom.int/en/events/" in feed.data
        assert b"evil.invalid" not in feed.data
        page = client.get("/en/", base_url="http://evil.invalid")
        assert page.status_code == 200 and b"evil.invalid" not in page.data
        api = client.get("/api/v1/meetings", base_url="http://evil.invalid")
        assert api.status_code == 200 and b"evil.invalid" not in api.data
    finally:
        with named.app_context():
            cache.clear()
            db.engine.dispose()
