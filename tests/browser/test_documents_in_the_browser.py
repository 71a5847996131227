"""A staff member uploads the French and Spanish versions of an agenda through the browser; a
Spanish reader finds it listed on the meeting page and downloads exactly that file."""

import re
from datetime import datetime
from pathlib import Path

import pytest
from playwright.sync_api import expect

from iom_events.demo.pdf import title_page
from iom_events.translated import Translated

from browser_helpers import sign_in_page

CREATED = datetime(2030, 1, 1, 9, 0)


@pytest.fixture
def meeting(make_event):
    return make_event(title=Translated(en="Browser documents meeting", es="Reunión de prueba"))


def pdf_file(name: str, title: str, language: str) -> dict:
    content = title_page(title, "Browser documents meeting", language, CREATED)
    return {"name": name, "mimeType": "application/pdf", "buffer": content}


def test_staff_upload_french_and_spanish_and_a_spanish_reader_downloads_them(
    page, staff_accounts, meeting
):
    french = pdf_file("ordre-du-jour.pdf", "Ordre du jour", "fr")
    spanish = pdf_file("orden-del-dia.pdf", "Orden del día", "es")

    sign_in_page(page, staff_accounts["editor"], lang="en")
    page.goto(f"/en/manage/events/{meeting.slug}/documents/")
    page.get_by_role("link", name="Add a document").click()
    page.locator("#title-en").fill("Agenda")
    page.locator("#title-fr").fill("Ordre du jour")
    page.locator("#title-es").fill("Orden del día")
    page.get_by_label("Category").select_option("agenda")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("Document added.")
    document_id = re.search(r"/documents/(\d+)/upload$", page.url).group(1)

    page.get_by_role("combobox", name="Language").select_option("fr")
    page.get_by_label("File").set_input_files(french)
    page.get_by_role("button", name="Upload").click()
    expect(page.get_by_role("status")).to_contain_text("Version uploaded.")

    # The matrix says Spanish is missing; its "Upload" link chooses Spanish.
    matrix = page.locator("table.matrix")
    expect(matrix.locator("tbody th")).to_have_text(["Agenda"])
    expect(matrix.locator("tbody td")).to_have_text(
        ["Missing · Upload", "✓ PDF", "Missing · Upload"]
    )
    expect(page.locator(".coverage")).to_contain_text("1 document has no version in Spanish.")
    matrix.locator("tbody tr td").nth(2).get_by_role("link", name="Upload").click()
    expect(page.get_by_role("combobox", name="Language")).to_have_value("es")
    page.get_by_label("File").set_input_files(spanish)
    page.get_by_role("button", name="Upload").click()
    expect(page.get_by_role("status")).to_contain_text("Version uploaded.")
    expect(page.locator(".coverage")).to_contain_text("Every document has a version in Spanish.")
    expect(page.locator(f"#document-{document_id}").locator("..")).to_contain_text(
        "orden-del-dia.pdf"
    )

    page.goto(f"/es/events/{meeting.slug}/")
    documents = page.locator("section[aria-labelledby=documents]")
    expect(documents).to_contain_text("Orden del día (francés | español)")
    for language, name, sent in (("fr", "francés", french), ("es", "español", spanish)):
        link = documents.get_by_role("link", name=name, exact=True)
        expect(link).to_have_attribute("hreflang", language)
        expect(link).to_have_attribute("type", "application/pdf")
        href = link.get_attribute("href")
        assert href == f"/es/events/{meeting.slug}/documents/{document_id}/{language}"
        download = page.request.get(href)
        assert download.ok
        assert download.headers["content-type"] == "application/pdf"
        assert download.body() == sent["buffer"]

    # A reader's click saves the file under its readable name.
    with page.expect_download() as clicked:
        documents.get_by_role("link", name="español", exact=True).click()
    saved = clicked.value
    assert saved.suggested_filename == f"{meeting.slug}_orden-del-día_es.pdf"
    assert Path(saved.path()).read_bytes() == spanish["buffer"]
