"""A public page costs an exact number of SQL queries, whatever the size of the meeting: one
number when it is built (cold), another when its cached copy is served (warm). A count that
changes either way fails, so that a page getting worse or better is noticed."""

from datetime import date

import pytest
from factories import new_event

from iom_events.agenda.models import AgendaItem, AgendaItemKind
from iom_events.delegations.models import Delegation, DelegationKind, Participant, ParticipantRole
from iom_events.documents.models import Document, DocumentCategory, DocumentFile
from iom_events.events.models import Event, EventOrganizer, EventStatus, OrganizerRole
from iom_events.extensions import cache, db
from iom_events.press.models import PressContact
from iom_events.translated import Translated

from pages import text_of

MEETING_PAGE_QUERIES = 9
"""The fingerprint, then `public.meeting`'s eight: the meeting with its parent and side events,
one query per collection (organizers, delegations, participants, agenda, documents, press
contacts), and the speakers of its items."""


def fill(
    event_id: int,
    *,
    agenda: int,
    delegations: int,
    documents: int,
    side_events: int,
    participants: int | None = None,
) -> None:
    """Gives the meeting these many parts (participants: two a delegation unless said)."""
    event = db.session.get(Event, event_id)
    event.organizers = [
        EventOrganizer(role=OrganizerRole.HOST, name=Translated(en="A host government")),
        EventOrganizer(role=OrganizerRole.ORGANIZER, office_id=1),
    ]
    groups = [
        Delegation(
            kind=DelegationKind.MEMBER_STATE, name=Translated(en=f"Delegation {n}"), position=n
        )
        for n in range(delegations)
    ]
    event.delegations = groups
    people = [
        Participant(
            name=f"Person {n}",
            role=ParticipantRole.DELEGATE,
            delegation=groups[n % len(groups)],
            function=Translated(en="Delegate"),
            position=n,
        )
        for n in range(delegations * 2 if participants is None else participants)
    ]
    event.participants = people
    event.agenda = [
        AgendaItem(
            day=date(2030, 1, 10 + n % 2),
            kind=AgendaItemKind.SESSION,
            title=Translated(en=f"Session {n}"),
            speakers=people[n % 5 : n % 5 + 2],
            position=n,
        )
        for n in range(agenda)
    ]
    event.documents = [
        Document(
            category=DocumentCategory.PRESENTATION,
            title=Translated(en=f"Paper {n}"),
            delegation=groups[n % len(groups)],
            position=n,
            versions=[
                DocumentFile(
                    language=lang,
                    sha256="0" * 64,
                    size=10,
                    media_type="application/pdf",
                    original_filename=f"paper-{n}-{lang}.pdf",
                )
                for lang in ("en", "fr", "es")
            ],
        )
        for n in range(documents)
    ]
    event.press_contacts = [PressContact(name="Press officer", email="press@example.org")]
    for n in range(side_events):
        event.side_events.append(
            Event(
                slug=f"{event.slug}-side-{n}",
                kind=event.kind,
                status=event.status,
                original_language="en",
                title=Translated(en=f"Side event {n}"),
                starts_on=event.starts_on,
                ends_on=event.ends_on,
                timezone=event.timezone,
            )
        )
    db.session.commit()


@pytest.mark.parametrize(
    "size",
    [
        {"agenda": 3, "delegations": 2, "documents": 2, "side_events": 1},
        {"agenda": 300, "delegations": 150, "documents": 200, "side_events": 5},
    ],
)
def test_meeting_page_query_count_does_not_grow(client, app, make_event, count_queries, size):
    event = make_event()
    with app.app_context(), db.session.no_autoflush:
        fill(event.id, **size)
    with count_queries() as counter:
        response = client.get(f"/en/events/{event.slug}/")
    assert response.status_code == 200
    page = text_of(response.get_data(as_text=True))
    assert f"Session {size['agenda'] - 1}" in page
    assert f"{size['delegations']} delegations" in page
    last = size["documents"] - 1
    author = f"Delegation {last % size['delegations']}"
    assert f"Paper {last} — {author} (English | French | Spanish)" in page
    assert len(counter) == MEETING_PAGE_QUERIES, "\n\n".join(counter.statements)
    with app.app_context():
        for side_event in db.session.get(Event, event.id).side_events:
            db.session.delete(side_event)
        db.session.commit()


