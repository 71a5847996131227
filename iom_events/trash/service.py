"""What is in the trash, who put it there, restoring it, and emptying it for good.

Editors see and restore what they moved to the trash themselves (the history says who did);
administrators see and restore everything, and only they empty it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select, tuple_
from sqlalchemy.orm import joinedload

from iom_events.accounts.models import User, UserRole
from iom_events.agenda import schedule
from iom_events.agenda.models import AgendaItem
from iom_events.audit.erasure import erase_deleted_people
from iom_events.audit.models import AuditAction, AuditEntry
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

# The meeting each kind hangs from, loaded with the trash's own queries (not one per item).
_MEETING = {
    AgendaItem: lambda: joinedload(AgendaItem.event),
    Delegation: lambda: joinedload(Delegation.event),
    Participant: lambda: joinedload(Participant.event),
    Document: lambda: joinedload(Document.event),
    DocumentFile: lambda: joinedload(DocumentFile.document).joinedload(Document.event),
    PressContact: lambda: joinedload(PressContact.event),
}


@dataclass(frozen=True)
class Removal:
    """Who moved a record to the trash, when, and the record's version after that."""

    by: User | None
    at: datetime
    version: int | None


@dataclass(frozen=True)
class TrashItem:
    kind: str
    record: object
    event: Event | None
    removal: Removal | None


def kind_of(record) -> str:
    """The trash's name for a record's kind (in its URLs)."""
    return next(kind for kind, model in KINDS.items() if isinstance(record, model))


def contents(removed_by: User | None = None) -> list[TrashItem]:
    """Everything in the trash, the latest removal first; with `removed_by`, only what that
    person moved there. A fixed number of queries, whatever the trash holds."""
    records: list[tuple[str, object]] = []
    for kind, model in KINDS.items():
        statement = select(model).where(model.removed_at.is_not(None))
        if model in _MEETING:
            statement = statement.options(_MEETING[model]())
        found = db.session.scalars(statement, execution_options=EVERYTHING).unique()
        records += [(kind, record) for record in found]
    removals = _removals([record for _kind, record in records])
    items = [
        TrashItem(kind, record, _event_of(record), removals.get(_key(record)))
        for kind, record in records
    ]
    if removed_by is not None:
        items = [item for item in items if _by(item.removal, removed_by)]
    items.sort(key=lambda item: item.record.removed_at, reverse=True)
    return items


def _key(record) -> tuple[str, int]:
    return type(record).__name__, record.id


def _removals(records: list) -> dict[tuple[str, int], Removal]:
    """The latest removal of each record, from the history: one query."""
    if not records:
        return {}
    statement = (
        select(AuditEntry)
        .where(
            AuditEntry.action == AuditAction.REMOVE,
            tuple_(AuditEntry.object_type, AuditEntry.object_id).in_(
                [_key(record) for record in records]
            ),
        )
        .options(joinedload(AuditEntry.user))
        .order_by(AuditEntry.id)
    )
    return {
        (entry.object_type, entry.object_id): Removal(entry.user, entry.at, entry.version)
        for entry in db.session.scalars(statement)
    }


def removal(record) -> Removal | None:
    """Who moved this record to the trash, and when (None if the history does not say)."""
    return _removals([record]).get(_key(record))


def _by(found: Removal | None, user: User) -> bool:
    return found is not None and found.by is not None and found.by.id == user.id


def may_restore(user: User, record) -> bool:
    """Administrators restore anything; editors what they moved to the trash themselves."""
    return user.role == UserRole.ADMIN or _by(removal(record), user)


def catch_up(form, record, found: Removal) -> None:
    """When the only thing that happened to a record since an editor's form is its removal,
    the form now starts from the removed version: restoring and saving it overwrites nobody."""
    if found.version == record.version and form.version.data == (found.version or 0) - 1:
        form.version.data = record.version
        form.version.raw_data = [str(record.version)]


def _event_of(record) -> Event | None:
    if isinstance(record, Event):
        return record
    if isinstance(record, DocumentFile):
        return record.document.event
    return getattr(record, "event", None)


def meeting_still_in_trash(record) -> Event | None:
    """The meeting a restored part hangs from, when that meeting is still in the trash (the
    part stays out of sight until the meeting comes back too)."""
    if isinstance(record, Event):
        return None
    meeting = _event_of(record)
    return meeting if meeting is not None and meeting.removed_at is not None else None


def delegation_still_in_trash(record) -> Delegation | None:
    """The delegation a restored participant belongs to, when that delegation is still in the
    trash (the participant stays out of sight until it comes back too)."""
    if not isinstance(record, Participant) or record.delegation_id is None:
        return None
    delegation = db.session.get(Delegation, record.delegation_id, execution_options=EVERYTHING)
    return delegation if delegation is not None and delegation.is_removed else None


def find(kind: str, record_id: int, *, in_trash: bool = True):
    """A record of this kind in the trash (or, `in_trash=False`, out of it), else None."""
    model = KINDS.get(kind)
    if model is None:
        return None
    where = model.removed_at.is_not(None) if in_trash else model.removed_at.is_(None)
    statement = select(model).where(model.id == record_id, where)
    return db.session.scalar(statement, execution_options=EVERYTHING)


def bring_back(record) -> date | None:
    """Out of the trash, without committing (the caller commits, maybe with more changes).
    For an agenda item whose day its meeting no longer has: the day it had (it is now on the
    nearest day of the meeting); else None."""
    if isinstance(record, DocumentFile):
        restore_version(record)  # another version may have taken its place meanwhile
        return None
    record.restore()
    if isinstance(record, Event):  # public again: its feed is its own again
        withdrawals.follow_visibility(record, was_public=False)
    elif isinstance(record, AgendaItem):
        return schedule.back_within(record)
    return None


def restore(record) -> date | None:
    """Back from the trash, committed; see `bring_back`."""
    moved_from = bring_back(record)
    db.session.commit()
    return moved_from


def latest_removal(items: list[TrashItem]) -> datetime | None:
    """When the latest of these went to the trash: what a confirmation to empty it covers."""
    return max((item.record.removed_at for item in items), default=None)


def empty(store: BlobStore, removed_until: datetime) -> tuple[int, int]:
    """Delete for good what went to the trash up to `removed_until` (the confirmation page's
    latest removal), with what hangs from it; returns (deleted, kept): what arrived after the
    page was shown stays, so that its owner's "Undo" still works.

    The document files that go with it leave the blob store too, once nothing references them;
    the contact data of the people deleted leaves the history (audit/erasure.py).
    """
    everything = contents()
    items = [item for item in everything if item.record.removed_at <= removed_until]
    blobs = {sha for item in items for sha in _blobs_of(item.record)}
    for item in items:
        db.session.delete(item.record)
    db.session.flush()
    erase_deleted_people()
    db.session.commit()
    for sha256 in blobs:
        forget_if_unreferenced(sha256, store)
    return len(items), len(everything) - len(items)


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
