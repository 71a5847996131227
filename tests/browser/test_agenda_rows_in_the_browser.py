"""The agenda's rows form with JavaScript: "More rows" adds a row in place (no page load),
"Remove the row" takes one out, and the rows typed are added at once."""

from datetime import date

from playwright.sync_api import expect
from sqlalchemy import select

from iom_events.agenda.models import AgendaItem
from iom_events.extensions import db
from iom_events.translated import Translated

from browser_helpers import sign_in_page


def test_rows_are_added_in_place_and_saved_together(page, app, make_event, staff_accounts):
    event = make_event(
        title=Translated(en="Rows in the browser"),
        starts_on=date(2030, 1, 10),
        ends_on=date(2030, 1, 11),
    )
    sign_in_page(page, staff_accounts["editor"], lang="en")
    page.goto(f"/en/manage/events/{event.slug}/agenda/rows")
    loads = []
    page.on("load", lambda _page: loads.append(1))
    rows = page.locator("[data-row]")
    expect(rows).to_have_count(5)
    page.get_by_role("button", name="More rows").click()
    expect(rows).to_have_count(6)
    assert loads == []  # in place
    expect(rows.nth(5).locator("select[name$='-kind']")).to_have_value("session")
    rows.nth(5).locator("input[name$='-title']").fill("Evening reception")
    rows.nth(5).locator("input[name$='-starts_at']").fill("19:00")
    rows.nth(0).locator("input[name$='-title']").fill("Opening")
    rows.nth(1).get_by_role("button", name="Remove the row").click()
    expect(rows).to_have_count(5)
    page.get_by_role("button", name="Add these items").click()
    expect(page.get_by_text("2 agenda items added.")).to_be_visible()
    with app.app_context():
        titles = db.session.scalars(
            select(AgendaItem.title).where(AgendaItem.event_id == event.id)
        ).all()
    assert sorted(t["en"] for t in titles) == ["Evening reception", "Opening"]
