"""Deleting a person for good erases their e-mail address and phone number from the history,
which every editor can read; the history still says what changed, when and by whom."""

import re

from factories import add_parts
from sqlalchemy import select

from iom_events.audit.models import AuditEntry
from iom_events.extensions import db

from pages import text_of
from staff import confirm, post_form


def history(client, event) -> str:
    return text_of(client.get(f"/en/manage/events/{event.slug}/history").get_data(as_text=True))


def empty_the_trash(admin) -> None:
    page = admin.get("/en/manage/trash/empty").get_data(as_text=True)
    shown = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page))
    assert admin.post("/en/manage/trash/empty", data=shown).status_code == 303


def entries_mentioning(app, text: str, event) -> list[AuditEntry]:
    """The history entries of `event` (its parts included) in which `text` appears."""
    with app.app_context():
        entries = db.session.scalars(select(AuditEntry).where(AuditEntry.event_id == event.id))
        return [entry for entry in entries if text in repr(entry.changes)]


def delegations_url(event, path: str) -> str:
    return f"/en/manage/events/{event.slug}/delegations/{path}"


def test_a_participant_deleted_for_good_leaves_no_contact_data_in_the_history(
    app, admin, editor, make_event
):
    event = make_event()
    parts = add_parts(app, event)
    path = delegations_url(event, f"participants/{parts.participant_id}/edit")
    page = editor.get(path).get_data(as_text=True)
    version = re.search(r'name="version"[^>]*value="(\d+)"', page).group(1)
    fields = {
        "version": version, "name": "Ada Example", "role": "speaker",
        "delegation": str(parts.delegation_id), "is_public": "y",
        "email": "ada.new@example.org", "phone": "+41 22 717 91 11",
    }  # fmt: skip
    response = post_form(editor, path, fields, path_for_token=path)
    assert response.status_code == 303, text_of(response.get_data(as_text=True))
    before = history(admin, event)
    assert "ada.new@example.org" in before and "+41 22 717 91 11" in before

    remove = delegations_url(event, f"participants/{parts.participant_id}/remove")
    assert confirm(editor, remove).status_code == 303
    empty_the_trash(admin)

    after = history(admin, event)
    assert "ada@example.org" not in after and "ada.new@example.org" not in after
    assert "+41 22 717 91 11" not in after
    assert "erased" in after and "Ada Example" in after  # what changed stays said
    assert entries_mentioning(app, "ada.new@example.org", event) == []


def test_people_deleted_with_their_meeting_leave_no_contact_data(app, admin, editor, make_event):
    event = make_event()
    add_parts(app, event)
    assert entries_mentioning(app, "ada@example.org", event)
    assert confirm(editor, f"/en/manage/events/{event.slug}/remove").status_code == 303
    empty_the_trash(admin)
    assert entries_mentioning(app, "ada@example.org", event) == []
    assert entries_mentioning(app, "press@iom.test", event) == []


def test_people_in_the_trash_keep_their_history_until_deleted_for_good(
    app, admin, editor, make_event
):
    event = make_event()
    parts = add_parts(app, event)
    remove = delegations_url(event, f"{parts.delegation_id}/remove")
    assert confirm(editor, remove).status_code == 303
    assert "ada@example.org" in history(admin, event)  # can still be restored as it was
    empty_the_trash(admin)
    assert "ada@example.org" not in history(admin, event)


def test_erased_is_said_in_the_page_language(app, admin, editor, make_event):
    event = make_event()
    parts = add_parts(app, event)
    remove = delegations_url(event, f"participants/{parts.participant_id}/remove")
    assert confirm(editor, remove).status_code == 303
    empty_the_trash(admin)
    page = text_of(admin.get(f"/fr/manage/events/{event.slug}/history").get_data(as_text=True))
    assert "effacé" in page
