"""Meeting documents and their language versions, for staff.

Staff describe a new document and choose its files, one per language, in one form; later
versions are uploaded one language at a time. Uploading a language again replaces the current
version; the replaced one stays in the history, downloadable here only. A matrix shows which
documents still lack one of IOM's official languages.
"""

from __future__ import annotations

from contextlib import ExitStack

from babel.lists import format_list
from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import get_locale, ngettext
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import contains_eager, joinedload, selectinload

from iom_events.accounts.auth import manage_blueprint
from iom_events.audit import describe
from iom_events.documents import queries, service
from iom_events.documents.delivery import send_stored_file
from iom_events.documents.forms import DocumentForm, UploadForm
from iom_events.documents.models import Document, DocumentFile
from iom_events.documents.queries import official_coverage
from iom_events.documents.storage import blob_store
from iom_events.editor import (
    Confirmation,
    PartEditor,
    Words,
    confirmation_page,
    removed_notice,
    who_and_when,
)
from iom_events.events import staff
from iom_events.events.models import Event
from iom_events.extensions import db
from iom_events.formatting import language_name, language_order, record_name
from iom_events.settings import LANGUAGES
from iom_events.trash import service as trash

bp = manage_blueprint("manage_documents", __name__, "/events/<slug>/documents")


def _version_or_404(event: Event, file_id: int) -> DocumentFile:
    """Any version (replaced ones too) of a document of this meeting, not one in the trash."""
    statement = (
        select(DocumentFile)
        .join(DocumentFile.document)
        .where(DocumentFile.id == file_id, Document.event_id == event.id)
        .options(contains_eager(DocumentFile.document))
    )
    return db.session.scalar(statement) or abort(404)


class DocumentEditor(PartEditor):
    """What a document is, and for a new one its files, one per language, checked together:
    one refused file refuses the document, nothing half-saved. Later versions are uploaded one
    language at a time (below)."""

    model = Document
    form_class = DocumentForm
    template = "manage/documents/form.html"
    key = "<int:document_id>"
    ordered = True
    groups = (
        (
            None,
            ("title", "category", "symbol", "delegation", "agenda_item", "generated", "position"),
        ),
    )
    words = Words(
        new=_l("New document"),
        edit=_l("Edit document"),
        added=_l("Document added. Now upload its language versions."),
        back=_l("Back to the documents"),
        changed_meanwhile=_l(
            "Someone changed this document in the meantime: check it, then try again."
        ),
        in_trash=_l("The document and its files are in the trash."),
        remove_question=_l("Move the document “%(name)s” and its files to the trash?"),
        remove_consequence=_l(
            "The public will no longer see it or download its files. You or an administrator "
            "can restore it from the trash."
        ),
        trashed_meanwhile=_l("This document was moved to the trash by %(who)s (%(when)s)."),
    )

    accepted: list[service.Accepted] = []
    """The files of a new document, received and checked, waiting for its commit."""

    def new(self):
        # The files received for a new document wait in the store until it is committed
        # (`saved` places them); however the request ends, those not placed are deleted.
        with ExitStack() as self.receiving:
            return super().new()

    def form(self, document):
        if document is None:
            languages = current_app.config["DOCUMENT_LANGUAGES"]
            self.form_class = DocumentForm.with_files(tuple(languages))
        return super().form(document)

    def prepare(self, form, document):
        form.prepare(
            self.event.delegations,
            self.event.original_language,
            self.after_last(self.event.documents),
            self.event.agenda,
        )

    def check(self, form, document) -> bool:
        uploads = {
            language: service.Upload(sent.stream, sent.filename or "")
            for language, sent in form.files().items()
        }
        if not uploads:
            return True
        if form.generated.data:
            form.generated.errors.append(GENERATED_TAKES_NO_FILE)
            return False
        try:
            self.accepted = self.receiving.enter_context(service.received(uploads, blob_store()))
        except service.SomeRefused as refused:
            for language, why in refused.refusals.items():
                form[form.file_fields[language]].errors.append(why.message)
            return False
        return True

    def also(self, form, document):
        if not self.accepted:
            return None
        return lambda: service.attach(document, self.accepted, current_user.id)

    def saved(self, document, *, created: bool) -> None:
        if created and document.generated:
            flash(_("Document added: its language versions are generated from the meeting’s data."))
            return
        if not (created and self.accepted):
            super().saved(document, created=created)
            return
        for accepted in self.accepted:  # committed: the files take their place in the store
            accepted.incoming.publish()
        names = [language_name(accepted.language) for accepted in self.accepted]
        flash(
            ngettext(
                "Document added with its version in %(languages)s.",
                "Document added with its versions in %(languages)s.",
                len(names),
                languages=format_list(names, locale=str(get_locale() or "en")),
            )
        )

    def page(self, form, record, *args, **kwargs):
        # A new document's form shown again after a post was not saved: its files are gone.
        if record is None and request.method == "POST" and form.files():
            flash(
                _(
                    "Nothing was saved, and what you typed is kept. Choose the files again: "
                    "a browser cannot send a file twice."
                ),
                "error",
            )
        return super().page(form, record, *args, **kwargs)

    def saved_url(self, document, *, created: bool = False) -> str:
        if created and self.from_the_meeting():
            return super().saved_url(document, created=created)
        if created and not self.accepted and not document.generated:  # then its files
            return url_for(".upload", slug=self.event.slug, document_id=document.id)
        return url_for(".index", slug=self.event.slug, _anchor=f"document-{document.id}")

    def moved_url(self, document) -> str:
        return url_for(".index", slug=self.event.slug, _anchor=f"document-{document.id}")

    def index(self):
        # Every document with its delegation and current versions: two queries, whatever the count.
        statement = (
            select(Document)
            .where(Document.event_id == self.event.id)
            .options(joinedload(Document.delegation), selectinload(Document.files))
            .order_by(Document.position, Document.id)
        )
        documents = list(db.session.scalars(statement).unique())
        return render_template(
            "manage/documents/index.html",
            event=self.event,
            documents=documents,
            coverage=official_coverage(documents),
            official_languages=LANGUAGES,
        )


