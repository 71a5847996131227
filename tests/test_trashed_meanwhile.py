"""Saving something a colleague moved to the trash meanwhile: the page says who did and when,
keeps everything typed, and "Restore and save" brings it back with the input in one go, for
whoever may restore it (administrators anything, editors what they moved themselves)."""

import io
import re

import pytest
from factories import add_parts, stored
from sqlalchemy import select

from iom_events.agenda.models import AgendaItem
from iom_events.audit.models import AuditAction, AuditEntry
from iom_events.events.models import Event, EventStatus
from iom_events.extensions import db

from pages import text_of
from staff import post_form


@pytest.fixture
def parts(app, make_event):
    return add_parts(app, make_event(status=EventStatus.PUBLISHED))


def form_version(html: str) -> str:
    return re.search(r'name="version"[^>]*value="(\d+)"', html).group(1)


def item_form(parts, version: str, title: str) -> dict:
    return {
        "version": version,
        "day": "2030-01-10",
        "kind": "session",
        "title-en": title,
        "room-en": "Hall 2",
    }


def trash_it(client, path: str, version: int):
    response = post_form(client, path, {"version": version}, "/en/manage/")
    assert response.status_code == 303


def test_saving_an_item_moved_to_the_trash_meanwhile_keeps_the_input_and_says_who(
    app, client, admin, editor, parts
):
    edit = f"/en/manage/events/{parts.slug}/agenda/{parts.item_id}/edit"
    version = form_version(admin.get(edit).get_data(as_text=True))
    trash_it(
        editor,
        f"/en/manage/events/{parts.slug}/agenda/{parts.item_id}/remove",
        stored(app, AgendaItem, parts.item_id).version,
    )

    response = post_form(admin, edit, item_form(parts, version, "Opening, revised"), "/en/manage/")
    assert response.status_code == 409
    html = response.get_data(as_text=True)
    assert re.search(
        r"This agenda item was moved to the trash by editor@iom\.test \(\d{1,2}:\d{2}\)",
        text_of(html),
    )
    assert 'value="Opening, revised"' in html and 'value="Hall 2"' in html
    assert "Restore and save" in text_of(html)
    assert "page not found" not in text_of(html).lower()
    assert stored(app, AgendaItem, parts.item_id).removed_at is not None  # nothing changed

    again = post_form(
        admin,
        edit,
        {**item_form(parts, form_version(html), "Opening, revised"), "restore": "yes"},
        "/en/manage/",
    )
    assert again.status_code == 303
    item = stored(app, AgendaItem, parts.item_id)
    assert item.removed_at is None and item.title["en"] == "Opening, revised"
    assert "Opening, revised" in text_of(client.get(f"/en/events/{parts.slug}/").get_data(True))
    with app.app_context():
        actions = db.session.scalars(
            AuditEntry.__table__.select()
            .with_only_columns(AuditEntry.action)
            .where(AuditEntry.object_type == "AgendaItem", AuditEntry.object_id == item.id)
            .order_by(AuditEntry.id)
        ).all()
    removed = actions.index(AuditAction.REMOVE)
    assert actions[removed + 1] == AuditAction.RESTORE and actions[-1] == AuditAction.UPDATE


def test_an_invalid_save_of_a_trashed_item_shows_both_the_errors_and_the_trash(
    app, editor, admin, parts
):
    edit = f"/en/manage/events/{parts.slug}/agenda/{parts.item_id}/edit"
    version = form_version(editor.get(edit).get_data(as_text=True))
    trash_it(
        admin,
        f"/en/manage/events/{parts.slug}/agenda/{parts.item_id}/remove",
        stored(app, AgendaItem, parts.item_id).version,
    )
    response = post_form(editor, edit, item_form(parts, version, ""), "/en/manage/")
    assert response.status_code == 400
    text = text_of(response.get_data(as_text=True))
    assert "Enter this in at least one language." in text
    assert "was moved to the trash by admin@iom.test" in text


def test_opening_the_form_of_an_item_in_the_trash_is_not_found(app, editor, parts):
    trash_it(
        editor,
        f"/en/manage/events/{parts.slug}/agenda/{parts.item_id}/remove",
        stored(app, AgendaItem, parts.item_id).version,
    )
    edit = f"/en/manage/events/{parts.slug}/agenda/{parts.item_id}/edit"
    assert editor.get(edit).status_code == 404


