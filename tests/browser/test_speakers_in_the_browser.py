"""Choosing an agenda item's speakers with the script (static/js/speakers.js): the search box
filters the participants as one types, the people ticked stay in sight, and a name nobody has
is added as a new person in two keystrokes."""

from factories import add_parts
from playwright.sync_api import expect
from test_pages_are_accessible_and_valid import AXE

from iom_events.delegations.models import Participant, ParticipantRole
from iom_events.extensions import db
from iom_events.translated import Translated

from browser_helpers import sign_in_page


def test_search_the_speakers_and_add_a_person_nobody_matches(app, page, staff_accounts, make_event):
    parts = add_parts(app, make_event())  # Ada Example, of the Observers
    with app.app_context():
        db.session.add(
            Participant(
                event_id=parts.event_id,
                name="Beatriz Núñez",
                function=Translated(en="Minister of Labour"),
                role=ParticipantRole.HEAD_OF_DELEGATION,
                position=1,
            )
        )
        db.session.commit()
        db.session.remove()
    sign_in_page(page, staff_accounts["editor"], lang="en")
    page.goto(f"/en/manage/events/{parts.slug}/agenda/new")
    page.locator("#title-en").fill("Keynote on labour mobility")
    ada = page.get_by_label("Ada Example", exact=True)
    beatriz = page.get_by_label("Beatriz Núñez, Minister of Labour")
    search = page.get_by_label("Find a participant")

    search.fill("NUNEZ")  # case and accents ignored
    expect(beatriz).to_be_visible()
    expect(ada).to_be_hidden()
    beatriz.check()
    search.fill("observers")  # a delegation's name finds its people
    expect(ada).to_be_visible()
    expect(beatriz).to_be_visible()  # ticked: stays in sight
    expect(beatriz).to_be_checked()

    search.fill("Zoé Quinn")
    expect(page.get_by_text("Nobody in the list matches “Zoé Quinn”.")).to_be_visible()
    expect(ada).to_be_hidden()
    add = page.get_by_role("button", name="Add “Zoé Quinn” as a new person")
    expect(add).to_be_visible()
    page.evaluate(AXE.read_text())
    violations = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
    )
    assert [v["id"] for v in violations] == []
    search.press("Enter")  # the same as the button; the form is not sent
    expect(page.get_by_label("Name", exact=True)).to_have_value("Zoé Quinn")
    function = page.get_by_label("Function (English)")
    expect(function).to_be_focused()
    expect(search).to_have_value("")
    expect(ada).to_be_visible()  # the whole list again
    function.fill("Rapporteur")
    page.get_by_label("Delegation", exact=True).select_option(label="Observers")

    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("Agenda item added.")
    page.goto(f"/en/events/{parts.slug}/")
    expect(page.locator("section[aria-labelledby=agenda]")).to_contain_text(
        "Beatriz Núñez, Minister of Labour"
    )
    expect(page.locator("section[aria-labelledby=agenda]")).to_contain_text("Zoé Quinn, Rapporteur")
