"""What is in the trash, restoring it, and emptying it for good."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from iom_events.agenda.models import AgendaItem
from iom_events.delegations.models import Delegation, Participant
from iom_events.documents.models import Document
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
            event = record if isinstance(record, Event) else getattr(record, "event", None)
            items.append(TrashItem(kind, record, event))
    items.sort(key=lambda item: item.record.removed_at, reverse=True)
    return items


def find(kind: str, record_id: int):
    model = KINDS.get(kind)
    if model is None:
        return None
    statement = select(model).where(model.id == record_id, model.removed_at.is_not(None))
    return db.session.scalar(statement, execution_options=EVERYTHING)


def restore(record) -> None:
    record.restore()
    db.session.commit()


def empty() -> int:
    """Delete for good everything in the trash (with what hangs from it); returns how many."""
    items = contents()
    for item in items:
        db.session.delete(item.record)
    db.session.commit()
    return len(items)
