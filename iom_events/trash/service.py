"""What is in the trash, restoring it, and emptying it for good."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from iom_events.agenda import schedule
from iom_events.agenda.models import AgendaItem
from iom_events.calendar import withdrawals
from iom_events.delegations.models import Delegation, Participant
from iom_events.documents.models import Document, DocumentFile
from iom_events.documents.service import forget_if_unreferenced, restore_version
from iom_events.documents.storage import BlobStore
from iom_events.events.models import Event
from iom_events.extensions import db
from iom_events.offices.models import Office
from iom_events.press.models import PressContact

EVERYTHING = {"include_removed": True}

# In the order the trash lists them. A removed meeting hides what hangs from it without marking
# it: restoring the meeting brings back its agenda, delegations... exactly as they were.
KINDS: dict[str, type] = {
    "event": Event,
    "agenda_item": AgendaItem,
    "delegation": Delegation,
    "participant": Participant,
    "document": Document,
    "document_file": DocumentFile,
    "press_contact": PressContact,
    "office": Office,
}


@dataclass(frozen=True)
class TrashItem:
    kind: str
    record: object
    event: Event | None


def contents() -> list[TrashItem]:
    items: list[TrashItem] = []
    for kind, model in KINDS.items():
        statement = select(model).where(model.removed_at.is_not(None))
        for record in db.session.scalars(statement, execution_options=EVERYTHING):
            event = _event_of(record)
            items.append(TrashItem(kind, record, event))
    items.sort(key=lambda item: item.record.removed_at, reverse=True)
    return items


def _event_of(record) -> Event | None:
    if isinstance(record, Event):
        return record
    if isinstance(record, DocumentFile):
        return record.document.event
    return getattr(record, "event", None)


def find(kind: str, record_id: int):
    model = KINDS.get(kind)
    if model is None:
        return None
    statement = select(model).where(model.id == record_id, model.removed_at.is_not(None))
    return db.session.scalar(statement, execution_options=EVERYTHING)


def restore(record) -> date | None:
    """Back from the trash. For an agenda item whose day its meeting no longer has: the day it
    had (it is now on the nearest day of the meeting); else None."""
    if isinstance(record, DocumentFile):
        restore_version(record)  # another version may have taken its place meanwhile
        return None
    record.restore()
    moved_from = None
    if isinstance(record, Event):  # public again: its feed is its own again
        withdrawals.follow_visibility(record, was_public=False)
    elif isinstance(record, AgendaItem):
        moved_from = schedule.back_within(record)
    db.session.commit()
    return moved_from


def empty(store: BlobStore) -> int:
    """Delete for good everything in the trash (with what hangs from it); returns how many.

    The document files that go with it leave the blob store too, once nothing references them.
    """
    items = contents()
    blobs = {sha for item in items for sha in _blobs_of(item.record)}
    for item in items:
        db.session.delete(item.record)
    db.session.commit()
    for sha256 in blobs:
        forget_if_unreferenced(sha256, store)
    return len(items)


def _blobs_of(record) -> set[str]:
    """Every blob a record holds, through its documents and their versions (removed ones too)."""
    if isinstance(record, DocumentFile):
        return {record.sha256}
    if isinstance(record, Document):
        documents = [record.id]
    elif isinstance(record, Event):
        documents = select(Document.id).where(Document.event_id == record.id)
    else:
        return set()
    statement = select(DocumentFile.sha256).where(DocumentFile.document_id.in_(documents))
    return set(db.session.scalars(statement, execution_options=EVERYTHING))
