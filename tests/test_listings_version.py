"""Lists of meetings cost one read of the listings version when nothing changed, and show every
change at once, whatever wrote it: the database raises the version (migration 0014), not the
app, so a write that bypasses the app's models is seen too."""

import json

import pytest
from sqlalchemy import text

from iom_events.events.models import EventStatus
from iom_events.extensions import db
from iom_events.translated import Translated

EDIT = "UPDATE event SET title = :title, version = version + 1 WHERE id = :id"
"""An edit as any writer makes it (a record's version rises with it: records.Versioned)."""

LISTS = ["/en/", "/en/events/", "/en/events.ics", "/api/v1/meetings"]


def _write(app, statement: str, **values) -> None:
    """What psql, a data migration or a bulk load would do: SQL, no model, committed."""
    with app.app_context():
        db.session.execute(text(statement), values)
        db.session.commit()


@pytest.mark.parametrize("path", LISTS)
def test_a_title_changed_by_sql_alone_shows_in_every_list(app, client, make_event, path):
    event = make_event(title=Translated(en="Title before SQL"))
    assert b"Title before SQL" in client.get(path).data
    client.get(path)  # served from the cache now
    title = json.dumps({"en": "Title after SQL"})
    _write(app, EDIT, title=title, id=event.id)
    answer = client.get(path).data
    assert b"Title after SQL" in answer and b"Title before SQL" not in answer


@pytest.mark.parametrize("path", LISTS)
def test_a_meeting_deleted_by_sql_alone_leaves_every_list(app, client, make_event, path):
    event = make_event(title=Translated(en="Soon deleted by SQL"))
    assert b"Soon deleted by SQL" in client.get(path).data
    _write(app, "DELETE FROM event WHERE id = :id", id=event.id)
    assert b"Soon deleted by SQL" not in client.get(path).data


def test_an_office_renamed_by_sql_alone_shows_in_its_meetings_feed(app, client, make_event):
    make_event()
    path = "/en/offices/bangkok.ics"
    assert client.get(path).status_code == 200
    _write(app, "UPDATE office SET slug = 'bangkok-renamed-by-sql' WHERE slug = 'bangkok'")
    # The office is gone from that address: no feed there anymore, whatever was cached.
    assert client.get(path).status_code in (301, 404)


@pytest.mark.parametrize("path", ["/en/", "/en/events/?year=2030", "/en/events.ics"])
def test_a_change_elsewhere_leaves_a_lists_etag_alone(app, client, make_event, path):
    """The version only says when to add the meetings up again: a draft saved elsewhere, which no
    list shows, changes neither a list's bytes nor its ETag (clients keep their 304s)."""
    make_event()
    first = client.get(path)
    draft = make_event(status=EventStatus.DRAFT, title=Translated(en="A draft"))
    _write(app, "UPDATE event SET version = version + 1 WHERE id = :id", id=draft.id)
    again = client.get(path, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304


@pytest.mark.commits  # real commits: PostgreSQL's deferred triggers fire at them
def test_committed_writes_from_another_connection_show_at_once(app, client, make_event):
    event = make_event(title=Translated(en="Committed before"))
    try:
        assert b"Committed before" in client.get("/en/events/").data
        with app.app_context(), db.engine.begin() as connection:
            title = json.dumps({"en": "Committed after"})
            connection.execute(
                text(EDIT),
                {"title": title, "id": event.id},
            )
        page = client.get("/en/events/").data
        assert b"Committed after" in page and b"Committed before" not in page
    finally:
        _write(app, "DELETE FROM event WHERE id = :id", id=event.id)