@pytest.mark.parametrize(
    ("path", "data", "name"),
    [
        ("delegations/{delegation_id}", {"kind": "observer", "name-en": "Observers, revised"},
         "This delegation"),
        ("press/{contact_id}", {"name": "Press Officer, revised", "email": "press@example.org"},
         "This press contact"),
        ("documents/{document_id}", {"category": "agenda", "title-en": "Agenda, revised"},
         "This document"),
        ("delegations/participants/{participant_id}",
         {"name": "Ada Example, revised", "role": "speaker"}, "This participant"),
    ],
)  # fmt: skip
def test_every_part_says_it_was_moved_to_the_trash(app, admin, editor, parts, path, data, name):
    base = f"/en/manage/events/{parts.slug}/" + path.format(**parts.__dict__)
    version = form_version(admin.get(f"{base}/edit").get_data(as_text=True))
    confirm = editor.get(f"{base}/remove").get_data(as_text=True)
    trash_it(editor, f"{base}/remove", int(form_version(confirm)))
    response = post_form(admin, f"{base}/edit", {**data, "version": version}, "/en/manage/")
    assert response.status_code == 409
    html = response.get_data(as_text=True)
    assert f"{name} was moved to the trash by editor@iom.test" in text_of(html)
    first_value = next(v for k, v in data.items() if k not in ("kind", "role", "category"))
    assert f'value="{first_value}"' in html
    restored = post_form(
        admin,
        f"{base}/edit",
        {**data, "version": form_version(html), "restore": "yes"},
        "/en/manage/",
    )
    assert restored.status_code == 303
    assert first_value in text_of(admin.get(restored.location).get_data(as_text=True))


def test_saving_a_meeting_moved_to_the_trash_meanwhile_offers_restore_and_save(
    app, client, admin, editor, make_event
):
    meeting = make_event(status=EventStatus.PUBLISHED, city={"en": "Geneva"})
    edit = f"/en/manage/events/{meeting.slug}/edit"
    html = admin.get(edit).get_data(as_text=True)
    fields = {
        "version": form_version(html),
        "title-en": "A test meeting, renamed",
        "kind": "conference",
        "original_language": "en",
        "starts_on": "2030-01-10",
        "ends_on": "2030-01-11",
        "timezone": "Europe/Zurich",
        "country": "CH",
        "slug": meeting.slug,
    }
    trash_it(
        editor, f"/en/manage/events/{meeting.slug}/remove", stored(app, Event, meeting.id).version
    )

    response = post_form(admin, edit, fields, "/en/manage/")
    assert response.status_code == 409
    html = response.get_data(as_text=True)
    assert "This meeting was moved to the trash by editor@iom.test" in text_of(html)
    assert 'value="A test meeting, renamed"' in html
    assert client.get(f"/en/events/{meeting.slug}/").status_code == 404

    again = post_form(
        admin, edit, {**fields, "version": form_version(html), "restore": "yes"}, "/en/manage/"
    )
    assert again.status_code == 303
    page = text_of(client.get(f"/en/events/{meeting.slug}/").get_data(as_text=True))
    assert "A test meeting, renamed" in page
    assert stored(app, Event, meeting.id).removed_at is None


def test_an_editor_may_not_restore_what_an_administrator_moved_to_the_trash(
    app, editor, admin, parts
):
    """The trash page refuses it (403): "Restore and save" must not be a way round."""
    edit = f"/en/manage/events/{parts.slug}/agenda/{parts.item_id}/edit"
    version = form_version(editor.get(edit).get_data(as_text=True))
    trash_it(
        admin,
        f"/en/manage/events/{parts.slug}/agenda/{parts.item_id}/remove",
        stored(app, AgendaItem, parts.item_id).version,
    )
    response = post_form(editor, edit, item_form(parts, version, "Opening, revised"), "/en/manage/")
    assert response.status_code == 409
    html = response.get_data(as_text=True)
    assert "Restore and save" not in text_of(html)
    assert "Only an administrator, or the person who moved it to the trash" in text_of(html)
    assert 'value="Opening, revised"' in html  # the input is kept all the same

    forced = post_form(
        editor,
        edit,
        {**item_form(parts, form_version(html), "Opening, revised"), "restore": "yes"},
        "/en/manage/",
    )
    assert forced.status_code == 409
    assert 'value="Opening, revised"' in forced.get_data(as_text=True)
    item = stored(app, AgendaItem, parts.item_id)
    assert item.removed_at is not None and item.title["en"] != "Opening, revised"


