"""Staff manage a meeting's documents: describe them, upload one file per language, replace and
remove versions; what they upload is what readers download, and what is refused leaves no trace."""

import io
import re
import struct
import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from iom_events.demo.pdf import title_page
from iom_events.documents import service
from iom_events.documents.models import DocumentFile
from iom_events.events.models import EventStatus
from iom_events.extensions import db
from iom_events.translated import Translated

from pages import section, text_of
from staff import confirm, post_form

CREATED = datetime(2030, 1, 1, 9, 0)


@pytest.fixture
def meeting(make_event):
    """A published meeting with no documents yet."""
    return make_event(title=Translated(en="Documents test meeting", fr="Réunion d'essai"))


def pdf(title: str, language: str = "fr") -> bytes:
    return title_page(title, "Documents test meeting", language, CREATED)


def documents_path(meeting, end: str = "") -> str:
    return f"/en/manage/events/{meeting.slug}/documents/{end}"


def public_url(meeting, document_id: int, language: str, lang: str = "en") -> str:
    return f"/{lang}/events/{meeting.slug}/documents/{document_id}/{language}"


def add_document(client, meeting, title: str = "Agenda", **fields):
    data = {"title-en": title, "category": "agenda", **fields}
    return post_form(client, documents_path(meeting, "new"), data, path_for_token="/en/manage/")


def added_id(response) -> int:
    assert response.status_code == 303, response.status_code
    return int(re.search(r"/documents/(\d+)/upload$", response.location).group(1))


def upload(client, meeting, document_id: int, language: str, content: bytes, filename: str):
    return post_form(
        client,
        documents_path(meeting, f"{document_id}/upload"),
        {"language": language, "file": (io.BytesIO(content), filename)},
        path_for_token="/en/manage/",
        content_type="multipart/form-data",
    )


def uploaded(client, meeting, document_id: int, language: str, content: bytes, filename: str):
    response = upload(client, meeting, document_id, language, content, filename)
    assert response.status_code == 303, text_of(response.get_data(as_text=True))
    return response


def stored_files(app) -> set[Path]:
    return {path for path in Path(app.config["BLOB_DIR"]).rglob("*") if path.is_file()}


def versions_of(app, document_id: int) -> int:
    """Every version row of the document, those in the trash included."""
    with app.app_context():
        count = db.session.scalar(
            select(func.count())
            .select_from(DocumentFile)
            .where(DocumentFile.document_id == document_id),
            execution_options={"include_removed": True},
        )
        db.session.remove()
        return count


def staff_download_links(html: str) -> list[str]:
    return re.findall(r'href="(/en/manage/events/[^"]+/documents/files/\d+)"', html)


def test_an_uploaded_pdf_is_downloaded_by_the_public_byte_for_byte(client, editor, meeting):
    document_id = added_id(
        add_document(editor, meeting, "Agenda", **{"title-fr": "Ordre du jour", "symbol": "MC/1"})
    )
    content = pdf("Ordre du jour")
    response = uploaded(editor, meeting, document_id, "fr", content, "ordre du jour.pdf")
    assert "Version uploaded." in text_of(editor.get(response.location).get_data(as_text=True))

    download = client.get(public_url(meeting, document_id, "fr"))
    assert download.status_code == 200
    assert download.mimetype == "application/pdf"
    assert download.data == content
    assert download.headers["Content-Disposition"].startswith("attachment")

    staff_page = text_of(editor.get(documents_path(meeting)).get_data(as_text=True))
    assert "Agenda Agenda · MC/1" in staff_page  # the title, then its category and symbol
    assert "French ordre du jour.pdf PDF" in staff_page


def test_replacing_a_version_keeps_the_old_one_for_staff_only(client, editor, meeting):
    document_id = added_id(add_document(editor, meeting, "Final report"))
    first, second = pdf("Rapport final"), pdf("Rapport final révisé")
    uploaded(editor, meeting, document_id, "fr", first, "rapport.pdf")
    response = uploaded(editor, meeting, document_id, "fr", second, "rapport-revise.pdf")
    assert "Version replaced: the previous one stays in the history." in text_of(
        editor.get(response.location).get_data(as_text=True)
    )

    assert client.get(public_url(meeting, document_id, "fr")).data == second

    history = editor.get(documents_path(meeting, f"{document_id}/versions"))
    assert history.status_code == 200
    page = text_of(history.get_data(as_text=True))
    assert "rapport.pdf" in page and "rapport-revise.pdf" in page
    assert "Replaced on" in page and "Current" in page
    assert "editor@iom.test" in page
    downloads = {editor.get(link).data for link in staff_download_links(history.get_data(True))}
    assert downloads == {first, second}
    assert client.get(staff_download_links(history.get_data(True))[0]).status_code == 302


