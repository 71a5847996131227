"""Staff write a meeting's agenda: items by day, their order, speakers, the trash, conflicts."""

import re

import pytest

from iom_events.agenda.models import AgendaItem
from iom_events.delegations.models import Participant, ParticipantRole
from iom_events.extensions import db
from iom_events.translated import Translated

from pages import section, text_of
from staff import post_form

FIRST_DAY, SECOND_DAY = "2030-01-10", "2030-01-11"  # a Thursday and a Friday


@pytest.fixture
def meeting(make_event):
    """A published two-day meeting, with no agenda yet."""
    return make_event(title=Translated(en="Agenda test meeting", fr="Réunion d'essai"))


def agenda_path(meeting, end: str = "") -> str:
    return f"/en/manage/events/{meeting.slug}/agenda/{end}"


def add_item(client, meeting, title: str, day: str = FIRST_DAY, **fields):
    data = {"day": day, "kind": "session", "title-en": title, **fields}
    return post_form(client, agenda_path(meeting, "new"), data, path_for_token="/en/manage/")


def added_id(response) -> int:
    assert response.status_code == 303, response.status_code
    return int(re.search(r"#item-(\d+)$", response.location).group(1))


def version_of(app, item_id: int) -> int:
    with app.app_context():
        version = db.session.get(AgendaItem, item_id).version
        db.session.remove()
        return version


def move(client, app, meeting, item_id: int, direction: str):
    data = {"direction": direction, "version": version_of(app, item_id)}
    return post_form(client, agenda_path(meeting, f"{item_id}/move"), data, "/en/manage/")


def public_agenda(client, meeting, lang: str = "fr") -> str:
    page = client.get(f"/{lang}/events/{meeting.slug}/").get_data(as_text=True)
    return text_of(section(page, "agenda"))


def in_order(text: str, *parts: str) -> bool:
    places = [text.find(part) for part in parts]
    return -1 not in places and places == sorted(places)


def test_two_day_agenda_is_on_the_public_page_in_order_under_each_day(client, editor, meeting):
    add_item(editor, meeting, "Closing session", day=SECOND_DAY, kind="closing")
    opening = add_item(
        editor,
        meeting,
        "Opening",
        kind="opening",
        starts_at="09:00",
        ends_at="09:30",
        **{"title-fr": "Ouverture", "room-en": "Room A", "description-en": "Words of *welcome*."},
    )
    added_id(opening)
    add_item(editor, meeting, "Coffee break", kind="break", starts_at="10:30")

    agenda = public_agenda(client, meeting)
    assert in_order(
        agenda,
        "jeudi 10 janvier 2030",
        "09:00–09:30 Ouverture Room A",
        "Coffee break",
        "vendredi 11 janvier 2030",
        "Closing session",
    )
    assert "Words of welcome." in agenda

    staff_page = text_of(editor.get(agenda_path(meeting)).get_data(as_text=True))
    assert in_order(staff_page, "Thursday 10 January 2030", "Opening", "Coffee break")
    assert in_order(staff_page, "Friday 11 January 2030", "Closing session")


def test_a_day_outside_the_meeting_is_refused_and_the_input_kept(client, editor, meeting):
    response = add_item(editor, meeting, "Field visit", day="2030-01-20", **{"room-fr": "Salle B"})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "The meeting now runs from Thursday 10 January 2030 to Friday 11 January 2030" in (
        text_of(html)
    )
    assert 'value="Field visit"' in html and 'value="Salle B"' in html
    assert re.search(r'<option selected value="2030-01-20">Sunday 20 January 2030', html)
    assert "Field visit" not in client.get(f"/en/events/{meeting.slug}/").get_data(as_text=True)


def test_an_end_needs_a_start_and_cannot_be_before_it(editor, meeting):
    before = add_item(editor, meeting, "Panel", starts_at="11:00", ends_at="10:00")
    assert before.status_code == 400
    assert "The end time cannot be before the start time." in before.get_data(as_text=True)
    assert 'value="11:00"' in before.get_data(as_text=True)
    alone = add_item(editor, meeting, "Panel", ends_at="10:00")
    assert alone.status_code == 400
    assert "Enter a start time too, or no end time." in alone.get_data(as_text=True)


def test_moving_items_up_and_down_changes_the_public_order(app, client, editor, meeting):
    first = added_id(add_item(editor, meeting, "Alpha session"))
    second = added_id(add_item(editor, meeting, "Beta session"))
    third = added_id(add_item(editor, meeting, "Gamma session"))

    assert move(editor, app, meeting, third, "up").status_code == 303
    assert in_order(public_agenda(client, meeting), "Alpha", "Gamma", "Beta")
    move(editor, app, meeting, first, "down")
    assert in_order(public_agenda(client, meeting), "Gamma", "Alpha", "Beta")
    move(editor, app, meeting, third, "up")  # already first: nothing changes
    move(editor, app, meeting, second, "down")  # already last
    assert in_order(public_agenda(client, meeting), "Gamma", "Alpha", "Beta")


