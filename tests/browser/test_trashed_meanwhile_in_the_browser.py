"""Two staff members in two browsers: one moves an agenda item to the trash while the other is
editing it; the other's input is kept, and "Restore and save" brings the item back with it."""

import re

from factories import add_parts
from playwright.sync_api import expect

from browser_helpers import sign_in_page


def test_an_item_trashed_while_edited_keeps_the_input_and_comes_back_with_it(
    app, browser, base_url, staff_accounts, make_event
):
    parts = add_parts(app, make_event())
    agenda = f"/en/manage/events/{parts.slug}/agenda/"
    writer = browser.new_context(base_url=base_url).new_page()
    remover = browser.new_context(base_url=base_url).new_page()
    sign_in_page(writer, staff_accounts["admin"], lang="en")
    sign_in_page(remover, staff_accounts["editor"], lang="en")

    writer.goto(f"{agenda}{parts.item_id}/edit")
    writer.locator("#title-en").fill("Opening session, with the minister")

    remover.goto(agenda)
    remover.get_by_role("button", name="Move to the trash").click()
    expect(remover.locator("h1")).to_have_text(
        "Move the agenda item “Opening session” to the trash?"
    )
    remover.get_by_role("button", name="Move to the trash").click()
    expect(remover.get_by_role("status")).to_contain_text("The agenda item is in the trash.")

    writer.get_by_role("button", name="Save", exact=True).click()
    expect(writer.get_by_role("alert").first).to_contain_text(
        re.compile(r"This agenda item was moved to the trash by editor@iom\.test \(\d")
    )
    expect(writer.locator("#title-en")).to_have_value("Opening session, with the minister")
    writer.get_by_role("button", name="Restore and save").click()
    expect(writer.get_by_role("status")).to_contain_text("Restored and saved.")
    expect(writer.locator(f"#item-{parts.item_id}")).to_contain_text(
        "Opening session, with the minister"
    )
    writer.goto(f"/en/events/{parts.slug}/")
    expect(writer.locator("section[aria-labelledby=agenda]")).to_contain_text(
        "Opening session, with the minister"
    )
