"""Meeting documents on the write side: accepting a file, attaching it, keeping the store clean.

A file is accepted only for what it is, never for what it claims: its type is read from its
content by libmagic (python-magic) and checked against an allowlist. The original file name is
kept for display and never used as a path. The blob is written before the database commit; if
the commit fails, a blob that this upload created and nothing references is deleted again, so a
failed upload leaves no orphan.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import BinaryIO

import magic
from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from iom_events.columns import utcnow
from iom_events.documents.models import FORMATS, Document, DocumentFile
from iom_events.documents.storage import BlobStore, TooLarge
from iom_events.extensions import db

EVERYTHING = {"include_removed": True}


class UploadRefused(ValueError):
    """A file the site does not take; `message` says why, in the reader's language."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def sniff(path) -> str:
    """The media type of a file, read from its content."""
    return magic.from_file(str(path), mime=True)


@dataclass(frozen=True)
class Upload:
    stream: BinaryIO
    filename: str


def add_version(
    document: Document, language: str, upload: Upload, store: BlobStore, user_id: int | None
) -> DocumentFile:
    """Store a file as the current version of `document` in `language`, in one transaction.

    The version it replaces (if any) stays, marked replaced: staff can still download it.
    Raises UploadRefused (nothing stored, nothing changed) for an empty, oversize or unwanted
    file.
    """
    limit = current_app.config["UPLOAD_MAX_BYTES"]
    try:
        with store.receive(upload.stream, limit) as incoming:
            if incoming.size == 0:
                raise UploadRefused(_l("The file is empty."))
            media_type = sniff(incoming.path)
            if media_type not in FORMATS:
                raise UploadRefused(
                    _l(
                        "This kind of file is not accepted (%(type)s). Upload a PDF, Word, "
                        "Excel, PowerPoint, OpenDocument, text, CSV, PNG or JPEG file.",
                        type=media_type,
                    )
                )
            blob = incoming.keep()
    except TooLarge as error:
        raise UploadRefused(
            _l("The file is larger than %(size)s MB.", size=limit // (1024 * 1024))
        ) from error

    now = utcnow()
    for current in current_versions(document, language):
        current.replaced_at = now
    version = DocumentFile(
        document=document,
        language=language,
        sha256=blob.sha256,
        size=blob.size,
        media_type=media_type,
        original_filename=(upload.filename or "")[:255],
        uploaded_by_id=user_id,
        uploaded_at=now,
    )
    db.session.add(version)
    try:
        db.session.commit()
    except BaseException:
        db.session.rollback()
        if blob.created:
            forget_if_unreferenced(blob.sha256, store)
        raise
    return version


def current_versions(document: Document, language: str) -> list[DocumentFile]:
    statement = select(DocumentFile).where(
        DocumentFile.document_id == document.id,
        DocumentFile.language == language,
        DocumentFile.replaced_at.is_(None),
    )
    return list(db.session.scalars(statement))


def forget_if_unreferenced(sha256: str, store: BlobStore) -> None:
    referenced = db.session.scalar(
        select(func.count()).select_from(DocumentFile).where(DocumentFile.sha256 == sha256),
        execution_options=EVERYTHING,
    )
    if not referenced:
        store.delete(sha256)


def restore_version(version: DocumentFile) -> None:
    """Back from the trash: current again, unless a newer version took its place meanwhile."""
    version.restore()
    if version.replaced_at is None:
        newer = db.session.scalar(
            select(DocumentFile).where(
                DocumentFile.document_id == version.document_id,
                DocumentFile.language == version.language,
                DocumentFile.replaced_at.is_(None),
                DocumentFile.id != version.id,
            )
        )
        if newer is not None:
            version.replaced_at = newer.uploaded_at
    db.session.commit()


@dataclass(frozen=True)
class StoreReport:
    orphans: list[str]
    """Files in the store that no version references (or temporary files left by a crash)."""
    missing: list[str]
    """Blobs that versions reference but the store does not have."""


def check_store(store: BlobStore) -> StoreReport:
    referenced = set(
        db.session.scalars(select(DocumentFile.sha256).distinct(), execution_options=EVERYTHING)
    )
    present = {name: path for name, path in store.contents()}
    orphans = sorted(str(path) for name, path in present.items() if name not in referenced)
    missing = sorted(sha for sha in referenced if sha not in present)
    return StoreReport(orphans, missing)
