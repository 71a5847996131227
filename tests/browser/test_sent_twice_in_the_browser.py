"""A "new" form saved, then brought back with the browser's Back button and saved again,
creates nothing more: the page of what the first save created says so."""

import re

from playwright.sync_api import expect
from sqlalchemy import func, select
from test_editing_in_the_browser import fill_new_meeting

from iom_events.events.models import Event
from iom_events.extensions import db

from browser_helpers import sign_in_page

TITLE = "Consultation envoyée deux fois"


def test_back_then_save_again_creates_one_meeting(page, app, staff_accounts):
    sign_in_page(page, staff_accounts["editor"])
    fill_new_meeting(page, title=TITLE)
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    expect(page).to_have_url(re.compile(r"/fr/manage/events/[^/]+/$"))
    first = page.url
    page.go_back()
    expect(page.locator("#title-fr")).to_have_value(TITLE)  # the browser brings it back
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    expect(page).to_have_url(first)
    expect(page.get_by_text("Ce formulaire avait déjà été enregistré")).to_be_visible()
    with app.app_context():
        count = db.session.scalar(
            select(func.count()).select_from(Event).where(Event.title["fr"].as_string() == TITLE)
        )
    assert count == 1