def test_an_editor_may_not_restore_a_document_an_administrator_trashed_by_uploading(
    app, editor, admin, parts
):
    base = f"/en/manage/events/{parts.slug}/documents/{parts.document_id}"
    editor.get(f"{base}/upload")
    confirm = admin.get(f"{base}/remove").get_data(as_text=True)
    trash_it(admin, f"{base}/remove", int(form_version(confirm)))
    forced = post_form(
        editor,
        f"{base}/upload",
        {"language": "en", "restore": "yes", "file": (io.BytesIO(b"words\n"), "a.txt")},
        "/en/manage/",
        content_type="multipart/form-data",
    )
    assert forced.status_code == 409
    assert "Restore and upload" not in text_of(forced.get_data(as_text=True))
    from iom_events.documents.models import Document

    assert stored(app, Document, parts.document_id).removed_at is not None


def test_saving_a_side_event_keeps_its_parent_in_the_trash(app, client, editor, make_event):
    """A side event's form shows its parent even in the trash, and saving it keeps the link:
    restored, the parent lists its side event again."""
    parent = make_event(title={"en": "Main conference"})
    side = make_event(title={"en": "Side event"}, kind="side_event")
    with app.app_context():
        db.session.get(Event, side.id).parent_id = parent.id
        db.session.commit()
    trash_it(
        editor, f"/en/manage/events/{parent.slug}/remove", stored(app, Event, parent.id).version
    )
    edit = f"/en/manage/events/{side.slug}/edit"
    html = editor.get(edit).get_data(as_text=True)
    chosen = re.search(r"<option([^>]*)>Main conference \(in the trash\)</option>", html)
    assert chosen and "selected" in chosen.group(1) and parent.slug in chosen.group(1)
    fields = {
        "version": form_version(html),
        "title-en": "Side event",
        "kind": "side_event",
        "original_language": "en",
        "starts_on": "2030-01-10",
        "ends_on": "2030-01-11",
        "timezone": "Europe/Zurich",
        "country": "CH",
        "slug": side.slug,
        "website": "https://example.org/side",
        "parent_slug": parent.slug,
    }
    assert post_form(editor, edit, fields, "/en/manage/").status_code == 303
    saved = stored(app, Event, side.id)
    assert saved.parent_id == parent.id and saved.website == "https://example.org/side"


def test_a_participant_saved_after_its_delegation_went_to_the_trash_keeps_the_input(
    app, editor, admin, parts
):
    base = f"/en/manage/events/{parts.slug}/delegations"
    edit = f"{base}/participants/{parts.participant_id}/edit"
    version = form_version(editor.get(edit).get_data(as_text=True))
    confirm = admin.get(f"{base}/{parts.delegation_id}/remove").get_data(as_text=True)
    trash_it(admin, f"{base}/{parts.delegation_id}/remove", int(form_version(confirm)))

    typed = {"version": version, "name": "Ada Example", "role": "speaker",
             "function-es": "Directora general adjunta"}  # fmt: skip
    response = post_form(editor, edit, typed, "/en/manage/")
    assert response.status_code == 409
    html = response.get_data(as_text=True)
    assert re.search(
        r"The delegation “Observers” was moved to the trash by admin@iom\.test \(\d",
        text_of(html),
    )
    assert "Directora general adjunta" in html  # nothing typed is lost
    assert "save again once it is restored from the trash" in text_of(html)
    from iom_events.delegations.models import Participant

    assert stored(app, Participant, parts.participant_id).function is None
    assert editor.get(edit).status_code == 404  # opening it afresh: it is in the trash


@pytest.mark.parametrize("kind", ["edit", "new"])
def test_an_agenda_item_saved_after_its_meeting_went_to_the_trash_keeps_the_input(
    app, editor, admin, parts, kind
):
    agenda = f"/en/manage/events/{parts.slug}/agenda"
    path = f"{agenda}/{parts.item_id}/edit" if kind == "edit" else f"{agenda}/new"
    version = form_version(editor.get(path).get_data(as_text=True)) if kind == "edit" else ""
    trash_it(
        admin, f"/en/manage/events/{parts.slug}/remove", stored(app, Event, parts.event_id).version
    )
    response = post_form(
        editor, path, item_form(parts, version, "Opening, with the minister"), "/en/manage/"
    )
    assert response.status_code == 409
    html = response.get_data(as_text=True)
    assert re.search(
        r"The meeting “A test meeting” was moved to the trash by admin@iom\.test \(\d",
        text_of(html),
    )
    assert 'value="Opening, with the minister"' in html
    assert "Restore and save" not in text_of(html)
    with app.app_context():
        titles = [
            title["en"]
            for title in db.session.scalars(
                select(AgendaItem.title).where(AgendaItem.event_id == parts.event_id),
                execution_options={"include_removed": True},
            )
        ]
    assert "Opening, with the minister" not in titles


