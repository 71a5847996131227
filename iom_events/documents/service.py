"""Meeting documents on the write side: accepting a file, attaching it, keeping the store clean.

A file is accepted only for what it is, never for what it claims: its type is read from its
content by libmagic (python-magic) and checked against an allowlist, and a name that says it is
another kind (a text named .pdf) is refused (`misnamed`). The original file name is kept for
display and never used as a path. The file waits in a temporary file of the store and
is placed under its SHA-256 only after the database commit (documents/storage.py): a failed
commit, or a worker killed at any point, leaves no blob that nothing references, and a
temporary file left by a crash is removed by `blobs check --prune` after the grace period.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from typing import BinaryIO

import magic
from babel.lists import format_list
from flask import current_app
from flask_babel import LazyString, get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from iom_events.columns import utcnow
from iom_events.documents import inspection
from iom_events.documents.models import FORMATS, Document, DocumentFile
from iom_events.documents.storage import BlobStore, Incoming, TooLarge
from iom_events.extensions import db

EVERYTHING = {"include_removed": True}


class UploadRefused(ValueError):
    """A file the site does not take; `message` says why, in the reader's language.

    `detail` is for the logs (the media type libmagic read), never shown to staff;
    `media_type` is what the content was read as, when the file was refused for its kind (a
    page taking one kind only says so instead of listing every format documents take)."""

    def __init__(self, message, detail: str = "", media_type: str | None = None):
        super().__init__(f"{message} [{detail}]" if detail else str(message))
        self.message = message
        self.detail = detail
        self.media_type = media_type


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
    file, or one of an accepted format carrying active content (documents/inspection.py).
    """
    limit = current_app.config["UPLOAD_MAX_BYTES"]
    try:
        with store.receive(upload.stream, limit) as incoming:
            accepted = Accepted(language, upload.filename, incoming, _checked(incoming, upload))
            (version,) = attach(document, [accepted], user_id)
            try:
                db.session.commit()
            except BaseException:
                db.session.rollback()
                raise
            incoming.publish()
    except TooLarge as error:
        raise UploadRefused(_too_large(limit)) from error
    return version


@dataclass(frozen=True)
class Accepted:
    """A file received and checked, waiting in the store for the commit that references it."""

    language: str
    filename: str
    incoming: Incoming
    media_type: str


class SomeRefused(ValueError):
    """Files of several languages sent together, some refused: `refusals` says why, by
    language. Nothing was stored: one refused file stops them all."""

    def __init__(self, refusals: dict[str, UploadRefused]):
        super().__init__("; ".join(f"{lang}: {refused}" for lang, refused in refusals.items()))
        self.refusals = refusals


@contextmanager
def received(uploads: dict[str, Upload], store: BlobStore) -> Iterator[list[Accepted]]:
    """Every file of `uploads` (by language) received into the store and checked, or none.

    Inside the block the caller attaches them (`attach`), commits, then publishes each
    (`Accepted.incoming.publish()`); leaving the block any other way deletes them all. Raises
    SomeRefused, naming every refused file, when one is: the good ones are not kept either, so a
    document never goes public with half of what its editor sent.
    """
    limit = current_app.config["UPLOAD_MAX_BYTES"]
    with ExitStack() as files:
        accepted, refusals = [], {}
        for language, upload in uploads.items():
            try:
                incoming = files.enter_context(store.receive(upload.stream, limit))
                media_type = _checked(incoming, upload)
            except TooLarge:
                refusals[language] = UploadRefused(_too_large(limit))
            except UploadRefused as refused:
                refusals[language] = refused
            else:
                accepted.append(Accepted(language, upload.filename, incoming, media_type))
        if refusals:
            raise SomeRefused(refusals)
        yield accepted


def attach(document: Document, files: list[Accepted], user_id: int | None) -> list[DocumentFile]:
    """Each checked file as the current version of its language, added to the session; the
    versions they replace stay, marked replaced. The caller commits, then publishes."""
    now = utcnow()
    versions = []
    for accepted in files:
        if document.id is not None:
            for current in current_versions(document, accepted.language):
                current.replaced_at = now
        version = DocumentFile(
            document=document,
            language=accepted.language,
            sha256=accepted.incoming.sha256,
            size=accepted.incoming.size,
            media_type=accepted.media_type,
            original_filename=(accepted.filename or "")[:255],
            uploaded_by_id=user_id,
            uploaded_at=now,
        )
        db.session.add(version)
        versions.append(version)
    return versions


