"""Forms that fit the meeting: "Save and add another", and phones read as the meeting's country
writes them (issue 16, items 1 and 7)."""

import re

from sqlalchemy import select
from test_manage_delegations import PERSON, add_delegation, manage_url
from test_manage_press import CONTACT

from iom_events.delegations.models import Participant
from iom_events.extensions import db
from iom_events.press.models import PressContact

from pages import text_of
from staff import post_form


def stored_phone(app, model, name):
    with app.app_context():
        return db.session.scalar(select(model.phone).where(model.name == name))


def test_a_senegalese_national_number_is_stored_with_its_country_code(app, editor, make_event):
    event = make_event(country="SN", timezone="Africa/Dakar")
    response = post_form(
        editor,
        manage_url(event, "participants/new"),
        {**PERSON, "name": "Awa Diop", "phone": "77 123 45 67"},
    )
    assert response.status_code == 303
    assert stored_phone(app, Participant, "Awa Diop") == "+221771234567"
    listing = text_of(editor.get(manage_url(event)).get_data(as_text=True))
    assert "+221 77 123 45 67" in listing  # grouped as Senegal writes it

    with app.app_context():
        person_id = db.session.scalar(select(Participant.id).where(Participant.name == "Awa Diop"))
    form = editor.get(manage_url(event, f"participants/{person_id}/edit"))
    assert 'value="+221 77 123 45 67"' in form.get_data(as_text=True)


def test_a_number_with_its_country_code_is_read_whatever_the_meeting(app, editor, make_event):
    event = make_event(country="SN", timezone="Africa/Dakar")
    post_form(
        editor,
        manage_url(event, "participants/new"),
        {**PERSON, "name": "Ana Gómez", "phone": "+54 11 4815 1035"},
    )
    assert stored_phone(app, Participant, "Ana Gómez") == "+541148151035"


def test_a_press_contact_phone_is_read_with_the_meeting_country(app, editor, make_event):
    event = make_event(country="SN", timezone="Africa/Dakar")
    path = f"/en/manage/events/{event.slug}/press/new"
    data = {**CONTACT, "name": "Moussa Ndiaye", "phone": "33 869 62 00"}
    assert post_form(editor, path, data).status_code == 303
    assert stored_phone(app, PressContact, "Moussa Ndiaye") == "+221338696200"
    page = text_of(editor.get(f"/en/events/{event.slug}/").get_data(as_text=True))
    assert "+221 33 869 62 00" in page


def test_a_national_number_of_another_country_is_refused_in_the_page_language(
    app, editor, make_event
):
    event = make_event(country="SN", timezone="Africa/Dakar")
    data = {**PERSON, "name": "Awa Diop", "phone": "022 717 91 11"}  # Geneva, without +41
    response = post_form(
        editor, manage_url(event, "participants/new").replace("/en/", "/fr/"), data
    )
    assert response.status_code == 400
    page = text_of(response.get_data(as_text=True))
    assert (
        "Saisissez un numéro de téléphone du pays de la réunion (Sénégal), ou un numéro avec "
        "l’indicatif du pays, p. ex. +41 22 717 91 11." in page
    )
    assert 'value="022 717 91 11"' in response.get_data(as_text=True)
    assert stored_phone(app, Participant, "Awa Diop") is None


def test_save_and_add_another_saves_then_opens_a_blank_form(app, editor, make_event):
    event = make_event()
    delegation_id = add_delegation(editor, event)
    path = manage_url(event, f"participants/new?delegation={delegation_id}")
    form = editor.get(path).get_data(as_text=True)
    assert "Save and add another" in text_of(form)

    response = post_form(editor, path, {**PERSON, "delegation": delegation_id, "another": "yes"})
    assert response.status_code == 303
    assert response.headers["Location"].endswith(path)
    again = editor.get(response.headers["Location"]).get_data(as_text=True)
    assert "Participant added." in text_of(again)
    assert 'name="name" type="text" value=""' in again or 'value="Thandiwe' not in again
    assert re.search(rf'<option selected value="{delegation_id}">', again)  # still chosen
    with app.app_context():
        assert (
            db.session.scalar(
                select(Participant.delegation_id).where(Participant.name == PERSON["name"])
            )
            == delegation_id
        )


def test_every_new_form_offers_save_and_add_another(editor, make_event):
    event = make_event()
    for path in (
        f"/en/manage/events/{event.slug}/delegations/new",
        f"/en/manage/events/{event.slug}/press/new",
        f"/en/manage/events/{event.slug}/agenda/new",
        f"/en/manage/events/{event.slug}/organizers/new",
    ):
        page = editor.get(path)
        assert page.status_code == 200, path
        assert "Save and add another" in text_of(page.get_data(as_text=True)), path
    edit = editor.get(f"/en/manage/events/{event.slug}/edit").get_data(as_text=True)
    assert "Save and add another" not in text_of(edit)
