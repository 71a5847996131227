"""Each test starts from the reference data alone: what a test saves is gone for the next one.

The two tests run in this order (pytest keeps a module's order): the first saves a meeting
through the staff form and sees it on the public list; the second looks for it.
"""

from sqlalchemy import select

from iom_events.events.models import Event
from iom_events.extensions import db

from staff import post_form

SLUG = "isolation-check-meeting"

MEETING = {
    "title-en": "Isolation check meeting",
    "kind": "workshop",
    "original_language": "en",
    "starts_on": "2031-05-05",
    "ends_on": "2031-05-05",
    "timezone": "Europe/Zurich",
    "country": "CH",
    "slug": SLUG,
}


def test_a_test_saves_a_meeting_through_the_form(app, editor):
    assert post_form(editor, "/en/manage/events/new", MEETING).status_code == 303
    with app.app_context():
        assert db.session.scalar(select(Event.slug).where(Event.slug == SLUG)) == SLUG


def test_the_next_test_does_not_see_it(app, editor):
    with app.app_context():
        assert db.session.scalar(select(Event.slug).where(Event.slug == SLUG)) is None
    assert editor.get(f"/en/manage/events/{SLUG}/").status_code == 404
