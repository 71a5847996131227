"""What is typed or pasted into any form is cleaned by one rule (iom_events/forms.py): control
characters removed (PostgreSQL refuses a NUL), line breaks folded in single-line fields, kept
in text areas. Nothing reaches a 500 and nothing else of the input is lost."""

from sqlalchemy import select

from iom_events.events.models import Event
from iom_events.extensions import db
from iom_events.forms import one_line, without_control_characters

from pages import text_of
from staff import post_form

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


def the_meeting(app, slug: str) -> Event | None:
    with app.app_context():
        return db.session.scalar(select(Event).where(Event.slug == slug))


def test_the_rule():
    assert without_control_characters("a\x00b\x1bc\x7f\td\r\ne") == "abc\td\r\ne"
    assert without_control_characters("line\x0bsoft break\x0cpage") == "line\nsoft break\npage"
    assert one_line("\r\n Opening\r\nsession\t\u2028day 1\n") == " Opening session day 1"
    assert one_line(None) is None and one_line(7) == 7


def test_a_nul_in_the_sign_in_e_mail_is_a_wrong_password_not_a_500(client, staff_accounts):
    response = post_form(
        client, "/fr/sign-in", {"email": "nobody\x00@iom.test", "password": "x\x00y"}
    )
    assert response.status_code == 401
    assert "Cette adresse électronique et ce mot de passe ne correspondent pas." in text_of(
        response.get_data(as_text=True)
    )


def test_a_sign_in_e_mail_far_too_long_is_refused(client, staff_accounts):
    response = post_form(client, "/en/sign-in", {"email": "a" * 100_000 + "@iom.test"})
    assert response.status_code == 400


def test_control_characters_and_line_breaks_in_single_line_fields_are_cleaned(app, editor):
    typed = {
        **MEETING,
        "slug": "atelier-nul",
        "title-fr": "Atelier\x00 sur la\r\nmigration\x1b",
        "venue-fr": "Palais\ndes Nations",
        "description-fr": "Premier paragraphe.\x00\r\n\r\nSecond\x0bparagraphe.",
        "website": "https://example.org/\x00atelier",
    }
    response = post_form(editor, "/fr/manage/events/new", typed)
    assert response.status_code == 303
    event = the_meeting(app, "atelier-nul")
    assert event.title["fr"] == "Atelier sur la migration"
    assert event.venue["fr"] == "Palais des Nations"
    assert event.description["fr"] == "Premier paragraphe.\n\nSecond\nparagraphe."
    assert event.website == "https://example.org/atelier"


def test_a_participant_name_with_a_nul_and_a_line_break_is_saved_on_one_line(
    app, editor, make_event
):
    event = make_event()
    response = post_form(
        editor,
        f"/en/manage/events/{event.slug}/delegations/participants/new",
        {"name": "Ana\x00\nPérez", "role": "delegate", "is_public": "y"},
    )
    assert response.status_code == 303
    page = editor.get(f"/en/manage/events/{event.slug}/delegations/").get_data(as_text=True)
    assert "Ana Pérez" in page
