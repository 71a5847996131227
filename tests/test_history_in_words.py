"""A meeting's history reads as staff speak: labels, titles, dates in the page's language.

Issue 13, case 8: it said "Event #5", "venue", "AgendaItem #10 · position 2 → 3" and
"removed_at — 2026-11-29T18:38:03.353095+00:00". The page is filtered by person, part and date,
paginated, and costs the same number of queries whatever the number of entries.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import delete, select

from iom_events.accounts.models import User
from iom_events.agenda.models import AgendaItem, AgendaItemKind
from iom_events.audit.models import AuditAction, AuditEntry
from iom_events.delegations.models import Delegation, DelegationKind, Participant, ParticipantRole
from iom_events.extensions import db
from iom_events.translated import Translated

from pages import text_of

START = datetime(2026, 11, 29, 18, 38, 3, tzinfo=UTC)


def user_id(email: str) -> int:
    return db.session.scalar(select(User.id).where(User.email == email))


@pytest.fixture
def meeting(app, make_event, staff_accounts):
    """A meeting with an agenda item, a delegation, a participant and a history of changes to
    them, by the editor and the admin; ids are in `meeting.parts`."""
    event = make_event(title=Translated(en="Words meeting", fr="Réunion des mots"))
    with app.app_context():
        item = AgendaItem(
            event_id=event.id,
            day=date(2030, 1, 10),
            kind=AgendaItemKind.OPENING,
            title=Translated(en="Opening session", fr="Séance d'ouverture"),
        )
        delegation = Delegation(
            event_id=event.id, kind=DelegationKind.MEMBER_STATE, name=Translated(en="Senegal")
        )
        person = Participant(event_id=event.id, name="Ana Souza", role=ParticipantRole.SPEAKER)
        db.session.add_all([item, delegation, person])
        db.session.commit()
        # The history the test writes itself replaces what the hook wrote for these rows.
        db.session.execute(delete(AuditEntry).where(AuditEntry.event_id == event.id))
        editor, admin = user_id(staff_accounts["editor"]), user_id(staff_accounts["admin"])
        rows = [
            ("Event", event.id, AuditAction.UPDATE, editor, {
                "venue": [{"en": "Room 1"}, {"en": "Room 1", "es": "Sala 1"}],
                "starts_on": ["2030-01-10", "2030-01-09"],
                "status": ["draft", "published"],
            }),
            ("AgendaItem", item.id, AuditAction.UPDATE, admin, {"position": [2, 3]}),
            ("AgendaItem", 2_000_000_000, AuditAction.CREATE, editor, {
                "title": [None, {"en": "Old session", "fr": "Ancienne séance"}],
            }),
            ("AgendaItem", 2_000_000_000, AuditAction.DELETE, editor, {}),
            ("Participant", person.id, AuditAction.REMOVE, admin, {
                "removed_at": [None, "2026-11-29T18:38:03.353095+00:00"],
            }),
            ("Participant", person.id, AuditAction.UPDATE, editor, {
                "delegation_id": [None, delegation.id], "is_public": [True, False],
            }),
        ]  # fmt: skip
        for n, (kind, object_id, action, user, changes) in enumerate(rows):
            db.session.add(
                AuditEntry(
                    user_id=user,
                    at=START + timedelta(days=n),
                    action=action,
                    object_type=kind,
                    object_id=object_id,
                    event_id=event.id,
                    changes=changes,
                    version=2,
                )
            )
        db.session.commit()
        event.parts = {"item": item.id, "delegation": delegation.id, "person": person.id}
        db.session.remove()
    return event


def history(client, event, lang: str = "en", **query) -> str:
    response = client.get(f"/{lang}/manage/events/{event.slug}/history", query_string=query)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def entries_on(html: str) -> list[str]:
    """The text of each entry of the page, newest first."""
    listing = re.search(r'<ol class="history">(.*?)</ol>', html, flags=re.DOTALL)
    if listing is None:
        return []
    items = re.findall(r"<li>(.*?)</li>", listing.group(1), flags=re.DOTALL)
    return [text_of(item.replace("<", " <")) for item in items]


def test_the_history_names_fields_records_and_values_in_english(editor, meeting):
    entries = entries_on(history(editor, meeting))
    assert len(entries) == 6
    updated, removed, deleted, created, moved, changed = entries
    assert changed.startswith("Changed · Meeting: Words meeting ·")
    assert "Venue (Spanish) — Sala 1" in changed
    assert "First day 10 January 2030 9 January 2030" in changed
    assert "Status Draft Published" in changed
    assert "editor@iom.test" in changed and "29 November 2026" in changed
    assert moved.startswith("Changed · Agenda item: Opening session ·")
    assert "Order 3 4" in moved and "admin@iom.test" in moved
    assert created.startswith("Created · Agenda item: Old session ·")  # deleted for good since
    assert deleted.startswith("Deleted for good · Agenda item: Old session ·")
    assert removed.startswith("Moved to the trash · Participant: Ana Souza ·")
    assert "Delegation — Senegal" in updated and "Show on public pages Yes No" in updated
    page = text_of(history(editor, meeting))
    for database_word in ("Event #", "AgendaItem", "removed_at", "2026-11-29T", "position", "#"):
        assert database_word not in page


def test_the_history_speaks_french(editor, meeting):
    entries = entries_on(history(editor, meeting, "fr"))
    changed = entries[-1]
    assert changed.startswith("Modifié · Réunion : Réunion des mots ·")
    assert "Lieu de la réunion (espagnol) — Sala 1" in changed
    assert "Premier jour 10 janvier 2030 9 janvier 2030" in changed
    assert "Statut Brouillon Publiée" in changed
    assert "29 novembre 2026" in changed
    assert entries[1].startswith("Mis à la corbeille · Participant : Ana Souza ·")


def test_the_history_is_filtered_by_person_part_and_date(app, editor, meeting):
    with app.app_context():
        admin_id = user_id("admin@iom.test")
    by_admin = entries_on(history(editor, meeting, person=admin_id))
    assert len(by_admin) == 2 and all("admin@iom.test" in entry for entry in by_admin)
    agenda = entries_on(history(editor, meeting, part="agenda"))
    assert len(agenda) == 3 and all("Agenda item:" in entry for entry in agenda)
    participants = entries_on(history(editor, meeting, part="participants"))
    assert [e.split(" · ")[0] for e in participants] == ["Changed", "Moved to the trash"]
    days = entries_on(history(editor, meeting, **{"from": "2026-11-30", "to": "2026-12-01"}))
    assert len(days) == 2 and "Opening session" in days[1]
    page = text_of(history(editor, meeting, part="agenda", person=admin_id))
    assert "Page" not in page  # one page only


def test_filters_that_cannot_be_read_say_so_and_change_nothing(editor, meeting):
    html = history(editor, meeting, **{"from": "yesterday", "part": "minutes", "person": "x"})
    page = text_of(html)
    assert "Enter a day as year-month-day, e.g. 2009-06-04." in page
    assert "Choose a part of the meeting from the list." in page
    assert "Choose a person from the list." in page
    assert len(entries_on(html)) == 6
    french = text_of(history(editor, meeting, "fr", **{"from": "hier"}))
    assert "Saisissez un jour sous la forme année-mois-jour, par exemple 2009-06-04." in french


def add_changes(app, event, count: int) -> None:
    with app.app_context():
        item_id = event.parts["item"]
        db.session.add_all(
            AuditEntry(
                user_id=None,
                at=START - timedelta(minutes=n + 1),
                action=AuditAction.UPDATE,
                object_type="AgendaItem",
                object_id=item_id,
                event_id=event.id,
                changes={"position": [n, n + 1]},
                version=3,
            )
            for n in range(count)
        )
        db.session.commit()
        db.session.remove()


def test_the_history_has_pages_of_fifty_that_keep_the_filters(app, editor, meeting):
    add_changes(app, meeting, 120)
    first = history(editor, meeting, part="agenda")
    assert len(entries_on(first)) == 50
    assert "Page 1 of 3" in text_of(first)
    next_link = re.search(r'<a rel="next" href="([^"]+)"', first).group(1).replace("&amp;", "&")
    assert "part=agenda" in next_link and "page=2" in next_link
    last = history(editor, meeting, part="agenda", page=3)
    assert len(entries_on(last)) == 123 - 100  # 3 agenda entries of the fixture and 120
    assert "system" in entries_on(last)[-1]  # a change made by no one signed in
    assert editor.get(f"/en/manage/events/{meeting.slug}/history?page=4").status_code == 404
    assert editor.get(f"/en/manage/events/{meeting.slug}/history?page=x").status_code == 404


HISTORY_PAGE_QUERIES = 10
"""The staff member, the meeting, the page's entries, their count, their authors, the people
of the filter, one query per other kind of record the entries name (agenda items, delegations,
participants) and one for the last title of a record deleted for good."""


def test_the_history_costs_the_same_queries_whatever_its_length(
    app, editor, meeting, count_queries
):
    history(editor, meeting)  # warm: the staff member's session, Babel's catalogs
    with count_queries() as few:
        history(editor, meeting)
    add_changes(app, meeting, 80)
    with count_queries() as many:
        assert len(entries_on(history(editor, meeting))) == 50
    assert len(few) == len(many) == HISTORY_PAGE_QUERIES, few.statements


def test_the_last_day_a_date_picker_offers_is_a_filter_not_a_crash(editor, meeting):
    """A day after 9999-12-30 cannot be followed by another: the filter has no end then."""
    assert len(entries_on(history(editor, meeting, **{"to": "9999-12-31"}))) == 6
    assert len(entries_on(history(editor, meeting, **{"from": "0001-01-01"}))) == 6
