"""The builders of test data, in one place: a meeting (`new_event`, behind the `make_event`
fixture), a meeting with one of every part (`add_parts`), and readers of what was stored."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from iom_events.agenda.models import AgendaItem, AgendaItemKind
from iom_events.audit.models import AuditEntry
from iom_events.delegations.models import Delegation, DelegationKind, Participant, ParticipantRole
from iom_events.documents.models import Document, DocumentCategory, DocumentFile
from iom_events.events.models import Event, EventKind, EventOrganizer, EventStatus, OrganizerRole
from iom_events.extensions import db
from iom_events.press.models import PressContact
from iom_events.translated import Translated


def new_event(app, **fields) -> Event:
    """A published one-day-and-a-bit conference in Geneva in 2030, with a random slug, unless
    `fields` say otherwise; committed, and detached from its session."""
    values = {
        "slug": f"test-{secrets.token_hex(4)}",
        "kind": EventKind.CONFERENCE,
        "status": EventStatus.PUBLISHED,
        "original_language": "en",
        "title": Translated(en="A test meeting"),
        "starts_on": date(2030, 1, 10),
        "ends_on": date(2030, 1, 11),
        "timezone": "Europe/Zurich",
        "country": "CH",
    }
    values.update(fields)
    with app.app_context():
        event = Event(**values)
        db.session.add(event)
        db.session.commit()
        db.session.refresh(event)
        db.session.expunge(event)
        return event


@dataclass(frozen=True)
class Parts:
    slug: str
    event_id: int
    item_id: int
    delegation_id: int
    participant_id: int
    document_id: int
    file_id: int
    contact_id: int
    organizer_id: int


def add_parts(app, event) -> Parts:
    """One agenda item ("Opening session"), delegation, participant, document with a French
    version, press contact and organizer, added to `event` (made by `make_event`)."""
    with app.app_context():
        delegation = Delegation(
            event_id=event.id, kind=DelegationKind.OBSERVER, name=Translated(en="Observers")
        )
        person = Participant(
            event_id=event.id,
            name="Ada Example",
            role=ParticipantRole.SPEAKER,
            delegation=delegation,
            email="ada@example.org",
        )
        item = AgendaItem(
            event_id=event.id,
            day=event.starts_on,
            kind=AgendaItemKind.OPENING,
            title=Translated(en="Opening session", fr="Séance d’ouverture"),
            speakers=[person],
        )
        document = Document(
            event_id=event.id,
            category=DocumentCategory.AGENDA,
            title=Translated(en="Agenda"),
            versions=[
                DocumentFile(
                    language="fr",
                    sha256="1" * 64,
                    size=10,
                    media_type="application/pdf",
                    original_filename="ordre-du-jour.pdf",
                )
            ],
        )
        contact = PressContact(event_id=event.id, name="Press Officer", email="press@iom.test")
        organizer = EventOrganizer(
            event_id=event.id, role=OrganizerRole.HOST, name=Translated(en="A host government")
        )
        db.session.add_all([delegation, person, item, document, contact, organizer])
        db.session.commit()
        parts = Parts(
            slug=event.slug,
            event_id=event.id,
            item_id=item.id,
            delegation_id=delegation.id,
            participant_id=person.id,
            document_id=document.id,
            file_id=document.versions[0].id,
            contact_id=contact.id,
            organizer_id=organizer.id,
        )
        db.session.remove()
        return parts


def organized_by(app, event, office_slug: str, role: OrganizerRole = OrganizerRole.ORGANIZER):
    """`event` (made by `make_event`) organized by the office at `office_slug`: the demo
    meetings are organized by no IOM office (seed 002: "Organisée par le Gouvernement royal
    thaïlandais en collaboration avec l'OIM"), so office lists and feeds need one of their own."""
    from iom_events.offices.models import Office

    with app.app_context():
        office = db.session.scalars(select(Office).where(Office.slug == office_slug)).one()
        db.session.add(EventOrganizer(event_id=event.id, role=role, office=office))
        db.session.commit()
        db.session.remove()
    return event


def last_change(app) -> int:
    """The id of the latest history entry: every change staff make writes one."""
    with app.app_context():
        latest = db.session.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc()).limit(1))
        db.session.remove()
        return latest or 0


def stored(app, model, record_id: int):
    """A record as the database has it now, in the trash or not."""
    with app.app_context():
        record = db.session.scalar(
            select(model).where(model.id == record_id),
            execution_options={"include_removed": True},
        )
        db.session.expunge_all()
        return record
