"""Staff pages cost an exact, fixed number of SQL queries, whatever the size of the meeting:
the same cold (a client's first visit) and warm (the same page again), small or large."""

from datetime import date
from types import SimpleNamespace

import pytest
from factories import add_parts
from test_query_budget import fill

from iom_events.events.models import Event, EventStatus
from iom_events.extensions import db

from staff import post_form, sign_in

# Signing the user in from the session is one query of every page.
PAGES = {
    "meetings list": ("/en/manage/", 3),
    "meeting page": ("/en/manage/events/{slug}/", 3),
    "agenda": ("/en/manage/events/{slug}/agenda/", 5),
    "delegations": ("/en/manage/events/{slug}/delegations/", 4),
    "documents": ("/en/manage/events/{slug}/documents/", 4),
    # The rows forms and the import: the user and the meeting only.
    "delegation rows": ("/en/manage/events/{slug}/delegations/rows", 2),
    # ...and the delegation whose participants the rows add.
    "participant rows": ("/en/manage/events/{slug}/delegations/rows?delegation={delegation_id}", 3),
    "import a list": ("/en/manage/events/{slug}/delegations/import", 2),
    "press": ("/en/manage/events/{slug}/press/", 3),
    "organizers": ("/en/manage/events/{slug}/organizers/", 4),
    # ...its speakers, and those of its speakers in the trash (kept, shown as such); the
    # meeting's delegations, which group the speakers and which a person added may join.
    "agenda item form": ("/en/manage/events/{slug}/agenda/{item_id}/edit", 7),
    # ...the day's items already there (listed, not edited).
    "agenda rows form": ("/en/manage/events/{slug}/agenda/rows?day=2030-01-10", 3),
    "pasted agenda form": ("/en/manage/events/{slug}/agenda/paste", 2),
    "confirmation": ("/en/manage/events/{slug}/agenda/{item_id}/remove", 3),
    "trash": ("/en/manage/trash/", 10),
    # The invitations with their delegations, in one query (issue 19).
    "invitations": ("/en/manage/events/{slug}/nominations/", 3),
    # ...the delegations not invited yet.
    "invite a delegation": ("/en/manage/events/{slug}/nominations/invite", 3),
}


@pytest.fixture(scope="module")
def meetings(app):
    """A small and a large meeting, each with one of every part (and the large one with many)."""
    sizes = {
        "small": {"agenda": 3, "delegations": 2, "documents": 2, "side_events": 0},
        "large": {"agenda": 200, "delegations": 100, "documents": 120, "side_events": 0},
    }
    built = {}
    for name, size in sizes.items():
        with app.app_context():
            event = Event(
                slug=f"query-budget-{name}",
                kind="conference",
                status=EventStatus.PUBLISHED,
                original_language="en",
                title={"en": f"Query budget ({name})"},
                starts_on=date(2030, 1, 10),
                ends_on=date(2030, 1, 11),
                timezone="Europe/Zurich",
            )
            db.session.add(event)
            db.session.commit()
            made = SimpleNamespace(id=event.id, slug=event.slug, starts_on=event.starts_on)
            with db.session.no_autoflush:
                fill(event.id, **size)
            db.session.remove()
        built[name] = add_parts(app, made)
    yield built
    with app.app_context():  # their files are not in the blob store: they must not stay
        for parts in built.values():
            db.session.delete(db.session.get(Event, parts.event_id))
        db.session.commit()
        db.session.remove()


@pytest.fixture
def something_in_the_trash(app, admin, make_event):
    """The trash is never empty here, so that its count is the one of a trash in use."""
    parts = add_parts(app, make_event())
    path = f"/en/manage/events/{parts.slug}/press/{parts.contact_id}/remove"
    post_form(admin, path, {"version": "1"}, "/en/manage/")


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("size", ["small", "large"])
def test_staff_page_query_count_is_exact_cold_and_warm(
    app, staff_accounts, meetings, something_in_the_trash, count_queries, page, size
):
    parts = meetings[size]
    path, budget = PAGES[page]
    path = path.format(slug=parts.slug, item_id=parts.item_id, delegation_id=parts.delegation_id)
    client = app.test_client()
    sign_in(client, staff_accounts["admin"])
    counts = []
    for _visit in ("cold", "warm"):
        with count_queries() as counter:
            response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        counts.append(len(counter))
    assert counts == [budget, budget], f"{page} ({size}): {counts}\n\n" + "\n\n".join(
        counter.statements
    )
