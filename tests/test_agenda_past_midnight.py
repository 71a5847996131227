"""An agenda item may end after midnight (a night drafting session 22:00–02:00): the editor
says so with "Ends the next day"; the page, the feed (DTEND on the next day, RFC 5545 section
3.6.1) and the API show it so."""

import re
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from iom_events.agenda.models import AgendaItem
from iom_events.extensions import db
from iom_events.translated import Translated

from pages import section, text_of
from staff import post_form

DAY = "2030-01-10"


@pytest.fixture
def meeting(make_event):
    return make_event(
        title=Translated(en="Drafting meeting"),
        timezone="Asia/Bangkok",
        country="TH",
        starts_on=date(2030, 1, 10),
        ends_on=date(2030, 1, 11),
    )


def add_item(client, meeting, **fields):
    data = {"day": DAY, "kind": "session", "title-en": "Night drafting session", **fields}
    path = f"/en/manage/events/{meeting.slug}/agenda/new"
    return post_form(client, path, data, path_for_token="/en/manage/")


def stored(app, meeting):
    with app.app_context():
        mine = db.select(AgendaItem).where(AgendaItem.event_id == meeting.id)
        items = db.session.scalars(mine).all()
        found = [(i.starts_at, i.ends_at, i.ends_next_day) for i in items]
        db.session.remove()
        return found


def test_an_end_before_the_start_is_refused_unless_the_editor_says_next_day(app, editor, meeting):
    refused = add_item(editor, meeting, starts_at="22:00", ends_at="02:00")
    assert refused.status_code == 400
    html = refused.get_data(as_text=True)
    assert (
        "The end time cannot be before the start time. If the item ends after midnight, "
        "tick “Ends the next day”." in text_of(html)
    )
    assert 'value="22:00"' in html and 'value="02:00"' in html
    assert stored(app, meeting) == []

    refused = add_item(editor, meeting, starts_at="09:00", ends_at="10:00", ends_next_day="y")
    assert refused.status_code == 400
    assert "correct the end time, or untick “Ends the next day”" in text_of(
        refused.get_data(as_text=True)
    )
    refused = add_item(editor, meeting, starts_at="09:00", ends_next_day="y")
    assert "Enter the end time on the next day, or untick this box." in text_of(
        refused.get_data(as_text=True)
    )
    assert stored(app, meeting) == []


@pytest.fixture
def night_session(app, editor, meeting):
    response = add_item(editor, meeting, starts_at="22:00", ends_at="02:00", ends_next_day="y")
    assert response.status_code == 303
    return meeting


def test_the_page_says_next_day_in_each_language(client, night_session):
    words = {"en": "22:00–02:00 (next day)", "fr": "22:00–02:00 (le lendemain)"}
    words["es"] = "22:00–02:00 (día siguiente)"
    for lang, expected in words.items():
        page = client.get(f"/{lang}/events/{night_session.slug}/").get_data(as_text=True)
        assert expected in text_of(section(page, "agenda")), lang


def test_the_feed_ends_the_item_on_the_next_day(client, night_session):
    calendar = Calendar.from_ical(client.get(f"/en/events/{night_session.slug}.ics").data)
    (item,) = [e for e in calendar.walk("VEVENT") if "related-to" in e]
    bangkok = ZoneInfo("Asia/Bangkok")
    assert item.decoded("dtstart") == datetime(2030, 1, 10, 22, tzinfo=bangkok)
    assert item.decoded("dtend") == datetime(2030, 1, 11, 2, tzinfo=bangkok)
    assert re.search(rb"DTEND;TZID=Asia/Bangkok:20300111T020000", calendar.to_ical())


def test_the_api_says_the_item_ends_the_next_day(client, night_session):
    (item,) = client.get(f"/api/v1/meetings/{night_session.slug}").get_json()["agenda"]
    assert item["day"] == "2030-01-10"
    assert (item["starts_at"], item["ends_at"]) == ("22:00:00", "02:00:00")
    assert (item["ends_next_day"], item["ends_on"]) == (True, "2030-01-11")


def test_the_staff_list_and_the_edit_form_keep_next_day(app, editor, night_session):
    index = editor.get(f"/en/manage/events/{night_session.slug}/agenda/").get_data(as_text=True)
    assert "22:00–02:00 (next day)" in text_of(index)
    item_id = re.search(r'id="item-(\d+)"', index).group(1)
    form = editor.get(f"/en/manage/events/{night_session.slug}/agenda/{item_id}/edit")
    assert re.search(
        r'<input[^>]*checked[^>]*name="ends_next_day"|<input[^>]*name="ends_next_day"[^>]*checked',
        form.get_data(as_text=True),
    )


def test_editing_the_item_back_to_one_day_keeps_the_form_and_the_store_right(
    app, editor, night_session
):
    index = editor.get(f"/en/manage/events/{night_session.slug}/agenda/").get_data(as_text=True)
    item_id = re.search(r'id="item-(\d+)"', index).group(1)
    path = f"/en/manage/events/{night_session.slug}/agenda/{item_id}/edit"
    with app.app_context():
        version = db.session.get(AgendaItem, int(item_id)).version
        db.session.remove()
    data = {
        "version": version,
        "day": DAY,
        "kind": "session",
        "title-en": "Night drafting session",
        "starts_at": "22:00",
        "ends_at": "23:30",
    }
    assert post_form(editor, path, data, "/en/manage/").status_code == 303
    assert stored(app, night_session) == [(time(22), time(23, 30), False)]
