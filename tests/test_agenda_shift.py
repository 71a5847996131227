"""When a meeting's dates move so that agenda items fall outside its days, the agenda page
names them and offers one button that moves the whole agenda: one transaction, one history
entry per item, refused when the agenda changed since the page was shown."""

import re
from datetime import date, time

import pytest

from iom_events.agenda.models import AgendaItem, AgendaItemKind
from iom_events.audit.models import AuditEntry
from iom_events.events.models import Event
from iom_events.extensions import db
from iom_events.translated import Translated

from pages import text_of
from staff import post_form, sign_in


@pytest.fixture
def moved_meeting(app, make_event):
    """A meeting of 10–11 January 2030 with its agenda on the 11th only, then moved to
    20–22 January (a longer meeting: the agenda did not follow)."""
    event = make_event(
        title=Translated(en="Moving meeting"),
        starts_on=date(2030, 1, 10),
        ends_on=date(2030, 1, 11),
    )
    with app.app_context():
        db.session.add_all(
            AgendaItem(
                event_id=event.id,
                day=date(2030, 1, 11),
                starts_at=start,
                kind=AgendaItemKind.SESSION,
                title=Translated(en=title),
            )
            for title, start in (("Morning panel", time(9)), ("Afternoon panel", time(14)))
        )
        db.session.commit()
        stored = db.session.get(Event, event.id)
        stored.starts_on, stored.ends_on = date(2030, 1, 20), date(2030, 1, 22)
        db.session.commit()
        db.session.remove()
    return event


def agenda_page(client, meeting, lang="en") -> str:
    return client.get(f"/{lang}/manage/events/{meeting.slug}/agenda/").get_data(as_text=True)


def items(app, meeting):
    with app.app_context():
        found = db.session.scalars(
            db.select(AgendaItem).where(AgendaItem.event_id == meeting.id).order_by(AgendaItem.id)
        ).all()
        answer = [(i.title.get("en"), i.day, i.version, i.sequence) for i in found]
        db.session.remove()
        return answer


def shift_fields(html: str) -> dict:
    form = re.search(r'<form method="post" action="([^"]*/agenda/shift)".*?</form>', html, re.S)
    assert form, "no shift button"
    fields = dict(re.findall(r'name="(days|stamp)" value="([^"]*)"', form.group(0)))
    return {"path": form.group(1), **fields}


def test_the_page_names_the_items_outside_and_proposes_the_meetings_own_move(
    app, client, editor, moved_meeting
):
    page = text_of(agenda_page(editor, moved_meeting))
    assert "2 agenda items are on days outside the meeting's dates (20–22 January 2030):" in page
    assert "Morning panel (Friday 11 January 2030)" in page
    # The meeting's first day moved 10 days: so does the agenda (not onto its first day).
    assert "Friday 11 January 2030 becomes Monday 21 January 2030." in page
    assert "Move the agenda 10 days later" in page

    fields = shift_fields(agenda_page(editor, moved_meeting))
    before = items(app, moved_meeting)
    response = post_form(
        editor,
        fields.pop("path"),
        fields,
        "/en/manage/",
        follow_redirects=True,
    )
    assert "2 agenda items moved 10 days later, onto the meeting's days." in text_of(
        response.get_data(as_text=True)
    )
    after = items(app, moved_meeting)
    assert [day for _t, day, _v, _s in after] == [date(2030, 1, 21)] * 2
    assert all(a[2] == b[2] + 1 and a[3] == b[3] + 1 for a, b in zip(after, before, strict=True))
    with app.app_context():
        history = db.session.scalars(
            db.select(AuditEntry).where(
                AuditEntry.object_type == "AgendaItem", AuditEntry.event_id == moved_meeting.id
            )
        ).all()
        moves = [e.changes["day"] for e in history if e.action == "update" and "day" in e.changes]
        db.session.remove()
    assert moves == [["2030-01-11", "2030-01-21"]] * 2
    assert "agenda-outside" not in agenda_page(editor, moved_meeting)
    public = text_of(client.get(f"/en/events/{moved_meeting.slug}/").get_data(as_text=True))
    assert "Monday 21 January 2030 09:00 Morning panel" in public


def test_a_shift_is_refused_when_the_agenda_changed_meanwhile(app, editor, moved_meeting):
    fields = shift_fields(agenda_page(editor, moved_meeting))
    with app.app_context():
        item = db.session.scalars(
            db.select(AgendaItem).where(AgendaItem.event_id == moved_meeting.id)
        ).first()
        item.title = Translated(en="Renamed panel")
        db.session.commit()
        db.session.remove()
    before = items(app, moved_meeting)
    response = post_form(editor, fields.pop("path"), fields, "/en/manage/", follow_redirects=True)
    assert (
        "The agenda or the meeting's dates changed meanwhile: nothing moved. Check the agenda "
        "again." in text_of(response.get_data(as_text=True))
    )
    assert items(app, moved_meeting) == before


@pytest.mark.parametrize("days", ["9", "-10", "x", "99999999999"])
def test_a_shift_other_than_the_one_proposed_changes_nothing(app, editor, moved_meeting, days):
    fields = shift_fields(agenda_page(editor, moved_meeting))
    before = items(app, moved_meeting)
    fields["days"] = days
    response = post_form(editor, fields.pop("path"), fields, "/en/manage/")
    assert response.status_code == 303
    assert items(app, moved_meeting) == before


def test_in_french_the_page_says_it_too(editor, moved_meeting):
    page = text_of(agenda_page(editor, moved_meeting, "fr"))
    assert "2 points de l’ordre du jour" in page


def test_the_proposal_costs_one_query_more_than_the_agenda_page(
    app, staff_accounts, moved_meeting, count_queries
):
    """The agenda page's budget (tests/test_staff_query_budget.py: 5), plus the meeting's
    history, read only when items are outside its days."""
    client = app.test_client()
    sign_in(client, staff_accounts["admin"])
    counts = []
    for _visit in ("cold", "warm"):
        with count_queries() as counter:
            assert client.get(f"/en/manage/events/{moved_meeting.slug}/agenda/").status_code == 200
        counts.append(len(counter))
    assert counts == [6, 6]
