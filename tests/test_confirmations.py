"""Destructive and public actions ask first: a GET to any state-changing staff route changes
nothing and answers with a page that says what will happen (or 405); the POST it leads to is
the confirmed action. Walks the whole URL map, so a new route cannot forget it."""

import re

import pytest
from factories import add_parts, last_change, stored

from iom_events.agenda.models import AgendaItem
from iom_events.events.models import Event, EventStatus
from iom_events.extensions import db
from iom_events.translated import Translated

from pages import text_of
from staff import confirm, post_form


@pytest.fixture
def parts(app, make_event):
    return add_parts(app, make_event(status=EventStatus.PUBLISHED))


def state_changing_routes(app):
    """Every staff route that accepts a POST."""
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/<lang:lang>/manage") and "POST" in rule.methods:
            yield rule


@pytest.fixture
def invitation_id(app, parts) -> int:
    """An invitation of the parts' delegation, with a list sent (issue 19)."""
    from datetime import timedelta

    from iom_events.columns import utcnow
    from iom_events.nominations.models import Invitation, NominationVersion

    with app.app_context():
        invitation = Invitation(
            event_id=parts.event_id,
            delegation_id=parts.delegation_id,
            focal_point_name="F",
            focal_point_email="f@example.org",
            language="en",
            deadline=utcnow() + timedelta(days=2),
            latest_number=1,
        )
        invitation.versions.append(NominationVersion(number=1, members=[], sent_by="F"))
        db.session.add(invitation)
        db.session.commit()
        made = invitation.id
        db.session.remove()
    return made


def concrete(rule, parts, user_id: int, invitation_id: int = 0) -> str:
    values = {
        "invitation_id": invitation_id,
        "lang": "en",
        "slug": "bangkok" if "/offices/" in rule.rule else parts.slug,
        "item_id": parts.item_id,
        "delegation_id": parts.delegation_id,
        "participant_id": parts.participant_id,
        "document_id": parts.document_id,
        "file_id": parts.file_id,
        "contact_id": parts.contact_id,
        "organizer_id": parts.organizer_id,
        "user_id": user_id,
        "kind": "agenda_item",
        "record_id": parts.item_id,
    }
    return re.sub(r"<(?:[^:>]+:)?([^>]+)>", lambda m: str(values[m.group(1)]), rule.rule)


def asks_first(html: str, path: str) -> bool:
    """A confirmation page posting to the route, a form page, or a page saying why not."""
    return (
        re.search(rf'<form method="post"[^>]*action="{re.escape(path)}"', html) is not None
        or re.search(r'<form method="post" class="stacked"', html) is not None
        or '<p class="notice error">' in html
    )


def test_there_are_state_changing_routes_to_walk(app):
    assert len(list(state_changing_routes(app))) >= 25


def test_a_get_to_any_state_changing_route_changes_nothing_and_asks_first(
    app, admin, parts, staff_accounts, invitation_id
):
    admin_id = int(re.search(r"/users/(\d+)/edit", admin.get("/en/manage/users/").get_data(True))
                   .group(1))  # fmt: skip
    before = last_change(app)
    for rule in state_changing_routes(app):
        path = concrete(rule, parts, admin_id, invitation_id)
        queries = ["", "?status=draft", "?status=bogus"] if path.endswith("/status") else [""]
        for query in queries:
            response = admin.get(path + query)
            # A route that answers GET asks first; one that does not refuses the method.
            expected = 200 if "GET" in rule.methods else 405
            assert response.status_code == expected, (path, response.status_code)
            if expected == 200:
                html = response.get_data(as_text=True)
                assert asks_first(html, path), path
        assert last_change(app) == before, f"GET {path} changed something"
    assert stored(app, AgendaItem, parts.item_id).removed_at is None
    assert stored(app, Event, parts.event_id).status == EventStatus.PUBLISHED