@pytest.mark.parametrize(
    ("filename", "content", "detected"),
    [
        (
            "agenda.pdf",
            b"<!DOCTYPE html><html><head><title>Agenda</title></head>"
            b"<body><p>Agenda</p><script>alert(1)</script></body></html>",
            "This file is a web page",
        ),
        (
            "logo.svg",
            b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10"'
            b' height="10"><script>alert(1)</script></svg>',
            "This file is an image",
        ),
        ("report.pdf", Path("/bin/ls").read_bytes(), "This file is an executable program"),
        ("setup.docx", "portable executable", "This file is an executable program (.exe)"),
        ("documents.pdf", "zip", "This file is a compressed archive"),
    ],
    ids=["html-as-pdf", "svg-with-script", "elf-executable", "windows-executable", "zip"],
)
def test_unwanted_files_are_refused_naming_their_kind_and_nothing_is_stored(
    app, client, editor, meeting, filename, content, detected
):
    content = {"portable executable": windows_executable(), "zip": zip_archive()}.get(
        content, content
    )
    document_id = added_id(add_document(editor, meeting, "Agenda"))
    before = stored_files(app)
    response = upload(editor, meeting, document_id, "fr", content, filename)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "This kind of file is not accepted" in text_of(html)
    assert detected in text_of(html)
    assert "application/" not in text_of(html) and "image/" not in text_of(html)
    assert 'id="file-error"' in html  # the message is on the file field
    assert stored_files(app) == before
    assert versions_of(app, document_id) == 0
    assert client.get(public_url(meeting, document_id, "fr")).status_code == 404


def windows_executable() -> bytes:
    """The start of a PE file: "MZ", the offset of the PE header, the header of an i386 .exe."""
    image = bytearray(512)
    image[0:2] = b"MZ"
    struct.pack_into("<I", image, 0x3C, 0x80)
    image[0x80:0x84] = b"PE\0\0"
    struct.pack_into("<HH", image, 0x84, 0x14C, 1)  # machine i386, one section
    struct.pack_into("<HH", image, 0x94, 0xE0, 0x0102)  # optional header size, executable
    struct.pack_into("<H", image, 0x98, 0x10B)  # PE32
    return bytes(image)


def zip_archive() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("agenda.pdf", pdf("Ordre du jour"))
    return buffer.getvalue()


def test_an_oversize_file_is_refused_with_the_limit_and_nothing_is_stored(app, editor, meeting):
    document_id = added_id(add_document(editor, meeting, "Agenda"))
    before = stored_files(app)
    limit = app.config["UPLOAD_MAX_BYTES"]
    app.config["UPLOAD_MAX_BYTES"] = 1024 * 1024
    try:
        content = pdf("Ordre du jour") + b"\0" * (1024 * 1024)
        response = upload(editor, meeting, document_id, "fr", content, "big.pdf")
    finally:
        app.config["UPLOAD_MAX_BYTES"] = limit
    assert response.status_code == 400
    assert "The file is larger than 1 MB." in text_of(response.get_data(as_text=True))
    assert stored_files(app) == before
    assert versions_of(app, document_id) == 0


def test_an_upload_needs_a_file_and_a_configured_language(app, editor, meeting):
    document_id = added_id(add_document(editor, meeting, "Agenda"))
    form = editor.get(documents_path(meeting, f"{document_id}/upload")).get_data(as_text=True)
    assert 'enctype="multipart/form-data"' in form
    assert '<option value="pt">Portuguese</option>' in form  # the configured languages
    missing = post_form(
        editor,
        documents_path(meeting, f"{document_id}/upload"),
        {"language": "fr"},
        path_for_token="/en/manage/",
    )
    assert missing.status_code == 400
    assert "Choose the file to upload." in text_of(missing.get_data(as_text=True))
    unknown = upload(editor, meeting, document_id, "xx", pdf("Agenda"), "agenda.pdf")
    assert unknown.status_code == 400
    assert versions_of(app, document_id) == 0


def test_two_uploads_in_one_language_at_once_the_second_is_asked_to_try_again(
    app, client, editor, meeting, monkeypatch
):
    document_id = added_id(add_document(editor, meeting, "Agenda"))
    first = pdf("Ordre du jour")
    uploaded(editor, meeting, document_id, "fr", first, "first.pdf")
    before = stored_files(app)
    # The second upload does not see the first one yet, as when both run at the same moment:
    # the database's unique index on the current version refuses it.
    monkeypatch.setattr(service, "current_versions", lambda document, language: [])
    response = upload(editor, meeting, document_id, "fr", pdf("Ordre du jour (2)"), "second.pdf")
    assert response.status_code == 409
    assert "Someone uploaded a version in this language at the same moment." in text_of(
        response.get_data(as_text=True)
    )
    assert stored_files(app) == before  # the second file was not left behind
    assert versions_of(app, document_id) == 1
    assert client.get(public_url(meeting, document_id, "fr")).data == first


