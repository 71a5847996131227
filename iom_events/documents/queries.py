"""The read side of documents: what the public may download, and which official languages
each document is in (the staff matrix and the readiness check before publishing)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import contains_eager

from iom_events.documents.models import Document, DocumentFile
from iom_events.events.public import current_version, is_public_event
from iom_events.extensions import db
from iom_events.settings import LANGUAGES
from iom_events.slugs import slug as make_slug


def public_version(event_slug: str, document_id: int, language: str) -> DocumentFile | None:
    """The current version of a document of a public meeting, in one query."""
    statement = (
        select(DocumentFile)
        .join(DocumentFile.document)
        .join(Document.event)
        .where(
            is_public_event(event_slug),
            Document.id == document_id,
            DocumentFile.language == language,
            current_version(),
        )
        .options(contains_eager(DocumentFile.document).contains_eager(Document.event))
    )
    return db.session.scalar(statement)


def public_versions_in(event_slug: str, language: str) -> list[DocumentFile]:
    """Every current version of a public meeting's documents in one language, in order."""
    statement = (
        select(DocumentFile)
        .join(DocumentFile.document)
        .join(Document.event)
        .where(
            is_public_event(event_slug),
            DocumentFile.language == language,
            current_version(),
        )
        .options(contains_eager(DocumentFile.document).contains_eager(Document.event))
        .order_by(Document.position, Document.id)
    )
    return list(db.session.scalars(statement))


def download_name(version: DocumentFile) -> str:
    """A readable file name: rcp-bangkok-2009_ordre-du-jour_fr.pdf.

    Made from the meeting's address, the symbol (MC/2281 becomes mc-2281: never a "/"), the
    title in the file's language, and the language. Accents stay (Söderköping): Werkzeug sends
    them as an RFC 6266 `filename*` with an ASCII fallback.
    """
    document = version.document
    event = document.event
    title = document.title.resolve(version.language, event.original_language)
    parts = [event.slug]
    if document.symbol:
        parts.append(make_slug(document.symbol))
    parts.append(make_slug(title, allow_unicode=True) or "document")
    parts.append(version.language)
    return "_".join(parts) + "." + version.extension


@dataclass(frozen=True)
class Coverage:
    """Which of the official languages each document has a current version in."""

    rows: list[tuple[Document, dict[str, DocumentFile | None]]]
    missing: dict[str, int]
    """For each official language, how many documents have no version in it."""


def official_coverage(documents: list[Document]) -> Coverage:
    """Each document's current version (`Document.files`, loaded) in each official language,
    and the count of documents missing each one."""
    rows = []
    for document in documents:
        by_language = {file.language: file for file in document.files}
        rows.append((document, {lang: by_language.get(lang) for lang in LANGUAGES}))
    missing = {lang: sum(1 for _, files in rows if files[lang] is None) for lang in LANGUAGES}
    return Coverage(rows, missing)
