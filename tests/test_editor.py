"""The staff editor's promises shared by every part: the trash per person, Undo after a removal,
and reordering where a part has an order."""

import re

import pytest
from factories import add_parts, stored

from iom_events.agenda.models import AgendaItem
from iom_events.delegations.models import Delegation, DelegationKind
from iom_events.events.models import EventStatus
from iom_events.extensions import db
from iom_events.translated import Translated

from pages import text_of
from staff import confirm, post_form


@pytest.fixture
def parts(app, make_event):
    return add_parts(app, make_event(status=EventStatus.PUBLISHED))


def remove(client, app, parts, follow=False):
    path = f"/en/manage/events/{parts.slug}/agenda/{parts.item_id}/remove"
    version = stored(app, AgendaItem, parts.item_id).version
    return post_form(client, path, {"version": version}, "/en/manage/", follow_redirects=follow)


def test_the_flash_after_a_removal_points_to_the_trash_and_offers_undo(app, editor, parts):
    page = remove(editor, app, parts, follow=True).get_data(as_text=True)
    text = text_of(page)
    assert "The agenda item is in the trash. You can restore it from the trash." in text
    assert "An administrator can restore it" not in text
    assert '<a href="/en/manage/trash/">You can restore it from the trash.</a>' in page
    undo = re.search(r'<button type="submit" form="undo" formaction="([^"]+)">Undo</button>', page)
    assert undo and '<form method="post" id="undo">' in page  # works without JavaScript

    back = post_form(editor, undo.group(1).replace("&amp;", "&"), {}, "/en/manage/")
    assert back.status_code == 303
    assert back.location == f"/en/manage/events/{parts.slug}/agenda/"
    assert stored(app, AgendaItem, parts.item_id).removed_at is None


def test_an_editor_sees_and_restores_what_they_removed_not_what_others_did(
    app, editor, admin, parts
):
    remove(editor, app, parts)
    path = f"/en/manage/events/{parts.slug}/press/{parts.contact_id}/remove"
    confirm = admin.get(path).get_data(as_text=True)
    version = re.search(r'name="version" value="(\d+)"', confirm).group(1)
    post_form(admin, path, {"version": version}, "/en/manage/")

    trash = editor.get("/en/manage/trash/")
    assert trash.status_code == 200
    text = text_of(trash.get_data(as_text=True))
    assert "Opening session" in text and "editor@iom.test" in text
    assert "Press Officer" not in text
    assert "Empty the trash" not in text  # administrators only

    others = post_form(
        editor, f"/en/manage/trash/press_contact/{parts.contact_id}/restore", {}, "/en/manage/"
    )
    assert others.status_code == 403
    own = post_form(
        editor, f"/en/manage/trash/agenda_item/{parts.item_id}/restore", {}, "/en/manage/"
    )
    assert own.status_code == 303
    assert stored(app, AgendaItem, parts.item_id).removed_at is None


def test_an_administrator_sees_everything_in_the_trash_and_who_removed_it(
    app, editor, admin, parts
):
    remove(editor, app, parts)
    text = text_of(admin.get("/en/manage/trash/").get_data(as_text=True))
    assert re.search(r"Opening session A test meeting .*? editor@iom\.test Restore", text)
    assert "Empty the trash" in text


@pytest.mark.parametrize("target", ["//evil.example/", "/%09/evil.example/", "/%0A/x"])
def test_undo_never_leads_off_the_site(app, editor, parts, target):
    """Nor to a 500 after the restore is done (a line break in the header)."""
    remove(editor, app, parts)
    response = post_form(
        editor,
        f"/en/manage/trash/agenda_item/{parts.item_id}/restore?next={target}",
        {},
        "/en/manage/",
    )
    assert response.status_code == 303
    assert response.location == "/en/manage/trash/"


def test_delegations_are_listed_by_kind_then_name_on_staff_and_public_pages(
    app, client, editor, make_event
):
    """Delegations are listed as lists of participants order them, by kind then by name in the
    reader's language (issue 17), on the staff list as on the public page: staff have no order
    of their own to set, hence no "Move up" for a delegation."""
    event = make_event()
    with app.app_context():
        for name, kind in (("Gamma", DelegationKind.OBSERVER), ("Beta", DelegationKind.OBSERVER),
                           ("Zeta", DelegationKind.MEMBER_STATE)):  # fmt: skip
            db.session.add(
                Delegation(event_id=event.id, kind=kind, name=Translated(en=f"{name} delegation"))
            )
        db.session.commit()
        db.session.remove()
    staff_html = editor.get(f"/en/manage/events/{event.slug}/delegations/").get_data(True)
    assert "/move" not in staff_html
    for html in (staff_html, client.get(f"/en/events/{event.slug}/").get_data(as_text=True)):
        page = text_of(html)
        assert page.index("Zeta delegation") < page.index("Beta delegation")
        assert page.index("Beta delegation") < page.index("Gamma delegation")


def test_a_move_with_an_unknown_direction_is_a_bad_request(app, editor, parts):
    path = f"/en/manage/events/{parts.slug}/press/{parts.contact_id}/move"
    assert post_form(editor, path, {"direction": "sideways"}, "/en/manage/").status_code == 400


def test_a_part_restored_while_its_meeting_is_in_the_trash_says_so(app, editor, admin, parts):
    item = f"/en/manage/events/{parts.slug}/agenda/{parts.item_id}/remove"
    assert confirm(editor, item).status_code == 303
    assert confirm(admin, f"/en/manage/events/{parts.slug}/remove").status_code == 303

    restored = post_form(
        editor, f"/en/manage/trash/agenda_item/{parts.item_id}/restore", {}, "/en/manage/"
    )

    assert restored.status_code == 303
    page = text_of(editor.get(restored.location).get_data(as_text=True))
    assert "Restored." in page
    assert "is in the trash: nobody sees it until the meeting is restored too" in page


def test_undo_after_a_colleague_restored_it_says_it_is_back(app, editor, admin, parts):
    remove(editor, app, parts)
    restore = f"/en/manage/trash/agenda_item/{parts.item_id}/restore"
    assert post_form(admin, restore, {}, "/en/manage/").status_code == 303
    again = post_form(editor, f"{restore}?next=/en/manage/", {}, "/en/manage/")
    assert again.status_code == 303
    page = text_of(editor.get(again.location).get_data(as_text=True))
    assert "It is already out of the trash: someone restored it in the meantime." in page
