"""An agenda that orders itself: timed items by start time, then untimed items in their manual
order, the same on the public page, the feed, the API and the staff page; "Move up"/"Move down"
only among items of the same slot (no time, or the same start time)."""

import re
from datetime import date, time

import pytest
from icalendar import Calendar

from iom_events.agenda.models import AgendaItem, AgendaItemKind
from iom_events.extensions import db
from iom_events.translated import Translated

from pages import section, text_of
from staff import post_form

DAY = date(2030, 1, 10)


def in_order(text: str, *parts: str) -> bool:
    places = [text.find(part) for part in parts]
    return -1 not in places and places == sorted(places)


@pytest.fixture
def meeting(app, make_event):
    """A one-day meeting whose items were entered in no particular order."""
    event = make_event(title=Translated(en="Ordering test meeting"), starts_on=DAY, ends_on=DAY)
    entered = [  # (title, start, position): the order staff typed them in
        ("Lunch", time(13), 0),
        ("Reading room open", None, 1),
        ("Opening", time(9), 2),
        ("Welcome coffee", None, 3),
        ("Panel A", time(10, 30), 4),
        ("Panel B", time(10, 30), 5),
    ]
    with app.app_context():
        db.session.add_all(
            AgendaItem(
                event_id=event.id,
                day=DAY,
                starts_at=start,
                kind=AgendaItemKind.SESSION,
                title=Translated(en=title),
                position=position,
            )
            for title, start, position in entered
        )
        db.session.commit()
        db.session.remove()
    return event


EXPECTED = ("Opening", "Panel A", "Panel B", "Lunch", "Reading room open", "Welcome coffee")


def item_id(app, title: str, meeting) -> int:
    with app.app_context():
        mine = db.select(AgendaItem).where(AgendaItem.event_id == meeting.id)
        items = db.session.scalars(mine).all()
        found = next(i.id for i in items if i.title.get("en") == title)
        db.session.remove()
        return found


def test_the_public_page_api_and_feed_list_timed_items_by_time_then_the_others(client, meeting):
    page = client.get(f"/en/events/{meeting.slug}/").get_data(as_text=True)
    assert in_order(text_of(section(page, "agenda")), *EXPECTED)

    answer = client.get(f"/api/v1/meetings/{meeting.slug}?lang=en").get_json()
    assert [item["title"]["text"] for item in answer["agenda"]] == list(EXPECTED)

    calendar = Calendar.from_ical(client.get(f"/en/events/{meeting.slug}.ics").data)
    timed = [str(e["summary"]) for e in calendar.walk("VEVENT") if "related-to" in e]
    assert timed == ["Opening", "Panel A", "Panel B", "Lunch"]


def test_staff_page_offers_moves_only_within_a_slot_and_says_why(app, editor, meeting):
    html = editor.get(f"/en/manage/events/{meeting.slug}/agenda/").get_data(as_text=True)
    assert "“Move up” and “Move down” order the items without a time" in text_of(html)
    rows = dict(re.findall(r'<tr id="item-(\d+)">(.*?)</tr>', html, flags=re.DOTALL))
    buttons = {
        title: (
            "Move up" in rows[str(item_id(app, title, meeting))],
            "Move down" in rows[str(item_id(app, title, meeting))],
        )
        for title in EXPECTED
    }
    assert buttons == {
        "Opening": (False, False),
        "Panel A": (False, True),
        "Panel B": (True, False),
        "Lunch": (False, False),
        "Reading room open": (False, True),
        "Welcome coffee": (True, False),
    }


def move(app, editor, meeting, title: str, direction: str):
    the_id = item_id(app, title, meeting)
    with app.app_context():
        version = db.session.get(AgendaItem, the_id).version
        db.session.remove()
    path = f"/en/manage/events/{meeting.slug}/agenda/{the_id}/move"
    data = {"direction": direction, "version": version}
    return post_form(editor, path, data, "/en/manage/", follow_redirects=True)


def test_a_timed_item_cannot_be_moved_past_other_times(app, client, editor, meeting):
    page = text_of(move(app, editor, meeting, "Lunch", "up").get_data(as_text=True))
    assert (
        "Timed items follow their start times: “Lunch” can only move among the items that "
        "start at the same time (13:00). Change its start time to move it further." in page
    )
    page = text_of(move(app, editor, meeting, "Reading room open", "up").get_data(as_text=True))
    assert "“Reading room open” cannot go further that way." in page
    public = client.get(f"/en/events/{meeting.slug}/").get_data(as_text=True)
    assert in_order(text_of(section(public, "agenda")), *EXPECTED)


def test_items_of_the_same_slot_are_moved_by_hand(app, client, editor, meeting):
    move(app, editor, meeting, "Panel B", "up")
    move(app, editor, meeting, "Welcome coffee", "up")
    public = text_of(
        section(client.get(f"/en/events/{meeting.slug}/").get_data(as_text=True), "agenda")
    )
    assert in_order(
        public, "Opening", "Panel B", "Panel A", "Lunch", "Welcome coffee", "Reading room open"
    )
