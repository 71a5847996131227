"""Two editors in two browsers on one meeting: what one saved, the other never undoes unseen.

Disjoint edits merge with no question; a true clash shows both values side by side, keeps
everything typed, and saves what the editor chooses. A failed save puts the focus on the list
of errors.
"""

from playwright.sync_api import expect

from iom_events.events.models import Event
from iom_events.extensions import db
from iom_events.translated import Translated

from browser_helpers import sign_in_page


def two_editors(browser, base_url, staff_accounts, slug):
    """The editor and the admin, each in a browser of their own, on the meeting's form."""
    pages = []
    for who in ("editor", "admin"):
        page = browser.new_context(base_url=base_url).new_page()
        sign_in_page(page, staff_accounts[who], lang="en")
        page.goto(f"/en/manage/events/{slug}/edit")
        pages.append(page)
    return pages


def stored(app, event_id) -> Event:
    with app.app_context():
        event = db.session.get(Event, event_id)
        db.session.expunge_all()
        return event


def test_disjoint_edits_merge_with_no_question(app, browser, base_url, staff_accounts, make_event):
    event = make_event(venue=Translated(en="Room 1"))
    first, second = two_editors(browser, base_url, staff_accounts, event.slug)

    first.locator("#venue-en").fill("King's Hall")
    first.get_by_role("button", name="Save", exact=True).click()
    expect(first.get_by_role("status")).to_contain_text("Changes saved.")
    second.locator("#title-es").fill("Una reunión de prueba")
    second.get_by_role("button", name="Save", exact=True).click()

    expect(second.get_by_role("status")).to_contain_text(
        "Saved, merged with editor@iom.test's changes to Venue (English)."
    )
    expect(second.locator(".conflict")).to_have_count(0)
    saved = stored(app, event.id)
    assert saved.venue["en"] == "King's Hall" and saved.title["es"] == "Una reunión de prueba"


def test_a_true_clash_shows_both_values_and_loses_nothing(
    app, browser, base_url, staff_accounts, make_event
):
    event = make_event(venue=Translated(en="Room 1"))
    first, second = two_editors(browser, base_url, staff_accounts, event.slug)

    first.locator("#venue-en").fill("King's Hall")
    first.get_by_role("button", name="Save", exact=True).click()
    expect(first.get_by_role("status")).to_contain_text("Changes saved.")
    second.locator("#venue-en").fill("Room 12")
    second.locator("#title-es").fill("Una reunión de prueba")
    second.get_by_role("button", name="Save", exact=True).click()

    notice = second.locator(".conflict")
    expect(notice).to_contain_text("Someone else changed this while you were editing")
    row = notice.get_by_role("row").filter(has_text="Venue (English)")
    expect(row).to_contain_text("Room 1")  # when I started
    expect(row).to_contain_text("King's Hall")  # theirs
    expect(row).to_contain_text("editor@iom.test")
    expect(row).to_contain_text("Room 12")  # mine
    expect(notice).to_be_focused()
    expect(second.locator("#venue-en")).to_have_value("Room 12")  # nothing typed is lost
    expect(second.locator("#title-es")).to_have_value("Una reunión de prueba")
    assert stored(app, event.id).venue["en"] == "King's Hall"  # nor overwritten

    second.get_by_label("Keep theirs: King's Hall").check()
    second.get_by_role("button", name="Save", exact=True).click()
    expect(second.get_by_role("status")).to_contain_text("Changes saved.")
    saved = stored(app, event.id)
    assert saved.venue["en"] == "King's Hall" and saved.title["es"] == "Una reunión de prueba"


def test_a_failed_save_puts_the_focus_on_the_error_summary(page, staff_accounts, make_event):
    event = make_event()
    sign_in_page(page, staff_accounts["editor"], lang="en")
    page.goto(f"/en/manage/events/{event.slug}/edit")
    page.locator("#title-en").fill("")
    page.get_by_label("Last day").fill("2030-01-01")
    page.get_by_role("button", name="Save", exact=True).click()

    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    summary.get_by_role(
        "link", name="Last day: The last day cannot be before the first day."
    ).click()
    expect(page.get_by_label("Last day")).to_be_focused()
    summary.get_by_role("link", name="Title: Enter this in at least one language.").click()
    expect(page.locator("#title-en")).to_be_focused()