DocumentEditor.register(bp)


def _document_or_404(slug: str, document_id: int) -> tuple[Event, Document]:
    """The meeting and one of its documents; another meeting's, or one in the trash, is not
    found."""
    editor = DocumentEditor({"slug": slug, "document_id": document_id})
    return editor.event, editor.find() or abort(404)


# --- language versions -------------------------------------------------------------------------

GENERATED_TAKES_NO_FILE = _l(
    "A document generated from the meeting’s data takes no file: its language versions are the "
    "PDFs made from that data. Leave the files out, or choose “No: its files are uploaded”."
)
GENERATED_REFUSES_UPLOADS = _l(
    "Nothing was uploaded: this document’s language versions are generated from the meeting’s "
    "data, in every language. To publish a file of your own instead, first choose “No: its "
    "files are uploaded” in the document’s form."
)


UPLOAD_HINTS = {
    True: _l(
        "Nothing was uploaded. “Restore and upload” brings the document back from the trash and "
        "uploads your file; choose it again first (a browser cannot send a file twice)."
    ),
    False: _l(
        "Nothing was uploaded. Only an administrator, or the person who moved it to the trash, "
        "can restore it: ask them, then upload your file again."
    ),
    "container": _l(
        "Nothing was uploaded: upload your file again once it is restored from the trash."
    ),
}


