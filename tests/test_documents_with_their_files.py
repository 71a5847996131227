"""A new document is described and given its files, one per language, in one form (issue 16's
fewer page loads): saved whole, or not at all. One refused file refuses the document and stores
nothing, not even the good files; what was typed is kept and the page says to choose the files
again (a browser cannot send a file twice)."""

import io
import re
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from iom_events.demo.pdf import title_page
from iom_events.documents import service
from iom_events.documents.models import Document, DocumentFile
from iom_events.extensions import db
from iom_events.translated import Translated

from pages import text_of
from staff import confirm, csrf_token

CREATED = datetime(2030, 1, 1, 9, 0)
AGAIN = "Choose the files again: a browser cannot send a file twice."


@pytest.fixture
def meeting(make_event):
    return make_event(title=Translated(en="Documents with files meeting"))


def pdf(title: str, language: str) -> bytes:
    return title_page(title, "Documents with files meeting", language, CREATED)


def new_document(client, meeting, files: dict[str, tuple[bytes, str]], query: str = "", **fields):
    data = {
        "csrf_token": csrf_token(client, "/en/manage/"),
        "title-en": "Concept note",
        "category": "overview",
        **fields,
    }
    for language, (content, filename) in files.items():
        data[f"file-{language}"] = (io.BytesIO(content), filename)
    return client.post(
        f"/en/manage/events/{meeting.slug}/documents/new{query}",
        data=data,
        content_type="multipart/form-data",
    )


def stored_files(app) -> set[Path]:
    """Every file of the blob store, temporary ones included."""
    return {path for path in Path(app.config["BLOB_DIR"]).rglob("*") if path.is_file()}


def count(app, model) -> int:
    with app.app_context():
        number = db.session.scalar(
            select(func.count()).select_from(model), execution_options={"include_removed": True}
        )
        db.session.remove()
        return number


def documents_of(app, meeting) -> list[Document]:
    with app.app_context():
        documents = list(
            db.session.scalars(select(Document).where(Document.event_id == meeting.id))
        )
        for document in documents:
            document.files  # noqa: B018  (loaded before the session goes)
        db.session.remove()
        return documents


def test_the_form_offers_one_file_per_document_language_and_the_edit_form_none(
    app, editor, meeting
):
    page = editor.get(f"/en/manage/events/{meeting.slug}/documents/new").get_data(as_text=True)
    assert 'enctype="multipart/form-data"' in page
    for language in app.config["DOCUMENT_LANGUAGES"]:
        assert f'name="file-{language}"' in page
    assert "File in French" in text_of(page)

    added = new_document(editor, meeting, {})
    assert added.status_code == 303
    document_id = re.search(r"/documents/(\d+)/upload$", added.location).group(1)  # as before
    edit = editor.get(f"/en/manage/events/{meeting.slug}/documents/{document_id}/edit")
    assert 'name="file-en"' not in edit.get_data(as_text=True)
    assert "multipart" not in edit.get_data(as_text=True)


def test_a_document_and_its_english_and_french_files_are_saved_in_one_go(
    app, client, editor, meeting
):
    english, french = pdf("Concept note", "en"), pdf("Note conceptuelle", "fr")
    response = new_document(
        editor, meeting, {"en": (english, "concept-note.pdf"), "fr": (french, "note.pdf")}
    )
    assert response.status_code == 303
    (document,) = documents_of(app, meeting)
    assert response.location.endswith(f"/documents/#document-{document.id}")
    assert {(f.language, f.original_filename) for f in document.files} == {
        ("en", "concept-note.pdf"),
        ("fr", "note.pdf"),
    }
    listing = editor.get(response.location).get_data(as_text=True)
    assert "Document added with its versions in English and French." in text_of(listing)
    for language, content in (("en", english), ("fr", french)):
        download = client.get(f"/en/events/{meeting.slug}/documents/{document.id}/{language}")
        assert download.status_code == 200
        assert download.data == content


