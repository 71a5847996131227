"""A meeting's status moves only as the table in events/status.py allows, whatever is posted;
the page offers those moves and no other."""

import re

import pytest
from factories import stored

from iom_events.events.models import Event, EventStatus

from pages import text_of
from staff import post_form


def move(client, app, event, status: str, lang: str = "en"):
    version = stored(app, Event, event.id).version
    return post_form(
        client,
        f"/{lang}/manage/events/{event.slug}/status",
        {"status": status, "version": version},
        path_for_token=f"/{lang}/manage/",
        follow_redirects=True,
    )


def offered(client, event) -> list[str]:
    """The status buttons the meeting's staff page shows."""
    html = client.get(f"/en/manage/events/{event.slug}/").get_data(as_text=True)
    block = re.search(r'<div class="status-actions">(.*?)</div>', html, re.DOTALL).group(1)
    return re.findall(r'name="status" value="(\w+)"', block)


def test_a_draft_posted_straight_to_cancelled_is_refused_and_stays_private(
    app, client, editor, make_event
):
    draft = make_event(status=EventStatus.DRAFT)
    response = move(editor, app, draft, "cancelled")
    assert response.status_code == 200
    assert (
        "A meeting that is “Draft” cannot become “Cancelled”: nothing was changed. "
        "It can become: Published." in text_of(response.get_data(as_text=True))
    )
    assert stored(app, Event, draft.id).status == EventStatus.DRAFT
    assert client.get(f"/en/events/{draft.slug}/").status_code == 404


def test_the_refusal_is_in_french_on_a_french_page(app, editor, make_event):
    draft = make_event(status=EventStatus.DRAFT)
    response = move(editor, app, draft, "cancelled", lang="fr")
    assert (
        "Une réunion au statut « Brouillon » ne peut pas passer au statut « Annulée » : rien "
        "n’a été modifié. Statuts possibles : Publiée." in text_of(response.get_data(as_text=True))
    )
    assert stored(app, Event, draft.id).status == EventStatus.DRAFT


@pytest.mark.parametrize(
    ("start", "buttons"),
    [
        (EventStatus.DRAFT, ["published"]),
        (EventStatus.PUBLISHED, ["cancelled", "draft"]),
        (EventStatus.CANCELLED, ["published", "draft"]),
    ],
)
def test_the_page_offers_only_the_allowed_moves(editor, make_event, start, buttons):
    assert offered(editor, make_event(status=start)) == buttons


def test_every_allowed_move_is_made_and_said(app, client, editor, make_event):
    meeting = make_event(status=EventStatus.DRAFT)
    steps = [
        ("published", "The meeting is published."),
        ("cancelled", "The meeting is marked as cancelled."),
        ("published", "The meeting is reinstated: it is no longer marked as cancelled."),
        ("draft", "The meeting is back to draft: the public no longer sees it."),
    ]
    for status, message in steps:
        page = text_of(move(editor, app, meeting, status).get_data(as_text=True))
        assert message in page
        assert stored(app, Event, meeting.id).status == status
    assert client.get(f"/en/events/{meeting.slug}/").status_code == 404


def test_a_cancelled_meeting_can_go_back_to_draft(app, editor, make_event):
    meeting = make_event(status=EventStatus.CANCELLED)
    move(editor, app, meeting, "draft")
    assert stored(app, Event, meeting.id).status == EventStatus.DRAFT


def test_a_move_to_the_status_it_has_or_an_unknown_one_is_refused(app, editor, make_event):
    published = make_event(status=EventStatus.PUBLISHED)
    same = text_of(move(editor, app, published, "published").get_data(as_text=True))
    assert "cannot become “Published”: nothing was changed" in same
    unknown = text_of(move(editor, app, published, "archived").get_data(as_text=True))
    assert "Unknown status." in unknown
    assert stored(app, Event, published.id).status == EventStatus.PUBLISHED


def test_the_confirmation_page_of_a_refused_move_says_why_and_offers_no_button(
    app, editor, make_event
):
    draft = make_event(status=EventStatus.DRAFT)
    page = editor.get(f"/en/manage/events/{draft.slug}/status?status=cancelled")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "cannot become “Cancelled”" in text_of(html)
    assert 'method="post" action="/en/manage/events/' not in html
    assert stored(app, Event, draft.id).status == EventStatus.DRAFT


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_stale_publish_names_the_colleagues_change(app, editor, admin, make_event, lang):
    """The editor read the Publish confirmation; meanwhile an administrator renamed the
    meeting. Publishing is refused, and the message says what changed, by whom and when, so
    that the editor knows what to check before publishing."""
    from test_manage_events import edit_form

    draft = make_event(status=EventStatus.DRAFT)
    page = editor.get(f"/{lang}/manage/events/{draft.slug}/status?status=published")
    seen = re.search(r'name="version" value="(\d+)"', page.get_data(as_text=True)).group(1)
    _html, fields = edit_form(admin, draft.slug)
    fields.pop("day_unknown", None)  # an unticked box: the helper reads its value all the same
    renamed = post_form(
        admin,
        f"/en/manage/events/{draft.slug}/edit",
        {**fields, "title-en": "Renamed by a colleague"},
        path_for_token="/en/manage/",
    )
    assert renamed.status_code == 303, text_of(renamed.get_data(as_text=True))[:800]
    response = post_form(
        editor,
        f"/{lang}/manage/events/{draft.slug}/status",
        {"status": "published", "version": seen},
        path_for_token=f"/{lang}/manage/",
        follow_redirects=True,
    )
    text = text_of(response.get_data(as_text=True))
    expected = {
        "en": "Changed in the meantime: Title (English), by admin@iom.test (",
        "fr": "Modifié entre-temps : Titre (anglais), par admin@iom.test (",
    }
    assert expected[lang] in text, text[:1500]
    assert stored(app, Event, draft.id).status == EventStatus.DRAFT
