from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from flask_babel import lazy_gettext as _l
from sqlalchemy import CheckConstraint, ForeignKey, Index, String, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from iom_events.columns import UTCDateTime, choice, utcnow
from iom_events.extensions import db
from iom_events.formatting import language_order
from iom_events.labels import Choice, in_number
from iom_events.records import Removable, Versioned
from iom_events.settings import LANGUAGES
from iom_events.translated import Translated, TranslatedText

if TYPE_CHECKING:
    from iom_events.accounts.models import User
    from iom_events.agenda.models import AgendaItem
    from iom_events.delegations.models import Delegation
    from iom_events.events.models import Event


class DocumentCategory(Choice):
    AGENDA = "agenda", _l("Agenda")
    OVERVIEW = "overview", _l("Overview")
    REPORT = "report", _l("Report")
    OPENING_REMARKS = "opening_remarks", _l("Opening remarks")
    CLOSING_REMARKS = "closing_remarks", _l("Closing remarks")
    PRESENTATION = "presentation", _l("Presentation")
    ADDITIONAL = "additional", _l("Additional document")


class DocumentSection(Choice):
    """The headings a meeting page lists its documents under, in this order."""

    MEETING = "meeting", _l("Meeting documents")
    ADDITIONAL = "additional", _l("Additional documents")
    PRESENTATIONS = "presentations", _l("Presentations")

    def heading(self, count: int) -> str:
        """The section's heading over `count` documents, agreeing in number with them: a
        final report alone is under "Document de réunion", not "Documents de réunion"."""
        return in_number(count, _SECTION_SINGULARS[self], self.label)


_SECTION_SINGULARS = {
    DocumentSection.MEETING: _l("Meeting document"),
    DocumentSection.ADDITIONAL: _l("Additional document"),
    DocumentSection.PRESENTATIONS: _l("Presentation"),
}


SECTION_OF = {
    DocumentCategory.AGENDA: DocumentSection.MEETING,
    DocumentCategory.OVERVIEW: DocumentSection.MEETING,
    DocumentCategory.REPORT: DocumentSection.MEETING,
    DocumentCategory.OPENING_REMARKS: DocumentSection.ADDITIONAL,
    DocumentCategory.CLOSING_REMARKS: DocumentSection.ADDITIONAL,
    DocumentCategory.ADDITIONAL: DocumentSection.ADDITIONAL,
    DocumentCategory.PRESENTATION: DocumentSection.PRESENTATIONS,
}


class Document(Versioned, Removable, db.Model):
    """A meeting document; its files, one current version per language, hang from it."""

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    category: Mapped[DocumentCategory] = mapped_column(choice(DocumentCategory))
    title: Mapped[Translated] = mapped_column(TranslatedText)
    symbol: Mapped[str | None] = mapped_column(String(64))
    """An official document symbol such as MC/2281."""
    delegation_id: Mapped[int | None] = mapped_column(
        ForeignKey("delegation.id", ondelete="SET NULL"), index=True
    )
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="SET NULL"), index=True
    )
    """The agenda item of the same meeting the document is material for (a presentation under
    "Presentations of the RCPs"), or None. An item moved to the trash keeps its materials (a
    restore brings them back under it); the public agenda, which hides the item, lists them
    only by category meanwhile; deleting the item for good detaches them (SET NULL), never
    deletes them."""
    generated: Mapped[str | None] = mapped_column(String(32))
    """Set ("AGENDA", "PARTICIPANTS": the name of a `GeneratedDocument`,
    iom_events/events/official.py) when the document's language versions are generated from
    the meeting's data, one in each of the site's languages, at the official PDFs' addresses:
    it then has no uploaded files (the RCP meeting's "Agenda" is its provisional agenda)."""
    position: Mapped[int] = mapped_column(default=0)

    event: Mapped[Event] = relationship(back_populates="documents")
    delegation: Mapped[Delegation | None] = relationship()
    agenda_item: Mapped[AgendaItem | None] = relationship()
    versions: Mapped[list[DocumentFile]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="DocumentFile.id"
    )
    files: Mapped[list[DocumentFile]] = relationship(
        primaryjoin="and_(Document.id == DocumentFile.document_id,"
        " DocumentFile.replaced_at.is_(None))",
        order_by="DocumentFile.id",
        viewonly=True,
    )
    """The current version in each language (replaced versions stay in `versions`)."""

    @property
    def section(self) -> DocumentSection:
        return SECTION_OF[self.category]

    @property
    def files_in_official_order(self) -> list[DocumentFile]:
        """English, French, Spanish first, as IOM lists them; other languages after."""
        return sorted(self.files, key=lambda f: language_order(f.language))

    @property
    def public_versions(self) -> list[DocumentFile | GeneratedVersion]:
        """What the public may download, in the official order: the current files, or for a
        generated document its PDF in each of the site's languages."""
        if self.generated:
            return [GeneratedVersion(language, self.generated) for language in LANGUAGES]
        return self.files_in_official_order


