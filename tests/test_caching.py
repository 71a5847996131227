"""Pages and feeds cost one query when nothing changed, and show an edit at once."""

import gzip
import secrets
import shutil
import socket
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import date, time
from pathlib import Path

import brotli
import pytest
from sqlalchemy import event as sa_event

from iom_events import caching, create_app
from iom_events.agenda.models import AgendaItem, AgendaItemKind
from iom_events.delegations.models import Delegation, DelegationKind
from iom_events.events.models import Event, EventStatus
from iom_events.extensions import cache, db
from iom_events.translated import Translated

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
    client.get("/en/events.ics?country=KE")  # each count below is then of a feed that changed
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


@pytest.mark.commits  # a second app reads it
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


# --- keys: what the view validated, nothing else ------------------------------------------------


@pytest.mark.parametrize(
    ("path", "junk"),
    [
        ("/en/events.ics", "?utm_source=newsletter"),
        ("/en/events.ics?kind=conference", "&n=1&n=2"),
        ("/en/events/rcp-bangkok-2009.ics", "?nocache=12345"),
        ("/en/events/?year=2009", "&page=1&fbclid=abc"),
        ("/en/events/rcp-bangkok-2009/", "?v=2"),
        ("/api/v1/meetings/rcp-bangkok-2009?lang=fr", "&cachebuster=9"),
    ],
)
def test_unknown_parameters_make_no_new_cache_entry(client, count_queries, path, junk):
    """Any number of junk query strings are one entry: the same ETag, served from the cache."""
    first = client.get(path)
    assert first.status_code == 200
    with count_queries() as counter:
        again = client.get(path + junk)
    assert again.status_code == 200 and again.headers["ETag"] == first.headers["ETag"]
    assert again.data == first.data
    assert len(counter) == 1  # the fingerprint: nothing was built


def test_pages_built_for_a_query_link_only_its_validated_parameters(client):
    html = client.get("/en/events/?year=2009&tracking=xyz").get_data(as_text=True)
    assert "tracking" not in html
    assert 'hreflang="fr" href="http://localhost/fr/events/?year=2009"' in html


# --- compression ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "decode"),
    [("gzip", gzip.decompress), ("br", brotli.decompress)],
)
@pytest.mark.parametrize(
    "path", ["/en/events.ics", "/fr/events/rcp-bangkok-2009/", "/api/v1/meetings"]
)
def test_pages_and_feeds_are_compressed_for_clients_that_accept_it(
    client, count_queries, encoding, decode, path
):
    plain = client.get(path, headers={"Accept-Encoding": "identity"})
    assert "Content-Encoding" not in plain.headers
    packed = client.get(path, headers={"Accept-Encoding": f"{encoding}, identity;q=0.5"})
    assert packed.headers["Content-Encoding"] == encoding
    assert "Accept-Encoding" in packed.headers["Vary"]
    assert decode(packed.data) == plain.data
    assert len(packed.data) < len(plain.data)
    # One representation in two codings: one weak ETag, and a 304 for either.
    assert packed.headers["ETag"] == plain.headers["ETag"]
    assert packed.headers["ETag"].startswith('W/"')
    with count_queries() as counter:
        revalidated = client.get(
            path, headers={"Accept-Encoding": encoding, "If-None-Match": packed.headers["ETag"]}
        )
    assert revalidated.status_code == 304 and len(counter) == 1


@pytest.mark.parametrize("refusal", ["gzip;q=0", "br;q=0, gzip;q=0", "identity"])
def test_a_client_that_refuses_compression_gets_the_bytes_as_they_are(client, refusal):
    response = client.get("/en/events.ics", headers={"Accept-Encoding": refusal})
    assert "Content-Encoding" not in response.headers
    assert response.data.startswith(b"BEGIN:VCALENDAR")


def test_signed_in_pages_are_not_compressed(app, staff_accounts):
    """They carry a CSRF token beside what the request reflects (BREACH)."""
    staff = app.test_client()
    sign_in(staff, staff_accounts["editor"])
    page = staff.get("/en/manage/?q=reflected", headers={"Accept-Encoding": "gzip"})
    assert page.status_code == 200 and "Content-Encoding" not in page.headers


