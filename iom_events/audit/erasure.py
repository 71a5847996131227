"""Deleting a person for good erases their contact data from the history too (the GDPR's right
to erasure, Regulation (EU) 2016/679, article 17).

The history keeps every field's old and new value, so a participant's e-mail address and phone
number would outlive the participant in entries every editor can read. Once a record with
`PERSONAL_DATA` no longer exists, those fields' values in its entries become `ERASED`: the
history still says that the field changed, when and by whom, never what it held.
"""

from __future__ import annotations

from sqlalchemy import select

from iom_events.audit.hooks import audited_models
from iom_events.audit.models import AuditEntry
from iom_events.extensions import db

ERASED = {"erased": True}
"""What a personal value becomes in the history (a JSON object no field of a record holds)."""


def erase_deleted_people() -> int:
    """Erase the personal data of every record deleted for good from the history; the number
    of entries changed. Runs in the caller's transaction, after the deletions are flushed, so
    that the deletion and the erasure commit together. Entries already erased are left as they
    are; one missed (a crash between two transactions) is caught by the next call."""
    changed = 0
    for model in audited_models():
        fields = getattr(model, "PERSONAL_DATA", ())
        if not fields:
            continue
        still_there = select(model.id).execution_options(include_removed=True)
        entries = db.session.scalars(
            select(AuditEntry).where(
                AuditEntry.object_type == model.__name__,
                AuditEntry.object_id.not_in(still_there),
            )
        )
        for entry in entries:
            erased = {
                field: [ERASED if value not in (None, "") else value for value in values]
                if field in fields
                else values
                for field, values in entry.changes.items()
            }
            if erased != entry.changes:
                entry.changes = erased
                changed += 1
    return changed
