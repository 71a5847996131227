"""Writes an AuditEntry for every change to a record staff edit, in the same transaction.

A session hook rather than calls in each view: a change cannot forget its history. The entries
are added after a flush (when new rows have their ids and the attribute history is still there);
`commit` flushes again until nothing is left, so they land in the same transaction.
"""

from __future__ import annotations

from datetime import date, datetime, time
from enum import Enum

from flask import has_request_context
from flask_login import current_user
from sqlalchemy import inspect
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from iom_events.audit.models import AuditAction, AuditEntry
from iom_events.records import Versioned
from iom_events.translated import Translated

SECRET_FIELDS = {"password_hash"}
"""Recorded as changed, never with their values."""

UNTRACKED_FIELDS = {
    "version", "sequence", "uid", "created_at", "updated_at", "withdrawal", "content_version"
}  # fmt: skip

FLAGGED = "audit_flagged_columns"
"""session.info key: columns marked modified only to raise a version (not changes to record)."""


def audited_models() -> tuple[type, ...]:
    from iom_events.accounts.models import User
    from iom_events.agenda.models import AgendaItem
    from iom_events.delegations.models import Delegation, Participant
    from iom_events.documents.models import Document, DocumentFile
    from iom_events.events.models import Event, EventOrganizer
    from iom_events.offices.models import Office
    from iom_events.press.models import PressContact

    return (Event, EventOrganizer, AgendaItem, Delegation, Participant, Document, DocumentFile,
            PressContact, Office, User)  # fmt: skip


def plain(value):
    """A value as JSON can hold it."""
    if isinstance(value, Translated):
        return dict(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date | time | datetime):
        return value.isoformat()
    return value


def _linked(records) -> list:
    """Members of a many-to-many collection (an item's speakers), by name."""
    return [getattr(record, "name", None) or record.id for record in records]


def _collection_changes(obj, *, everything: bool = False) -> dict[str, list]:
    """Changes to many-to-many collections: they touch no column of the record itself."""
    state = inspect(obj)
    changes: dict[str, list] = {}
    for relationship in state.mapper.relationships:
        if relationship.secondary is None:
            continue
        history = state.attrs[relationship.key].history
        if everything:
            if history.added:
                changes[relationship.key] = [None, _linked(history.added)]
        elif history.has_changes():
            before = _linked([*history.unchanged, *history.deleted])
            after = _linked([*history.unchanged, *history.added])
            if before != after:
                changes[relationship.key] = [before, after]
    return changes


def _changes(obj, *, everything: bool, flagged: set | frozenset = frozenset()) -> dict[str, list]:
    state = inspect(obj)
    changes: dict[str, list] = _collection_changes(obj, everything=everything)
    for attr in state.mapper.column_attrs:
        key = attr.key
        if key in UNTRACKED_FIELDS or key == "id" or (id(obj), key) in flagged:
            continue
        history = state.attrs[key].history
        if everything:
            value = getattr(obj, key)
            if value is not None:
                changes[key] = [None, "…" if key in SECRET_FIELDS else plain(value)]
        elif history.has_changes():
            old = history.deleted[0] if history.deleted else None
            new = history.added[0] if history.added else None
            if plain(old) != plain(new):
                changes[key] = ["…", "…"] if key in SECRET_FIELDS else [plain(old), plain(new)]
    return changes


def _action(changes: dict[str, list]) -> AuditAction:
    if "removed_at" in changes:
        _old, new = changes["removed_at"]
        return AuditAction.REMOVE if new is not None else AuditAction.RESTORE
    return AuditAction.UPDATE


def _user_id() -> int | None:
    if has_request_context() and current_user.is_authenticated:
        return current_user.id
    return None


def _event_id(obj) -> int | None:
    from iom_events.events.models import Event

    if isinstance(obj, Event):
        return obj.id
    if getattr(obj, "event_id", None) is not None:
        return obj.event_id
    document = getattr(obj, "document", None)
    return document.event_id if document is not None else None


def _entry(obj, action: AuditAction, changes: dict) -> AuditEntry:
    return AuditEntry(
        user_id=_user_id(),
        action=action,
        object_type=type(obj).__name__,
        object_id=obj.id,
        event_id=_event_id(obj),
        changes=changes,
        version=getattr(obj, "version", None),
    )


def count_collection_changes_as_edits(session: Session) -> None:
    """A record whose many-to-many collection changed gets a new version like any edit.

    SQLAlchemy raises the version only when it UPDATEs the row; marking one of the record's own
    columns as modified makes it do so (with the same value), so conflicts are caught too.
    """
    for obj in session.dirty:
        if isinstance(obj, Versioned) and _collection_changes(obj):
            column = next(
                attr.key
                for attr in inspect(obj).mapper.column_attrs
                if attr.key not in ("id", "version") and not attr.columns[0].primary_key
            )
            flag_modified(obj, column)
            session.info.setdefault(FLAGGED, set()).add((id(obj), column))


def write_history(session: Session) -> None:
    """One AuditEntry per record created, changed, removed or deleted in this flush (a step of
    the save pipeline, iom_events/saving.py)."""
    models = audited_models()
    flagged = session.info.pop(FLAGGED, set())
    entries = []
    for obj in session.new:
        if isinstance(obj, models):
            entries.append(_entry(obj, AuditAction.CREATE, _changes(obj, everything=True)))
    for obj in session.dirty:
        if isinstance(obj, models) and session.is_modified(obj):
            changes = _changes(obj, everything=False, flagged=flagged)
            if changes:
                entries.append(_entry(obj, _action(changes), changes))
    for obj in session.deleted:
        if isinstance(obj, models):
            entries.append(_entry(obj, AuditAction.DELETE, {}))
    session.add_all(entries)
