"""The read side of offices: the directory and an office's meetings."""

from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from iom_events.events.models import Event
from iom_events.events.public import public_events
from iom_events.events.queries import organized_by
from iom_events.extensions import db
from iom_events.formatting import (
    city_and_country,
    collation_key,
    country_name,
    same_name,
    translate,
)
from iom_events.offices.models import Office, OfficeKind


def all_offices() -> list[Office]:
    """Every office, in the order staff gave them (`position`); pages sort them by name."""
    return list(db.session.scalars(select(Office).order_by(Office.position, Office.id)))


def by_name(offices: list[Office]) -> list[Office]:
    """Offices in the order of their names in the page's language ("Bureau régional de
    Bruxelles" before "Bureau régional du Caire"), for the directory and the lists of units."""
    return sorted(offices, key=lambda office: collation_key(str(translate(office.name) or "")))


def location(office: Office) -> str:
    """Where an office is, for the directory: "Canberra (Australie)"; the country left out when
    the office's name is the country's ("Sénégal — Dakar", never "Sénégal — Sénégal")."""
    country = office.country
    if same_name(translate(office.name), country_name(country)):
        country = None
    city = translate(office.city)
    if same_name(translate(office.name), city):
        city = None
    return city_and_country(city, country)


def coordination_line(office: Office) -> str:
    """An office with a coordinating function, as a label: "Canberra (Australia) —
    coordinating function: Pacific", "Canberra (Australie) — fonction de coordination :
    Pacifique"; the place alone when the seeds name no area (Beijing)."""
    where = city_and_country(translate(office.city), office.country)
    area = translate(office.coordination_area)
    if not area:
        return where
    if not where:
        return _("Coordinating function: %(area)s", area=area)
    return _("%(place)s — coordinating function: %(area)s", place=where, area=area)


@dataclass(frozen=True)
class DirectoryEntry:
    """One office of the directory and the line under its name."""

    office: Office
    line: str
    units: list[Office]


@dataclass(frozen=True)
class Directory:
    regional: list[DirectoryEntry]
    resource_mobilization: list[DirectoryEntry]
    coordination: list[DirectoryEntry]
    other_country: list[DirectoryEntry]
    headquarters: list[DirectoryEntry]


def directory() -> Directory:
    """The offices under the headings of IOM's own pages, each list in the order of the page's
    language; one query."""
    offices = by_name(all_offices())
    country = [o for o in offices if o.kind == OfficeKind.COUNTRY_OFFICE]

    def entries(chosen: list[Office], line=location) -> list[DirectoryEntry]:
        return [
            DirectoryEntry(o, line(o), [u for u in offices if u.parent_id == o.id]) for o in chosen
        ]

    return Directory(
        regional=entries([o for o in offices if o.kind == OfficeKind.REGIONAL_OFFICE]),
        resource_mobilization=entries([o for o in country if o.resource_mobilization]),
        coordination=entries([o for o in offices if o.coordination], coordination_line),
        other_country=entries(
            [o for o in country if not (o.resource_mobilization or o.coordination)]
        ),
        headquarters=entries([o for o in offices if o.kind == OfficeKind.DEPARTMENT]),
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