def test_moving_or_removing_a_part_of_a_meeting_in_the_trash_is_not_found(
    app, editor, admin, parts
):
    trash_it(
        admin, f"/en/manage/events/{parts.slug}/remove", stored(app, Event, parts.event_id).version
    )
    item = f"/en/manage/events/{parts.slug}/agenda/{parts.item_id}"
    moved = post_form(editor, f"{item}/move", {"direction": "up", "version": 1}, "/en/manage/")
    removed = post_form(editor, f"{item}/remove", {"version": 1}, "/en/manage/")
    assert (moved.status_code, removed.status_code) == (404, 404)


def test_a_participant_moved_out_of_their_delegation_stays_at_the_meeting(app, editor, parts):
    """ "No delegation" once deleted the participant for good, while saying "Changes saved"."""
    edit = f"/en/manage/events/{parts.slug}/delegations/participants/{parts.participant_id}/edit"
    html = editor.get(edit).get_data(as_text=True)
    fields = {"version": form_version(html), "name": "Ada Example", "role": "speaker",
              "delegation": ""}  # fmt: skip
    assert post_form(editor, edit, fields, "/en/manage/").status_code == 303
    from iom_events.delegations.models import Participant

    person = stored(app, Participant, parts.participant_id)
    assert person is not None and person.delegation_id is None and person.removed_at is None
    page = editor.get(f"/en/manage/events/{parts.slug}/delegations/").get_data(as_text=True)
    assert "Ada Example" in text_of(page)


def test_a_delegation_trashed_meanwhile_stays_the_participants_after_two_saves(
    app, editor, admin, parts
):
    """The form posted after the delegation went to the trash keeps it chosen; saved again once
    the delegation is back, the participant is still in it."""
    base = f"/en/manage/events/{parts.slug}/delegations"
    edit = f"{base}/participants/{parts.participant_id}/edit"
    version = form_version(editor.get(edit).get_data(as_text=True))
    confirm = admin.get(f"{base}/{parts.delegation_id}/remove").get_data(as_text=True)
    trash_it(admin, f"{base}/{parts.delegation_id}/remove", int(form_version(confirm)))
    typed = {"version": version, "name": "Ada Example", "role": "speaker",
             "delegation": str(parts.delegation_id), "function-en": "Director"}  # fmt: skip
    refused = post_form(editor, edit, typed, "/en/manage/")
    assert refused.status_code == 409
    html = refused.get_data(as_text=True)
    assert "Not a valid choice" not in text_of(html)
    chosen = re.search(r"<option([^>]*)>Observers \(in the trash\)</option>", html)
    assert chosen and "selected" in chosen.group(1)

    restored = post_form(
        admin, f"/en/manage/trash/delegation/{parts.delegation_id}/restore", {}, "/en/manage/"
    )
    assert restored.status_code == 303
    again = {**typed, "version": form_version(html)}
    assert post_form(editor, edit, again, "/en/manage/").status_code == 303
    from iom_events.delegations.models import Participant

    person = stored(app, Participant, parts.participant_id)
    assert person.delegation_id == parts.delegation_id and person.function["en"] == "Director"


def test_restoring_a_participant_whose_delegation_is_in_the_trash_says_so(
    app, editor, admin, parts
):
    base = f"/en/manage/events/{parts.slug}/delegations"
    confirm = editor.get(f"{base}/participants/{parts.participant_id}/remove").get_data(True)
    trash_it(
        editor, f"{base}/participants/{parts.participant_id}/remove", int(form_version(confirm))
    )
    confirm = admin.get(f"{base}/{parts.delegation_id}/remove").get_data(as_text=True)
    trash_it(admin, f"{base}/{parts.delegation_id}/remove", int(form_version(confirm)))
    restored = post_form(
        editor,
        f"/en/manage/trash/participant/{parts.participant_id}/restore",
        {},
        "/en/manage/",
    )
    page = text_of(editor.get(restored.location).get_data(as_text=True))
    assert "Their delegation, “Observers”, is in the trash: nobody sees this participant" in page


