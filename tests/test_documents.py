"""Meeting documents: downloads as browsers and clients expect them, zips, a clean blob store."""

import hashlib
import io
import os
import re
import time
import zipfile
from pathlib import Path
from urllib.parse import unquote

import pytest
from sqlalchemy import select

from iom_events.demo.pdf import title_page
from iom_events.documents import service
from iom_events.documents.models import Document, DocumentCategory, DocumentFile
from iom_events.documents.storage import blob_store
from iom_events.documents.sweep import check_store
from iom_events.events.models import Event, EventStatus
from iom_events.extensions import db
from iom_events.translated import Translated

from pages import section, text_of
from staff import confirm


def rcp_document(app, title_en: str) -> tuple[int, DocumentFile]:
    with app.app_context():
        event = db.session.scalar(select(Event).where(Event.slug == "rcp-bangkok-2009"))
        document = next(d for d in event.documents if d.title["en"] == title_en)
        version = document.files[0]
        db.session.expunge_all()
        return document.id, version


def test_download_gives_the_exact_bytes_with_a_readable_name(app, client):
    document_id, _ = rcp_document(app, "Contribution of MIDWA")
    response = client.get(f"/fr/events/rcp-bangkok-2009/documents/{document_id}/fr")
    assert response.status_code == 200
    with app.app_context():
        assert (
            response.data
            == blob_store()
            .path(
                next(
                    v.sha256
                    for v in db.session.scalars(
                        select(DocumentFile).where(
                            DocumentFile.document_id == document_id, DocumentFile.language == "fr"
                        )
                    )
                )
            )
            .read_bytes()
        )
    assert response.mimetype == "application/pdf"
    assert response.headers["Content-Length"] == str(len(response.data))
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Content-Disposition"] == (
        "attachment; filename=rcp-bangkok-2009_contribution-du-midwa_fr.pdf"
    )
    assert response.data.startswith(b"%PDF-")


def test_non_ascii_names_come_back_in_rfc_6266_form(app, client):
    document_id, _ = rcp_document(app, "Contribution of the Söderköping Process")
    response = client.get(f"/en/events/rcp-bangkok-2009/documents/{document_id}/en")
    disposition = response.headers["Content-Disposition"]
    assert "filename=rcp-bangkok-2009_contribution-of-the-soderkoping-process_en.pdf" in disposition
    encoded = re.search(r"filename\*=UTF-8''(\S+)", disposition).group(1)
    assert unquote(encoded) == "rcp-bangkok-2009_contribution-of-the-söderköping-process_en.pdf"


def test_conditional_and_range_requests(app, client):
    document_id, version = rcp_document(app, "Final report")
    url = f"/en/events/rcp-bangkok-2009/documents/{document_id}/en"
    first = client.get(url)
    assert first.headers["ETag"] == f'"{version.sha256}"'
    assert client.get(url, headers={"If-None-Match": first.headers["ETag"]}).status_code == 304
    partial = client.get(url, headers={"Range": "bytes=0-7"})
    assert partial.status_code == 206
    assert partial.data == first.data[:8]
    assert partial.headers["Content-Range"] == f"bytes 0-7/{len(first.data)}"
    resumed = client.get(url, headers={"Range": "bytes=8-", "If-Range": first.headers["ETag"]})
    assert resumed.status_code == 206 and first.data[:8] + resumed.data == first.data


def test_a_download_is_validated_by_its_content_never_by_a_date(app, client):
    """The address serves the current version, and an older one can become current again (a
    restore): a client revalidating by date alone must get the bytes, not a 304."""
    document_id, _ = rcp_document(app, "Final report")
    url = f"/en/events/rcp-bangkok-2009/documents/{document_id}/en"
    first = client.get(url)
    assert "Last-Modified" not in first.headers
    response = client.get(url, headers={"If-Modified-Since": "Fri, 01 Jan 2100 00:00:00 GMT"})
    assert response.status_code == 200 and response.data == first.data


