"""The read side of documents: what the public may download, and which official languages
each document is in (the staff matrix and the readiness check before publishing)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import contains_eager

from iom_events.documents.models import Document, DocumentFile, GeneratedVersion
from iom_events.events.models import Event
from iom_events.events.public import current_version, is_public_event
from iom_events.extensions import db
from iom_events.settings import LANGUAGES
from iom_events.slugs import slug as make_slug


def public_versions_in(
    event_slug: str, language: str, *, preview: bool = False
) -> list[DocumentFile]:
    """Every current version of a public meeting's documents in one language, in order, with
    their document, meeting and delegation (one in the trash is left out): one query. With
    `preview` (signed-in staff only: the caller checks), those of the meeting at this address
    whatever its status, as its preview shows them (not of a meeting in the trash)."""
    meeting = Event.slug == event_slug if preview else is_public_event(event_slug)
    statement = (
        select(DocumentFile)
        .join(DocumentFile.document)
        .join(Document.event)
        .outerjoin(Document.delegation)
        .where(
            meeting,
            DocumentFile.language == language,
            current_version(),
        )
        .options(
            contains_eager(DocumentFile.document).contains_eager(Document.event),
            contains_eager(DocumentFile.document).contains_eager(Document.delegation),
        )
        .order_by(Document.position, Document.id)
    )
    return list(db.session.scalars(statement))


def public_generated_document(event_slug: str, document_id: int) -> str | None:
    """What the public meeting's document `document_id` is generated as ("AGENDA"...), or None
    (not generated, not this meeting's, in the trash, or the meeting not public): one query."""
    statement = (
        select(Document.generated)
        .join(Document.event)
        .where(is_public_event(event_slug), Document.id == document_id)
    )
    return db.session.scalar(statement)


def download_names(versions: list[DocumentFile]) -> dict[int, str]:
    """A file name for each of a meeting's versions in one language (`public_versions_in`,
    by the version's id), unique among them, so that every file survives unzipping: a name
    another version already has gets "-2", "-3"... after its title, in the documents' order
    (issue 17: two documents titled "Statement" by two delegations are two files).

    A name reads rcp-bangkok-2009_ordre-du-jour_fr.pdf: the meeting's address, the symbol
    (MC/2281 becomes mc-2281: never a "/"), the delegation's short name or name (in the file's
    language; left out when the title names it), the title in the file's language, and the
    language. Accents stay (Söderköping):
    Werkzeug sends them as an RFC 6266 `filename*` with an ASCII fallback."""
    names: dict[int, str] = {}
    taken: set[str] = set()
    for version in versions:
        stem, end = _download_stem(version), f"_{version.language}.{version.extension}"
        name, number = stem + end, 1
        while name.casefold() in taken:  # case too: some file systems ignore it
            number += 1
            name = f"{stem}-{number}{end}"
        taken.add(name.casefold())
        names[version.id] = name
    return names


def staff_download_name(version: DocumentFile) -> str:
    """The name of any version for staff: the public's name among the meeting's current
    versions in its language (`download_names`), and for a version since replaced, its upload
    time after the language, so that it is never taken for the current file."""
    statement = (
        select(DocumentFile)
        .join(DocumentFile.document)
        .where(
            Document.event_id == version.document.event_id,
            DocumentFile.language == version.language,
            current_version(),
        )
        .order_by(Document.position, Document.id)
    )
    names = download_names(list(db.session.scalars(statement)))
    if version.id in names:
        return names[version.id]
    stamp = version.uploaded_at.strftime("%Y-%m-%d-%H%M%S")
    return f"{_download_stem(version)}_{version.language}_{stamp}.{version.extension}"


def _download_stem(version: DocumentFile) -> str:
    document = version.document
    event = document.event
    language, original = version.language, event.original_language
    parts = [event.slug]
    if document.symbol:
        parts.append(make_slug(document.symbol))
    title = make_slug(str(document.title.resolve(language, original)), allow_unicode=True)
    delegation = document.delegation
    if delegation is not None:
        label = (delegation.short_name and delegation.short_name.resolve(language, original)) or (
            delegation.name.resolve(language, original)
        )
        named = make_slug(str(label), allow_unicode=True)
        if named and named not in (title or ""):  # not twice: "Contribution of the MIDSA"
            parts.append(named)
    parts.append(title or "document")
    return "_".join(parts)


@dataclass(frozen=True)
class Coverage:
    """Which of the official languages each document has a current version in."""

    rows: list[tuple[Document, dict[str, DocumentFile | GeneratedVersion | None]]]
    missing: dict[str, int]
    """For each official language, how many documents have no version in it."""


def official_coverage(documents: list[Document]) -> Coverage:
    """Each document's current version (`Document.files`, loaded; for a generated document its
    PDF, `GeneratedVersion`) in each official language, and the count of documents missing
    each one."""
    rows = []
    for document in documents:
        by_language = {file.language: file for file in document.public_versions}
        rows.append((document, {lang: by_language.get(lang) for lang in LANGUAGES}))
    missing = {lang: sum(1 for _, files in rows if files[lang] is None) for lang in LANGUAGES}
    return Coverage(rows, missing)
