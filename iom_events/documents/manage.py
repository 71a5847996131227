"""Meeting documents and their language versions, for staff.

Staff describe a document, then upload it one language at a time. Uploading a language again
replaces the current version; the replaced one stays in the history, downloadable here only.
A matrix shows which documents still lack one of IOM's official languages.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import abort, current_app, flash, redirect, render_template, request, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import contains_eager, joinedload, selectinload

from iom_events import editing
from iom_events.accounts.auth import manage_blueprint
from iom_events.documents import queries, service
from iom_events.documents.forms import DocumentForm, UploadForm
from iom_events.documents.models import Document, DocumentFile
from iom_events.documents.storage import blob_store
from iom_events.events import staff
from iom_events.events.models import Event
from iom_events.extensions import db
from iom_events.i18n import official_rank
from iom_events.settings import LANGUAGES

bp = manage_blueprint("manage_documents", __name__, "/events/<slug>/documents")


def _document_or_404(event: Event, document_id: int) -> Document:
    """A document of this meeting; another meeting's, or one in the trash, is not found."""
    statement = select(Document).where(Document.id == document_id, Document.event_id == event.id)
    return db.session.scalar(statement) or abort(404)


def _version_or_404(event: Event, file_id: int) -> DocumentFile:
    """Any version (replaced ones too) of a document of this meeting, not one in the trash."""
    statement = (
        select(DocumentFile)
        .join(DocumentFile.document)
        .where(DocumentFile.id == file_id, Document.event_id == event.id)
        .options(contains_eager(DocumentFile.document))
    )
    return db.session.scalar(statement) or abort(404)


def after_last(documents: list[Document]) -> int:
    """The position that puts a new document after the others."""
    return max((document.position for document in documents), default=-1) + 1


@dataclass(frozen=True)
class Coverage:
    """Which of the official languages each document has a current version in."""

    rows: list[tuple[Document, dict[str, DocumentFile | None]]]
    missing: dict[str, int]
    """For each official language, how many documents have no version in it."""


def official_coverage(documents: list[Document]) -> Coverage:
    rows = []
    for document in documents:
        by_language = {file.language: file for file in document.files}
        rows.append((document, {lang: by_language.get(lang) for lang in LANGUAGES}))
    missing = {lang: sum(1 for _, files in rows if files[lang] is None) for lang in LANGUAGES}
    return Coverage(rows, missing)


@bp.get("/")
def index(slug: str):
    event = staff.meeting_or_404(slug)
    # Every document with its delegation and current versions: two queries, whatever the count.
    statement = (
        select(Document)
        .where(Document.event_id == event.id)
        .options(joinedload(Document.delegation), selectinload(Document.files))
        .order_by(Document.position, Document.id)
    )
    documents = list(db.session.scalars(statement).unique())
    return render_template(
        "manage/documents/index.html",
        event=event,
        documents=documents,
        coverage=official_coverage(documents),
        official_languages=LANGUAGES,
    )


# --- documents ---------------------------------------------------------------------------------


def _form(event: Event, document: Document | None = None) -> DocumentForm:
    form = DocumentForm(obj=document)
    form.prepare(event.delegations, event.original_language, after_last(event.documents))
    return form


def _form_page(form, event, document=None, conflict=None):
    status = 409 if conflict else (400 if form.errors else 200)
    return render_template(
        "manage/documents/form.html",
        form=form,
        event=event,
        document=document,
        conflict=conflict,
    ), status


@bp.route("/new", methods=["GET", "POST"])
def new(slug: str):
    event = staff.meeting_or_404(slug)
    form = _form(event)
    if form.validate_on_submit():
        document = Document(event_id=event.id)
        editing.save(form, document)  # a new record has nothing to conflict with
        flash(_("Document added. Now upload its language versions."))
        return redirect(url_for(".upload", slug=slug, document_id=document.id), 303)
    return _form_page(form, event)