def _checked(incoming: Incoming, upload: Upload) -> str:
    """The media type of a received file, read from its content; UploadRefused when the site
    does not take it."""
    if incoming.size == 0:
        raise UploadRefused(_l("The file is empty."))
    media_type = sniff(incoming.path)
    if media_type not in FORMATS:
        raise UploadRefused(
            LazyString(not_accepted, media_type, upload.filename),
            detail=media_type,
            media_type=media_type,
        )
    named = _extension_of(upload.filename)
    if named in KNOWN_EXTENSIONS and named not in extensions_of(media_type):
        raise UploadRefused(
            LazyString(misnamed, media_type, named),
            detail=f"{media_type} named {named}",
            media_type=media_type,
        )
    try:
        inspection.check(incoming.path, media_type, current_app.config["UPLOAD_MAX_BYTES"])
    except inspection.ActiveContent as found:
        raise UploadRefused(found.message, detail=found.detail) from found
    return media_type


def _too_large(limit: int):
    return _l("The file is larger than %(size)s MB.", size=limit // (1024 * 1024))


# --- refusals in words -------------------------------------------------------------------------

PROGRAM = _l("an executable program")
ARCHIVE = _l("a compressed archive")
WEB_PAGE = _l("a web page")
SCRIPT = _l("a script")
RICH_TEXT = _l("a document in Rich Text Format")
IMAGE = _l("an image")
SOUND = _l("a sound recording")
VIDEO = _l("a video")

REFUSED_KINDS = {
    "application/x-executable": (PROGRAM, ""),
    "application/x-pie-executable": (PROGRAM, ""),
    "application/x-sharedlib": (PROGRAM, ""),
    "application/x-mach-binary": (PROGRAM, ""),
    "application/vnd.microsoft.portable-executable": (PROGRAM, ".exe"),
    "application/x-dosexec": (PROGRAM, ".exe"),
    "application/x-msi": (PROGRAM, ".msi"),
    "application/java-archive": (PROGRAM, ".jar"),
    "application/zip": (ARCHIVE, ".zip"),
    "application/x-zip-compressed": (ARCHIVE, ".zip"),
    "application/gzip": (ARCHIVE, ".gz"),
    "application/x-gzip": (ARCHIVE, ".gz"),
    "application/x-tar": (ARCHIVE, ".tar"),
    "application/x-7z-compressed": (ARCHIVE, ".7z"),
    "application/vnd.rar": (ARCHIVE, ".rar"),
    "application/x-rar": (ARCHIVE, ".rar"),
    "application/x-bzip2": (ARCHIVE, ".bz2"),
    "application/x-xz": (ARCHIVE, ".xz"),
    "application/zstd": (ARCHIVE, ".zst"),
    "text/html": (WEB_PAGE, ".html"),
    "application/xhtml+xml": (WEB_PAGE, ".xhtml"),
    "text/x-shellscript": (SCRIPT, ".sh"),
    "text/x-script.python": (SCRIPT, ".py"),
    "text/x-python": (SCRIPT, ".py"),
    "text/x-php": (SCRIPT, ".php"),
    "application/x-php": (SCRIPT, ".php"),
    "text/javascript": (SCRIPT, ".js"),
    "application/javascript": (SCRIPT, ".js"),
    "text/x-perl": (SCRIPT, ".pl"),
    "text/x-msdos-batch": (SCRIPT, ".bat"),
    "text/rtf": (RICH_TEXT, ".rtf"),
    "application/rtf": (RICH_TEXT, ".rtf"),
    "image/svg+xml": (IMAGE, ".svg"),
    "audio/mpeg": (SOUND, ".mp3"),
    "video/quicktime": (VIDEO, ".mov"),
}
"""The refused media types staff meet most, as they would name them, with their usual
extension ("" when the kind has none, like programs on Linux)."""

REFUSED_FAMILIES = {"image": IMAGE, "audio": SOUND, "video": VIDEO}
"""Any other image, sound or video: named by its family, its extension from its subtype."""

LEGACY_OFFICE = frozenset({".doc", ".dot", ".xls", ".xlt", ".ppt", ".pot", ".pps"})
"""Word, Excel and PowerPoint files of before 2007: one container (OLE2) whose application
libmagic reads from its directory, which some programs leave ambiguous; any of these names
matches any of the three types."""

ALSO_NAMED = {
    "application/msword": LEGACY_OFFICE,
    "application/vnd.ms-excel": LEGACY_OFFICE,
    "application/vnd.ms-powerpoint": LEGACY_OFFICE,
    "text/plain": frozenset({".txt", ".text", ".csv", ".tsv"}),
    "text/csv": frozenset({".csv", ".txt", ".tsv"}),
    "image/jpeg": frozenset({".jpg", ".jpeg", ".jpe", ".jfif"}),
}
"""The other names an accepted format goes by: libmagic often reads a CSV as plain text."""


def extensions_of(media_type: str) -> frozenset[str]:
    """The extensions a file of this accepted media type may be named with (".pdf")."""
    return frozenset({f".{FORMATS[media_type][0]}"}) | ALSO_NAMED.get(media_type, frozenset())


KNOWN_EXTENSIONS = frozenset(
    {extension for media_type in FORMATS for extension in extensions_of(media_type)}
    | {extension for _kind, extension in REFUSED_KINDS.values() if extension}
)
"""The extensions that say what a file is: a file named with one of them must be of that kind
(its content read by libmagic); another name (".md", none) says nothing and is not checked."""

FORMAT_NAMES = {"Text": _l("plain text")}
"""The accepted formats whose readable name (documents.models.FORMATS) is a word to translate;
the others are product names (PDF, Word, OpenDocument...)."""


def not_accepted(media_type: str, filename: str = "") -> str:
    """Why a file of this media type is refused, in words staff know, and what to send instead:
    "This file is an executable program (.exe). This kind of file is not accepted: upload a
    PDF, Word, ... file." The accepted formats come from FORMATS, the list the check uses."""
    return " ".join(part for part in (_what_it_is(media_type, filename), _what_to_send()) if part)


def misnamed(media_type: str, extension: str) -> str:
    """Why a file of an accepted format is refused when its name says it is another: "This
    file's name ends in .pdf, but its content is of another kind (plain text)...". Readers and
    browsers open a file by its name: a text named .pdf would fail to open for every reader
    who downloads it, and a PDF named .docx would open in the wrong program."""
    name = FORMATS[media_type][1]
    return _(
        "This file's name ends in %(extension)s, but its content is of another kind "
        "(%(content)s). Upload the real %(extension)s file, or rename this one so that its "
        "name ends in %(proper)s.",
        extension=extension,
        content=str(FORMAT_NAMES.get(name, name)),
        proper=f".{FORMATS[media_type][0]}",
    )


def _what_it_is(media_type: str, filename: str) -> str:
    kind, extension = REFUSED_KINDS.get(media_type, (None, ""))
    family, _slash, subtype = media_type.partition("/")
    if kind is None and family in REFUSED_FAMILIES:
        kind = REFUSED_FAMILIES[family]
        subtype = subtype.removeprefix("x-")
        extension = f".{subtype}" if subtype.isalnum() else ""
    named = _extension_of(filename)
    if kind is not None:
        return _("This file is %(kind)s%(extension)s.", kind=kind, extension=_bracketed(extension))
    if media_type == "application/octet-stream":
        return _(
            "The site cannot tell what this file contains%(extension)s.",
            extension=_bracketed(named),
        )
    if named in {f".{extension}" for extension, _name in FORMATS.values()}:
        return _(
            "This file's name ends in %(extension)s, but its content is not of that kind.",
            extension=named,
        )
    if named:
        return _("This file is a %(extension)s file.", extension=named)
    return ""


def _what_to_send() -> str:
    names = list(dict.fromkeys(name for _extension, name in FORMATS.values()))
    readable = [str(FORMAT_NAMES.get(name, name)) for name in names]
    locale = str(get_locale() or "en")
    # IOM writes British English: "PNG or JPEG", without the serial comma of CLDR's "en".
    formats = format_list(readable, style="or", locale="en_GB" if locale == "en" else locale)
    return _("This kind of file is not accepted: upload a %(formats)s file.", formats=formats)


def _extension_of(filename: str) -> str:
    """ ".pdf" from "Agenda.PDF"; "" when the name has none (or something odd after its dot)."""
    stem, dot, extension = (filename or "").rpartition(".")
    extension = extension.lower()
    if stem and dot and extension.isalnum() and len(extension) <= 10:
        return f".{extension}"
    return ""


def _bracketed(extension: str) -> str:
    return f" ({extension})" if extension else ""


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
