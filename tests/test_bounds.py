"""Absurd values are refused with a message at the field, in the page's language, and change
nothing: numbers beyond what a meeting can need, a meeting of more than a month, texts longer
than any page should carry, the same speaker chosen twice. A meeting saved with absurd dates
before these bounds still opens in a moment."""

import time
from datetime import date

import pytest
from sqlalchemy import select

from iom_events.agenda.models import AgendaItem
from iom_events.delegations.models import Participant, ParticipantRole
from iom_events.events.models import Event
from iom_events.extensions import db
from iom_events.fields import MAX_MEETING_DAYS

from pages import text_of
from staff import post_form

MEETING = {
    "title-en": "",
    "title-fr": "Atelier borné",
    "title-es": "",
    "kind": "workshop",
    "original_language": "fr",
    "starts_on": "2031-05-06",
    "ends_on": "2031-05-07",
    "timezone": "Europe/Zurich",
    "city-fr": "Genève",
    "country": "CH",
}


def spaced(text: str) -> str:
    """Text with the locale's no-break spaces (in "200 000", before ":") read as spaces."""
    return text.replace("\xa0", " ").replace("\u202f", " ")


def saved(app, title: str) -> int:
    with app.app_context():
        return sum(e.title.get("fr") == title for e in db.session.scalars(select(Event)))


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("participant_count", "200001", "Saisissez un nombre de 0 à 200 000."),
        ("participant_count", "-1", "Saisissez un nombre de 0 à 200 000."),
        ("states_count", "251", "Saisissez un nombre de 0 à 250."),
        ("states_count", "2147483647", "Saisissez un nombre de 0 à 250."),
    ],
)
def test_a_number_beyond_what_a_meeting_can_need_is_refused_at_the_field(
    app, editor, field, value, message
):
    response = post_form(editor, "/fr/manage/events/new", {**MEETING, field: value})
    assert response.status_code == 400
    assert message in spaced(text_of(response.get_data(as_text=True)))
    assert saved(app, MEETING["title-fr"]) == 0


@pytest.mark.parametrize("path", ["organizers/new", "press/new", "documents/new"])
def test_a_position_in_a_list_is_bounded_too(editor, make_event, path):
    event = make_event()
    response = post_form(
        editor, f"/es/manage/events/{event.slug}/{path}", {"position": "10001"}, "/en/manage/"
    )
    assert response.status_code == 400
    assert "Introduzca un número entre 0 y 10" in text_of(response.get_data(as_text=True))


@pytest.mark.parametrize(
    ("first", "last"), [("2009-06-04", "9999-12-31"), ("2031-05-01", "2031-06-01")]
)
def test_a_meeting_of_more_than_a_month_is_refused(app, editor, first, last):
    typed = {**MEETING, "starts_on": first, "ends_on": last}
    response = post_form(editor, "/fr/manage/events/new", typed)
    assert response.status_code == 400
    page = text_of(response.get_data(as_text=True))
    assert "au plus 31 jours" in page or "entre 1951 et 2100" in page
    assert saved(app, MEETING["title-fr"]) == 0


def test_a_meeting_of_exactly_a_month_is_saved(app, editor):
    typed = {**MEETING, "starts_on": "2031-05-01", "ends_on": "2031-05-31"}
    assert post_form(editor, "/fr/manage/events/new", typed).status_code == 303


@pytest.mark.parametrize(
    ("field", "length", "message"),
    [
        ("title-fr", 301, "At most 300 characters in each language."),
        ("description-fr", 20_001, "At most 20,000 characters in each language."),
    ],
)
def test_texts_longer_than_a_page_should_carry_are_refused(app, editor, field, length, message):
    typed = {**MEETING, field: "x" * length}
    response = post_form(editor, "/en/manage/events/new", typed)
    assert response.status_code == 400
    assert message in text_of(response.get_data(as_text=True))


def test_the_same_speaker_twice_is_one_speaker(app, editor, make_event):
    event = make_event()
    with app.app_context():
        person = Participant(event_id=event.id, name="Ana Pérez", role=ParticipantRole.SPEAKER)
        db.session.add(person)
        db.session.commit()
        person_id = person.id
    response = post_form(
        editor,
        f"/en/manage/events/{event.slug}/agenda/new",
        {
            "day": "2030-01-10",
            "kind": "session",
            "title-en": "Keynote",
            "speakers": [str(person_id), str(person_id)],
        },
        "/en/manage/",
    )
    assert response.status_code == 303
    with app.app_context():
        item = db.session.scalar(select(AgendaItem).where(AgendaItem.event_id == event.id))
        assert [speaker.id for speaker in item.speakers] == [person_id]


@pytest.mark.parametrize("sent", [[""], ["", ""], ["x"], ["1", "x"]])
def test_speakers_that_are_no_choice_change_nothing(app, editor, sent):
    with app.app_context():
        event = db.session.scalar(select(Event).where(Event.slug == "rcp-bangkok-2009"))
        item = event.agenda[0]
        path = f"/en/manage/events/{event.slug}/agenda/{item.id}/edit"
        typed = {
            "version": str(item.version),
            "day": item.day.isoformat(),
            "kind": item.kind.value,
            "title-en": item.title["en"],
            "speakers": sent,
        }
        before = [speaker.id for speaker in item.speakers]
    response = post_form(editor, path, typed, "/en/manage/")
    assert response.status_code in (303, 400)
    if response.status_code == 400:
        assert "Invalid choice" in text_of(response.get_data(as_text=True))
    with app.app_context():
        item = db.session.get(AgendaItem, item.id)
        assert [speaker.id for speaker in item.speakers] == ([] if sent[0] == "" else before)


def test_the_agenda_form_of_a_meeting_saved_from_2009_to_9999_opens_at_once(editor, make_event):
    event = make_event(starts_on=date(2009, 6, 4), ends_on=date(9999, 12, 31))
    started = time.monotonic()
    response = editor.get(f"/en/manage/events/{event.slug}/agenda/new")
    assert response.status_code == 200
    assert time.monotonic() - started < 5
    assert response.get_data(as_text=True).count('<option value="20') <= MAX_MEETING_DAYS + 5
    assert editor.get(f"/en/manage/events/{event.slug}/agenda/").status_code == 200
    edit = editor.get(f"/fr/manage/events/{event.slug}/edit")
    assert edit.status_code == 200