@bp.route("/<int:document_id>/edit", methods=["GET", "POST"])
def edit(slug: str, document_id: int):
    event = staff.meeting_or_404(slug)
    document = _document_or_404(event, document_id)
    form = _form(event, document)
    conflict = None
    if form.validate_on_submit():
        conflict = editing.save(form, document)
        if conflict is None:
            flash(_("Changes saved."))
            return redirect(url_for(".index", slug=slug, _anchor=f"document-{document.id}"), 303)
    return _form_page(form, event, document, conflict)


@bp.post("/<int:document_id>/remove")
def remove(slug: str, document_id: int):
    event = staff.meeting_or_404(slug)
    document = _document_or_404(event, document_id)
    document.remove()
    if editing.commit_or_conflict(document, editing.submitted_version()):
        flash(_("Someone changed this document meanwhile: check it, then try again."), "error")
    else:
        flash(_("The document and its files are in the trash. An administrator can restore them."))
    return redirect(url_for(".index", slug=slug), 303)


# --- language versions -------------------------------------------------------------------------


@bp.route("/<int:document_id>/upload", methods=["GET", "POST"])
def upload(slug: str, document_id: int):
    event = staff.meeting_or_404(slug)
    document = _document_or_404(event, document_id)
    # "Upload" from a missing language in the matrix chooses that language.
    form = UploadForm(language=request.args.get("language", ""))
    form.prepare(current_app.config["DOCUMENT_LANGUAGES"])
    status = 200
    if form.validate_on_submit():
        language, received = form.language.data, form.file.data
        replacing = bool(service.current_versions(document, language))
        try:
            service.add_version(
                document,
                language,
                service.Upload(received.stream, received.filename or ""),
                blob_store(),
                current_user.id,
            )
        except service.UploadRefused as refused:
            form.file.errors.append(refused.message)
        except IntegrityError:
            # Two uploads in the same language at once: the unique index let one of them in.
            form.file.errors.append(
                _(
                    "Someone uploaded a version in this language at the same moment. "
                    "Check the document's versions, then try again."
                )
            )
            status = 409
        else:
            if replacing:
                flash(_("Version replaced: the previous one stays in the history."))
            else:
                flash(_("Version uploaded."))
            return redirect(url_for(".index", slug=slug, _anchor=f"document-{document.id}"), 303)
    if form.errors and status == 200:
        status = 400
    return render_template(
        "manage/documents/upload.html",
        form=form,
        event=event,
        document=document,
    ), status


@bp.get("/<int:document_id>/versions")
def versions(slug: str, document_id: int):
    event = staff.meeting_or_404(slug)
    document = _document_or_404(event, document_id)
    statement = (
        select(DocumentFile)
        .where(DocumentFile.document_id == document.id)
        .options(joinedload(DocumentFile.uploaded_by))
        .order_by(DocumentFile.uploaded_at.desc(), DocumentFile.id.desc())
    )
    # English, French, Spanish first, as everywhere; the newest first within a language.
    history = sorted(
        db.session.scalars(statement), key=lambda v: (official_rank(v.language), v.language)
    )
    return render_template(
        "manage/documents/versions.html", event=event, document=document, versions=history
    )


@bp.get("/files/<int:file_id>")
def download(slug: str, file_id: int):
    """Any version, the replaced ones too; the public only ever gets the current one."""
    event = staff.meeting_or_404(slug)
    version = _version_or_404(event, file_id)
    path = blob_store().path(version.sha256)
    if not path.is_file():
        abort(404)
    response = send_file(
        path,
        mimetype=version.media_type,
        as_attachment=True,
        download_name=queries.download_name(version),
        conditional=True,
        etag=version.sha256,
        last_modified=version.uploaded_at,
    )
    response.cache_control.private = True  # a replaced version is for staff only
    return response


@bp.post("/files/<int:file_id>/remove")
def remove_version(slug: str, file_id: int):
    event = staff.meeting_or_404(slug)
    version = _version_or_404(event, file_id)
    version.remove()
    db.session.commit()
    flash(_("The version is in the trash. An administrator can restore it."))
    return redirect(url_for(".index", slug=slug, _anchor=f"document-{version.document_id}"), 303)