# (cold, warm). Cold: the fingerprint, then what the page shows; warm: the fingerprint only.
# A list's fingerprint is one query warm (the listings version), two cold: the version moved, so
# its meetings are added up again (iom_events/fingerprints.py `listing`).
# The office pages and the search are not cached (their own queries are the fingerprint's).
PAGES = {
    "/en/": (4, 1),
    "/en/events/": (7, 1),
    "/en/events/?year=2019": (7, 1),
    "/en/offices/": (1, 1),  # the units come with the offices (offices/queries.directory)
    "/en/offices/bangkok/": (3, 3),
    "/en/events/rcp-bangkok-2009/": (MEETING_PAGE_QUERIES, 1),
    "/en/events/bapa40-buenos-aires-2019/": (MEETING_PAGE_QUERIES, 1),
    "/en/search?q=migration": (4, 4),
    "/en/events.ics": (4, 1),
    "/en/events/rcp-bangkok-2009.ics": (4, 1),
    "/en/offices/bangkok.ics": (5, 1),
    "/api/v1/meetings": (4, 1),
    "/api/v1/meetings/rcp-bangkok-2009": (9, 1),
}


@pytest.mark.parametrize(("path", "queries"), PAGES.items(), ids=list(PAGES))
def test_every_public_page_kind_has_an_exact_query_count_cold_and_warm(
    app, client, make_event, count_queries, path, queries
):
    # Lists load what hangs from their meetings in one query per kind, which an empty list
    # skips: there is always an upcoming meeting, whichever tests ran before.
    make_event(status=EventStatus.PUBLISHED)
    assert_cold_and_warm(app, client, count_queries, path, queries)


def assert_cold_and_warm(app, client, count_queries, path, queries) -> None:
    # Cold: the page was served, then a colleague saved a draft (any meeting may have changed),
    # and whatever other tests served before is forgotten.
    assert client.get(path).status_code == 200
    new_event(app, status=EventStatus.DRAFT)
    with app.app_context():
        cache.clear()
    with count_queries() as cold:
        assert client.get(path).status_code == 200
    with count_queries() as warm:
        assert client.get(path).status_code == 200
    counted = (len(cold), len(warm))
    assert counted == queries, "\n\n".join([*cold.statements, "-- warm --", *warm.statements])


LARGE = {"agenda": 400, "delegations": 200, "participants": 2000, "documents": 300}
"""The benchmark's large meeting (benchmarks/generate.py): 400 agenda items, 200 delegations,
2,000 participants, 300 documents in three languages; here with 5 side events too."""


@pytest.fixture(scope="module")
def large_meeting(app):
    """Built once for the module (about 5,000 rows), published, upcoming; deleted after."""
    event = new_event(app, slug="large-meeting-budget", starts_on=date(2030, 1, 10))
    with app.app_context(), db.session.no_autoflush:
        fill(event.id, **LARGE, side_events=5)
    yield event
    with app.app_context():
        meeting = db.session.get(Event, event.id)
        for side_event in meeting.side_events:
            db.session.delete(side_event)
        db.session.delete(meeting)
        db.session.commit()


LARGE_MEETING_PAGES = {
    "/en/events/large-meeting-budget/": (MEETING_PAGE_QUERIES, 1),
    "/fr/events/large-meeting-budget/": (MEETING_PAGE_QUERIES, 1),
    "/es/events/large-meeting-budget/": (MEETING_PAGE_QUERIES, 1),
    "/en/events/large-meeting-budget.ics": (4, 1),
    "/fr/events/large-meeting-budget.ics": (4, 1),
    "/api/v1/meetings/large-meeting-budget": (MEETING_PAGE_QUERIES, 1),
    "/api/v1/meetings/large-meeting-budget?lang=fr": (MEETING_PAGE_QUERIES, 1),
    # The lists and feeds it is in: the same counts as with small meetings only.
    "/en/": PAGES["/en/"],
    "/en/events/": PAGES["/en/events/"],
    "/en/events/?year=2030": PAGES["/en/events/"],
    "/en/events.ics": PAGES["/en/events.ics"],
    "/en/events.ics?year=2030": PAGES["/en/events.ics"],
    "/api/v1/meetings": PAGES["/api/v1/meetings"],
}


@pytest.mark.parametrize(
    ("path", "queries"), LARGE_MEETING_PAGES.items(), ids=list(LARGE_MEETING_PAGES)
)
def test_the_large_meeting_costs_the_same_queries_as_a_small_one(
    app, client, count_queries, large_meeting, path, queries
):
    assert_cold_and_warm(app, client, count_queries, path, queries)


def test_the_large_meeting_page_shows_all_of_it(client, large_meeting):
    page = text_of(client.get("/en/events/large-meeting-budget/").get_data(as_text=True))
    assert "Session 399" in page and "Person 1999" in page and "Paper 299" in page
    assert "200 delegations" in page
