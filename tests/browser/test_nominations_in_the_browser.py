"""Issue 19's cycle in a real browser: staff invite a delegation, its focal point nominates in
Spanish from the link the test SMTP server received, changes the list, staff accredit it, and
the public page lists the members marked public (never their contact data)."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from iom_events.delegations.models import Delegation, DelegationKind
from iom_events.extensions import db
from iom_events.translated import Translated

from browser_helpers import sign_in_page

LINK = re.compile(r"https?://[^/\s]+(/es/nominations/[A-Za-z0-9_.\-]+)")


def test_invite_nominate_in_spanish_change_accredit_and_the_public_list(
    app, browser, base_url, staff_accounts, make_event, mailbox
):
    event = make_event(
        title=Translated(en="Regional conference", es="Conferencia regional"),
        timezone="America/Argentina/Buenos_Aires",
        country="AR",
    )
    with app.app_context():
        db.session.add(
            Delegation(
                event_id=event.id,
                kind=DelegationKind.MEMBER_STATE,
                name=Translated(en="Argentina"),
                country="AR",
            )
        )
        db.session.commit()
        db.session.remove()

    staff = browser.new_context(base_url=base_url).new_page()
    sign_in_page(staff, staff_accounts["editor"], lang="en")
    staff.goto(f"/en/manage/events/{event.slug}/")
    staff.get_by_role("link", name="Invitations and accreditation").click()
    staff.get_by_role("link", name="Invite a delegation").click()
    staff.get_by_label("Delegation", exact=True).select_option(label="Argentina")
    staff.get_by_label("Name of the focal point").fill("Ana Pérez")
    staff.get_by_label("E-mail of the focal point").fill("ana.perez@cancilleria.example")
    staff.get_by_label("Language of the focal point").select_option("es")
    staff.get_by_label("Deadline").fill("2099-01-31T18:00")
    staff.get_by_role("button", name="Send the invitation").click()
    expect(staff.get_by_role("status")).to_contain_text("Invitation sent to")

    (invitation,) = mailbox.to("ana.perez@cancilleria.example")
    assert invitation["Content-Language"] == "es"
    assert "Conferencia regional" in invitation["Subject"]
    link = LINK.search(invitation.get_content()).group(1)

    focal_point = browser.new_context(base_url=base_url).new_page()
    focal_point.goto(link)
    expect(focal_point.locator("h1")).to_have_text("Lista de la delegación de Argentina")
    focal_point.locator("#members-0-title").fill("S.E.")
    focal_point.locator("#members-0-name").fill("Ana Pérez")
    focal_point.locator("#members-0-function").fill("Embajadora")
    focal_point.locator("#members-0-role").select_option("head_of_delegation")
    focal_point.locator("#members-0-email").fill("ana@private.example")
    focal_point.get_by_role("button", name="Guardar la lista").click()
    expect(focal_point.get_by_role("status")).to_contain_text("Guardado: versión 1")

    focal_point.locator("#members-1-name").fill("Luis Gómez")
    focal_point.locator("#members-1-role").select_option("adviser")
    focal_point.get_by_role("button", name="Guardar la lista").click()
    expect(focal_point.get_by_role("status")).to_contain_text("Guardado: versión 2")

    staff.goto(f"/en/manage/events/{event.slug}/nominations/")
    expect(staff.locator("tbody")).to_contain_text("Nominated")
    staff.get_by_role("link", name="Argentina").click()
    staff.get_by_role("button", name="Accredit version 2").click()
    staff.get_by_role("button", name="Accredit", exact=True).click()  # the confirmation page
    expect(staff.get_by_role("status")).to_contain_text("Accredited")

    public = browser.new_context(base_url=base_url).new_page()
    public.goto(f"/es/events/{event.slug}/")
    body = public.locator("main")
    expect(body).to_contain_text("S.E. Ana Pérez")
    expect(body).to_contain_text("Luis Gómez")
    assert "ana@private.example" not in public.content()
    notices = mailbox.to("editor@iom.test")
    assert len(notices) == 2 and all(m["Content-Language"] == "en" for m in notices)


def test_a_letter_chosen_with_a_phone_to_correct_is_kept_and_the_error_names_the_member(
    app, browser, base_url, staff_accounts, make_event, mailbox
):
    from fpdf import FPDF

    event = make_event(
        title=Translated(en="Regional conference", es="Conferencia regional"),
        timezone="America/Argentina/Buenos_Aires",
        country="AR",
    )
    with app.app_context():
        db.session.add(
            Delegation(
                event_id=event.id,
                kind=DelegationKind.MEMBER_STATE,
                name=Translated(en="Argentina"),
                country="AR",
            )
        )
        db.session.commit()
        db.session.remove()
    staff = browser.new_context(base_url=base_url).new_page()
    sign_in_page(staff, staff_accounts["editor"], lang="en")
    staff.goto(f"/en/manage/events/{event.slug}/nominations/invite")
    staff.get_by_label("Delegation", exact=True).select_option(label="Argentina")
    staff.get_by_label("Name of the focal point").fill("Ana Pérez")
    staff.get_by_label("E-mail of the focal point").fill("ana.perez@cancilleria.example")
    staff.get_by_label("Language of the focal point").select_option("es")
    staff.get_by_label("Deadline").fill("2099-01-31T18:00")
    staff.get_by_role("button", name="Send the invitation").click()
    (invitation,) = mailbox.to("ana.perez@cancilleria.example")
    link = LINK.search(invitation.get_content()).group(1)
    letter = FPDF()
    letter.add_page()
    letter.set_font("helvetica", size=12)
    letter.cell(text="Credentials")

    focal_point = browser.new_context(base_url=base_url).new_page()
    focal_point.goto(link)
    focal_point.locator("#members-0-name").fill("Ana Pérez")
    focal_point.locator("#members-0-phone").fill("12")
    focal_point.locator("#credentials").set_input_files(
        files=[
            {"name": "carta.pdf", "mimeType": "application/pdf", "buffer": bytes(letter.output())}
        ]
    )
    focal_point.get_by_role("button", name="Guardar la lista").click()

    summary = focal_point.locator(".error-summary")
    expect(summary.get_by_role("link")).to_contain_text("Miembro 1 (Ana Pérez), Teléfono:")
    expect(summary.get_by_role("link")).to_have_attribute("href", "#members-0-phone")
    phone = focal_point.locator("#members-0-phone")
    expect(phone).to_have_attribute("aria-invalid", "true")
    expect(phone).to_have_accessible_description(re.compile("Introduzca un número de teléfono"))
    expect(focal_point.locator("#credentials-help")).to_contain_text("carta.pdf")

    phone.fill("11 4815 1035")  # the letter is not chosen again
    focal_point.get_by_role("button", name="Guardar la lista").click()
    expect(focal_point.get_by_role("status")).to_contain_text("Guardado: versión 1")
    expect(focal_point.locator("main")).to_contain_text("Carta de credenciales recibida: carta.pdf")