def test_an_item_moved_to_the_other_day_goes_last(app, client, editor, meeting):
    moving = added_id(add_item(editor, meeting, "Travelling session"))
    add_item(editor, meeting, "Friday opening", day=SECOND_DAY)
    response = post_form(
        editor,
        agenda_path(meeting, f"{moving}/edit"),
        {
            "version": version_of(app, moving),
            "day": SECOND_DAY,
            "kind": "session",
            "title-en": "Travelling session",
        },
        "/en/manage/",
    )
    assert response.status_code == 303
    assert in_order(
        public_agenda(client, meeting),
        "vendredi 11 janvier 2030",
        "Friday opening",
        "Travelling session",
    )
    assert "jeudi 10 janvier 2030" not in public_agenda(client, meeting)


def test_speakers_are_chosen_among_the_meeting_participants(app, client, editor, meeting):
    with app.app_context():
        person = Participant(
            event_id=meeting.id,
            name="Ana Pérez",
            function=Translated(en="Minister", fr="Ministre"),
            role=ParticipantRole.SPEAKER,
        )
        db.session.add(person)
        db.session.commit()
        person_id = person.id
        db.session.remove()
    form = editor.get(agenda_path(meeting, "new")).get_data(as_text=True)
    assert re.search(
        rf'<input id="(speakers-0)" name="speakers" type="checkbox" value="{person_id}"> '
        r'<label for="\1">Ana Pérez, Minister</label>',
        form,
    )
    item_id = added_id(add_item(editor, meeting, "Keynote", speakers=[str(person_id)]))
    edit_form = editor.get(agenda_path(meeting, f"{item_id}/edit")).get_data(as_text=True)
    assert re.search(
        rf'<input checked id="speakers-0" name="speakers" type="checkbox" value="{person_id}"> '
        r'<label for="speakers-0">Ana Pérez, Minister</label>',
        edit_form,
    )
    assert in_order(public_agenda(client, meeting), "Keynote", "Ana Pérez, Ministre")


def test_removed_item_leaves_the_public_page_and_the_admin_restores_it(
    app, client, editor, admin, meeting
):
    item_id = added_id(add_item(editor, meeting, "Cancelled workshop"))
    response = post_form(
        editor,
        agenda_path(meeting, f"{item_id}/remove"),
        {"version": version_of(app, item_id)},
        "/en/manage/",
    )
    assert response.status_code == 303
    assert "The agenda item is in the trash." in editor.get(response.location).get_data(
        as_text=True
    )
    assert "Cancelled workshop" not in client.get(f"/fr/events/{meeting.slug}/").get_data(
        as_text=True
    )
    assert editor.get(agenda_path(meeting, f"{item_id}/edit")).status_code == 404

    trash = admin.get("/en/manage/trash/").get_data(as_text=True)
    assert "Cancelled workshop" in text_of(trash)
    post_form(
        admin,
        f"/en/manage/trash/agenda_item/{item_id}/restore",
        {},
        path_for_token="/en/manage/trash/",
    )
    assert "Cancelled workshop" in public_agenda(client, meeting)


def test_two_people_editing_an_item_get_a_conflict_not_an_overwrite(app, editor, admin, meeting):
    item_id = added_id(add_item(editor, meeting, "Round table"))
    version = version_of(app, item_id)
    common = {"version": version, "day": FIRST_DAY, "kind": "session"}
    path = agenda_path(meeting, f"{item_id}/edit")
    first = post_form(
        editor, path, {**common, "title-en": "Round table", "room-en": "Hall 3"}, "/en/manage/"
    )
    assert first.status_code == 303
    second = post_form(
        admin,
        path,
        {**common, "title-en": "Round table on labour migration", "room-en": "Hall 5"},
        "/en/manage/",
    )  # both changed the English room: a true clash
    assert second.status_code == 409
    html = second.get_data(as_text=True)
    assert "Someone else changed this while you were editing" in html
    assert "Hall 3" in text_of(html)  # what the editor changed
    assert 'value="Round table on labour migration"' in html  # the admin's input is kept
    staff_page = text_of(admin.get(agenda_path(meeting)).get_data(as_text=True))
    assert "Round table · Hall 3" in staff_page and "labour migration" not in staff_page


def test_another_meetings_item_is_not_found(editor, meeting, make_event):
    other = make_event()
    item_id = added_id(add_item(editor, meeting, "Our session"))
    assert editor.get(agenda_path(other, f"{item_id}/edit")).status_code == 404
    assert editor.get("/en/manage/events/no-such-meeting/agenda/").status_code == 404