def test_the_matrix_shows_which_official_languages_are_missing(editor, meeting):
    agenda = added_id(add_document(editor, meeting, "Agenda"))
    report = added_id(add_document(editor, meeting, "Final report", category="report"))
    for language in ("en", "fr"):
        uploaded(editor, meeting, agenda, language, pdf("Agenda", language), f"{language}.pdf")
    uploaded(editor, meeting, report, "en", pdf("Final report", "en"), "report.pdf")

    html = editor.get(documents_path(meeting)).get_data(as_text=True)
    page = text_of(html)
    assert "Every document has a version in English." in page
    assert "1 document has no version in French." in page
    assert "2 documents have no version in Spanish." in page
    matrix = re.search(r'<table class="listing matrix">.*?</table>', html, re.DOTALL).group(0)
    assert "Document English French Spanish" in text_of(matrix)
    assert "Agenda ✓ PDF ✓ PDF Missing · Upload" in text_of(matrix)
    assert "Final report ✓ PDF Missing · Upload Missing · Upload" in text_of(matrix)
    assert f"/documents/{report}/upload?language=es" in matrix


def test_a_removed_version_leaves_the_public_page_and_the_admin_restores_it(
    app, client, editor, admin, meeting
):
    document_id = added_id(add_document(editor, meeting, "Agenda", **{"title-fr": "Ordre du jour"}))
    uploaded(editor, meeting, document_id, "fr", pdf("Ordre du jour"), "odj.pdf")
    uploaded(editor, meeting, document_id, "es", pdf("Orden del día", "es"), "odd.pdf")
    staff_page = editor.get(documents_path(meeting)).get_data(as_text=True)
    french = re.search(r'id="file-(\d+)">\s*<td>French</td>', staff_page).group(1)

    response = post_form(
        editor, documents_path(meeting, f"files/{french}/remove"), {}, "/en/manage/"
    )
    assert response.status_code == 303
    assert "The version is in the trash." in editor.get(response.location).get_data(as_text=True)
    assert client.get(public_url(meeting, document_id, "fr")).status_code == 404
    documents = text_of(
        section(client.get(f"/en/events/{meeting.slug}/").get_data(True), "documents")
    )
    assert "Spanish" in documents and "French" not in documents
    assert versions_of(app, document_id) == 2  # in the trash, not deleted

    assert f"/trash/document_file/{french}/restore" in admin.get("/en/manage/trash/").get_data(True)
    restored = post_form(
        admin, f"/en/manage/trash/document_file/{french}/restore", {}, "/en/manage/trash/"
    )
    assert restored.status_code == 303
    assert client.get(public_url(meeting, document_id, "fr")).data == pdf("Ordre du jour")
    documents = text_of(
        section(client.get(f"/en/events/{meeting.slug}/").get_data(True), "documents")
    )
    assert "French" in documents


def test_a_draft_meetings_documents_are_not_public(client, editor, make_event):
    draft = make_event(status=EventStatus.DRAFT)
    document_id = added_id(add_document(editor, draft, "Agenda"))
    uploaded(editor, draft, document_id, "fr", pdf("Ordre du jour"), "odj.pdf")
    assert client.get(public_url(draft, document_id, "fr")).status_code == 404
    links = staff_download_links(editor.get(documents_path(draft)).get_data(as_text=True))
    assert editor.get(links[0]).data == pdf("Ordre du jour")  # staff still get it


def test_two_people_editing_a_document_get_a_conflict_not_an_overwrite(editor, admin, meeting):
    document_id = added_id(add_document(editor, meeting, "Agenda"))
    path = documents_path(meeting, f"{document_id}/edit")
    form = editor.get(path).get_data(as_text=True)
    version = re.search(r'name="version" type="hidden" value="(\d+)"', form).group(1)
    common = {"version": version, "category": "agenda"}
    first = post_form(
        editor, path, {**common, "title-en": "Agenda", "symbol": "MC/2281"}, "/en/manage/"
    )
    assert first.status_code == 303
    second = post_form(admin, path, {**common, "title-en": "Provisional agenda"}, "/en/manage/")
    assert second.status_code == 409
    html = second.get_data(as_text=True)
    assert "Someone else changed this while you were editing" in html
    assert "MC/2281" in text_of(html)  # what the editor changed
    assert 'value="Provisional agenda"' in html  # the admin's input is kept
    page = text_of(admin.get(documents_path(meeting)).get_data(as_text=True))
    assert "MC/2281" in page and "Provisional agenda" not in page


