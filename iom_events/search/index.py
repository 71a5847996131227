"""The search index: a row per meeting with its folded texts, rewritten inside every flush that
touches the meeting, so a search never sees a half-saved edit nor misses a saved one.

SQLite: an FTS5 table (porter stemming, English). PostgreSQL: a table with a weighted tsvector
over the English, French, Spanish and simple configurations, and a GIN index. Both are created
by migration 0006. Texts are folded in Python (iom_events/search/text.py) before either sees
them, so accents and case never matter.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from iom_events.agenda.models import AgendaItem, agenda_speaker
from iom_events.delegations.models import Delegation, Participant
from iom_events.documents.models import Document, DocumentFile
from iom_events.events.models import Event, EventOrganizer, meeting_of
from iom_events.events.public import current_version, visible_participant
from iom_events.offices.models import Office
from iom_events.search.text import fold

PG_DOCUMENT = (
    "setweight(to_tsvector('simple', :title) || to_tsvector('english', :title)"
    " || to_tsvector('french', :title) || to_tsvector('spanish', :title), 'A')"
    " || setweight(to_tsvector('simple', :body) || to_tsvector('english', :body)"
    " || to_tsvector('french', :body) || to_tsvector('spanish', :body), 'B')"
)


def _texts(value) -> list[tuple[str, str]]:
    """(language, text) pairs of a translatable value."""
    return list(value.items()) if value else []


def parts_of(session: Session, event_ids: list[int]) -> dict[int, list[tuple[str, str, str]]]:
    """Every searchable text of these meetings, as (field, language, text); a few queries."""
    parts: dict[int, list[tuple[str, str, str]]] = {event_id: [] for event_id in event_ids}

    def add(event_id: int, field: str, value) -> None:
        if isinstance(value, str):
            if value:
                parts[event_id].append((field, "", value))
        else:
            parts[event_id].extend((field, lang, t) for lang, t in _texts(value))

    for e in session.execute(
        select(
            Event.id, Event.title, Event.summary, Event.description, Event.venue, Event.city
        ).where(Event.id.in_(event_ids))
    ):
        add(e.id, "title", e.title)
        add(e.id, "summary", e.summary)
        add(e.id, "description", e.description)
        add(e.id, "venue", e.venue)
        add(e.id, "city", e.city)
    for row in session.execute(
        select(AgendaItem.event_id, AgendaItem.title, AgendaItem.description).where(
            AgendaItem.event_id.in_(event_ids)
        )
    ):
        add(row.event_id, "agenda", row.title)
        add(row.event_id, "agenda", row.description)
    # What the meeting page shows (iom_events/events/public.py): visible speakers of items
    # not in the trash, documents with a current version.
    speakers = (
        select(agenda_speaker.c.participant_id)
        .join(AgendaItem, AgendaItem.id == agenda_speaker.c.agenda_item_id)
        .where(AgendaItem.removed_at.is_(None))
    )
    for row in session.execute(
        select(Participant.event_id, Participant.name, Participant.function).where(
            Participant.event_id.in_(event_ids),
            visible_participant(),
            Participant.id.in_(speakers),
        )
    ):
        add(row.event_id, "speaker", row.name)
        add(row.event_id, "speaker", row.function)
    for row in session.execute(
        select(Delegation.event_id, Delegation.name, Delegation.short_name).where(
            Delegation.event_id.in_(event_ids)
        )
    ):
        add(row.event_id, "delegation", row.name)
        add(row.event_id, "delegation", row.short_name)
    for row in session.execute(
        select(Document.event_id, Document.title, Document.symbol).where(
            Document.event_id.in_(event_ids),
            Document.id.in_(select(DocumentFile.document_id).where(current_version())),
        )
    ):
        add(row.event_id, "document", row.title)
        add(row.event_id, "document", row.symbol or "")
    for row in session.execute(
        select(EventOrganizer.event_id, EventOrganizer.name, Office.name.label("office"))
        .outerjoin(Office, Office.id == EventOrganizer.office_id)
        .where(EventOrganizer.event_id.in_(event_ids))
    ):
        add(row.event_id, "office", row.name)
        add(row.event_id, "office", row.office)
    return parts


def write(session: Session, event_ids: Iterable[int]) -> None:
    """Rewrite the index rows of these meetings (delete, then insert what exists now)."""
    ids = sorted(set(event_ids))
    if not ids:
        return
    connection = session.connection()
    dialect = connection.dialect.name
    existing = set(
        session.scalars(
            select(Event.id).where(Event.id.in_(ids)), execution_options={"include_removed": True}
        )
    )
    parts = parts_of(session, sorted(existing)) if existing else {}
    key = "event_id" if dialect == "postgresql" else "rowid"  # FTS5 rows are keyed by rowid
    for event_id in ids:
        connection.execute(text(f"DELETE FROM search_index WHERE {key} = :id"), {"id": event_id})
    for event_id, fields in parts.items():
        title = " ".join(fold(t) for field, _, t in fields if field == "title")
        body = " ".join(fold(t) for field, _, t in fields if field != "title")
        values = {
            "id": event_id,
            "title": title,
            "body": body,
            "parts": json.dumps(fields, ensure_ascii=False),
        }
        if dialect == "postgresql":
            connection.execute(
                text(
                    "INSERT INTO search_index (event_id, title, body, parts, document) "
                    f"VALUES (:id, :title, :body, :parts, {PG_DOCUMENT})"
                ),
                values,
            )
        else:
            connection.execute(
                text(
                    "INSERT INTO search_index (rowid, title, body, parts) "
                    "VALUES (:id, :title, :body, :parts)"
                ),
                values,
            )


def rebuild(session: Session) -> int:
    """Index every meeting again (`flask --app app search rebuild`)."""
    ids = list(session.scalars(select(Event.id), execution_options={"include_removed": True}))
    session.connection().execute(text("DELETE FROM search_index"))
    for start in range(0, len(ids), 500):
        write(session, ids[start : start + 500])
    return len(ids)


def keep_in_step(session: Session) -> None:
    """Rewrite the index rows of every meeting this flush touched, offices' meetings included
    (a step of the save pipeline, iom_events/saving.py)."""
    touched = set()
    for record in (*session.new, *session.dirty, *session.deleted):
        if isinstance(record, Event) and record.id is not None:
            touched.add(record.id)
        elif isinstance(record, Office):
            touched.update(
                session.scalars(
                    select(EventOrganizer.event_id).where(EventOrganizer.office_id == record.id)
                )
            )
        else:
            meeting = meeting_of(record)
            if meeting is not None:
                touched.add(meeting)
    write(session, touched)
