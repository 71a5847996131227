"""Saving a form onto a record without ever losing anyone's work: a three-way merge.

Every edit form carries the version of the record it was filled from (`VersionField`). When the
record has moved on since, `save` merges instead of refusing:

- base: the record as it was at the form's version, rebuilt from the history (the first entry
  since that version that changed a field holds the field's value then; a field nobody changed
  since is as it is now);
- theirs: the record now; mine: what the form says.

Each field is compared on its own; each language of a translatable field is a field of its own,
and a many-to-many collection (an agenda item's speakers) is one field. A field only they
changed keeps their value, a field only I changed takes mine, the same value on both sides is
no clash. When nothing clashes the record is saved at once and the editor is told whose changes
were merged. Only a true clash (both changed the same field, to different values) stops the
save: the form keeps everything typed, moves to the current version, remembers the version it
started from (hidden input "merge-base") and asks, per clashing field, "Keep theirs" or "Use
mine" (radio "merge-<field>"); saving again applies the choices; a clash left without a choice
is asked again (nothing is decided for the editor).

A race between the check and the commit is caught by SQLAlchemy's version check
(StaleDataError): the record is read again and merged once more, or the clash is reported.
Views call `save` only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import Enum

from babel.lists import format_list
from flask import flash, has_request_context, request
from flask_babel import get_locale
from flask_babel import gettext as _
from sqlalchemy import func, inspect, select
from sqlalchemy.orm import selectinload
from sqlalchemy.orm.exc import StaleDataError

from iom_events.audit import describe
from iom_events.audit.models import AuditAction, AuditEntry
from iom_events.extensions import db
from iom_events.fields import to_int
from iom_events.translated import Translated, TranslatedText

__all__ = [
    "Clash",
    "Conflict",
    "changes_since",
    "commit_or_conflict",
    "save",
    "submitted_version",
    "to_int",
]

MERGE_BASE = "merge-base"
"""Hidden input: the version an editor's form first started from, kept across a clash."""

CHOICE = "merge-{}"
"""Radio per clashing field ("merge-venue-en"): "theirs" or "mine"."""

NOT_MERGED = frozenset(
    {"id", "version", "sequence", "uid", "created_at", "updated_at", "withdrawal",
     "content_version", "removed_at"}
)  # fmt: skip
"""Bookkeeping, and the trash (which has its own way of telling an editor)."""

SECRET = frozenset({"password_hash"})
"""Recorded in the history as "…": never compared by value."""


@dataclass(frozen=True)
class Clash:
    """One field both sides changed, to different values: what each side holds, in words."""

    field: str
    """The field's name in the form, with the language for a translatable one: "venue-en"."""
    label: str
    base: str
    theirs: str
    mine: str
    who: str
    when: str
    at: str
    """The time of their change, ISO 8601 (for `<time datetime>`)."""
    anchor: str
    """The id of the input to link to."""

    @property
    def choice(self) -> str:
        """The name of the radio that decides it."""
        return CHOICE.format(self.field)


@dataclass(frozen=True)
class Conflict:
    """Why a save did not happen: the changes made meanwhile and the fields that clash.

    `clashes` is empty when the record changed again while it was being saved (twice in a row):
    saving again merges with that too.
    """

    entries: list[AuditEntry]
    current_version: int
    clashes: tuple[Clash, ...] = ()


def changes_since(record, version: int | None) -> list[AuditEntry]:
    """The history entries of `record` after `version`, oldest first, with their authors.

    Only since the record's creation: SQLite may give a new row the id of one deleted for
    good, whose history stays."""
    same_record = (
        AuditEntry.object_type == type(record).__name__,
        AuditEntry.object_id == record.id,
    )
    created = (
        select(func.max(AuditEntry.id))
        .where(*same_record, AuditEntry.action == AuditAction.CREATE)
        .scalar_subquery()
    )
    statement = (
        select(AuditEntry)
        .where(
            *same_record,
            AuditEntry.version > (version or 0),
            AuditEntry.id >= func.coalesce(created, 0),
        )
        .order_by(AuditEntry.version, AuditEntry.id)
        .options(selectinload(AuditEntry.user))
    )
    return list(db.session.scalars(statement))