def test_a_document_needs_a_title_and_keeps_the_input(editor, meeting):
    response = add_document(editor, meeting, "", **{"symbol": "MC/2281", "category": "report"})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "Enter this in at least one language." in text_of(html)
    assert 'value="MC/2281"' in html
    assert '<option selected value="report">' in html


def test_a_removed_document_leaves_the_staff_and_public_pages(app, client, editor, meeting):
    document_id = added_id(add_document(editor, meeting, "Background note"))
    uploaded(editor, meeting, document_id, "en", pdf("Background note", "en"), "note.pdf")
    form = editor.get(documents_path(meeting)).get_data(as_text=True)
    remove = re.search(
        rf'action="[^"]*/documents/{document_id}/remove".*?name="version" value="(\d+)"',
        form,
        re.DOTALL,
    )
    response = post_form(
        editor,
        documents_path(meeting, f"{document_id}/remove"),
        {"version": remove.group(1)},
        "/en/manage/",
    )
    assert response.status_code == 303
    assert "Background note" not in text_of(editor.get(documents_path(meeting)).get_data(True))
    assert client.get(public_url(meeting, document_id, "en")).status_code == 404
    assert editor.get(documents_path(meeting, f"{document_id}/edit")).status_code == 404


def test_another_meetings_document_or_version_is_not_found(editor, meeting, make_event):
    other = make_event()
    document_id = added_id(add_document(editor, meeting, "Agenda"))
    uploaded(editor, meeting, document_id, "en", pdf("Agenda", "en"), "agenda.pdf")
    file_id = staff_download_links(editor.get(documents_path(meeting)).get_data(True))[0]
    file_id = file_id.rsplit("/", 1)[1]
    assert editor.get(documents_path(other, f"{document_id}/edit")).status_code == 404
    assert editor.get(documents_path(other, f"{document_id}/versions")).status_code == 404
    assert editor.get(documents_path(other, f"files/{file_id}")).status_code == 404
    assert upload(editor, other, document_id, "fr", pdf("Agenda"), "a.pdf").status_code == 404
    remove = post_form(editor, documents_path(other, f"files/{file_id}/remove"), {}, "/en/manage/")
    assert remove.status_code == 404
    assert editor.get("/en/manage/events/no-such-meeting/documents/").status_code == 404


def test_a_version_a_colleague_uploaded_after_the_page_opened_is_named_when_replaced(
    app, editor, admin, meeting
):
    """Nothing is lost (the replaced version stays in the history), but nothing is replaced
    silently either: the uploader learns whose version their file replaced."""
    document_id = added_id(add_document(editor, meeting, "Agenda"))
    page = editor.get(documents_path(meeting, f"{document_id}/upload")).get_data(as_text=True)
    fields = dict(re.findall(r'<input[^>]*name="(csrf_token|seen)"[^>]*value="([^"]*)"', page))
    uploaded(admin, meeting, document_id, "en", pdf("Theirs", "en"), "theirs.pdf")

    response = editor.post(
        documents_path(meeting, f"{document_id}/upload"),
        data={**fields, "language": "en", "file": (io.BytesIO(pdf("Mine", "en")), "mine.pdf")},
        content_type="multipart/form-data",
        follow_redirects=True,
    )

    text = text_of(response.get_data(as_text=True))
    assert "Your file replaced the version admin@iom.test uploaded at" in text
    assert "theirs stays in the version history" in text


def test_uploading_to_a_document_trashed_meanwhile_says_who_and_can_restore_it(
    app, admin, editor, meeting
):
    document_id = added_id(add_document(editor, meeting, "Agenda"))
    page = documents_path(meeting, f"{document_id}/upload")
    fields = dict(
        re.findall(
            r'<input[^>]*name="(csrf_token|seen)"[^>]*value="([^"]*)"',
            admin.get(page).get_data(as_text=True),
        )
    )
    assert confirm(editor, documents_path(meeting, f"{document_id}/remove")).status_code == 303

    refused = admin.post(
        page,
        data={**fields, "language": "en", "file": (io.BytesIO(pdf("Mine", "en")), "mine.pdf")},
        content_type="multipart/form-data",
    )
    assert refused.status_code == 409
    text = text_of(refused.get_data(as_text=True))
    assert "This document was moved to the trash by editor@iom.test" in text
    assert "Restore and upload" in text
    assert versions_of(app, document_id) == 0

    restored = admin.post(
        page,
        data={
            **fields,
            "language": "en",
            "restore": "yes",
            "file": (io.BytesIO(pdf("Mine", "en")), "mine.pdf"),
        },
        content_type="multipart/form-data",
    )
    assert restored.status_code == 303, text_of(restored.get_data(as_text=True))
    assert versions_of(app, document_id) == 1
    assert admin.get(page).status_code == 200  # out of the trash