def test_moving_an_agenda_item_to_the_trash_asks_in_words_then_does_it(app, editor, parts):
    listing = editor.get(f"/en/manage/events/{parts.slug}/agenda/").get_data(as_text=True)
    button = re.search(
        rf'<form method="get" action="([^"]*/agenda/{parts.item_id}/remove)"[^>]*>\s*'
        r'<input type="hidden" name="version" value="(\d+)">',
        listing,
    )
    assert button, "the list offers the action as a way to its confirmation page"
    page = editor.get(f"{button.group(1)}?version={button.group(2)}")
    assert page.status_code == 200
    text = text_of(page.get_data(as_text=True))
    assert "Move the agenda item “Opening session” to the trash?" in text
    assert "The public will no longer see it. You or an administrator can restore it" in text
    assert "Cancel" in text
    assert stored(app, AgendaItem, parts.item_id).removed_at is None

    version = re.search(r'name="version" value="(\d+)"', page.get_data(as_text=True)).group(1)
    done = post_form(editor, button.group(1), {"version": version}, "/en/manage/")
    assert done.status_code == 303
    assert stored(app, AgendaItem, parts.item_id).removed_at is not None


def test_publishing_a_draft_asks_first_and_says_what_the_public_will_see(app, editor, make_event):
    draft = make_event(status=EventStatus.DRAFT)
    show = editor.get(f"/en/manage/events/{draft.slug}/").get_data(as_text=True)
    assert re.search(r'<button type="submit">Publish</button>', show)
    page = editor.get(f"/en/manage/events/{draft.slug}/status?status=published&version=1")
    text = text_of(page.get_data(as_text=True))
    assert "Publish “A test meeting”?" in text and "Everyone will see it on the site" in text
    assert stored(app, Event, draft.id).status == EventStatus.DRAFT
    assert app.test_client().get(f"/en/events/{draft.slug}/").status_code == 404


def test_a_confirmation_made_after_someone_changed_the_record_changes_nothing(app, editor, parts):
    path = f"/en/manage/events/{parts.slug}/agenda/{parts.item_id}/remove"
    version = stored(app, AgendaItem, parts.item_id).version
    page = editor.get(f"{path}?version={version}").get_data(as_text=True)
    with app.app_context():  # a colleague renames it meanwhile
        item = db.session.get(AgendaItem, parts.item_id)
        item.title = Translated(en="Opening session (renamed)")
        db.session.commit()
        db.session.remove()
    sent = re.search(r'name="version" value="(\d+)"', page).group(1)
    response = post_form(editor, path, {"version": sent}, "/en/manage/", follow_redirects=True)
    assert "Someone changed this agenda item in the meantime" in text_of(response.get_data(True))
    assert stored(app, AgendaItem, parts.item_id).removed_at is None


def test_the_trash_is_emptied_only_after_its_own_confirmation(admin, editor, make_event):
    removed = make_event(title=Translated(en="Waiting in the trash"))
    assert confirm(editor, f"/en/manage/events/{removed.slug}/remove").status_code == 303
    page = admin.get("/en/manage/trash/empty")
    assert page.status_code == 200
    text = text_of(page.get_data(as_text=True))
    assert "Empty the trash" in text and "nobody can restore it afterwards" in text


def test_emptying_the_trash_spares_what_arrived_after_the_confirmation(admin, editor, make_event):
    """The administrator confirms what the page showed; a colleague's removal made meanwhile
    stays in the trash, and its "Undo" still works."""
    early = make_event(title=Translated(en="Trashed before the confirmation"))
    late = make_event(title=Translated(en="Trashed after the confirmation"))
    assert confirm(editor, f"/en/manage/events/{early.slug}/remove").status_code == 303
    page = admin.get("/en/manage/trash/empty").get_data(as_text=True)
    assert re.search(r"Empty the trash of its \d+ items?\?", text_of(page))
    shown = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page))
    assert confirm(editor, f"/en/manage/events/{late.slug}/remove").status_code == 303

    emptied = admin.post("/en/manage/trash/empty", data=shown, follow_redirects=True)

    text = text_of(emptied.get_data(as_text=True))
    assert "1 item moved to the trash after you opened the confirmation stays there." in text
    assert "Trashed after the confirmation" in text
    assert "Trashed before the confirmation" not in text


def test_emptying_the_trash_without_the_pages_moment_deletes_nothing(admin, editor, make_event):
    kept = make_event(title=Translated(en="Still in the trash"))
    confirm(editor, f"/en/manage/events/{kept.slug}/remove")
    token = re.search(
        r'name="csrf_token" value="([^"]+)"', admin.get("/en/manage/trash/").get_data(True)
    ).group(1)
    response = admin.post(
        "/en/manage/trash/empty", data={"csrf_token": token, "confirm": "yes"},
        follow_redirects=True,
    )  # fmt: skip
    text = text_of(response.get_data(as_text=True))
    assert "Nothing was deleted" in text and "Still in the trash" in text