def save(form, record, also: Callable[[], object] | None = None) -> Conflict | None:
    """Copy a validated form onto `record` and commit, merged with what changed meanwhile.

    The form needs a `version` field (`VersionField`). `also` runs after the copy, before the
    commit, for what must change with the record in the same transaction (a meeting's agenda
    follows its dates; a renamed record keeps its old address). Returns None when saved (with a
    flashed message when other people's changes were merged in); a Conflict when a field clashes,
    with nothing saved, the session rolled back and the form moved to the current version.
    """
    started, seen = _versions(form)
    if record.id is not None and not 0 < seen <= record.version:
        # No version, or one the record never had (a tampered page): what the editor started
        # from is unknown, so every field anyone changed since the record was made is theirs.
        started = seen = 0
    if record.id is None or started == getattr(record, "version", started):
        form.populate_obj(record)
        if also is not None:
            also()
        try:
            db.session.add(record)
            db.session.commit()
            return None
        except StaleDataError:
            db.session.rollback()
            db.session.refresh(record)
    return _save_merged(form, record, also, started, seen)


def commit_or_conflict(record, version: int | None) -> Conflict | None:
    """For a change made without a form (publish, remove...): refused if the record moved on."""
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


# --- the merge ------------------------------------------------------------------------------------


def _versions(form) -> tuple[int, int]:
    """(the version the editor started from, the version their form was last shown at).

    They differ after a clash: the form moved on to show the current version, and the merge
    still starts from what the editor first had (an earlier "merge-base" is never trusted to be
    later than the form's version)."""
    version = getattr(form, "version", None)
    seen = (version.data if version is not None else None) or 0
    base = to_int(request.form.get(MERGE_BASE)) if has_request_context() else None
    started = base if base is not None and 0 <= base <= seen else seen
    return started, seen


def _save_merged(form, record, also, started: int, seen: int, retried: bool = False):
    merge = _Merge(form, record, started, seen)
    if merge.clashes:
        conflict = merge.conflict()
        db.session.rollback()  # what the view changed on the record before calling save, too
        return conflict
    merge.apply()
    if also is not None:
        also()
    try:
        db.session.add(record)
        db.session.commit()
    except StaleDataError:
        db.session.rollback()
        db.session.refresh(record)
        if not retried:
            return _save_merged(form, record, also, started, seen, retried=True)
        conflict = Conflict(changes_since(record, started), record.version)
        _move_form(form, record.version, started)
        return conflict
    merge.tell()
    return None


def _move_form(form, version: int, started: int) -> None:
    form.version.data = version
    form.version.raw_data = [str(version)]
    form.version.merge_base = started


class _Draft:
    """Stands in for a record while a form copies itself onto it: catches what the form writes
    (and reads the record for the rest), so that the record is changed only where the merge
    says so."""

    def __init__(self, record) -> None:
        object.__setattr__(self, "_record", record)
        object.__setattr__(self, "written", {})

    def __getattr__(self, name):
        written = object.__getattribute__(self, "written")
        if name in written:
            return written[name]
        return getattr(object.__getattribute__(self, "_record"), name)

    def __setattr__(self, name, value) -> None:
        self.written[name] = value


@dataclass
class _Unit:
    """One field of the comparison: an attribute, or one language of a translatable one."""

    key: str
    lang: str | None
    base: object
    theirs: object
    mine: object
    source: str = "theirs"

    @property
    def name(self) -> str:
        return self.key if self.lang is None else f"{self.key}-{self.lang}"


