"""The items of a day typed as rows of one form: blank rows left out, errors on their row with
everything typed kept, all rows added in one transaction or none."""

import re
from datetime import date, time

import pytest

from iom_events.agenda.models import AgendaItem
from iom_events.extensions import db
from iom_events.translated import Translated

from pages import text_of
from staff import post_form


@pytest.fixture
def meeting(make_event):
    return make_event(
        title=Translated(en="Rows meeting"), starts_on=date(2030, 1, 10), ends_on=date(2030, 1, 11)
    )


def path(meeting, lang="en"):
    return f"/{lang}/manage/events/{meeting.slug}/agenda/rows"


def send(client, meeting, rows, lang="en"):
    data = {"day": "2030-01-11"}
    for n, row in enumerate(rows):
        data.update({f"rows-{n}-{name}": value for name, value in row.items()})
        data.setdefault(f"rows-{n}-kind", "session")
    return post_form(client, path(meeting, lang), data, path_for_token=path(meeting, lang))


def stored(app, meeting):
    with app.app_context():
        found = db.session.scalars(
            db.select(AgendaItem)
            .where(AgendaItem.event_id == meeting.id)
            .order_by(*AgendaItem.agenda_order())
        ).all()
        answer = [(i.day, i.starts_at, i.ends_at, i.ends_next_day, i.title["en"]) for i in found]
        db.session.remove()
        return answer


def test_without_javascript_the_form_has_blank_rows(editor, meeting):
    html = editor.get(path(meeting)).get_data(as_text=True)
    assert len(re.findall(r'name="rows-\d+-title"', html)) == 5
    assert "js/agenda-rows.js" in html


def test_a_bad_row_keeps_every_row_and_says_what_is_wrong_on_it(app, editor, meeting):
    response = send(
        editor,
        meeting,
        [
            {"starts_at": "09:00", "ends_at": "10:00", "title": "Opening"},
            {},
            {"starts_at": "22:00", "ends_at": "02:00", "title": "Night drafting"},
        ],
    )
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "1 row has a problem: nothing was added." in text_of(html)
    row = re.search(r'<tr data-row class="invalid">(.*?)</tr>', html, re.S).group(1)
    assert 'value="Night drafting"' in row and "mark it as ending the next day" in row
    assert 'value="Opening"' in html
    assert stored(app, meeting) == []


def test_good_rows_are_added_at_once(app, editor, meeting):
    response = send(
        editor,
        meeting,
        [
            {"starts_at": "22:00", "ends_at": "02:00", "ends_next_day": "y", "title": "Night"},
            {"starts_at": "09:00", "title": "Morning"},
            {"title": "Exhibition"},
        ],
    )
    assert response.status_code == 303
    assert stored(app, meeting) == [
        (date(2030, 1, 11), time(9), None, False, "Morning"),
        (date(2030, 1, 11), time(22), time(2), True, "Night"),
        (date(2030, 1, 11), None, None, False, "Exhibition"),
    ]


def test_only_blank_rows_is_a_clear_message_in_spanish(editor, meeting):
    response = send(editor, meeting, [{}, {}], lang="es")
    assert response.status_code == 400
    assert "Todas las filas están vacías" in text_of(response.get_data(as_text=True))


def test_a_day_outside_the_meeting_is_said_once_at_the_day(app, editor, meeting):
    data = {"day": "2030-02-01", "rows-0-title": "Lost", "rows-0-kind": "session"}
    response = post_form(editor, path(meeting), data, path_for_token=path(meeting))
    assert response.status_code == 400
    page = text_of(response.get_data(as_text=True))
    assert page.count("Write a day of the meeting") == 2  # the summary at the top, the field
    assert stored(app, meeting) == []


def test_a_new_row_is_a_session_unless_the_editor_says_otherwise(editor, meeting):
    """The kind list opens on "Session", in the blank rows and in the row the script copies:
    a row typed without touching it is a session, not an opening."""
    html = editor.get(path(meeting)).get_data(as_text=True)
    selects = re.findall(r'<select[^>]*name="rows-[^"]*-kind"[^>]*>(.*?)</select>', html, re.S)
    assert len(selects) >= 2
    for options in selects:
        chosen = [o for o in re.findall(r"<option[^>]*>", options) if "selected" in o]
        assert chosen == [re.search(r'<option[^>]*value="session"[^>]*>', options)[0]]


def test_without_javascript_more_rows_keeps_what_was_typed_and_adds_blank_rows(
    app, editor, meeting
):
    html = editor.get(path(meeting)).get_data(as_text=True)
    assert html.count('name="rows-') // 6 == 5  # five rows of six inputs
    assert re.search(r'<button type="submit" name="more" value="yes"[^>]*>More rows</button>', html)
    data = {"day": "2030-01-11", "rows-0-title": "Kept", "rows-0-kind": "break", "more": "yes"}
    response = post_form(editor, path(meeting), data, path_for_token=path(meeting))
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert 'value="Kept"' in html and "rows-9-title" in html and "rows-10-title" not in html
    assert stored(app, meeting) == []
