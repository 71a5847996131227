"""Staff manage a meeting's delegations and participants; contact data stays private."""

import re

from sqlalchemy import select

from iom_events.delegations.models import Participant
from iom_events.extensions import db

from pages import section, text_of
from staff import post_form

DELEGATION = {
    "kind": "rcp",
    "name-en": "Migration Dialogue for Southern Africa",
    "name-fr": "Dialogue sur la migration pour l'Afrique australe",
    "name-es": "",
    "short_name-en": "MIDSA",
    "short_name-fr": "MIDSA",
    "short_name-es": "",
    "region-en": "Southern Africa",
    "region-fr": "",
    "region-es": "",
    "country": "",
    "position": "",
}

PERSON = {
    "name": "Thandiwe Mokoena",
    "function-en": "Director of Immigration",
    "function-fr": "",
    "function-es": "",
    "affiliation-en": "",
    "affiliation-fr": "",
    "affiliation-es": "",
    "role": "head_of_delegation",
    "delegation": "",
    "is_public": "y",
    "email": "",
    "phone": "",
}


def manage_url(event, path=""):
    return f"/en/manage/events/{event.slug}/delegations/{path}"


def add_delegation(client, event, **changes) -> int:
    response = post_form(client, manage_url(event, "new"), {**DELEGATION, **changes})
    assert response.status_code == 303, response.get_data(as_text=True)
    listing = client.get(manage_url(event)).get_data(as_text=True)
    ids = re.findall(r"participants/new\?delegation=(\d+)", listing)
    return int(ids[-1])


def add_person(client, event, *, public=True, **changes):
    data = {**PERSON, **changes}
    if not public:
        del data["is_public"]  # an unticked box is not sent
    return post_form(client, manage_url(event, "participants/new"), data)


def public_page(client, event) -> str:
    return client.get(f"/en/events/{event.slug}/").get_data(as_text=True)


def version_in(html: str, action: str) -> str:
    """The version a page's form or button sends along to `action`."""
    match = re.search(
        rf'action="{re.escape(action)}"[^>]*>.*?name="version" value="(\d+)"', html, flags=re.DOTALL
    )
    assert match, f"no form posting to {action}"
    return match.group(1)


def person_by_name(app, name) -> Participant:
    with app.app_context():
        person = db.session.scalar(select(Participant).where(Participant.name == name))
        db.session.expunge_all()
        return person


def test_a_delegation_with_two_participants_shows_on_the_public_page(editor, client, make_event):
    event = make_event()
    delegation_id = add_delegation(editor, event)
    form = editor.get(manage_url(event, f"participants/new?delegation={delegation_id}"))
    assert re.search(rf'<option selected value="{delegation_id}">', form.get_data(as_text=True))

    assert add_person(editor, event, delegation=delegation_id).status_code == 303
    second = add_person(
        editor,
        event,
        delegation=delegation_id,
        name="Pedro Nhantumbo",
        role="delegate",
        **{"function-en": "Senior Migration Officer"},
    )
    assert second.status_code == 303

    page = text_of(section(public_page(client, event), "participants"))
    assert "1 delegation" in page
    assert "Migration Dialogue for Southern Africa (MIDSA) — Southern Africa" in page
    assert "Thandiwe Mokoena, Director of Immigration (Head of delegation)" in page
    assert "Pedro Nhantumbo, Senior Migration Officer (Delegate)" in page
    assert page.index("Thandiwe Mokoena") < page.index("Pedro Nhantumbo")  # in the order added
    french = text_of(client.get(f"/fr/events/{event.slug}/").get_data(as_text=True))
    assert "Dialogue sur la migration pour l'Afrique australe" in french


def test_contact_data_and_private_people_show_to_staff_only(editor, client, make_event):
    event = make_event()
    delegation_id = add_delegation(editor, event)
    add_person(
        editor,
        event,
        delegation=delegation_id,
        email="thandiwe@midsa.org",
        phone="+27 12 345 6789",
    )
    add_person(
        editor,
        event,
        public=False,
        delegation=delegation_id,
        name="Quiet Observer",
        role="observer",
        email="quiet@midsa.org",
    )

    public = public_page(client, event)
    assert "Thandiwe Mokoena" in public
    for secret in (
        "thandiwe@midsa.org",
        "quiet@midsa.org",
        "Quiet Observer",
        "345 6789",
        "123456789",
    ):
        assert secret not in public

    staff = editor.get(manage_url(event))
    assert staff.status_code == 200
    listing = text_of(staff.get_data(as_text=True))
    assert "thandiwe@midsa.org" in listing and "+27 12 345 6789" in listing
    assert "Quiet Observer" in listing and "quiet@midsa.org" in listing and "Private" in listing


def test_invalid_email_and_phone_get_clear_messages_and_keep_the_input(app, editor, make_event):
    event = make_event()
    delegation_id = add_delegation(editor, event)
    typed = {
        "delegation": delegation_id,
        "role": "speaker",
        "function-fr": "Directrice de l'immigration",
        "email": "thandiwe(at)midsa",
        "phone": "+27 12 345 6789",
    }
    response = add_person(editor, event, **typed)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "Enter a valid e-mail address, e.g. name@example.org." in text_of(html)
    assert 'value="thandiwe(at)midsa"' in html and 'value="+27 12 345 6789"' in html
    assert 'value="Thandiwe Mokoena"' in html and 'value="Directrice de l&#39;immigration"' in html
    assert re.search(r'<option selected value="speaker">', html)
    assert re.search(rf'<option selected value="{delegation_id}">', html)

    response = add_person(editor, event, **{**typed, "email": "t@midsa.org", "phone": "12 34"})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    message = (
        "Enter a phone number of Switzerland, or one with its country code, e.g. +41 22 717 91 11."
    )
    assert message in text_of(html)
    assert 'value="12 34"' in html and 'value="t@midsa.org"' in html
    assert person_by_name(app, "Thandiwe Mokoena") is None  # nothing saved


