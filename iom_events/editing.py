"""Saving a form onto a record without ever overwriting someone else's change silently.

Every edit form carries the version of the record it was filled from. If the record has moved on
since, nothing is saved: the editor gets their own input back, the changes made meanwhile (from
the history), and the form now carries the current version, so that saving again re-applies
their input on purpose. A race between the check and the commit is caught by SQLAlchemy's
version check (StaleDataError) and handled the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from flask import request
from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError

from iom_events.audit.models import AuditEntry
from iom_events.extensions import db
from iom_events.fields import to_int


@dataclass(frozen=True)
class Conflict:
    """What other people changed on a record since the version an editor started from."""

    entries: list[AuditEntry]
    current_version: int


def changes_since(record, version: int | None) -> list[AuditEntry]:
    statement = (
        select(AuditEntry)
        .where(
            AuditEntry.object_type == type(record).__name__,
            AuditEntry.object_id == record.id,
            AuditEntry.version > (version or 0),
        )
        .order_by(AuditEntry.at, AuditEntry.id)
    )
    return list(db.session.scalars(statement))


def stale(form, record) -> Conflict | None:
    """A Conflict when the record moved on since the form's version; nothing is changed."""
    if record.id is not None and form.version.data != record.version:
        return _conflict(form, record)
    return None


def save(form, record, also: Callable[[], object] | None = None) -> Conflict | None:
    """Copy a validated form onto `record` and commit, unless the record changed meanwhile.

    The form needs a `version` field (`VersionField`). `also` runs after the copy, before the
    commit, for what must change with the record in the same transaction (a meeting's agenda
    follows its dates; a renamed record keeps its old address). Returns None when saved; a
    Conflict, with the form's version moved to the current one, when not.
    """
    conflict = stale(form, record)
    if conflict is not None:
        return conflict
    form.populate_obj(record)
    if also is not None:
        also()
    try:
        db.session.add(record)
        db.session.commit()
    except StaleDataError:
        db.session.rollback()
        db.session.refresh(record)
        return _conflict(form, record)
    return None


def commit_or_conflict(record, version: int | None) -> Conflict | None:
    """For a change made without a form (publish, remove...): the same rule as `save`."""
    if version != record.version:
        db.session.rollback()
        return Conflict(changes_since(record, version), record.version)
    try:
        db.session.commit()
    except StaleDataError:
        db.session.rollback()
        db.session.refresh(record)
        return Conflict(changes_since(record, version), record.version)
    return None


def submitted_version() -> int | None:
    """The version a button's form (publish, remove...) was rendered with."""
    return to_int(request.form.get("version"))


def _conflict(form, record) -> Conflict:
    submitted = form.version.data
    form.version.data = record.version
    form.version.raw_data = [str(record.version)]
    return Conflict(changes_since(record, submitted), record.version)
