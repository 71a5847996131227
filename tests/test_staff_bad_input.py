"""Numbers a browser lets through, and hidden fields a client tampers with, never reach the
database as an overflow: the staff member gets a message in the page's language and nothing
changes."""

import pytest
from sqlalchemy import select

from iom_events.events.models import Event, EventStatus
from iom_events.extensions import db

from pages import text_of
from staff import post_form

HUGE = "100000000000000000000"

MEETING = {
    "title-en": "",
    "title-fr": "Atelier sur la migration de main-d’œuvre",
    "title-es": "",
    "kind": "workshop",
    "original_language": "fr",
    "starts_on": "2031-05-06",
    "ends_on": "2031-05-07",
    "timezone": "Europe/Zurich",
    "city-fr": "Genève",
    "country": "CH",
}


def meetings_titled(app, title: str) -> int:
    with app.app_context():
        return len([e for e in db.session.scalars(select(Event)) if e.title.get("fr") == title])


@pytest.mark.parametrize("field", ["participant_count", "states_count"])
def test_a_number_too_large_for_the_database_is_refused_in_the_pages_language(app, editor, field):
    response = post_form(editor, "/fr/manage/events/new", {**MEETING, field: HUGE})
    assert response.status_code == 400
    page = text_of(response.get_data(as_text=True))
    assert "Saisissez un nombre plus petit." in page
    assert "Atelier sur la migration de main-d’œuvre" in response.get_data(as_text=True)
    assert meetings_titled(app, MEETING["title-fr"]) == 0


def test_a_number_in_scientific_notation_gets_one_message_not_two(editor):
    response = post_form(editor, "/es/manage/events/new", {**MEETING, "states_count": "1e20"})
    assert response.status_code == 400
    page = text_of(response.get_data(as_text=True))
    assert page.count("Introduzca un número entero.") == 2  # in the summary and at the field
    assert "al menos" not in page and "mayor" not in page


@pytest.fixture
def draft(make_event):
    return make_event(status=EventStatus.DRAFT)


@pytest.mark.parametrize(
    ("action", "fields"),
    [
        ("status", {"status": "published"}),
        ("remove", {}),
    ],
)
def test_a_tampered_version_on_a_button_changes_nothing(app, editor, draft, action, fields):
    response = post_form(
        editor, f"/fr/manage/events/{draft.slug}/{action}", {**fields, "version": HUGE * 2}
    )
    assert response.status_code == 303
    follow = editor.get(response.location)
    assert "entre-temps" in text_of(follow.get_data(as_text=True))
    with app.app_context():
        stored = db.session.scalar(
            select(Event).where(Event.id == draft.id), execution_options={"include_removed": True}
        )
        assert (stored.status, stored.removed_at) == (EventStatus.DRAFT, None)


def test_a_tampered_version_in_an_edit_form_keeps_the_input(app, editor, draft):
    typed = {**MEETING, "title-fr": "Titre tapé", "version": HUGE}
    response = post_form(editor, f"/fr/manage/events/{draft.slug}/edit", typed)
    assert response.status_code == 409  # merged against the whole history: a clash to choose
    assert "Titre tapé" in response.get_data(as_text=True)
    assert meetings_titled(app, "Titre tapé") == 0


def test_a_history_filter_with_a_huge_person_says_so(editor, draft):
    response = editor.get(f"/fr/manage/events/{draft.slug}/history?person={HUGE}")
    assert response.status_code == 200
    assert "Choisissez une personne dans la liste." in text_of(response.get_data(as_text=True))


def test_a_title_pasted_far_too_long_is_refused_and_kept(app, editor):
    title = "Atelier " * 100
    response = post_form(editor, "/en/manage/events/new", {**MEETING, "title-fr": title})
    assert response.status_code == 400
    assert "At most 300 characters in each language." in text_of(response.get_data(as_text=True))
    assert meetings_titled(app, title) == 0
