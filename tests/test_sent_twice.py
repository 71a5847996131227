"""A form that creates, sent twice (the browser's Back button then Save, a double click),
creates once: the second send is answered with the page of what the first one created, and
says so. Every kind of creating form: a single record, rows, a pasted agenda, an imported list,
a copy of a meeting."""

import re
from datetime import date

import pytest
from sqlalchemy import func, select

from iom_events.agenda.models import AgendaItem
from iom_events.delegations.models import Participant
from iom_events.events.models import Event
from iom_events.extensions import db
from iom_events.press.models import PressContact
from iom_events.translated import Translated

from pages import text_of
from staff import post_form

SENT_AGAIN = "This form had already been saved: it was not saved a second time."


def count(app, model, **where):
    with app.app_context():
        statement = select(func.count()).select_from(model)
        for name, value in where.items():
            statement = statement.where(getattr(model, name) == value)
        return db.session.scalar(statement)


def twice(client, path, data, **kwargs):
    first = post_form(client, path, data, **kwargs)
    second = post_form(client, path, data, **kwargs)
    return first, second


def test_a_new_press_contact_sent_twice_is_one_contact(app, editor, make_event):
    event = make_event()
    path = f"/en/manage/events/{event.slug}/press/new"
    data = {"name": "Ana Souza", "email": "asouza@iom.int", "languages": ["en"]}
    first, second = twice(editor, path, data)
    assert first.status_code == second.status_code == 303
    assert second.location == first.location
    assert SENT_AGAIN in text_of(editor.get(second.location).get_data(as_text=True))
    assert count(app, PressContact, event_id=event.id) == 1
    # Something else typed in the same form is a new send: saved.
    post_form(editor, path, {**data, "name": "Diego Taicz", "email": "dtaicz@iom.int"})
    assert count(app, PressContact, event_id=event.id) == 2


def test_rows_a_pasted_agenda_and_an_imported_list_sent_twice_are_added_once(
    app, editor, make_event
):
    event = make_event(
        country="SN", timezone="Africa/Dakar", title=Translated(en="Twice"), original_language="en"
    )
    base = f"/en/manage/events/{event.slug}"
    rows = {"day": event.starts_on.isoformat(), "rows-0-title": "Opening", "rows-0-kind": "session"}
    first, second = twice(editor, f"{base}/agenda/rows", rows)
    assert first.status_code == second.status_code == 303
    assert count(app, AgendaItem, event_id=event.id) == 1

    text = "1\t09:00\t10:00\tPanel\t"
    preview = post_form(editor, f"{base}/agenda/paste", {"text": text})
    seen = re.search(r'name="previewed"[^>]*value="([0-9a-f]{64})"', preview.get_data(as_text=True))
    twice(editor, f"{base}/agenda/paste", {"text": text, "previewed": seen[1], "confirm": ""})
    assert count(app, AgendaItem, event_id=event.id) == 2

    delegations = {"row-1-delegation": "Ghana", "row-1-kind": "", "row-1-country": "GH"}
    first, second = twice(editor, f"{base}/delegations/rows", delegations)
    assert first.status_code == second.status_code == 303  # not "already at this meeting"
    assert SENT_AGAIN in text_of(editor.get(second.location).get_data(as_text=True))

    listed = "Name\tDelegation\nAwa Diop\tSenegal\n"
    page = post_form(editor, f"{base}/delegations/import", {"pasted": listed})
    rows_token = re.search(
        r'name="rows" type="hidden" value="([^"]+)"', page.get_data(as_text=True)
    )
    first, second = twice(editor, f"{base}/delegations/import/confirm", {"rows": rows_token[1]})
    assert first.status_code == second.status_code == 303
    assert SENT_AGAIN in text_of(editor.get(second.location).get_data(as_text=True))
    assert count(app, Participant, event_id=event.id) == 1


@pytest.mark.parametrize("path", ["/en/manage/events/new"])
def test_a_new_meeting_and_a_copy_sent_twice_are_one_meeting(app, editor, make_event, path):
    data = {
        "title-en": "Sent twice consultation",
        "original_language": "en",
        "kind": "workshop",
        "starts_on": "2032-03-10",
        "ends_on": "2032-03-11",
        "country": "TH",
    }
    first, second = twice(editor, path, data)
    assert first.status_code == second.status_code == 303 and second.location == first.location
    slug = first.location.rstrip("/").rsplit("/", 1)[1]
    copy = {"title-en": "Its copy", "starts_on": "2033-03-10"}
    first, second = twice(editor, f"/en/manage/events/{slug}/copy", copy)
    assert first.status_code == second.status_code == 303 and second.location == first.location
    with app.app_context():
        titles = db.session.scalars(
            select(Event.title).where(Event.starts_on >= date(2032, 1, 1))
        ).all()
    assert sorted(str(t["en"]) for t in titles if t.get("en")).count("Its copy") == 1
    assert sorted(str(t["en"]) for t in titles if t.get("en")).count("Sent twice consultation") == 1
