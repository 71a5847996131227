"""Staff preview a meeting before the public sees it: a draft (or a meeting in the trash) opens
at its public address for signed-in staff only, under a banner, and is never stored by the page
cache, a browser or a proxy; feeds, search and the API never show it, to anyone."""

import pytest

from iom_events.events.models import Event, EventStatus
from iom_events.extensions import db

DRAFT_BANNER = "Draft — not public"


@pytest.fixture
def draft(make_event):
    return make_event(
        slug="preview-draft",
        status=EventStatus.DRAFT,
        title={"en": "Consultation on labour mobility", "fr": "Consultation sur la mobilité"},
    )


def test_staff_see_the_draft_with_its_banner_never_stored(editor, draft):
    response = editor.get("/en/events/preview-draft/")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert DRAFT_BANNER in page
    assert "Consultation on labour mobility" in page
    assert "Edit this meeting" in page
    assert "private" in response.headers["Cache-Control"]
    assert "no-store" in response.headers["Cache-Control"]
    assert "ETag" not in response.headers


def test_the_banner_speaks_the_page_language(editor, draft):
    page = editor.get("/fr/events/preview-draft/").get_data(as_text=True)
    assert "Brouillon — non public" in page
    page = editor.get("/es/events/preview-draft/").get_data(as_text=True)
    assert "Borrador: no público" in page


@pytest.mark.parametrize("staff_first", [True, False])
def test_visitor_gets_404_whoever_came_first(client, editor, draft, staff_first):
    """The two requests in either order: neither ever gets the other's answer."""
    order = [("staff", editor), ("visitor", client)]
    if not staff_first:
        order.reverse()
    for who, browser in order * 2:
        response = browser.get("/en/events/preview-draft/")
        if who == "staff":
            assert response.status_code == 200
            assert DRAFT_BANNER in response.get_data(as_text=True)
        else:
            assert response.status_code == 404
            assert DRAFT_BANNER not in response.get_data(as_text=True)


def test_a_meeting_in_the_trash_says_so(app, editor, client, make_event):
    event = make_event(slug="preview-trashed", status=EventStatus.PUBLISHED)
    with app.app_context():
        db.session.get(Event, event.id).remove()
        db.session.commit()
    page = editor.get("/en/events/preview-trashed/").get_data(as_text=True)
    assert "In the trash — not public" in page
    assert "Open the trash to restore it" in page
    assert client.get("/en/events/preview-trashed/").status_code == 404


def test_a_published_page_is_shared_without_the_staff_link(client, editor, make_event):
    make_event(slug="preview-published", status=EventStatus.PUBLISHED)
    visitor = client.get("/en/events/preview-published/")
    staff = editor.get("/en/events/preview-published/")
    again = client.get("/en/events/preview-published/")  # from the cache, after staff's visit
    for response in (visitor, again):
        assert "public" in response.headers["Cache-Control"]
        assert "Edit this meeting" not in response.get_data(as_text=True)
        assert "Staff sign-in" in response.get_data(as_text=True)
    assert "private" in staff.headers["Cache-Control"]
    page = staff.get_data(as_text=True)
    assert "Edit this meeting" in page and DRAFT_BANNER not in page
    assert "/en/manage/events/preview-published/" in page
    assert "Staff sign-in" not in page


def test_never_in_feeds_search_or_the_api_even_for_staff(editor, draft):
    assert editor.get("/api/v1/meetings/preview-draft").status_code == 404
    assert "preview-draft" not in editor.get("/api/v1/meetings?q=labour").get_data(as_text=True)
    assert editor.get("/en/events/preview-draft.ics").status_code == 404
    assert "preview-draft" not in editor.get("/en/events.ics").get_data(as_text=True)
    assert "preview-draft" not in editor.get("/en/search?q=labour").get_data(as_text=True)


def test_an_unknown_address_is_still_404_for_staff(editor):
    assert editor.get("/en/events/no-such-meeting/").status_code == 404


@pytest.mark.parametrize(
    ("path", "language", "target"),
    [
        ("/manage/", "fr-CH, en;q=0.5", "/fr/manage/"),
        ("/manage", "es", "/es/manage"),
        ("/sign-in", "", "/en/sign-in"),
        ("/manage/events/x/?q=1", "es-AR", "/es/manage/events/x/?q=1"),
    ],
)
def test_staff_addresses_without_a_language_redirect(client, path, language, target):
    response = client.get(path, headers={"Accept-Language": language} if language else {})
    assert response.status_code == 302
    assert response.headers["Location"] == target
    assert "Accept-Language" in response.headers["Vary"]


def test_the_footer_leads_visitors_to_sign_in(client):
    page = client.get("/fr/").get_data(as_text=True)
    assert 'href="/fr/sign-in"' in page


def test_the_preview_costs_a_fixed_number_of_queries(editor, draft, count_queries):
    """The signed-in user (1), the public fingerprint finding nothing (1), the meeting and its
    parts (8): as the public page, whatever the meeting's size."""
    editor.get("/en/events/preview-draft/")
    with count_queries() as counter:
        assert editor.get("/en/events/preview-draft/").status_code == 200
    assert len(counter) == 10, counter.statements


def test_the_preview_hides_what_the_public_would_not_see(app, editor, make_event):
    """The parts' rules hold in a preview, even of a meeting in the trash: an agenda item in
    the trash and a participant not marked public stay out."""
    from factories import add_parts

    from iom_events.agenda.models import AgendaItem
    from iom_events.delegations.models import Participant
    from iom_events.translated import Translated

    event = make_event(slug="preview-parts", status=EventStatus.DRAFT)
    parts = add_parts(app, event)
    with app.app_context():
        db.session.add(
            AgendaItem(
                event_id=event.id,
                day=event.starts_on,
                kind="session",
                title=Translated(en="A removed session"),
                removed_at=db.func.now(),
            )
        )
        db.session.add(
            Participant(event_id=event.id, name="Private Person", role="delegate", is_public=False)
        )
        db.session.commit()
    page = editor.get("/en/events/preview-parts/").get_data(as_text=True)
    assert "Opening session" in page and "Ada Example" in page
    assert "A removed session" not in page and "Private Person" not in page
    assert "ada@example.org" not in page
    with app.app_context():
        db.session.get(Event, parts.event_id).remove()
        db.session.commit()
    page = editor.get("/en/events/preview-parts/").get_data(as_text=True)
    assert "In the trash — not public" in page
    assert "Opening session" in page and "A removed session" not in page
