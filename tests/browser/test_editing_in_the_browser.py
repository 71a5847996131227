"""Staff rebuild a meeting through the browser alone, in French, and read it as the public."""

from playwright.sync_api import expect

from iom_events.translated import Translated

from browser_helpers import sign_in_page


def fill_new_meeting(page, **values) -> None:
    page.goto("/fr/manage/events/new")
    page.locator("#title-fr").fill(
        values.get("title", "Réunion régionale sur la migration de travail")
    )
    page.get_by_label("Type de réunion").select_option("workshop")
    page.get_by_label("Premier jour").fill(values.get("starts_on", "2032-03-10"))
    page.get_by_label("Dernier jour").fill(values.get("ends_on", "2032-03-11"))
    page.locator("#city-fr").fill("Bangkok")
    page.get_by_label("Pays", exact=True).select_option("TH")
    email = values.get("contact_email", "rcp@iom.int")
    page.get_by_label("Adresse électronique de contact").fill(email)


def test_invalid_email_and_end_before_start_are_both_reported_and_input_kept(page, staff_accounts):
    sign_in_page(page, staff_accounts["editor"])
    fill_new_meeting(page, ends_on="2032-03-01", contact_email="rcp@@iom")
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    expect(page.locator("#ends_on-error")).to_have_text(
        "Le dernier jour ne peut pas précéder le premier."
    )
    expect(page.locator("#contact_email-error")).to_have_text(
        "Saisissez une adresse électronique valide."
    )
    expect(page.locator("#title-fr")).to_have_value("Réunion régionale sur la migration de travail")
    expect(page.locator("#city-fr")).to_have_value("Bangkok")
    expect(page.get_by_label("Pays", exact=True)).to_have_value("TH")
    expect(page.get_by_label("Premier jour")).to_have_value("2032-03-10")
    expect(page.get_by_label("Adresse électronique de contact")).to_have_value("rcp@@iom")