# --- one build per key ---------------------------------------------------------------------------


def redis_config(app) -> dict:
    return {
        **{k: v for k, v in app.config.items() if k.startswith(("SQLALCHEMY", "BLOB", "SECRET"))},
        "TESTING": True,
        "CACHE_TYPE": "RedisCache",
        "CACHE_REDIS_URL": "redis://127.0.0.1:6379/0",
        "CACHE_KEY_PREFIX": f"iom_events_test_{secrets.token_hex(4)}:",
    }


@pytest.mark.commits  # pollers in threads
@pytest.mark.parametrize("servers", ["one process", "two servers sharing Redis"])
def test_concurrent_pollers_of_a_cold_feed_build_it_once(app, make_event, servers):
    """Six clients ask at once for a feed nobody has built: one builds it, the others wait for
    its bytes. Counted in SQL: every request costs its fingerprint, and only one the build."""
    config = redis_config(app)
    apps = [app] if servers == "one process" else [create_app(config) for _ in "ab"]
    event = make_event(starts_at=time(8), ends_at=time(18))
    with app.app_context():
        db.session.add_all(
            AgendaItem(
                event_id=event.id,
                day=date(2030, 1, 10),
                starts_at=time(8, n % 60),
                kind=AgendaItemKind.SESSION,
                title=Translated(en=f"Session {n}"),
            )
            for n in range(400)
        )
        db.session.commit()
    statements: list[str] = []
    engines = []
    for each in apps:
        with each.app_context():
            engines.append(db.engine)

    def count(conn, cursor, statement, *args):
        statements.append(statement)

    for engine in set(engines):
        sa_event.listen(engine, "before_cursor_execute", count)
    path = f"/en/events/{event.slug}.ics"
    start = threading.Barrier(6)

    def poll(n: int) -> bytes:
        client = apps[n % len(apps)].test_client()
        start.wait()
        response = client.get(path)
        assert response.status_code == 200
        return response.data

    try:
        with ThreadPoolExecutor(6) as pool:
            bodies = list(pool.map(poll, range(6)))
    finally:
        for engine in set(engines):
            sa_event.remove(engine, "before_cursor_execute", count)
        for each in apps[1:] if len(apps) > 1 else []:
            with each.app_context():
                cache.clear()
                db.engine.dispose()
    assert len(set(bodies)) == 1 and bodies[0].count(b"BEGIN:VEVENT") == 401
    builds = sum("FROM agenda_item" in s and "count(" not in s for s in statements)
    fingerprints = sum("count(" in s for s in statements)
    assert fingerprints == 6 and builds == 1


# --- releases ------------------------------------------------------------------------------------


def test_any_change_to_the_code_templates_or_catalogs_is_a_new_release(tmp_path, monkeypatch):
    """The release is part of every key and ETag: clients get a fix at their next poll, and a
    shared cache never serves the previous release's bytes; nobody bumps anything by hand."""
    root = Path(caching.__file__).resolve().parents[1]
    for folder in ("iom_events", "templates", "translations"):
        shutil.copytree(root / folder, tmp_path / folder)
    monkeypatch.setattr(caching, "ROOT", tmp_path)
    digests = [caching.release.__wrapped__()]
    for changed in ("iom_events/calendar/feeds.py", "templates/base.html"):
        with (tmp_path / changed).open("a") as file:
            file.write("\n")
        digests.append(caching.release.__wrapped__())
    (tmp_path / "translations/fr/LC_MESSAGES/messages.mo").write_bytes(b"")
    digests.append(caching.release.__wrapped__())
    assert len(set(digests)) == len(digests)