@pytest.mark.parametrize(
    "path",
    [
        "/en/events/rcp-bangkok-2009/documents/999999/en",
        "/en/events/rcp-bangkok-2009/documents/{midwa}/de",  # no German version
        "/en/events/rcp-bangkok-2009/documents/{midwa}/es",  # no Spanish version
        "/en/events/bapa40-buenos-aires-2019/documents/{midwa}/en",  # another meeting's id
        "/en/events/rcp-bangkok-2009/documents/de.zip",
    ],
)
def test_unknown_documents_are_not_found(app, client, path):
    document_id, _ = rcp_document(app, "Contribution of MIDWA")
    assert client.get(path.format(midwa=document_id)).status_code == 404


def test_a_draft_meetings_documents_are_not_public(app, client, make_event):
    event = make_event(status=EventStatus.DRAFT)
    with app.app_context():
        document = Document(
            event_id=event.id,
            category=DocumentCategory.AGENDA,
            title=Translated(en="Secret agenda"),
        )
        db.session.add(document)
        db.session.commit()
        service.add_version(
            document,
            "en",
            service.Upload(io.BytesIO(b"plain words\n"), "a.txt"),
            blob_store(),
            None,
        )
        document_id = document.id
    assert client.get(f"/en/events/{event.slug}/documents/{document_id}/en").status_code == 404
    assert client.get(f"/en/events/{event.slug}/documents/en.zip").status_code == 404


