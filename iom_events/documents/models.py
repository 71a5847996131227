from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from iom_events.columns import UTCDateTime, choice, utcnow
from iom_events.extensions import db
from iom_events.i18n import Translated, TranslatedText, official_rank
from iom_events.records import Removable, Versioned

if TYPE_CHECKING:
    from iom_events.accounts.models import User
    from iom_events.delegations.models import Delegation
    from iom_events.events.models import Event


class DocumentCategory(StrEnum):
    AGENDA = "agenda"
    OVERVIEW = "overview"
    REPORT = "report"
    OPENING_REMARKS = "opening_remarks"
    CLOSING_REMARKS = "closing_remarks"
    PRESENTATION = "presentation"
    ADDITIONAL = "additional"


class DocumentSection(StrEnum):
    """The headings a meeting page lists its documents under, in this order."""

    MEETING = "meeting"
    ADDITIONAL = "additional"
    PRESENTATIONS = "presentations"


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
    position: Mapped[int] = mapped_column(default=0)

    event: Mapped[Event] = relationship(back_populates="documents")
    delegation: Mapped[Delegation | None] = relationship()
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
        return sorted(self.files, key=lambda f: (official_rank(f.language), f.language))


class DocumentFile(db.Model):
    """One language version of a document: a blob in the store, named by its SHA-256.

    Replacing a version keeps the old row with `replaced_at` set: the history stays downloadable.
    """

    __table_args__ = (
        CheckConstraint("size >= 0", name="size_positive"),
        CheckConstraint("length(sha256) = 64", name="sha256_hex"),
        Index(
            "uq_document_file_current_language",
            "document_id",
            "language",
            unique=True,
            sqlite_where=text("replaced_at IS NULL"),
            postgresql_where=text("replaced_at IS NULL"),
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
