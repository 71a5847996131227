"""From a meeting's staff page, the next steps of registering it are one page load away (issue
16): the agenda and the list of people pasted there go straight to their check, which adds
nothing; a document or press contact added from there leads back there; a draft's preview
offers "Publish", which opens the confirmation with what the public will miss."""

import re

import pytest
from sqlalchemy import func, select

from iom_events.agenda.models import AgendaItem
from iom_events.delegations.models import Delegation
from iom_events.events.models import EventStatus
from iom_events.extensions import db
from iom_events.translated import Translated

from pages import text_of
from staff import confirm, post_form


@pytest.fixture
def draft(make_event):
    return make_event(status=EventStatus.DRAFT, title=Translated(en="Next steps meeting"))


def form_of(html: str, action_ends: str) -> tuple[str, dict[str, str], list[str]]:
    """The form of `html` posting to an address ending in `action_ends`: its action, its
    hidden fields, and the names of its other inputs."""
    for match in re.finditer(
        r'<form method="post"[^>]*action="([^"]+)"[^>]*>(.*?)</form>', html, re.S
    ):
        action, body = match.groups()
        if action.endswith(action_ends):
            hidden = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', body))
            named = re.findall(r'<(?:textarea|input|button)[^>]*name="([^"]+)"', body)
            return action, hidden, [name for name in named if name not in hidden]
    raise AssertionError(f"no form posting to …{action_ends}")


def rows_of(app, model, event) -> int:
    with app.app_context():
        number = db.session.scalar(
            select(func.count()).select_from(model).where(model.event_id == event.id)
        )
        db.session.remove()
        return number


def test_an_agenda_pasted_on_the_meeting_page_is_checked_and_nothing_added(app, editor, draft):
    page = editor.get(f"/en/manage/events/{draft.slug}/").get_data(as_text=True)
    action, hidden, names = form_of(page, "/agenda/paste")
    assert names == ["text", "check"]  # the paste page's own fields
    checked = editor.post(
        action, data={**hidden, "text": "1\t09:00\t10:00\tOpening\t\n", "check": ""}
    )
    assert checked.status_code == 200
    text = text_of(checked.get_data(as_text=True))
    assert "Preview: nothing is added until you confirm" in text
    assert "Add 1 agenda item" in text
    assert rows_of(app, AgendaItem, draft) == 0


def test_people_pasted_on_the_meeting_page_are_previewed_and_nothing_written(app, editor, draft):
    page = editor.get(f"/en/manage/events/{draft.slug}/").get_data(as_text=True)
    action, hidden, names = form_of(page, "/delegations/import")
    assert names == ["upload", "pasted"]
    pasted = "Delegation\tCountry\tName\nThailand\tTH\tSomchai Prasert\n"
    preview = editor.post(action, data={**hidden, "pasted": pasted})
    assert preview.status_code == 200
    assert "Preview: nothing is saved yet" in text_of(preview.get_data(as_text=True))
    assert rows_of(app, Delegation, draft) == 0


def test_a_press_contact_added_from_the_meeting_page_leads_back_there(editor, draft):
    page = editor.get(f"/en/manage/events/{draft.slug}/").get_data(as_text=True)
    new = f"/en/manage/events/{draft.slug}/press/new?from=meeting"
    assert new in page
    contact = {"name": "Anna Lindqvist", "email": "press@iom.int"}
    saved = post_form(editor, new, contact)
    assert saved.status_code == 303
    assert saved.location.endswith(f"/en/manage/events/{draft.slug}/")
    another = {"name": "Diego Taicz", "email": "dtaicz@iom.int"}
    elsewhere = post_form(editor, f"/en/manage/events/{draft.slug}/press/new", another)
    assert elsewhere.location.endswith(f"/en/manage/events/{draft.slug}/press/")
    refused = post_form(editor, new, {"name": "Anna Lindqvist", "email": "press@@iom"})
    assert refused.status_code == 400  # the form again, what was typed kept
    assert 'value="Anna Lindqvist"' in refused.get_data(as_text=True)


def test_a_drafts_preview_offers_publish_which_opens_the_confirmation(editor, draft):
    preview = editor.get(f"/en/events/{draft.slug}/").get_data(as_text=True)
    button = re.search(
        r'<form method="get" action="([^"]+/status)"[^>]*>(.*?)</form>', preview, re.S
    )
    assert button, "no Publish button on the preview"
    fields = dict(re.findall(r'name="([^"]+)" value="([^"]*)"', button.group(2)))
    assert fields == {"version": str(draft.version), "status": "published"}
    confirmation = editor.get(button.group(1), query_string=fields)
    assert confirmation.status_code == 200
    text = text_of(confirmation.get_data(as_text=True))
    assert "What the public will miss" in text
    assert "Publish anyway" in text


def test_no_publish_button_in_the_trash_or_on_a_public_page(
    client, editor, admin, draft, make_event
):
    published = make_event(title=Translated(en="Already public"))
    page = editor.get(f"/en/events/{published.slug}/").get_data(as_text=True)
    assert "/status" not in page  # the cached public page is everyone's: no staff button in it
    assert "/status" not in client.get(f"/en/events/{published.slug}/").get_data(as_text=True)
    assert confirm(admin, f"/en/manage/events/{draft.slug}/remove").status_code == 303
    trashed = editor.get(f"/en/events/{draft.slug}/").get_data(as_text=True)
    assert "In the trash — not public" in trashed
    assert "/status" not in trashed