def test_create_publish_and_read_in_french_and_english(page, staff_accounts):
    sign_in_page(page, staff_accounts["editor"])
    fill_new_meeting(page, title="Atelier de Bangkok sur la mobilité de la main-d’œuvre")
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("Réunion créée en brouillon")
    page.get_by_role("button", name="Publier").click()
    page.get_by_role("button", name="Publier").click()  # on the confirmation page
    expect(page.get_by_role("status")).to_contain_text("La réunion est publiée.")
    page.get_by_role("link", name="Page publique").click()
    expect(page.locator("h1")).to_have_text("Atelier de Bangkok sur la mobilité de la main-d’œuvre")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.locator(".facts")).to_contain_text("10–11 mars 2032")
    page.get_by_role("link", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_attribute("lang", "fr")
    expect(page.locator(".fallback-notice").first).to_have_text("Available in French only.")


def test_second_of_two_editors_gets_the_conflict_page(
    browser, base_url, staff_accounts, make_event
):
    slug = make_event(original_language="fr", title=Translated(fr="Réunion à deux éditeurs")).slug
    first = browser.new_context(base_url=base_url).new_page()
    second = browser.new_context(base_url=base_url).new_page()
    sign_in_page(first, staff_accounts["editor"])
    sign_in_page(second, staff_accounts["admin"])
    for page in (first, second):
        page.goto(f"/fr/manage/events/{slug}/edit")
    first.locator("#venue-fr").fill("Centre de conférences des Nations Unies")
    first.get_by_role("button", name="Enregistrer", exact=True).click()
    expect(first.get_by_role("status")).to_contain_text("Modifications enregistrées.")
    second.locator("#venue-fr").fill("Palais des Nations")  # the same field: a true clash
    second.get_by_role("button", name="Enregistrer", exact=True).click()
    conflict = second.locator(".conflict")
    expect(conflict).to_contain_text("Quelqu’un d’autre a modifié")
    expect(conflict).to_contain_text("Centre de conférences des Nations Unies")
    expect(second.locator("#venue-fr")).to_have_value("Palais des Nations")
    # no choice made: asked again
    second.get_by_role("button", name="Enregistrer", exact=True).click()
    expect(second.locator(".conflict")).to_contain_text("Quelqu’un d’autre a modifié")
    second.locator("#merge-venue-fr-mine").check()  # re-apply on purpose
    second.get_by_role("button", name="Enregistrer", exact=True).click()
    expect(second.get_by_role("status")).to_contain_text("Modifications enregistrées.")
    second.goto(f"/en/events/{slug}/")
    expect(second.locator(".facts")).to_contain_text("Palais des Nations")


def save(page) -> None:
    page.get_by_role("button", name="Enregistrer", exact=True).click()


def test_rebuild_a_meeting_in_french_with_agenda_delegation_and_press(page, staff_accounts):
    sign_in_page(page, staff_accounts["editor"])
    fill_new_meeting(page, title="Consultation régionale de Bangkok sur la migration")
    save(page)
    expect(page.get_by_role("status")).to_contain_text("Réunion créée en brouillon")
    meeting_url = page.url

    # A delegation with two participants.
    page.get_by_role("link", name="Délégations et participants").click()
    page.get_by_role("link", name="Ajouter une délégation").click()
    page.locator("#name-fr").fill("Processus de Colombo")
    page.get_by_label("Type de délégation").select_option("rcp")
    save(page)
    for name, function in (("Ana Lima", "Présidente"), ("Ben Okafor", "Secrétaire")):
        page.get_by_role("link", name="Ajouter un participant à cette délégation").click()
        page.get_by_label("Nom", exact=True).fill(name)
        page.locator("#function-fr").fill(function)
        page.get_by_label("Courriel").fill(f"{name.split()[0].lower()}@iom.int")
        save(page)
        expect(page.get_by_role("status")).to_contain_text("Participant ajouté.")

    # A two-day agenda, the first item with a speaker.
    page.goto(meeting_url)
    page.get_by_role("link", name="Ordre du jour").click()
    for day, title in (("2032-03-10", "Séance d’ouverture"), ("2032-03-11", "Séance de clôture")):
        page.get_by_role("link", name="Ajouter un point à l’ordre du jour").click()
        page.get_by_label("Jour").select_option(day)
        page.locator("#title-fr").fill(title)
        if day == "2032-03-10":
            page.get_by_label("Heure de début").fill("09:00")
            page.get_by_label("Ana Lima, Présidente").check()
        save(page)
        expect(page.get_by_role("status")).to_contain_text("Point ajouté à l’ordre du jour.")

    # A press contact.
    page.goto(meeting_url)
    page.get_by_role("link", name="Contacts presse").click()
    page.get_by_role("link", name="Ajouter un contact presse").click()
    page.get_by_label("Nom", exact=True).fill("Chloé Martin")
    page.get_by_label("Courriel").fill("cmartin@iom.int")
    page.get_by_label("Téléphone").fill("+66 2 343 9300")
    save(page)
    expect(page.get_by_role("status")).to_contain_text("Contact presse ajouté.")

    page.goto(meeting_url)
    page.get_by_role("button", name="Publier").click()
    page.get_by_role("button", name="Publier").click()  # on the confirmation page
    page.get_by_role("link", name="Page publique").click()

    expect(page.locator("#agenda")).to_be_visible()
    agenda = page.locator("section[aria-labelledby=agenda]")
    expect(agenda.locator("h3")).to_have_text(["mercredi 10 mars 2032", "jeudi 11 mars 2032"])
    expect(agenda).to_contain_text("Séance d’ouverture")
    expect(agenda).to_contain_text("Ana Lima, Présidente")
    participants = page.locator("section[aria-labelledby=participants]")
    expect(participants).to_contain_text("1 délégation")
    expect(participants).to_contain_text("Ben Okafor, Secrétaire")
    expect(page.locator("body")).not_to_contain_text("ana@iom.int")  # contact data stays private
    press = page.locator("section[aria-labelledby=press]")
    expect(press).to_contain_text("Chloé Martin")
    expect(press).to_contain_text("+66 2 343 9300")

    page.get_by_role("link", name="English").click()
    expect(page.locator("h1")).to_have_text("Consultation régionale de Bangkok sur la migration")
    expect(page.locator(".fallback-notice").first).to_have_text("Available in French only.")
    expect(page.locator("section[aria-labelledby=agenda] h3").first).to_have_text(
        "Wednesday 10 March 2032"
    )