def test_the_site_answers_when_redis_is_down(app):
    """The cache only speeds things up: unreachable, every answer is built instead."""
    config = {**redis_config(app), "CACHE_REDIS_URL": "redis://127.0.0.1:1/0"}
    down = create_app(config)
    client = down.test_client()
    try:
        for path in ("/en/", "/en/events.ics", "/fr/events/rcp-bangkok-2009/", "/api/v1/meetings"):
            response = client.get(path, headers={"Accept-Encoding": "gzip"})
            assert response.status_code == 200, path
            etag = response.headers["ETag"]
            assert client.get(path, headers={"If-None-Match": etag}).status_code == 304
    finally:
        with down.app_context():
            db.engine.dispose()


def test_a_setting_that_changes_the_feeds_is_a_new_version_of_them(app):
    """Restarted with the secretariat's address, servers must not serve (or 304) the feeds
    that name the old one, from their cache or the clients'."""
    config = redis_config(app)
    before = create_app(config)
    after = create_app({**config, "CALENDAR_ORGANIZER_EMAIL": "secretariat@iom.int"})
    try:
        old = before.test_client().get("/en/events/rcp-bangkok-2009.ics")
        new = after.test_client().get(
            "/en/events/rcp-bangkok-2009.ics", headers={"If-None-Match": old.headers["ETag"]}
        )
        assert new.status_code == 200
        assert b"mailto:secretariat@iom.int" in new.data.replace(b"\r\n ", b"")  # unfolded
        assert new.headers["ETag"] != old.headers["ETag"]
    finally:
        for each in (before, after):
            with each.app_context():
                cache.clear()
                db.engine.dispose()


def test_a_server_told_its_host_names_refuses_others(app):
    """Links in pages and feeds come from the Host asked for: production names its hosts."""
    named = create_app({**redis_config(app), "TRUSTED_HOSTS": ["meetings.iom.int"]})
    client = named.test_client()
    try:
        good = client.get("/en/events.ics", base_url="https://meetings.iom.int")
        assert good.status_code == 200 and b"URL:https://meetings.iom.int/en/events/" in good.data
        assert client.get("/en/events.ics", base_url="http://evil.invalid").status_code == 400
    finally:
        with named.app_context():
            cache.clear()
            db.engine.dispose()


def test_the_site_answers_when_redis_hangs(app):
    """A Redis that takes connections and never answers costs one short wait, then is left
    alone for a while: no request waits for it forever, none fails."""
    hung = socket.socket()
    hung.bind(("127.0.0.1", 0))
    hung.listen(64)  # connections complete, nobody ever answers
    port = hung.getsockname()[1]
    down = create_app({**redis_config(app), "CACHE_REDIS_URL": f"redis://127.0.0.1:{port}/0"})
    statuses: list[int] = []

    def browse() -> None:
        client = down.test_client()
        for path in ("/en/", "/en/events.ics", "/fr/events/rcp-bangkok-2009/", "/api/v1/meetings"):
            statuses.append(client.get(path, headers={"Accept-Encoding": "gzip"}).status_code)

    visitor = threading.Thread(target=browse, daemon=True)
    try:
        visitor.start()
        visitor.join(timeout=20)  # without socket timeouts, the first request never returns
        assert not visitor.is_alive(), "a request is still waiting for Redis"
        assert statuses == [200, 200, 200, 200]
    finally:
        hung.close()
        with down.app_context():
            db.engine.dispose()


@pytest.mark.parametrize("suffix", ["/", ".ics"])
def test_a_meeting_taken_back_to_draft_is_gone_at_the_next_look(app, client, make_event, suffix):
    """Pages, feeds and the API are stored by browsers and proxies but checked at every use
    (`no-cache`, never a max-age): a withdrawn meeting is not shown from a cache for a minute
    more; its revalidation is no 304."""
    event = make_event()
    path = f"/en/events/{event.slug}{suffix}"
    first = client.get(path)
    assert first.headers["Cache-Control"] == "public, no-cache"
    api = client.get(f"/api/v1/meetings/{event.slug}")
    assert api.headers["Cache-Control"] == "public, no-cache"
    with app.app_context():
        db.session.get(Event, event.id).status = EventStatus.DRAFT
        db.session.commit()
    again = client.get(path, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code != 304 and b"A test meeting" not in again.data
