"""Pages and feeds cost one query when nothing changed, and show an edit at once."""

import secrets
from datetime import date

import pytest
from sqlalchemy import event as sa_event

from iom_events import create_app
from iom_events.delegations.models import Delegation, DelegationKind
from iom_events.events.models import Event
from iom_events.extensions import cache, db
from iom_events.i18n import Translated

from staff import sign_in


def test_an_unchanged_meeting_page_costs_one_query(client, make_event, count_queries):
    event = make_event()
    path = f"/en/events/{event.slug}/"
    first = client.get(path)
    with count_queries() as counter:
        second = client.get(path)
    assert len(counter) == 1
    assert second.data == first.data
    assert "public" in second.headers["Cache-Control"]
    with count_queries() as counter:
        again = client.get(path, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and len(counter) == 1


def test_an_edit_shows_at_once(app, client, make_event):
    event = make_event(title=Translated(en="Before the edit"))
    path = f"/en/events/{event.slug}/"
    assert b"Before the edit" in client.get(path).data
    with app.app_context():
        db.session.get(Event, event.id).title = Translated(en="After the edit")
        db.session.commit()
    page = client.get(path).data
    assert b"After the edit" in page and b"Before the edit" not in page


def test_signed_in_staff_never_get_a_shared_copy(app, client, staff_accounts, make_event):
    event = make_event()
    path = f"/en/events/{event.slug}/"
    client.get(path)  # now cached for visitors
    staff = app.test_client()
    sign_in(staff, staff_accounts["editor"])
    response = staff.get(path)
    assert b">Manage</a>" in response.data
    assert "private" in response.headers["Cache-Control"] and "ETag" not in response.headers
    assert b">Manage</a>" not in client.get(path).data


@pytest.mark.parametrize(
    "path", ["/en/", "/en/events/?year=2009", "/en/events.ics", "/en/offices/bangkok.ics"]
)
def test_lists_and_feeds_cost_one_query_once_cached(client, count_queries, path):
    client.get(path)
    with count_queries() as counter:
        assert client.get(path).status_code == 200
    assert len(counter) == 1


def test_the_site_feed_costs_the_same_whatever_the_number_of_meetings(
    client, make_event, count_queries
):
    counts = []
    for extra in (1, 40):
        for n in range(extra):
            make_event(
                title=Translated(en=f"Feed meeting {n}"),
                starts_on=date(2035, 1, 1),
                ends_on=date(2035, 1, 1),
                country="KE",
            )
        with count_queries() as counter:
            assert client.get(f"/en/events.ics?country=KE&x={extra}").status_code == 200
        counts.append(len(counter))
    assert counts[0] == counts[1]


def test_several_servers_share_the_cache_through_redis(app, make_event, count_queries):
    """Two app instances on one database and one Redis: a page one renders, the other serves."""
    prefix = f"iom_events_test_{secrets.token_hex(4)}:"
    config = {
        **{k: v for k, v in app.config.items() if k.startswith(("SQLALCHEMY", "BLOB", "SECRET"))},
        "TESTING": True,
        "CACHE_TYPE": "RedisCache",
        "CACHE_REDIS_URL": "redis://127.0.0.1:6379/0",
        "CACHE_KEY_PREFIX": prefix,
    }
    first, second = create_app(config), create_app(config)
    event = make_event(title=Translated(en="Shared through Redis"))
    path = f"/en/events/{event.slug}/"
    try:
        rendered = first.test_client().get(path)
        assert b"Shared through Redis" in rendered.data
        with second.app_context():
            engine = db.engine
        counter = []

        def count(*args):
            counter.append(1)

        sa_event.listen(engine, "before_cursor_execute", count)
        try:
            served = second.test_client().get(path)
        finally:
            sa_event.remove(engine, "before_cursor_execute", count)
        assert served.data == rendered.data and len(counter) == 1
    finally:
        with first.app_context():
            cache.clear()
            db.engine.dispose()
        with second.app_context():
            db.engine.dispose()


def test_a_change_under_the_meeting_shows_at_once_too(app, client, make_event):
    event = make_event()
    path = f"/en/events/{event.slug}/"
    assert b"Freshly added delegation" not in client.get(path).data
    with app.app_context():
        db.session.add(
            Delegation(
                event_id=event.id,
                kind=DelegationKind.OBSERVER,
                name=Translated(en="Freshly added delegation"),
            )
        )
        db.session.commit()
    assert b"Freshly added delegation" in client.get(path).data


def test_a_page_cached_for_one_host_is_not_served_to_another(client, make_event):
    event = make_event()
    path = f"/en/events/{event.slug}/"
    client.get(path, base_url="http://meetings.example.org")
    page = client.get(path).get_data(as_text=True)
    assert "meetings.example.org" not in page
    assert f'href="http://localhost/fr/events/{event.slug}/"' in page