def test_phone_is_stored_e164_and_shown_in_the_international_format(app, editor, make_event):
    event = make_event(country="AR", timezone="America/Argentina/Buenos_Aires")
    add_person(editor, event, name="Lucía Fernández", phone="+54 11 4815 1035")
    person = person_by_name(app, "Lucía Fernández")
    assert person.phone == "+541148151035" and person.delegation_id is None

    listing = editor.get(manage_url(event)).get_data(as_text=True)
    assert "+54 11 4815-1035" in text_of(section(listing, "no-delegation"))
    form = editor.get(manage_url(event, f"participants/{person.id}/edit"))
    assert 'value="+54 11 4815-1035"' in form.get_data(as_text=True)


def test_removed_delegation_leaves_the_public_page_and_returns_intact(
    editor, admin, client, make_event
):
    event = make_event()
    delegation_id = add_delegation(
        editor, event, **{"name-en": "Bali Process", "short_name-en": ""}
    )
    add_person(editor, event, delegation=delegation_id, name="Ari Wibowo")
    before = text_of(section(public_page(client, event), "participants"))
    assert "Bali Process" in before and "Ari Wibowo, Director of Immigration" in before

    listing = editor.get(manage_url(event)).get_data(as_text=True)
    action = manage_url(event, f"{delegation_id}/remove")
    removed = post_form(
        editor, action, {"version": version_in(listing, action)}, path_for_token=manage_url(event)
    )
    assert removed.status_code == 303
    assert "are in the trash" in text_of(editor.get(manage_url(event)).get_data(as_text=True))
    public = public_page(client, event)
    assert "Bali Process" not in public and "Ari Wibowo" not in public
    assert "Ari Wibowo" not in editor.get(manage_url(event)).get_data(as_text=True)

    trash = admin.get("/en/manage/trash/").get_data(as_text=True)
    assert "Bali Process" in text_of(trash)
    post_form(
        admin,
        f"/en/manage/trash/delegation/{delegation_id}/restore",
        {},
        path_for_token="/en/manage/trash/",
    )
    after = text_of(section(public_page(client, event), "participants"))
    assert after == before


def test_removing_a_participant_hides_them(editor, client, make_event):
    event = make_event()
    add_person(editor, event, name="Temporary Speaker", role="speaker")
    assert "Temporary Speaker" in public_page(client, event)
    listing = editor.get(manage_url(event)).get_data(as_text=True)
    person_id = re.search(r"participants/(\d+)/edit", listing).group(1)
    action = manage_url(event, f"participants/{person_id}/remove")
    post_form(
        editor, action, {"version": version_in(listing, action)}, path_for_token=manage_url(event)
    )
    assert "Temporary Speaker" not in public_page(client, event)
    assert "Temporary Speaker" not in editor.get(manage_url(event)).get_data(as_text=True)


def test_two_people_editing_the_same_participant_get_a_conflict(app, editor, admin, make_event):
    event = make_event()
    add_person(editor, event, name="Ana Souza")
    person = person_by_name(app, "Ana Souza")
    edit_url = manage_url(event, f"participants/{person.id}/edit")
    version = re.search(
        r'name="version"[^>]*value="(\d+)"', editor.get(edit_url).get_data(as_text=True)
    ).group(1)

    first = post_form(
        editor,
        edit_url,
        {**PERSON, "name": "Ana Souza", "version": version, "function-en": "Consul General"},
    )
    assert first.status_code == 303
    second = post_form(  # both changed the English function: a true clash
        admin,
        edit_url,
        {
            **PERSON,
            "name": "Ana Paula Souza",
            "version": version,
            "email": "ana@itamaraty.gov.br",
            "function-en": "Consul",
        },
    )
    assert second.status_code == 409
    html = second.get_data(as_text=True)
    assert "Someone else changed this while you were editing" in html
    assert "Consul General" in text_of(html)  # what the editor changed
    assert 'value="Ana Paula Souza"' in html and 'value="ana@itamaraty.gov.br"' in html
    kept = person_by_name(app, "Ana Souza")
    assert kept.function["en"] == "Consul General" and kept.email is None

    new_version = re.search(r'name="version"[^>]*value="(\d+)"', html).group(1)
    again = post_form(
        admin, edit_url, {**PERSON, "name": "Ana Paula Souza", "version": new_version}
    )
    assert again.status_code == 303
    assert person_by_name(app, "Ana Paula Souza") is not None


def test_a_delegation_needs_a_name_and_keeps_the_rest(editor, make_event):
    event = make_event()
    response = post_form(
        editor,
        manage_url(event, "new"),
        {**DELEGATION, "name-en": "", "name-fr": "", "country": "ZA"},
    )
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "Enter this in at least one language." in text_of(html)
    assert re.search(r'<option selected value="ZA">', html) and 'value="MIDSA"' in html


def test_records_of_another_meeting_are_not_found_here(editor, make_event):
    first, second = make_event(), make_event()
    delegation_id = add_delegation(editor, first)
    assert editor.get(manage_url(second, f"{delegation_id}/edit")).status_code == 404
    assert editor.get("/en/manage/events/no-such-meeting/delegations/").status_code == 404
    other = add_person(editor, second, delegation=delegation_id)
    assert other.status_code == 400  # not one of this meeting's delegations
