"""What every record staff edit shares: a version (edit conflicts) and recoverable removal.

`Versioned` makes SQLAlchemy check the version on every UPDATE (`version_id_col`): a save based
on a stale copy fails instead of overwriting someone else's change.

`Removable` records are never deleted by a removal, only marked; every query hides them (a
loader criterion added to each SELECT, relationships included) unless it asks for
`execution_options(include_removed=True)`, as the trash does. Only emptying the trash deletes.
"""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar
from uuid import uuid4

from sqlalchemy import Executable, Index, String, event, inspect
from sqlalchemy.orm import (
    Mapped,
    Mapper,
    ORMExecuteState,
    Session,
    declared_attr,
    mapped_column,
    with_loader_criteria,
)

from iom_events.columns import UTCDateTime, utcnow


class Versioned:
    version: Mapped[int] = mapped_column(default=1, server_default="1")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict:
        return {"version_id_col": cls.version}


class CalendarEntry:
    """A record that calendar clients keep a copy of: a stable UID and an RFC 5545 SEQUENCE.

    The UID is made once, at creation, and never changes (not with the slug, the host or the
    language). SEQUENCE goes up when a field clients must notice changes (`SEQUENCED_FIELDS`:
    times, place, status); other edits leave it alone.
    """

    SEQUENCED_FIELDS: ClassVar[tuple[str, ...]] = ()

    uid: Mapped[str] = mapped_column(String(36), unique=True, default=lambda: str(uuid4()))
    sequence: Mapped[int] = mapped_column(default=0, server_default="0")


def raise_sequences(session: Session) -> None:
    """Raise the SEQUENCE of each calendar entry whose `SEQUENCED_FIELDS` changed (a step of
    the save pipeline, iom_events/saving.py)."""
    for obj in session.dirty:
        if isinstance(obj, CalendarEntry):
            state = inspect(obj)
            if any(state.attrs[name].history.has_changes() for name in obj.SEQUENCED_FIELDS):
                obj.sequence = (obj.sequence or 0) + 1


class Removable:
    removed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    @property
    def is_removed(self) -> bool:
        return self.removed_at is not None

    def remove(self) -> None:
        self.removed_at = utcnow()

    def restore(self) -> None:
        self.removed_at = None


@event.listens_for(Mapper, "after_mapper_constructed")
def _index_the_trash(mapper: Mapper, cls: type) -> None:
    """A partial index on removed records only: the trash finds them fast, and the planner is
    never tempted to walk it for the (far more common) live records."""
    if issubclass(cls, Removable) and mapper.local_table is not None:
        table = mapper.local_table
        Index(
            f"ix_{table.name}_removed_at",
            table.c.removed_at,
            sqlite_where=table.c.removed_at.is_not(None),
            postgresql_where=table.c.removed_at.is_not(None),
        )


def _not_removed():
    return with_loader_criteria(
        Removable, lambda cls: cls.removed_at.is_(None), include_aliases=True
    )


@event.listens_for(Session, "do_orm_execute")
def _hide_removed(state: ORMExecuteState) -> None:
    if (
        state.is_select
        and not state.is_column_load
        and not state.is_relationship_load
        and not state.execution_options.get("include_removed", False)
    ):
        state.statement = state.statement.options(_not_removed())


def built_once(statement: Executable) -> Executable:
    """`statement` with the trash rule applied now, for a statement built once and run on every
    request (a fingerprint): `_hide_removed` would otherwise copy it at each run, and SQLAlchemy
    would walk the copy again for its cache key. Run the result as it is; it may take bound
    parameters (`bindparam("slug")`), and be run on the session's connection
    (`db.session.connection().execute`) when it loads columns, not objects. Records in the
    trash stay hidden exactly as in any query.
    """
    return statement.options(_not_removed()).execution_options(include_removed=True)