def test_all_documents_in_one_language_as_a_zip(app, client):
    response = client.get("/en/events/rcp-bangkok-2009/documents/en.zip")
    assert response.status_code == 200
    assert response.mimetype == "application/zip"
    assert "rcp-bangkok-2009_en.zip" in response.headers["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(response.data))
    assert archive.testzip() is None
    names = archive.namelist()
    # The 12 uploaded, then the provisional agenda (the meeting's "Agenda", generated) and the
    # list of participants, generated from the meeting's data (iom_events/events/official.py).
    assert len(names) == 12 + 2
    assert names[-2:] == [
        "rcp-bangkok-2009_provisional-agenda_en.pdf",
        "rcp-bangkok-2009_list-of-participants_en.pdf",
    ]
    assert "rcp-bangkok-2009_final-report_en.pdf" in names
    assert "rcp-bangkok-2009_contribution-of-the-söderköping-process_en.pdf" in names
    french = zipfile.ZipFile(
        io.BytesIO(client.get("/fr/events/rcp-bangkok-2009/documents/fr.zip").data)
    )
    assert sorted(french.namelist()) == [
        "rcp-bangkok-2009_aperçu-général_fr.pdf",
        "rcp-bangkok-2009_contribution-du-midwa_fr.pdf",
        "rcp-bangkok-2009_liste-des-participants_fr.pdf",
        "rcp-bangkok-2009_ordre-du-jour-provisoire_fr.pdf",
    ]
    assert all(french.read(name).startswith(b"%PDF-") for name in french.namelist())


def test_a_file_missing_from_the_store_is_left_out_of_the_zip_not_cut_into_it(app, client):
    """A blob lost from the store (a disk restored from an old backup): the zip is whole,
    without it, rather than cut short at that file with a traceback in the log."""
    url = "/fr/events/rcp-bangkok-2009/documents/fr.zip"
    with app.app_context():
        sha = db.session.scalar(
            select(DocumentFile.sha256)
            .where(DocumentFile.language == "fr", DocumentFile.original_filename.like("%.pdf"))
            .order_by(DocumentFile.id)
        )
        path = blob_store().path(sha)
    away = path.with_name(path.name + ".away")
    path.rename(away)
    try:
        response = client.get(url)
        assert response.status_code == 200
        archive = zipfile.ZipFile(io.BytesIO(response.data))
        assert archive.testzip() is None and len(archive.namelist()) == 1 + 2  # + generated
    finally:
        away.rename(path)
    assert len(zipfile.ZipFile(io.BytesIO(client.get(url).data)).namelist()) == 2 + 2


def test_public_listing_links_each_language_version(app, client):
    html = client.get("/es/events/rcp-bangkok-2009/").get_data(as_text=True)
    documents = section(html, "documents")
    assert "Informe final (solo en inglés)" in text_of(documents)
    assert "Programa (inglés | francés | español)" in text_of(documents)
    links = re.findall(
        r'<a href="([^"]+)" hreflang="(\w+)" type="application/pdf" download>(\w+)</a>', documents
    )
    assert ("fr", "francés") in {(lang, label) for _, lang, label in links}
    # The agenda (generated: its PDF in each language), the uploaded versions, then the list of
    # participants generated from the data.
    assert len(links) == 3 + 3 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 2 + 1 + 1 + 1 + 3
    for href, _, _ in links[:3]:
        assert client.get(href).status_code == 200
    assert re.search(r"PDF \d+,\d kB", text_of(documents))  # the demo PDFs hold the seed text
    assert 'href="/es/events/rcp-bangkok-2009/documents/en.zip"' in documents


# --- uploads at the service level: what is refused, and what a failure leaves ----------------


def blob_files(app) -> set[Path]:
    return {p for p in Path(app.config["BLOB_DIR"]).rglob("*") if p.is_file()}


@pytest.fixture
def document(app, make_event):
    event = make_event()
    with app.app_context():
        document = Document(
            event_id=event.id, category=DocumentCategory.REPORT, title=Translated(en="Report")
        )
        db.session.add(document)
        db.session.commit()
        yield document


ZIP = io.BytesIO()
with zipfile.ZipFile(ZIP, "w") as _archive:
    _archive.writestr("readme.txt", "hello")


@pytest.mark.parametrize(
    ("content", "detected"),
    [
        (b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>", "text/html"),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "image/svg+xml",
        ),
        (Path("/bin/ls").read_bytes(), "application/x-"),
        (ZIP.getvalue(), "application/zip"),
        (b"", None),
    ],
    ids=["html-as-pdf", "svg-with-script", "executable", "zip", "empty"],
)
def test_unwanted_files_are_refused_and_nothing_is_stored(app, document, content, detected):
    before = blob_files(app)
    with pytest.raises(service.UploadRefused) as refusal:
        service.add_version(
            document, "en", service.Upload(io.BytesIO(content), "report.pdf"), blob_store(), None
        )
    if detected:
        assert detected in str(refusal.value)
    assert blob_files(app) == before
    assert (
        db.session.scalars(
            select(DocumentFile).where(DocumentFile.document_id == document.id)
        ).all()
        == []
    )


def test_an_oversize_file_is_refused(app, document):
    before = blob_files(app)
    app.config["UPLOAD_MAX_BYTES"] = 1024 * 1024
    try:
        big = title_page("Report", "Meeting", "en", document.event.created_at) + b"\n%" * 600_000
        with pytest.raises(service.UploadRefused, match="larger than 1 MB"):
            service.add_version(
                document, "en", service.Upload(io.BytesIO(big), "big.pdf"), blob_store(), None
            )
    finally:
        app.config["UPLOAD_MAX_BYTES"] = 50 * 1024 * 1024
    assert blob_files(app) == before


def test_a_failed_commit_leaves_no_orphan(app, document, monkeypatch):
    content = title_page("A report nobody else has", "Meeting", "en", document.event.created_at)
    orphans_before = check_store(blob_store(), 0).orphans

    def broken_commit():
        raise RuntimeError("the database went away")

    monkeypatch.setattr(db.session, "commit", broken_commit)
    with pytest.raises(RuntimeError):
        service.add_version(
            document, "en", service.Upload(io.BytesIO(content), "r.pdf"), blob_store(), None
        )
    monkeypatch.undo()
    assert not blob_store().exists(hashlib.sha256(content).hexdigest())
    report = check_store(blob_store(), 0)
    assert report.orphans == orphans_before and report.missing == []


def test_emptying_the_trash_deletes_the_files_only_it_held(app, admin, document):
    kept = title_page("Shared", "Meeting", "en", document.event.created_at)
    alone = title_page("Only here", "Meeting", "en", document.event.created_at)
    other = Document(
        event_id=document.event_id,
        category=DocumentCategory.REPORT,
        title=Translated(en="Another report"),
    )
    db.session.add(other)
    db.session.commit()
    service.add_version(other, "en", service.Upload(io.BytesIO(kept), "k.pdf"), blob_store(), None)
    service.add_version(
        document, "en", service.Upload(io.BytesIO(kept), "k.pdf"), blob_store(), None
    )
    service.add_version(
        document, "fr", service.Upload(io.BytesIO(alone), "a.pdf"), blob_store(), None
    )
    document.remove()
    db.session.commit()
    response = confirm(admin, "/en/manage/trash/empty")
    assert response.status_code == 303
    assert not blob_store().exists(hashlib.sha256(alone).hexdigest())
    assert blob_store().exists(hashlib.sha256(kept).hexdigest())  # still used by another document


def test_blobs_check_reports_and_prunes_orphans(app, runner):
    stray = Path(app.config["BLOB_DIR"]) / "ab" / "cd" / ("abcd" + "0" * 60)
    stray.parent.mkdir(parents=True, exist_ok=True)
    stray.write_bytes(b"left behind")
    two_hours_ago = time.time() - 7200
    os.utime(stray, (two_hours_ago, two_hours_ago))
    result = runner.invoke(args=["blobs", "check"])
    assert result.exit_code == 1 and f"orphan: {stray}" in result.output
    result = runner.invoke(args=["blobs", "check", "--prune"])
    assert result.exit_code == 0 and not stray.exists()


def test_the_same_file_twice_is_stored_once(app, document):
    content = title_page("Twice", "Meeting", "en", document.event.created_at)
    first = service.add_version(
        document, "en", service.Upload(io.BytesIO(content), "a.pdf"), blob_store(), None
    )
    before = blob_files(app)
    second = service.add_version(
        document, "fr", service.Upload(io.BytesIO(content), "b.pdf"), blob_store(), None
    )
    assert first.sha256 == second.sha256 and blob_files(app) == before


def test_a_body_far_over_the_limit_gets_a_page_that_says_so(app, editor):
    app.config["MAX_CONTENT_LENGTH"] = 1024
    try:
        response = editor.post(
            "/fr/manage/events/rcp-bangkok-2009/documents/1/upload",
            data={"language": "fr", "file": (io.BytesIO(b"x" * 4096), "big.pdf")},
        )
    finally:
        app.config["MAX_CONTENT_LENGTH"] = 2 * app.config["UPLOAD_MAX_BYTES"]
    assert response.status_code == 413
    page = text_of(response.get_data(as_text=True))
    assert "Fichier trop volumineux" in page and "Rien n’a été enregistré" in page


def test_a_files_history_reads_as_words_in_french(app, editor, document):
    """Its upload time as the locale writes it, its format by name: no ISO stamp, no media
    type, no bookkeeping counter."""
    pdf = title_page("Rapport", "Réunion", "fr", document.event.created_at)
    service.add_version(
        document, "fr", service.Upload(io.BytesIO(pdf), "r.pdf"), blob_store(), None
    )
    slug = document.event.slug
    history = text_of(editor.get(f"/fr/manage/events/{slug}/history").get_data(as_text=True))
    assert "PDF" in history
    assert "application/pdf" not in history
    assert not re.search(r"\d{4}-\d\d-\d\dT\d\d:\d\d", history)
    assert "Content version" not in history and "content_version" not in history


@pytest.fixture
def behind_nginx(app):
    app.config["X_ACCEL_REDIRECT"] = "/_blobs/"
    yield
    app.config["X_ACCEL_REDIRECT"] = None


def test_behind_nginx_a_download_hands_its_bytes_to_nginx_with_the_same_headers(
    app, client, behind_nginx
):
    document_id, version = rcp_document(app, "Contribution of the Söderköping Process")
    url = f"/en/events/rcp-bangkok-2009/documents/{document_id}/en"
    response = client.get(url)
    sha = version.sha256
    assert response.status_code == 200 and response.data == b""
    assert response.headers["X-Accel-Redirect"] == f"/_blobs/{sha[:2]}/{sha[2:4]}/{sha}"
    app.config["X_ACCEL_REDIRECT"] = None
    streamed = client.get(url)
    for name in ("Content-Type", "Content-Disposition", "ETag", "Cache-Control"):
        assert response.headers[name] == streamed.headers[name], name
    assert "Last-Modified" not in response.headers
    app.config["X_ACCEL_REDIRECT"] = "/_blobs/"
    revalidated = client.get(url, headers={"If-None-Match": response.headers["ETag"]})
    assert revalidated.status_code == 304 and "X-Accel-Redirect" not in revalidated.headers


def test_behind_nginx_a_staff_download_keeps_its_date_and_privacy(app, editor, behind_nginx):
    _, version = rcp_document(app, "Final report")
    response = editor.get(f"/en/manage/events/rcp-bangkok-2009/documents/files/{version.id}")
    assert response.status_code == 200 and response.data == b""
    assert response.headers["X-Accel-Redirect"].endswith(f"/{version.sha256}")
    assert response.headers["Cache-Control"] == "no-store"  # a staff page: kept by no cache
    assert response.headers["Last-Modified"]


def test_documents_of_one_title_are_distinct_files_named_by_their_delegation(
    app, client, make_event
):
    """Two statements by two delegations, and two reports by nobody in particular: four files
    in the zip, each download named as in the zip, and the page says whose statement is whose
    (issue 17: "two documents titled “Statement” by two delegations must both survive
    unzipping")."""
    from iom_events.delegations.models import Delegation, DelegationKind

    event = make_event(slug="statements-2031")
    with app.app_context():
        ids = []
        for name, title in (("Ghana", "Statement"), ("Senegal", "Statement"), (None, "Report"),
                            (None, "REPORT")):  # fmt: skip
            delegation = None
            if name:
                delegation = Delegation(
                    event_id=event.id, kind=DelegationKind.MEMBER_STATE, name=Translated(en=name)
                )
                db.session.add(delegation)
            document = Document(
                event_id=event.id,
                category=DocumentCategory.PRESENTATION,
                title=Translated(en=title),
                delegation=delegation,
                position=len(ids),
            )
            db.session.add(document)
            db.session.commit()
            service.add_version(
                document,
                "en",
                service.Upload(io.BytesIO(f"{title} of {name}\n".encode()), "s.txt"),
                blob_store(),
                None,
            )
            ids.append(document.id)
    archive = zipfile.ZipFile(
        io.BytesIO(client.get("/en/events/statements-2031/documents/en.zip").data)
    )
    assert archive.namelist() == [
        "statements-2031_ghana_statement_en.txt",
        "statements-2031_senegal_statement_en.txt",
        "statements-2031_report_en.txt",
        "statements-2031_report-2_en.txt",
        "statements-2031_list-of-participants_en.pdf",  # generated: the meeting has delegations
    ]
    for document_id, name in zip(ids, archive.namelist()[:4], strict=True):
        response = client.get(f"/en/events/statements-2031/documents/{document_id}/en")
        assert response.headers["Content-Disposition"] == f"attachment; filename={name}"
        assert response.data == archive.read(name)
    page = text_of(client.get("/en/events/statements-2031/").get_data(as_text=True))
    assert "Statement — Ghana" in page and "Statement — Senegal" in page


def test_a_drafts_documents_download_for_staff_previewing_it_and_for_nobody_else(
    app, client, editor, make_event
):
    """The preview shows a draft's page as it will be: its download links work for signed-in
    staff, sent to be stored by no cache; the public still gets 404, before and after."""
    event = make_event(status=EventStatus.DRAFT, slug="draft-with-a-file")
    with app.app_context():
        document = Document(
            event_id=event.id, category=DocumentCategory.AGENDA, title=Translated(en="Agenda")
        )
        db.session.add(document)
        db.session.commit()
        service.add_version(
            document,
            "en",
            service.Upload(io.BytesIO(b"draft words\n"), "a.txt"),
            blob_store(),
            None,
        )
        document_id = document.id
    paths = [f"/en/events/draft-with-a-file/documents/{document_id}/en",
             "/en/events/draft-with-a-file/documents/en.zip"]  # fmt: skip
    for path in paths:
        assert client.get(path).status_code == 404
        staff = editor.get(path)
        assert staff.status_code == 200
        assert "no-store" in staff.headers["Cache-Control"]
        assert "private" in staff.headers["Cache-Control"]
        assert "public" not in staff.headers["Cache-Control"].replace("private", "")
        assert client.get(path).status_code == 404
    assert editor.get(paths[0]).data == b"draft words\n"
    preview = editor.get("/en/events/draft-with-a-file/").get_data(as_text=True)
    assert f'href="{paths[0]}"' in preview