@bp.route("/<int:document_id>/upload", methods=["GET", "POST"])
def upload(slug: str, document_id: int):
    editor = DocumentEditor({"slug": slug, "document_id": document_id})
    event, document, trashed, restorable = editor.event, editor.find(), None, True
    hint = None
    if editor.container_trashed is not None and document is not None:
        sentence, meeting = editor.container_trashed
        trashed = sentence % {"name": record_name(meeting), **who_and_when(trash.removal(meeting))}
        restorable, hint = False, UPLOAD_HINTS["container"]
    elif document is None and request.method == "POST":
        # Moved to the trash while this page was open: say who did, or restore it with the
        # upload (one transaction: add_version commits both).
        document = editor.find(with_trash=True) or abort(404)
        restorable = trash.may_restore(current_user, document)
        if request.form.get("restore") == "yes" and restorable:
            trash.bring_back(document)
        else:
            trashed = editor.trashed_message(trash.removal(document))
            hint = UPLOAD_HINTS[restorable]
    if document is None:
        abort(404)
    if document.generated and trashed is None:
        # Its versions come from the data: the page says so and takes no file.
        refused = GENERATED_REFUSES_UPLOADS if request.method == "POST" else None
        return render_template(
            "manage/documents/upload.html",
            form=None,
            event=event,
            document=document,
            refused=refused,
        ), (409 if refused else 200)
    # "Upload" from a missing language in the matrix chooses that language.
    form = UploadForm(language=request.args.get("language", ""))
    form.prepare(current_app.config["DOCUMENT_LANGUAGES"])
    if request.method == "GET":
        form.seen.data = ",".join(str(version.id) for version in document.files)
    status = 200
    if trashed is not None:
        status = 409
    elif form.validate_on_submit():
        language, received = form.language.data, form.file.data
        replaced = service.current_versions(document, language)
        unseen = [v for v in replaced if v.id not in form.seen_ids()]
        replacing = bool(replaced)
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
            for version in unseen:
                flash(
                    _(
                        "Your file replaced the version %(who)s uploaded at %(when)s, after you "
                        "opened the upload page; theirs stays in the version history.",
                        who=describe.who(version.uploaded_by, nobody=_("someone")),
                        when=describe.when(version.uploaded_at),
                    ),
                    "error",
                )
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
        trashed=trashed,
        trashed_hint=hint,
        restorable=restorable,
    ), status


@bp.get("/<int:document_id>/versions")
def versions(slug: str, document_id: int):
    event, document = _document_or_404(slug, document_id)
    statement = (
        select(DocumentFile)
        .where(DocumentFile.document_id == document.id)
        .options(joinedload(DocumentFile.uploaded_by))
        .order_by(DocumentFile.uploaded_at.desc(), DocumentFile.id.desc())
    )
    # English, French, Spanish first, as everywhere; the newest first within a language.
    history = sorted(db.session.scalars(statement), key=lambda v: language_order(v.language))
    return render_template(
        "manage/documents/versions.html", event=event, document=document, versions=history
    )


@bp.get("/files/<int:file_id>")
def download(slug: str, file_id: int):
    """Any version, the replaced ones too; the public only ever gets the current one."""
    event = staff.meeting_or_404(slug)
    version = _version_or_404(event, file_id)
    store = blob_store()
    path = store.path(version.sha256)
    if not path.is_file():
        abort(404)
    response = send_stored_file(
        path,
        store.relative_path(version.sha256),
        mimetype=version.media_type,
        download_name=queries.staff_download_name(version),
        etag=version.sha256,
        last_modified=version.uploaded_at,
    )
    response.cache_control.private = True  # a replaced version is for staff only
    return response


@bp.route("/files/<int:file_id>/remove", methods=["GET", "POST"])
def remove_version(slug: str, file_id: int):
    event = staff.meeting_or_404(slug)
    version = _version_or_404(event, file_id)
    back = url_for(".index", slug=slug, _anchor=f"document-{version.document_id}")
    if request.method == "GET":
        name = record_name(version)
        return confirmation_page(
            Confirmation(
                question=_(
                    "Move the version “%(name)s” (%(file)s) to the trash?",
                    name=name,
                    file=version.original_filename,
                ),
                consequence=_(
                    "The public will no longer download it; if it is the current version, the "
                    "document has none in this language until another is uploaded. You or an "
                    "administrator can restore it from the trash."
                ),
                button=_("Move to the trash"),
                cancel=back,
            )
        )
    version.remove()
    db.session.commit()
    flash(
        removed_notice(
            _("The version is in the trash."),
            version,
            back,
            _("You can restore the version from the trash."),
        )
    )
    return redirect(back, 303)
