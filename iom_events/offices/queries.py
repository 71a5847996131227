"""The read side of offices: the directory and an office's meetings."""

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from iom_events.events.models import Event
from iom_events.events.public import public_events
from iom_events.events.queries import organized_by
from iom_events.extensions import db
from iom_events.offices.models import Office, OfficeKind


def all_offices() -> list[Office]:
    return list(db.session.scalars(select(Office).order_by(Office.position, Office.id)))


@dataclass(frozen=True)
class Directory:
    regional: list[Office]
    resource_mobilization: list[Office]
    coordination: list[Office]
    other_country: list[Office]
    headquarters: list[Office]


def directory() -> Directory:
    """The offices under the headings of IOM's own pages; one query."""
    offices = all_offices()
    country = [o for o in offices if o.kind == OfficeKind.COUNTRY_OFFICE]
    return Directory(
        regional=[o for o in offices if o.kind == OfficeKind.REGIONAL_OFFICE],
        resource_mobilization=[o for o in country if o.resource_mobilization],
        coordination=[o for o in offices if o.coordination],
        other_country=[o for o in country if not (o.resource_mobilization or o.coordination)],
        headquarters=[o for o in offices if o.kind == OfficeKind.DEPARTMENT],
    )


def office_by_slug(slug: str) -> Office | None:
    statement = (
        select(Office)
        .where(Office.slug == slug)
        .options(selectinload(Office.units), selectinload(Office.parent))
    )
    return db.session.scalars(statement).one_or_none()


def meetings_of(office: Office, limit: int = 50) -> list[Event]:
    statement = (
        public_events()
        .where(organized_by(office))
        .order_by(Event.starts_on.desc(), Event.id.desc())
        .limit(limit)
    )
    return list(db.session.scalars(statement))
