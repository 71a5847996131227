"""Staff add, edit and remove a meeting's press contacts, whom journalists see on its page."""

import re

from sqlalchemy import select

from iom_events.extensions import db
from iom_events.press.models import PressContact

from pages import section, text_of
from staff import post_form

CONTACT = {
    "name": "Jorge Galindo",
    "office": "media-and-communication",
    "email": "jgalindo@iom.int",
    "phone": "+41 22 717 92 05",
    "languages": ["en", "es"],
    "position": "",
}


def manage_url(event, path=""):
    return f"/en/manage/events/{event.slug}/press/{path}"


def add_contact(client, event, **changes):
    return post_form(client, manage_url(event, "new"), {**CONTACT, **changes})


def press_section(client, event, lang="en") -> str:
    html = client.get(f"/{lang}/events/{event.slug}/").get_data(as_text=True)
    return text_of(section(html, "press"))


def contact_by_email(app, email) -> PressContact | None:
    with app.app_context():
        contact = db.session.scalar(select(PressContact).where(PressContact.email == email))
        db.session.expunge_all()
        return contact


def test_add_edit_and_remove_a_press_contact(app, editor, client, make_event):
    event = make_event()
    assert add_contact(editor, event).status_code == 303
    contact = contact_by_email(app, "jgalindo@iom.int")
    assert contact.phone == "+41227179205" and contact.languages == ["en", "es"]

    public = press_section(client, event)
    assert "Jorge Galindo, Media and Communications Division" in public
    assert "E-mail: jgalindo@iom.int" in public
    assert "Phone: +41 22 717 92 05" in public
    assert "Languages: English, Spanish" in public
    assert "Langues : anglais, espagnol" in press_section(client, event, "fr")

    listing = text_of(editor.get(manage_url(event)).get_data(as_text=True))
    assert "Jorge Galindo Media and Communications Division jgalindo@iom.int" in listing
    assert "+41 22 717 92 05 English, Spanish" in listing

    edit_url = manage_url(event, f"{contact.id}/edit")
    form = editor.get(edit_url).get_data(as_text=True)
    assert 'value="+41 22 717 92 05"' in form
    assert re.search(r'<option selected value="media-and-communication">', form)
    assert re.search(r'checked[^>]*value="es"', form) and not re.search(
        r'checked[^>]*value="fr"', form
    )
    version = re.search(r'name="version"[^>]*value="(\d+)"', form).group(1)
    # A second one (not the same form sent again: that adds nothing), to see the order.
    assert add_contact(editor, event, email="media@iom.int").status_code == 303
    saved = post_form(
        editor,
        edit_url,
        {
            **CONTACT,
            "version": version,
            "name": "Jorge A. Galindo",
            "office": "",
            "phone": "",
            "languages": ["es", "fr"],
            "position": "5",
        },
    )
    assert saved.status_code == 303
    public = press_section(client, event)
    assert "Jorge A. Galindo" in public
    assert public.count("Phone: +41 22 717 92 05") == 1  # the other one's: this one has none now
    assert public.index("Jorge Galindo") < public.index("Jorge A. Galindo")  # moved to position 5
    assert "Languages: French, Spanish" in public  # in the form's order, whatever was sent

    listing = editor.get(manage_url(event)).get_data(as_text=True)
    action = manage_url(event, f"{contact.id}/remove")
    version = re.search(
        rf'action="{re.escape(action)}".*?name="version" value="(\d+)"', listing, flags=re.DOTALL
    ).group(1)
    removed = post_form(editor, action, {"version": version}, path_for_token=manage_url(event))
    assert removed.status_code == 303
    public = press_section(client, event)
    assert "Jorge A. Galindo" not in public and "Jorge Galindo" in public
    assert "Jorge A. Galindo" not in editor.get(manage_url(event)).get_data(as_text=True)


def test_a_press_contact_needs_an_email_and_a_valid_phone(app, editor, make_event):
    event = make_event()
    response = add_contact(editor, event, email="", phone="717 91 11")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    page = text_of(html)
    assert "Enter the e-mail address journalists should write to." in page
    assert (
        "Enter a phone number of Switzerland, or one with its country code, e.g. +41 22 717 91 11."
    ) in page
    assert 'value="Jorge Galindo"' in html and 'value="717 91 11"' in html
    assert re.search(r'<option selected value="media-and-communication">', html)
    assert re.search(r'checked[^>]*value="en"', html) and re.search(r'checked[^>]*value="es"', html)

    response = add_contact(editor, event, email="jgalindo at iom.int")
    assert response.status_code == 400
    assert "Enter a valid e-mail address, e.g. name@example.org." in text_of(
        response.get_data(as_text=True)
    )
    assert "Jorge Galindo" not in editor.get(manage_url(event)).get_data(as_text=True)


def test_a_press_contact_of_another_meeting_is_not_found_here(app, editor, make_event):
    first, second = make_event(), make_event()
    add_contact(editor, first, email="press@iom.int")
    contact = contact_by_email(app, "press@iom.int")
    assert editor.get(manage_url(second, f"{contact.id}/edit")).status_code == 404
    assert editor.get(manage_url(first, f"{contact.id}/edit")).status_code == 200
    assert editor.get("/en/manage/events/no-such-meeting/press/").status_code == 404