def test_one_refused_file_refuses_the_document_and_stores_nothing_keeping_what_was_typed(
    app, editor, meeting
):
    before_files, before_documents = stored_files(app), count(app, Document)
    before_versions = count(app, DocumentFile)
    response = new_document(
        editor,
        meeting,
        {
            "en": (pdf("Concept note", "en"), "concept-note.pdf"),
            "fr": (b"<html><script>alert(1)</script></html>", "note.pdf"),
            "es": (b"", "nota.pdf"),
        },
        symbol="MC/2281",
    )
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    text = text_of(html)
    assert 'id="file-fr-error"' in html and 'id="file-es-error"' in html  # on their fields
    assert "This kind of file is not accepted" in text
    assert "The file is empty." in text
    assert 'id="file-en-error"' not in html  # the good one is not blamed, only not kept
    assert AGAIN in text
    assert 'value="Concept note"' in html and 'value="MC/2281"' in html
    assert stored_files(app) == before_files  # not the good file either, no temporary file
    assert count(app, Document) == before_documents
    assert count(app, DocumentFile) == before_versions


def test_a_form_error_elsewhere_stores_no_file_and_says_to_choose_them_again(app, editor, meeting):
    before = stored_files(app)
    response = new_document(
        editor, meeting, {"en": (pdf("Concept note", "en"), "note.pdf")}, **{"title-en": ""}
    )
    assert response.status_code == 400
    assert AGAIN in text_of(response.get_data(as_text=True))
    assert stored_files(app) == before
    assert documents_of(app, meeting) == []


def test_an_oversize_file_among_several_refuses_them_all(app, editor, meeting, monkeypatch):
    before = stored_files(app)
    monkeypatch.setitem(app.config, "UPLOAD_MAX_BYTES", 1024 * 1024)
    big = pdf("Annex", "fr") + b"\0" * (1024 * 1024)
    response = new_document(
        editor, meeting, {"en": (pdf("Annex", "en"), "annex.pdf"), "fr": (big, "annexe.pdf")}
    )
    assert response.status_code == 400
    assert "The file is larger than 1 MB." in text_of(response.get_data(as_text=True))
    assert stored_files(app) == before
    assert documents_of(app, meeting) == []


def test_a_save_that_fails_after_the_files_were_checked_leaves_no_file(
    app, editor, meeting, monkeypatch
):
    """The files wait in the store's temporary names until the commit; a failure between the
    checks and the commit (here, attaching them) removes them: no orphan, no half-saved row."""
    before = stored_files(app)

    def broken(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(service, "attach", broken)
    with pytest.raises(RuntimeError):
        new_document(editor, meeting, {"en": (pdf("Concept note", "en"), "note.pdf")})
    assert stored_files(app) == before
    assert documents_of(app, meeting) == []


def test_a_meeting_trashed_meanwhile_keeps_the_input_and_stores_nothing(
    app, admin, editor, meeting
):
    assert confirm(admin, f"/en/manage/events/{meeting.slug}/remove").status_code == 303
    before = stored_files(app)
    response = new_document(editor, meeting, {"en": (pdf("Concept note", "en"), "note.pdf")})
    assert response.status_code == 409
    text = text_of(response.get_data(as_text=True))
    assert "was moved to the trash by admin@iom.test" in text
    assert AGAIN in text
    assert 'value="Concept note"' in response.get_data(as_text=True)
    assert stored_files(app) == before


def test_opened_from_the_meeting_page_saving_leads_back_there(app, editor, meeting):
    show = editor.get(f"/en/manage/events/{meeting.slug}/").get_data(as_text=True)
    assert f"/en/manage/events/{meeting.slug}/documents/new?from=meeting" in show
    files = {"en": (pdf("Agenda", "en"), "agenda.pdf")}
    another = new_document(editor, meeting, files, query="?from=meeting", another="yes")
    assert another.status_code == 303
    assert another.location.endswith("/documents/new?from=meeting")  # the next one, same way
    last = new_document(editor, meeting, files, query="?from=meeting", **{"title-en": "Report"})
    assert last.status_code == 303
    assert last.location.endswith(f"/en/manage/events/{meeting.slug}/")
    assert len(documents_of(app, meeting)) == 2
    # Without files, from the meeting too: back there; the matrix says what is missing.
    bare = new_document(editor, meeting, {}, query="?from=meeting", **{"title-en": "Annex"})
    assert bare.location.endswith(f"/en/manage/events/{meeting.slug}/")
