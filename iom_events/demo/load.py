"""Loads the reference offices and meetings into the database.

Idempotent and conservative: an office or a meeting whose slug already exists is left exactly as
it is (staff may have edited it), so running the load twice changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, time
from pathlib import Path

from sqlalchemy import select

from iom_events.agenda.models import AgendaItem, AgendaItemKind
from iom_events.delegations.models import Delegation, DelegationKind, Participant, ParticipantRole
from iom_events.demo.documents import sections
from iom_events.demo.meetings import MEETINGS
from iom_events.demo.offices import OFFICES
from iom_events.demo.pdf import reproduction
from iom_events.documents.models import Document, DocumentCategory, DocumentFile
from iom_events.documents.storage import BlobStore
from iom_events.events.models import (
    CountQualifier,
    Event,
    EventKind,
    EventOrganizer,
    EventStatus,
    OrganizerRole,
)
from iom_events.extensions import db
from iom_events.offices.models import Office, OfficeKind
from iom_events.phones import to_e164
from iom_events.press.models import PressContact
from iom_events.slugs import slug as make_slug
from iom_events.translated import Translated


@dataclass
class LoadReport:
    created: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)


def _t(value: dict | None) -> Translated | None:
    return None if value is None else Translated(value)


def load_demo(store: BlobStore) -> LoadReport:
    """Create what is missing of the reference data, in one transaction.

    Blobs are written before the commit; if the commit fails, the blobs this run created are
    removed again, so a failed load leaves neither rows nor orphan files.
    """
    report = LoadReport()
    new_blobs: list[Path] = []
    try:
        offices = _load_offices(report)
        _load_meetings(offices, store, new_blobs, report)
        db.session.commit()
    except BaseException:
        db.session.rollback()
        for path in new_blobs:
            path.unlink(missing_ok=True)
        raise
    return report


def _load_offices(report: LoadReport) -> dict[str, Office]:
    everything = {"include_removed": True}  # a meeting in the trash still owns its slug
    offices = {o.slug: o for o in db.session.scalars(select(Office), execution_options=everything)}
    for position, data in enumerate(OFFICES):
        if data["slug"] in offices:
            report.kept.append(f"office {data['slug']}")
            continue
        office = Office(
            slug=data["slug"],
            kind=OfficeKind(data["kind"]),
            name=_t(data["name"]),
            description=_t(data["description"]),
            city=_t(data["city"]),
            country=data["country"],
            region=_t(data["region"]),
            resource_mobilization=data["resource_mobilization"],
            coordination=data["coordination"],
            coordination_area=_t(data["coordination_area"]),
            parent=offices.get(data["parent"]) if data["parent"] else None,
            position=position,
        )
        db.session.add(office)
        offices[office.slug] = office
        report.created.append(f"office {office.slug}")
    return offices


def _load_meetings(
    offices: dict[str, Office], store: BlobStore, new_blobs: list[Path], report: LoadReport
) -> None:
    everything = {"include_removed": True}
    events = {e.slug: e for e in db.session.scalars(select(Event), execution_options=everything)}
    for data in MEETINGS:
        if data["slug"] in events:
            report.kept.append(f"meeting {data['slug']}")
            continue
        event = _meeting(data, offices, events)
        _documents(event, data, store, new_blobs)
        db.session.add(event)
        events[event.slug] = event
        report.created.append(f"meeting {event.slug}")


def _meeting(data: dict, offices: dict[str, Office], events: dict[str, Event]) -> Event:
    qualifier = data["participant_count_qualifier"]
    event = Event(
        slug=data["slug"],
        kind=EventKind(data["kind"]),
        status=EventStatus.PUBLISHED,
        original_language=data["original_language"],
        title=_t(data["title"]),
        summary=_t(data["summary"]),
        description=_t(data["description"]),
        starts_on=data["starts_on"],
        ends_on=data["ends_on"],
        day_unknown=data["day_unknown"],
        reproduction_of=data["reproduction_of"],
        timezone=data["timezone"],
        venue=_t(data["venue"]),
        city=_t(data["city"]),
        country=data["country"],
        participant_count=data["participant_count"],
        participant_count_qualifier=CountQualifier(qualifier) if qualifier else None,
        states_count=data["states_count"],
        website=data["website"],
        series=data["series"],
        parent=events[data["parent"]] if data["parent"] else None,
    )
    event.organizers = [
        EventOrganizer(
            role=OrganizerRole(o["role"]),
            office=offices[o["office"]] if o.get("office") else None,
            name=_t(o.get("name")),
            position=position,
        )
        for position, o in enumerate(data["organizers"])
    ]
    delegations = {
        d["key"]: Delegation(
            kind=DelegationKind(d["kind"]),
            name=_t(d["name"]),
            short_name=_t(d["short_name"]),
            region=_t(d["region"]),
            country=d["country"],
            position=position,
        )
        for position, d in enumerate(data["delegations"])
    }
    event.delegations = list(delegations.values())
    people = {
        p["key"]: Participant(
            name=p["name"],
            function=_t(p["function"]),
            affiliation=_t(p["affiliation"]),
            role=ParticipantRole(p["role"]),
            delegation=delegations[p["delegation"]] if p["delegation"] else None,
            position=position,
        )
        for position, p in enumerate(data["participants"])
    }
    event.participants = list(people.values())
    items = {
        item.get("key", position): AgendaItem(
            day=item["day"],
            kind=AgendaItemKind(item["kind"]),
            title=_t(item["title"]),
            description=_t(item["description"]),
            speakers=[people[key] for key in item["speakers"]],
            position=position,
        )
        for position, item in enumerate(data["agenda"])
    }
    event.agenda = list(items.values())
    event.press_contacts = [
        PressContact(
            name=c["name"],
            office=offices[c["office"]] if c["office"] else None,
            email=c["email"],
            phone=to_e164(c["phone"]) if c["phone"] else None,
            languages=list(c["languages"]),
            position=position,
        )
        for position, c in enumerate(data["press_contacts"])
    ]
    event.documents = [
        Document(
            category=DocumentCategory(d["category"]),
            title=_t(d["title"]),
            symbol=d["symbol"],
            delegation=delegations[d["delegation"]] if d["delegation"] else None,
            agenda_item=items[d["agenda_item"]] if d.get("agenda_item") else None,
            generated=d.get("generated"),
            position=position,
        )
        for position, d in enumerate(data["documents"])
    ]
    return event


def _documents(event: Event, data: dict, store: BlobStore, new_blobs: list[Path]) -> None:
    """One generated PDF per language the source lists for each document: the seed's content
    where it has it, marked as a reproduction made for demonstration (iom_events/demo/pdf.py);
    none for a document generated from the meeting's data (the RCP meeting's "Agenda", seed
    002: "Ordre du jour (anglais | français | espagnol)", is its provisional agenda)."""
    published = datetime.combine(event.ends_on, time(), tzinfo=UTC)
    for document, source in zip(event.documents, data["documents"], strict=True):
        if source.get("generated"):  # its versions are made from the data, in every language
            continue
        for language in source["languages"]:
            title = document.title.resolve(language, event.original_language)
            meeting = event.title.resolve(language, event.original_language)
            content = reproduction(
                title,
                meeting,
                language,
                published,
                seed=data["reproduction_of"],
                sections=sections(source.get("content"), data, language),
            )
            blob = store.put(content)
            if blob.created:
                new_blobs.append(blob.path)
            document.versions.append(
                DocumentFile(
                    language=language,
                    sha256=blob.sha256,
                    size=len(content),
                    media_type="application/pdf",
                    original_filename=f"{event.slug}_{make_slug(title)}_{language}.pdf",
                    uploaded_at=published,
                )
            )