# --- a document generated from the meeting's data takes no file ------------------------------


def generated_agenda(client, meeting) -> int:
    """A document made the meeting's generated provisional agenda; its id."""
    response = add_document(client, meeting, "Programme", category="agenda", generated="AGENDA")
    assert response.status_code == 303, text_of(response.get_data(as_text=True))
    return int(response.location.rpartition("-")[2])


def test_staff_pages_of_a_generated_document_link_its_pdfs_and_offer_no_upload(editor, meeting):
    document_id = generated_agenda(editor, meeting)
    said = "This document is generated from the meeting’s data"
    pdfs = [f'href="/{lang}/events/{meeting.slug}/agenda.pdf"' for lang in ("en", "fr", "es")]

    html = editor.get(documents_path(meeting)).get_data(as_text=True)
    entry = re.search(
        rf'<section aria-labelledby="document-{document_id}".*?</section>', html, re.DOTALL
    ).group(0)
    assert said in text_of(entry)
    assert "Generated PDFs: English | French | Spanish" in text_of(entry)
    assert all(link in entry for link in pdfs)
    assert "Upload a version" not in text_of(entry) and "No version uploaded" not in entry
    assert f"/documents/{document_id}/upload" not in html  # nor from the matrix
    page = text_of(html)
    for language in ("English", "French", "Spanish"):
        assert f"Every document has a version in {language}." in page
    matrix = re.search(r'<table class="listing matrix">.*?</table>', html, re.DOTALL).group(0)
    assert "Programme ✓ PDF · generated ✓ PDF · generated ✓ PDF · generated" in text_of(matrix)

    for end in (f"{document_id}/upload", f"{document_id}/versions"):
        html = editor.get(documents_path(meeting, end)).get_data(as_text=True)
        assert said in text_of(html)
        assert all(link in html for link in pdfs)
        assert 'type="file"' not in html
        assert f'href="{documents_path(meeting, f"{document_id}/upload")}' not in html
        assert "No version uploaded" not in html


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("en", "Nothing was uploaded: this document’s language versions are generated"),
        ("fr", "Aucun fichier n’a été téléversé : les versions linguistiques de ce document"),
    ],
)
def test_a_crafted_upload_to_a_generated_document_is_refused_and_changes_nothing(
    app, client, editor, meeting, lang, message
):
    document_id = generated_agenda(editor, meeting)
    before = stored_files(app)
    response = post_form(
        editor,
        f"/{lang}/manage/events/{meeting.slug}/documents/{document_id}/upload",
        {"language": "fr", "file": (io.BytesIO(pdf("Ordre du jour")), "ordre.pdf")},
        path_for_token=f"/{lang}/manage/",
        content_type="multipart/form-data",
    )
    assert response.status_code == 409
    page = text_of(response.get_data(as_text=True)).replace("\u202f", " ").replace("\u00a0", " ")
    assert message in page
    assert versions_of(app, document_id) == 0
    assert stored_files(app) == before
    # The public still gets the generated PDF in French.
    public = client.get(public_url(meeting, document_id, "fr"))
    assert public.status_code == 302
    assert public.location.endswith(f"/fr/events/{meeting.slug}/agenda.pdf")


def test_a_new_generated_document_sent_with_a_file_is_refused_whole(app, editor, meeting):
    before = stored_files(app)
    response = post_form(
        editor,
        documents_path(meeting, "new"),
        {
            "title-en": "Programme",
            "category": "agenda",
            "generated": "AGENDA",
            "file-fr": (io.BytesIO(pdf("Ordre du jour")), "ordre.pdf"),
        },
        path_for_token="/en/manage/",
        content_type="multipart/form-data",
    )
    assert response.status_code in (400, 409, 422)
    page = text_of(response.get_data(as_text=True))
    assert "A document generated from the meeting’s data takes no file" in page
    assert 'value="Programme"' in response.get_data(as_text=True)  # what was typed is kept
    assert "Programme" not in text_of(editor.get(documents_path(meeting)).get_data(as_text=True))
    assert stored_files(app) == before