GENERATED_ENDPOINTS = {"AGENDA": "printed.agenda_pdf", "PARTICIPANTS": "printed.participants_pdf"}
"""The address of each generated document's PDF (iom_events/events/printed.py)."""

GENERATED_NUMBERS = {"AGENDA": "1", "PARTICIPANTS": "INF/1"}
"""Each generated document's place in its meeting's series, as UN meetings number theirs: the
provisional agenda is always a session's first document, the list of participants an
information document (INF)."""


def generated_symbol(slug: str, generated: str, documents: Iterable[Document]) -> str:
    """The symbol a generated document ("AGENDA", "PARTICIPANTS") of the meeting at `slug`
    carries on its PDF and the printable agenda, among the meeting's public `documents`.
    (The meeting's page lists documents as the meeting's own web page did, without it.)

    The symbol staff gave it, when they did: that of the meeting's document that *is* it
    (`Document.generated`), or, for a meeting whose agenda is a document of its own (category
    "Agenda"), that document's (MC/2281): the PDF is its rendition. Otherwise one made from the
    meeting: its address in capitals (unique, as addresses are), then its number
    (`GENERATED_NUMBERS`): RCP-BANGKOK-2009/1 and RCP-BANGKOK-2009/INF/1."""
    documents = list(documents)
    for document in documents:
        if document.generated == generated and document.symbol:
            return document.symbol
    if generated == "AGENDA" and not any(d.generated == "AGENDA" for d in documents):
        for document in documents:
            if document.category is DocumentCategory.AGENDA and document.symbol:
                return document.symbol
    return f"{slug.upper()}/{GENERATED_NUMBERS[generated]}"


@dataclass(frozen=True)
class GeneratedVersion:
    """One language version of a generated document: a PDF made from the meeting's data when
    asked for, at `/<language>/events/<slug>/<agenda|participants>.pdf`; no file, no size."""

    language: str
    generated: str
    media_type: str = "application/pdf"
    format_name: str = "PDF"
    size: None = None

    @property
    def endpoint(self) -> str:
        return GENERATED_ENDPOINTS[self.generated]


class DocumentFile(Removable, db.Model):
    """One language version of a document: a blob in the store, named by its SHA-256.

    Replacing a version keeps the old row with `replaced_at` set: the history stays downloadable.
    Removing one marks it (the trash); the language then has no current version until a restore
    or a new upload.
    """

    __table_args__ = (
        CheckConstraint("size >= 0", name="size_positive"),
        CheckConstraint("length(sha256) = 64", name="sha256_hex"),
        Index(
            "uq_document_file_current_language",
            "document_id",
            "language",
            unique=True,
            sqlite_where=text("replaced_at IS NULL AND removed_at IS NULL"),
            postgresql_where=text("replaced_at IS NULL AND removed_at IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("document.id", ondelete="CASCADE"), index=True
    )
    language: Mapped[str] = mapped_column(String(35))
    """A BCP 47 tag: en, fr, es, pt-BR..."""
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int]
    media_type: Mapped[str] = mapped_column(String(127))
    original_filename: Mapped[str] = mapped_column(String(255))
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    uploaded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    replaced_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    document: Mapped[Document] = relationship(back_populates="versions")
    uploaded_by: Mapped[User | None] = relationship()

    @property
    def is_current(self) -> bool:
        return self.replaced_at is None and self.removed_at is None

    @property
    def format_name(self) -> str:
        """What readers call the format: PDF, Word, CSV... in the page's language."""
        return format_name(self.media_type)

    @property
    def extension(self) -> str:
        return FORMATS.get(self.media_type, ("bin", ""))[0]


def format_name(media_type: str) -> str:
    """The name of a stored file's format (`FORMATS`), a word translated, a brand as it is."""
    name = FORMATS.get(media_type, ("", ""))[1] or media_type
    return str(WORDS_FOR_FORMATS.get(name, name))


WORDS_FOR_FORMATS = {"Text": _l("Text")}
"""Format names that are words of the language, not brands."""

FORMATS: dict[str, tuple[str, str]] = {
    "application/pdf": ("pdf", "PDF"),
    "application/msword": ("doc", "Word"),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ("docx", "Word"),
    "application/vnd.ms-excel": ("xls", "Excel"),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ("xlsx", "Excel"),
    "application/vnd.ms-powerpoint": ("ppt", "PowerPoint"),
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": (
        "pptx",
        "PowerPoint",
    ),
    "application/vnd.oasis.opendocument.text": ("odt", "OpenDocument"),
    "application/vnd.oasis.opendocument.spreadsheet": ("ods", "OpenDocument"),
    "application/vnd.oasis.opendocument.presentation": ("odp", "OpenDocument"),
    "text/plain": ("txt", "Text"),
    "text/csv": ("csv", "CSV"),
    "image/png": ("png", "PNG"),
    "image/jpeg": ("jpg", "JPEG"),
}
"""The formats a meeting document may have (the upload allowlist): extension, readable name."""