@dataclass
class _Merge:
    """The three-way comparison of one form with one record (nothing changed until `apply`)."""

    form: object
    record: object
    started: int
    seen: int
    units: list[_Unit] = field(default_factory=list)
    clashes: list[_Unit] = field(default_factory=list)
    merged: list[_Unit] = field(default_factory=list)
    overridden: list[_Unit] = field(default_factory=list)
    """Clashes the editor was shown and settled with their own value."""

    def __post_init__(self) -> None:
        record = self.record
        self.state = inspect(record)
        mapper = self.state.mapper
        self.object_type = type(record).__name__
        self.columns = [
            attr.key
            for attr in mapper.column_attrs
            if attr.key not in NOT_MERGED and not attr.columns[0].primary_key
        ]
        self.translated = {
            attr.key
            for attr in mapper.column_attrs
            if isinstance(attr.columns[0].type, TranslatedText)
        }
        self.collections = [r.key for r in mapper.relationships if r.secondary is not None]
        self.references = {  # foreign key column -> many-to-one relationship
            next(iter(r.local_columns)).key: r
            for r in mapper.relationships
            if r.direction.name == "MANYTOONE" and len(r.local_columns) == 1
        }
        with db.session.no_autoflush:
            self.entries = changes_since(record, self.started)
            self.committed = {key: self._committed(key) for key in self.keys}
            self.draft = _Draft(record)
            self.form.populate_obj(self.draft)
            self.wanted = {key: self._mine(key) for key in self.keys}
        self._compare()

    @property
    def keys(self) -> list[str]:
        return [*self.columns, *self.collections]

    # what each side holds

    def _committed(self, key: str):
        """The value in the database (not what a view may have set on the record already)."""
        getattr(self.record, key)  # loads it when expired
        history = self.state.attrs[key].history
        if key in self.collections:
            if history.has_changes():
                return [*history.unchanged, *history.deleted]
            return list(getattr(self.record, key))
        if history.deleted:
            return history.deleted[0]
        return getattr(self.record, key)

    def _mine(self, key: str):
        written = self.draft.written
        if key in written:
            return written[key]
        relationship = self.references.get(key)
        if relationship is not None:
            if relationship.key in written:
                related = written[relationship.key]
                return getattr(related, "id", None) if related is not None else None
            if self.state.attrs[relationship.key].history.has_changes():
                related = getattr(self.record, relationship.key)
                return related.id if related is not None else None
        return getattr(self.record, key)

    def _plain(self, key: str, value):
        """A value as the history holds it, so that the three sides compare."""
        if key in self.collections:
            return [getattr(member, "name", None) or member.id for member in value or ()]
        return _plain(value)

    # the comparison

    def _compare(self) -> None:
        theirs = {key: self._plain(key, self.committed[key]) for key in self.keys}
        mine = {key: self._plain(key, self.wanted[key]) for key in self.keys}
        base: dict[str, object] = {}
        self.last_change: dict[str, AuditEntry] = {}
        for entry in self.entries:
            for key, (old, new) in (entry.changes or {}).items():
                if key not in theirs:
                    continue
                if key in self.translated:
                    old, new = old or {}, new or {}
                    for lang in {*old, *new}:
                        if old.get(lang) != new.get(lang):
                            base.setdefault(f"{key}-{lang}", old.get(lang))
                            self.last_change[f"{key}-{lang}"] = entry
                else:
                    base.setdefault(key, old)
                    self.last_change[key] = entry
        for key in self.keys:
            if key in self.translated:
                now, wanted = theirs[key] or {}, mine[key] or {}
                langs = {
                    *now,
                    *wanted,
                    *(n.split("-", 1)[1] for n in base if n.startswith(f"{key}-")),
                }
                for lang in sorted(langs):
                    before = base.get(f"{key}-{lang}", now.get(lang))
                    self._decide(_Unit(key, lang, before, now.get(lang), wanted.get(lang)))
            else:
                self._decide(_Unit(key, None, base.get(key, theirs[key]), theirs[key], mine[key]))

    def _decide(self, unit: _Unit) -> None:
        self.units.append(unit)
        if unit.key in SECRET:
            they_changed = unit.key in self.last_change
            i_changed = self.wanted[unit.key] != self.committed[unit.key]
        else:
            they_changed = unit.theirs != unit.base
            i_changed = unit.mine != unit.base and not self._untouched(unit.key)
        if not i_changed:
            unit.source = "theirs"
            if they_changed:
                self.merged.append(unit)
        elif not they_changed or unit.mine == unit.theirs:
            unit.source = "mine"
        elif self._form_field(unit.key) is None:
            unit.source = "mine"  # set by the view from the editor's input, not a field of its own
        else:
            choice = request.form.get(CHOICE.format(unit.name)) if has_request_context() else None
            shown = self.last_change[unit.name].version <= self.seen
            if choice == "theirs" and shown:
                unit.source = "theirs"
            elif choice == "mine" and shown:
                unit.source = "mine"
                self.overridden.append(unit)
            else:  # never decided without the editor: no choice made, or a newer change
                self.clashes.append(unit)

    def _untouched(self, key: str) -> bool:
        """Neither the form nor the view set it: the record's value is theirs, not mine."""
        written = self.draft.written
        relationship = self.references.get(key)
        if key in written or (relationship is not None and relationship.key in written):
            return False
        if relationship is not None and self.state.attrs[relationship.key].history.has_changes():
            return False
        return not self.state.attrs[key].history.has_changes()

    # the outcome

    def apply(self) -> None:
        """Change the record to the merged values: mine where mine wins, theirs elsewhere."""
        by_key: dict[str, list[_Unit]] = {}
        for unit in self.units:
            by_key.setdefault(unit.key, []).append(unit)
        for key, units in by_key.items():
            sources = {unit.source for unit in units}
            if sources == {"theirs"}:
                self._restore(key)
            elif sources == {"mine"}:
                self._take_mine(key)
            else:  # a translatable field: some languages each way
                texts = {u.lang: (u.mine if u.source == "mine" else u.theirs) for u in units}
                setattr(self.record, key, Translated(texts) or None)
        handled = {*self.keys, *(r.key for r in self.references.values())}
        for name, value in self.draft.written.items():
            if name not in handled and name not in NOT_MERGED:
                setattr(self.record, name, value)  # nothing anyone else could have changed

    def _restore(self, key: str) -> None:
        relationship = self.references.get(key)
        if relationship is not None and self.state.attrs[relationship.key].history.has_changes():
            history = self.state.attrs[relationship.key].history
            committed = history.deleted[0] if history.deleted else None
            if committed is None and self.committed[key] is not None:
                committed = db.session.get(
                    relationship.mapper.class_,
                    self.committed[key],
                    execution_options={"include_removed": True},
                )
            setattr(self.record, relationship.key, committed)
        elif key in self.collections:
            if self.state.attrs[key].history.has_changes():
                setattr(self.record, key, self.committed[key])
        elif self.state.attrs[key].history.has_changes():
            setattr(self.record, key, self.committed[key])

    def _take_mine(self, key: str) -> None:
        written = self.draft.written
        relationship = self.references.get(key)
        if key in written:
            setattr(self.record, key, written[key])
        elif relationship is not None and relationship.key in written:
            setattr(self.record, relationship.key, written[relationship.key])

    def conflict(self) -> Conflict:
        """The clashes in words; the form moves to the current version and shows the choices."""
        titles = describe.Titles()
        clashes = tuple(self._clash(unit, titles) for unit in self.clashes)
        for clash, unit in zip(clashes, self.clashes, strict=True):
            form_field = self._form_field(unit.key)
            choices = getattr(form_field, "merge_clashes", None) or {}
            choices[unit.lang] = clash
            form_field.merge_clashes = choices
        conflict = Conflict(self.entries, self.record.version, clashes)
        _move_form(self.form, self.record.version, self.started)
        return conflict

    def _clash(self, unit: _Unit, titles: describe.Titles) -> Clash:
        entry = self.last_change[unit.name]
        form_field = self._form_field(unit.key)
        if unit.lang is None:
            words = [
                describe.value_text(self.object_type, unit.key, value, titles)
                for value in (unit.base, unit.theirs, unit.mine)
            ]
            anchor = form_field.id
        else:
            words = [value or "—" for value in (unit.base, unit.theirs, unit.mine)]
            anchor = form_field.input_name(unit.lang)
        return Clash(
            field=unit.name,
            label=self._label(unit),
            base=words[0],
            theirs=words[1],
            mine=words[2],
            who=describe.who(entry.user),
            when=describe.when(entry.at),
            at=entry.at.isoformat(timespec="seconds"),
            anchor=anchor,
        )

    def tell(self) -> None:
        """After a merged save: whose changes to which fields were kept, and whose values the
        editor's own replaced on purpose (said too: nothing is overwritten silently)."""
        locale = get_locale()
        if self.merged:
            who, fields = self._whose(self.merged, locale)
            flash(_("Saved, merged with %(who)s's changes to %(fields)s.", who=who, fields=fields))
        if self.overridden:
            who, fields = self._whose(self.overridden, locale)
            flash(_("Your values replaced %(who)s's for %(fields)s.", who=who, fields=fields))

    def _whose(self, units: list[_Unit], locale) -> tuple[str, str]:
        """The people who last changed these fields, and the fields' labels, as lists."""
        people: list[str] = []
        labels: list[str] = []
        for unit in units:
            entry = self.last_change.get(unit.name)
            name = describe.who(entry.user if entry else None, nobody=_("someone"))
            if name not in people:
                people.append(name)
            label = self._label(unit)
            if label not in labels:
                labels.append(label)
        return format_list(people, locale=locale), format_list(labels, locale=locale)

    def _form_field(self, key: str):
        names = [key]
        if key.endswith("_id"):
            names += [key[:-3], f"{key[:-3]}_slug"]
        for name in names:
            if name != "version" and name in self.form:
                return self.form[name]
        return None

    def _label(self, unit: _Unit) -> str:
        form_field = self._form_field(unit.key)
        label = (
            str(form_field.label.text)
            if form_field is not None
            else describe.field_label(self.object_type, unit.key)
        )
        return describe.in_language(label, unit.lang) if unit.lang else label


def _plain(value):
    """A value as JSON holds it (as the history writes it)."""
    if isinstance(value, Translated):
        return dict(value) or None
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date | time | datetime):
        return value.isoformat()
    return value
