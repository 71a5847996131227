"""Staff name who hosts, organizes and chairs a meeting: IOM offices or bodies in free text."""

import re

import pytest
from sqlalchemy import select

from iom_events.audit.models import AuditEntry
from iom_events.events.models import EventOrganizer
from iom_events.extensions import db
from iom_events.translated import Translated

from pages import text_of
from staff import post_form


@pytest.fixture
def meeting(make_event):
    return make_event(title=Translated(en="Organizers test meeting"))


def organizers_path(meeting, end: str = "") -> str:
    return f"/en/manage/events/{meeting.slug}/organizers/{end}"


def add_organizer(client, meeting, **fields):
    return post_form(client, organizers_path(meeting, "new"), fields, "/en/manage/")


def facts(client, meeting, lang: str = "en") -> str:
    """The meeting's facts list (dates, place, organizers by role...), as HTML."""
    page = client.get(f"/{lang}/events/{meeting.slug}/").get_data(as_text=True)
    return re.search(r'<dl class="facts">(.*?)</dl>', page, flags=re.DOTALL).group(1)


def organizers_of(app, meeting) -> list[EventOrganizer]:
    with app.app_context():
        statement = select(EventOrganizer).where(EventOrganizer.event_id == meeting.id)
        organizers = list(db.session.scalars(statement.order_by(EventOrganizer.position)))
        db.session.expunge_all()
        return organizers


def test_an_office_and_a_free_text_co_chair_appear_on_the_public_page(client, editor, meeting):
    assert add_organizer(editor, meeting, role="host", office="bangkok").status_code == 303
    co_chair = add_organizer(
        editor,
        meeting,
        role="co_chair",
        **{"name-en": "Royal Thai Government", "name-fr": "Gouvernement royal thaïlandais"},
    )
    assert co_chair.status_code == 303

    english = text_of(facts(client, meeting))
    # Headings agree in number with what they head; English says "Hosted by" (issue 17).
    assert "Hosted by Regional Office in Bangkok Co-chaired by Royal Thai Government" in english
    assert 'href="/en/offices/bangkok/"' in facts(client, meeting)
    french = text_of(facts(client, meeting, "fr"))
    assert "Hôte Bureau régional de Bangkok Coprésidence Gouvernement royal thaïlandais" in french

    staff_page = text_of(editor.get(organizers_path(meeting)).get_data(as_text=True))
    assert "Host Regional Office in Bangkok" in staff_page
    assert "Co-chair Royal Thai Government" in staff_page


def test_an_organizer_needs_an_office_or_a_name(app, editor, meeting):
    response = add_organizer(editor, meeting, role="organizer", position="3")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "Choose an office or enter the name of the body." in text_of(html)
    assert 'value="3"' in html
    assert organizers_of(app, meeting) == []


def test_new_organizers_go_last_unless_placed(app, client, editor, meeting):
    add_organizer(editor, meeting, role="organizer", **{"name-en": "First body"})
    add_organizer(editor, meeting, role="organizer", **{"name-en": "Second body"})
    add_organizer(editor, meeting, role="organizer", position="0", **{"name-en": "Placed body"})
    text = text_of(facts(client, meeting))
    assert text.index("First body") < text.index("Second body")
    assert text.index("Placed body") < text.index("Second body")
    assert [o.name["en"] for o in organizers_of(app, meeting)][-1] == "Second body"


def test_editing_an_organizer(app, client, editor, meeting):
    add_organizer(editor, meeting, role="host", **{"name-en": "Government of Senegal"})
    (organizer,) = organizers_of(app, meeting)
    form = editor.get(organizers_path(meeting, f"{organizer.id}/edit")).get_data(as_text=True)
    assert 'value="Government of Senegal"' in form
    response = post_form(
        editor,
        organizers_path(meeting, f"{organizer.id}/edit"),
        {"version": organizer.version, "role": "supporter", "office": "dakar"},
        "/en/manage/",
    )
    assert response.status_code == 303
    assert "With the support of" in text_of(facts(client, meeting))
    assert 'href="/en/offices/dakar/"' in facts(client, meeting)


def test_removing_an_organizer_deletes_it_and_keeps_its_history(app, client, editor, meeting):
    add_organizer(editor, meeting, role="host", office="bangkok")
    add_organizer(editor, meeting, role="co_chair", **{"name-en": "Temporary co-chair"})
    host, co_chair = organizers_of(app, meeting)
    response = post_form(
        editor,
        organizers_path(meeting, f"{co_chair.id}/remove"),
        {"version": co_chair.version},
        "/en/manage/",
    )
    assert response.status_code == 303
    assert "The organizer is removed." in editor.get(response.location).get_data(as_text=True)
    assert "Temporary co-chair" not in facts(client, meeting)
    assert "Regional Office in Bangkok" in text_of(facts(client, meeting))
    assert [o.id for o in organizers_of(app, meeting)] == [host.id]
    with app.app_context():
        latest = db.session.scalars(
            select(AuditEntry.action)
            .where(AuditEntry.object_type == "EventOrganizer", AuditEntry.object_id == co_chair.id)
            .order_by(AuditEntry.id.desc())
            .limit(2)
        )
        assert list(latest) == ["delete", "create"]


def test_a_stale_removal_changes_nothing(app, client, editor, admin, meeting):
    add_organizer(editor, meeting, role="host", **{"name-en": "Host body"})
    (organizer,) = organizers_of(app, meeting)
    post_form(
        editor,
        organizers_path(meeting, f"{organizer.id}/edit"),
        {"version": organizer.version, "role": "host", "name-en": "Host body, renamed"},
        "/en/manage/",
    )
    response = post_form(
        admin,
        organizers_path(meeting, f"{organizer.id}/remove"),
        {"version": organizer.version},
        "/en/manage/",
    )
    page = admin.get(response.location).get_data(as_text=True)
    assert "Someone changed this organizer in the meantime" in page
    assert "Host body, renamed" in text_of(facts(client, meeting))