def test_saving_an_item_whose_speaker_went_to_the_trash_keeps_the_speaker(
    app, editor, admin, parts
):
    """The form posted with a speaker a colleague trashed meanwhile saves; the speaker stays
    linked, unseen, and is a speaker again once restored."""
    edit = f"/en/manage/events/{parts.slug}/agenda/{parts.item_id}/edit"
    html = editor.get(edit).get_data(as_text=True)
    base = f"/en/manage/events/{parts.slug}/delegations/participants/{parts.participant_id}"
    confirm = admin.get(f"{base}/remove").get_data(as_text=True)
    trash_it(admin, f"{base}/remove", int(form_version(confirm)))
    typed = {**item_form(parts, form_version(html), "Opening, revised"),
             "speakers": str(parts.participant_id)}  # fmt: skip
    saved = post_form(editor, edit, typed, "/en/manage/")
    assert saved.status_code == 303, text_of(saved.get_data(as_text=True))
    again = editor.get(edit).get_data(as_text=True)
    assert "Ada Example (in the trash)" in text_of(again)
    post_form(
        admin, f"/en/manage/trash/participant/{parts.participant_id}/restore", {}, "/en/manage/"
    )
    with app.app_context():
        item = db.session.get(AgendaItem, parts.item_id)
        assert [person.id for person in item.speakers] == [parts.participant_id]
        assert item.title["en"] == "Opening, revised"


def test_removing_a_participant_whose_delegation_is_in_the_trash_is_not_found(
    app, editor, admin, parts
):
    """They are in the trash with it: a removal posted afterwards changes nothing."""
    base = f"/en/manage/events/{parts.slug}/delegations"
    person = f"{base}/participants/{parts.participant_id}/remove"
    version = int(form_version(editor.get(person).get_data(as_text=True)))
    confirm = admin.get(f"{base}/{parts.delegation_id}/remove").get_data(as_text=True)
    trash_it(admin, f"{base}/{parts.delegation_id}/remove", int(form_version(confirm)))
    response = post_form(editor, person, {"version": version}, "/en/manage/")
    assert response.status_code == 404
    from iom_events.delegations.models import Participant

    assert stored(app, Participant, parts.participant_id).removed_at is None


TYPED = "Typed while a colleague emptied the room"
MANY_AT_ONCE = {
    "delegation rows": ("delegations/rows", {"row-1-delegation": TYPED, "row-1-kind": ""}),
    "participant rows": (
        "delegations/rows?delegation={delegation}",
        {"row-1-name": TYPED, "row-1-role": "delegate"},
    ),
    "pasted list": ("delegations/import", {"pasted": f"Name\tCountry\n{TYPED}\tSN"}),
    "agenda rows": (
        "agenda/rows",
        {"day": "2030-01-10", "rows-0-title": TYPED, "rows-0-kind": "session"},
    ),
    "pasted agenda": ("agenda/paste", {"text": f"2030-01-10\t09:00\t10:00\t{TYPED}\t"}),
}


@pytest.mark.parametrize(
    ("page", "trashed"),
    [*((page, "meeting") for page in MANY_AT_ONCE), ("participant rows", "delegation")],
)
def test_pages_of_many_records_keep_the_input_when_their_meeting_goes_to_the_trash(
    app, editor, admin, parts, page, trashed
):
    """Rows and pasted lists posted after the meeting (or the delegation the rows are for)
    went to the trash: the page again, everything typed kept, who moved it and when; nothing
    added."""
    path, typed = MANY_AT_ONCE[page]
    path = f"/en/manage/events/{parts.slug}/" + path.format(delegation=parts.delegation_id)
    assert editor.get(path).status_code == 200
    if trashed == "meeting":
        version = stored(app, Event, parts.event_id).version
        trash_it(admin, f"/en/manage/events/{parts.slug}/remove", version)
        said = r"The meeting “A test meeting” was moved to the trash by admin@iom\.test \(\d"
    else:
        base = f"/en/manage/events/{parts.slug}/delegations/{parts.delegation_id}/remove"
        trash_it(admin, base, int(form_version(admin.get(base).get_data(as_text=True))))
        said = r"The delegation “Observers” was moved to the trash by admin@iom\.test \(\d"

    response = post_form(editor, path, typed, path_for_token="/en/manage/")

    assert response.status_code == 409
    html = response.get_data(as_text=True)
    assert re.search(said, text_of(html))
    assert TYPED in html
    with app.app_context():
        everything = {"include_removed": True}
        titles = db.session.scalars(
            select(AgendaItem.title).where(AgendaItem.event_id == parts.event_id),
            execution_options=everything,
        ).all()
        from iom_events.delegations.models import Delegation, Participant

        names = [
            *db.session.scalars(select(Participant.name), execution_options=everything),
            *(
                name.get("en")
                for name in db.session.scalars(
                    select(Delegation.name), execution_options=everything
                )
            ),
        ]
    assert all(TYPED not in str(title) for title in titles) and TYPED not in names
