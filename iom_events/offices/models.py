from __future__ import annotations

from datetime import datetime

from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from iom_events.columns import UTCDateTime, choice, utcnow
from iom_events.extensions import db
from iom_events.labels import Choice
from iom_events.records import Removable, Versioned
from iom_events.translated import Translated, TranslatedText


class OfficeKind(Choice):
    REGIONAL_OFFICE = "regional_office", _l("Regional office")
    COUNTRY_OFFICE = "country_office", _l("Country office")
    DEPARTMENT = "department", _l("Department")
    DIVISION = "division", _l("Division")
    UNIT = "unit", _l("Unit")

    def heading(self, count: int) -> str:
        """The kind as the heading of `count` offices of a list, agreeing in number with them:
        "9 regional offices", "1 department"."""
        if self is OfficeKind.REGIONAL_OFFICE:
            return ngettext("%(num)d regional office", "%(num)d regional offices", count)
        if self is OfficeKind.COUNTRY_OFFICE:
            return ngettext("%(num)d country office", "%(num)d country offices", count)
        if self is OfficeKind.DEPARTMENT:
            return ngettext("%(num)d department", "%(num)d departments", count)
        if self is OfficeKind.DIVISION:
            return ngettext("%(num)d division", "%(num)d divisions", count)
        return ngettext("%(num)d unit", "%(num)d units", count)


class Office(Versioned, Removable, db.Model):
    """An IOM office in the field or a unit at headquarters (a department and its divisions)."""

    __table_args__ = (CheckConstraint("length(country) = 2", name="country_iso"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    kind: Mapped[OfficeKind] = mapped_column(choice(OfficeKind))
    name: Mapped[Translated] = mapped_column(TranslatedText)
    description: Mapped[Translated | None] = mapped_column(TranslatedText)
    city: Mapped[Translated | None] = mapped_column(TranslatedText)
    country: Mapped[str | None] = mapped_column(String(2), index=True)
    region: Mapped[Translated | None] = mapped_column(TranslatedText)
    """The area the office supports (regional offices) or covers."""
    resource_mobilization: Mapped[bool] = mapped_column(default=False)
    coordination: Mapped[bool] = mapped_column(default=False)
    coordination_area: Mapped[Translated | None] = mapped_column(TranslatedText)
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("office.id", ondelete="RESTRICT"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    """The last change: calendar events naming the office as organizer show it."""

    parent: Mapped[Office | None] = relationship(remote_side=[id], back_populates="units")
    units: Mapped[list[Office]] = relationship(back_populates="parent", order_by="Office.position")

    def __repr__(self) -> str:
        return f"<Office {self.slug}>"


class OfficeFormerSlug(db.Model):
    """An address an office's page and feed had before it was renamed: it answers 301 to the
    current one, so links and calendar subscriptions keep working."""

    slug: Mapped[str] = mapped_column(String(80), primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id", ondelete="CASCADE"), index=True)

    office: Mapped[Office] = relationship()
