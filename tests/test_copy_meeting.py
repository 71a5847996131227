""" "New meeting from…": a past meeting copied into a draft on new dates, in one transaction:
texts, organizers, agenda (moved day for day), delegations (with or without their people) and
press contacts; never documents or history."""

from datetime import date

import pytest
from factories import add_parts, last_change
from sqlalchemy import select

from iom_events.agenda.models import AgendaItem
from iom_events.audit.models import AuditAction, AuditEntry
from iom_events.documents.models import Document
from iom_events.events.models import Event, EventStatus
from iom_events.extensions import db
from iom_events.translated import Translated

from staff import post_form


@pytest.fixture
def past(app, make_event):
    """A two-day meeting (Thursday 10 – Friday 11 January 2030) with one of every part, and a
    second agenda item on its second day."""
    event = make_event(
        slug="copy-source",
        title=Translated(en="Regional consultation", fr="Consultation régionale"),
        summary=Translated(fr="Deuxième réunion"),
        original_language="fr",
        series="regional-consultation",
    )
    parts = add_parts(app, event)
    with app.app_context():
        db.session.add(
            AgendaItem(
                event_id=event.id, day=date(2030, 1, 11), kind="closing",
                title=Translated(en="Closing"),
            )
        )  # fmt: skip
        db.session.commit()
        db.session.remove()
    return parts


def copy(editor, data, slug="copy-source"):
    return post_form(
        editor, f"/en/manage/events/{slug}/copy", data, f"/en/manage/events/{slug}/copy"
    )


def the_copy(app, title="Regional consultation 2031"):
    with app.app_context():
        event = db.session.scalar(
            select(Event).where(Event.title.is_not(None), Event.series == "regional-consultation",
                                Event.slug != "copy-source")
        )  # fmt: skip
        assert event is not None
        db.session.expunge_all()
        return event


def test_the_form_offers_the_past_title_and_says_what_is_copied(editor, past):
    page = editor.get("/en/manage/events/copy-source/copy").get_data(as_text=True)
    assert "New meeting from “Regional consultation”" in page
    assert 'value="Regional consultation"' in page
    assert "never the documents or the history" in page
    assert "/en/manage/events/copy-source/copy" in editor.get(
        "/en/manage/events/copy-source/"
    ).get_data(as_text=True)


def test_copy_with_people(app, editor, past):
    before = last_change(app)
    response = copy(
        editor,
        {
            "title-en": "Regional consultation 2031",
            "title-fr": "Consultation régionale 2031",
            "starts_on": "2031-01-09",  # a Thursday again
            "with_people": "y",
        },
    )
    assert response.status_code == 303
    new = the_copy(app)
    assert response.headers["Location"] == f"/en/manage/events/{new.slug}/"
    assert new.slug == "consultation-regionale-2031"
    assert new.status == EventStatus.DRAFT
    assert (new.starts_on, new.ends_on) == (date(2031, 1, 9), date(2031, 1, 10))
    assert new.summary == Translated(fr="Deuxième réunion")
    assert new.uid != "" and new.sequence == 0
    with app.app_context():
        event = db.session.get(Event, new.id)
        old = db.session.get(Event, past.event_id)
        assert new.uid != old.uid
        assert [(i.day, i.title["en"]) for i in event.agenda] == [
            (date(2031, 1, 9), "Opening session"),
            (date(2031, 1, 10), "Closing"),
        ]
        assert [i.day.weekday() for i in event.agenda] == [3, 4]
        assert {i.uid for i in event.agenda}.isdisjoint({i.uid for i in old.agenda})
        assert [d.name["en"] for d in event.delegations] == ["Observers"]
        assert [(p.name, p.email) for p in event.participants] == [
            ("Ada Example", "ada@example.org")
        ]
        assert event.participants[0].delegation is event.delegations[0]
        assert [s.name for s in event.agenda[0].speakers] == ["Ada Example"]
        assert [c.name for c in event.press_contacts] == ["Press Officer"]
        assert [o.name["en"] for o in event.organizers] == ["A host government"]
        assert db.session.scalars(select(Document).where(Document.event_id == new.id)).all() == []
        # Since the copy (SQLite may give it the id of a meeting deleted before, history and all)
        history = db.session.scalars(
            select(AuditEntry).where(AuditEntry.event_id == new.id, AuditEntry.id > before)
        ).all()
        assert history and {entry.action for entry in history} == {AuditAction.CREATE}
        # the past meeting is untouched
        assert [i.day for i in old.agenda] == [date(2030, 1, 10), date(2030, 1, 11)]
        assert len(old.documents) == 1


def test_copy_without_people(app, editor, past):
    response = copy(editor, {"title-en": "Regional consultation 2031", "starts_on": "2031-03-02"})
    assert response.status_code == 303
    new = the_copy(app)
    with app.app_context():
        event = db.session.get(Event, new.id)
        assert (event.starts_on, event.ends_on) == (date(2031, 3, 2), date(2031, 3, 3))
        assert [d.name["en"] for d in event.delegations] == ["Observers"]
        assert event.participants == []
        assert event.agenda[0].speakers == []
        assert [i.day for i in event.agenda] == [date(2031, 3, 2), date(2031, 3, 3)]
    # the copy is a draft: the public does not see it, staff preview it
    assert editor.get(f"/en/events/{new.slug}/").status_code == 200


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"title-en": "X", "starts_on": ""}, "Enter the first day."),
        ({"title-en": "X", "starts_on": "0027-01-01"}, "Enter a day between 1951 and 2100."),
        ({"title-en": "X", "starts_on": "2100-12-31"}, "The meeting would end after 2100"),
        ({"title-en": "", "starts_on": "2031-01-01"}, "Enter this in at least one language."),
        ({"title-en": "X" * 301, "starts_on": "2031-01-01"}, "At most 300 characters"),
    ],
)
def test_bad_input_changes_nothing(app, editor, past, data, message):
    with app.app_context():
        before = db.session.scalar(select(db.func.count(Event.id)))
    response = copy(editor, data)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(db.func.count(Event.id))) == before


def test_french_form(editor, past):
    response = copy(editor, {"title-en": "X", "starts_on": ""}, slug="copy-source")
    assert response.status_code == 400
    page = editor.get("/fr/manage/events/copy-source/copy").get_data(as_text=True)
    assert "Nouvelle réunion à partir de" in page


def test_unknown_meeting_is_404(editor):
    assert editor.get("/en/manage/events/no-such/copy").status_code == 404


def test_visitors_are_sent_to_sign_in(client, past):
    assert client.get("/en/manage/events/copy-source/copy").status_code == 302


def test_the_form_costs_a_fixed_number_of_queries(editor, past, count_queries):
    """The user (1), the meeting (1) with its organizers, agenda, speakers, delegations,
    participants and press contacts (6): whatever its size."""
    editor.get("/en/manage/events/copy-source/copy")
    with count_queries() as counter:
        assert editor.get("/en/manage/events/copy-source/copy").status_code == 200
    assert len(counter) == 8, counter.statements
