"""What happens when staff save, in one place and in a written order, in the same transaction.

A save is one SQLAlchemy flush (or a few: `commit` flushes until nothing is left). The steps
below run on every flush, whichever view or command made the change, so none can be forgotten:

Before the rows are written:
  1. `audit.hooks.count_collection_changes_as_edits`: a record whose many-to-many collection
     changed (an agenda item's speakers) gets a new version like any edit, so that a colleague's
     form based on the old version is caught (iom_events/editing.py).
  2. `records.raise_sequences`: a change calendar clients must notice (times, place, status)
     raises the record's SEQUENCE (RFC 5545 §3.8.7.4).

After the rows are written (new rows have their ids, the attribute history is still there):
  3. `audit.hooks.write_history`: one AuditEntry per changed record, field by field.
  4. `events.models.count_content_changes`: each meeting whose public page a change touched (its
     agenda, people, documents, press contacts, side events) gets a new `content_version`; its
     own fields, `version` and `updated_at`, stay as they are, so that what shows only the
     meeting (lists, feeds) does not look changed. Organizers are the exception: the feeds name
     the organizing office, so a change to them is a change of the meeting (`updated_at`).
  5. `search.index.keep_in_step`: the search index rows of those meetings are rewritten.

The history entries of step 3 are written by the flush that follows, in the same commit. Which
status a meeting may move to is checked before any of this, by the view that changes it.
"""

from __future__ import annotations

from sqlalchemy import event
from sqlalchemy.orm import Session

from iom_events import records
from iom_events.audit import hooks as history
from iom_events.events import models as events
from iom_events.search import index as search_index

BEFORE_WRITING = (history.count_collection_changes_as_edits, records.raise_sequences)
AFTER_WRITING = (history.write_history, events.count_content_changes, search_index.keep_in_step)


def _before_flush(session: Session, flush_context, instances) -> None:
    for step in BEFORE_WRITING:
        step(session)


def _after_flush(session: Session, flush_context) -> None:
    for step in AFTER_WRITING:
        step(session)


def install() -> None:
    """Run the steps on every session's flush (once per process; `create_app` calls it)."""
    if not event.contains(Session, "before_flush", _before_flush):
        event.listen(Session, "before_flush", _before_flush)
        event.listen(Session, "after_flush", _after_flush)
