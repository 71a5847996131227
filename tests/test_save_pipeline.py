"""What a save changes, seen from outside: a change to a part of a meeting marks the meeting's
content as changed (its page), never the meeting's own fields (what feeds of meetings show)."""

import re
from datetime import UTC, datetime

import pytest
from icalendar import Calendar
from sqlalchemy import select, update

from iom_events.events.models import Event, EventStatus
from iom_events.extensions import db
from iom_events.offices.models import Office

from staff import post_form

A_WHILE_AGO = datetime(2020, 1, 1, tzinfo=UTC)

DELEGATION = {
    "kind": "rcp",
    "name-en": "Migration Dialogue for Southern Africa",
    "name-fr": "",
    "name-es": "",
    "short_name-en": "MIDSA",
    "short_name-fr": "",
    "short_name-es": "",
    "region-en": "",
    "region-fr": "",
    "region-es": "",
    "country": "",
    "position": "",
}


@pytest.fixture
def published(app, make_event):
    event = make_event(status=EventStatus.PUBLISHED)
    return event.slug


def vevent_of(client, path: str, slug: str):
    calendar = Calendar.from_ical(client.get(path).data)
    for component in calendar.walk("VEVENT"):
        if slug in str(component.get("url", "")):
            return component
    raise AssertionError(f"no event for {slug} in {path}")


def test_adding_a_delegation_changes_the_meeting_page_but_not_the_meeting(
    app, client, editor, published
):
    page_before = client.get(f"/en/events/{published}/")
    feed_before = client.get("/en/events.ics")
    event_before = vevent_of(client, "/en/events.ics", published)

    response = post_form(editor, f"/en/manage/events/{published}/delegations/new", DELEGATION)
    assert response.status_code == 303, response.get_data(as_text=True)

    page_after = client.get(f"/en/events/{published}/")
    assert "Migration Dialogue for Southern Africa" in page_after.get_data(as_text=True)
    assert page_after.headers["ETag"] != page_before.headers["ETag"]
    # The feeds show the meeting's own fields only: nothing of theirs changed.
    feed_after = client.get("/en/events.ics")
    assert feed_after.headers["ETag"] == feed_before.headers["ETag"]
    event_after = vevent_of(client, "/en/events.ics", published)
    for name in ("LAST-MODIFIED", "DTSTAMP", "SEQUENCE"):
        assert event_after.get(name).to_ical() == event_before.get(name).to_ical(), name
    history = editor.get(f"/en/manage/events/{published}/history").get_data(as_text=True)
    assert re.search(r"Migration Dialogue for Southern Africa|MIDSA", history)


def test_an_organizing_office_added_reaches_the_feeds_that_name_it(app, client, admin, published):
    """Feeds name the meeting's organizing office (ORGANIZER): a change to its organizers is a
    change to what they show, with a newer LAST-MODIFIED."""
    with app.app_context():
        office = db.session.scalar(select(Office).order_by(Office.id))
        office_name, office_slug = office.name.resolve("en"), office.slug
        # As if last changed long ago: LAST-MODIFIED counts whole seconds.
        db.session.execute(
            update(Event).where(Event.slug == published).values(updated_at=A_WHILE_AGO)
        )
        db.session.commit()
    event_before = vevent_of(client, "/en/events.ics", published)
    feed_before = client.get("/en/events.ics")

    response = post_form(
        admin,
        f"/en/manage/events/{published}/organizers/new",
        {"role": "organizer", "office": office_slug, "name-en": "", "name-fr": "", "name-es": ""},
    )
    assert response.status_code == 303, response.get_data(as_text=True)  # saved, not sign-in

    feed_after = client.get("/en/events.ics")
    assert feed_after.headers["ETag"] != feed_before.headers["ETag"]
    event_after = vevent_of(client, "/en/events.ics", published)
    assert office_name in str(event_after["ORGANIZER"].params["CN"])
    assert event_after["LAST-MODIFIED"].dt > event_before["LAST-MODIFIED"].dt
