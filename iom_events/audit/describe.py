"""The history in words: what staff call each kind of record and field, and values as the page's
locale writes them.

The history (AuditEntry) keeps plain JSON: field names, ISO dates, enum values, ids of the records
a field points to, translatable texts as {lang: text}. This module turns that into what an editor
reads: "Agenda item: Opening session", "First day", "4 June 2009", "Member State", the meeting's
title rather than "#5". Field labels are those of the forms staff edit with (so a field is
called the same on the form, in a clash and in the history); a few fields no form shows have
their own.
"""

from __future__ import annotations

import importlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from enum import Enum
from functools import cache

from babel.lists import format_list
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import Enum as EnumType
from sqlalchemy import TypeDecorator, and_, or_, select
from sqlalchemy.orm import selectinload
from wtforms.fields.core import UnboundField

from iom_events import phones
from iom_events.audit.erasure import ERASED
from iom_events.audit.models import AuditAction, AuditEntry
from iom_events.documents.models import format_name
from iom_events.extensions import db
from iom_events.formatting import (
    country_name,
    file_size,
    language_name,
    long_date,
    moment,
    time_of_day,
)
from iom_events.labels import label as choice_label
from iom_events.languages import current_lang
from iom_events.translated import Translated

KINDS = {
    "Event": _l("Meeting"),
    "AgendaItem": _l("Agenda item"),
    "Delegation": _l("Delegation"),
    "Participant": _l("Participant"),
    "Document": _l("Document"),
    "DocumentFile": _l("Document file"),
    "PressContact": _l("Press contact"),
    "EventOrganizer": _l("Organizer"),
    "Office": _l("Office"),
    "User": _l("Staff account"),
}
"""What staff call each kind of record."""

FORMS = {
    "Event": ("iom_events.events.forms", "EventForm"),
    "AgendaItem": ("iom_events.agenda.forms", "AgendaItemForm"),
    "Delegation": ("iom_events.delegations.forms", "DelegationForm"),
    "Participant": ("iom_events.delegations.forms", "ParticipantForm"),
    "Document": ("iom_events.documents.forms", "DocumentForm"),
    "DocumentFile": ("iom_events.documents.forms", "UploadForm"),
    "PressContact": ("iom_events.press.forms", "PressContactForm"),
    "Office": ("iom_events.offices.forms", "OfficeForm"),
    "EventOrganizer": ("iom_events.events.organizers", "OrganizerForm"),
    "User": ("iom_events.accounts.forms", "UserForm"),
}
"""The form each kind is edited with: its field labels name the fields in the history."""

FIELDS = {
    "status": _l("Status"),
    "position": _l("Order"),
    "removed_at": _l("In the trash"),
    "is_active": _l("Active"),
    "password_hash": _l("Password"),
    "sha256": _l("File"),
    "size": _l("Size"),
    "media_type": _l("Format"),
    "original_filename": _l("File name"),
    "uploaded_by_id": _l("Uploaded by"),
    "uploaded_at": _l("Uploaded"),
    "replaced_at": _l("Replaced"),
}
"""Fields that no form shows (a meeting's status, an item's order, a file's details)."""

REFERENCES = {
    ("Event", "parent_id"): "Event",
    ("Office", "parent_id"): "Office",
    ("EventOrganizer", "office_id"): "Office",
    ("PressContact", "office_id"): "Office",
    ("PressContact", "event_id"): "Event",
    ("Participant", "delegation_id"): "Delegation",
    ("Document", "delegation_id"): "Delegation",
    ("DocumentFile", "uploaded_by_id"): "User",
}
"""Fields that hold the id of another record: shown as that record's title."""

QUALIFIERS = {"about": _l("approximate"), "more_than": _l("a minimum")}
"""How exact a meeting's head count is (the words of the meeting form)."""

LANGUAGE_FIELDS = {"original_language", "language"}
HIDDEN = {"event_id", "document_id", "sha256"}
"""Not worth a line in the history: the meeting a part belongs to, a file's checksum."""


# --- kinds and fields ---------------------------------------------------------------------------


def kind_label(object_type: str) -> str:
    """What staff call a kind of record: "Agenda item"."""
    return str(KINDS.get(object_type, object_type))


def field_label(object_type: str, field: str) -> str:
    """A field's name as its form calls it, in the page's language: "Venue", "First day"."""
    label = _form_labels(object_type).get(field) or FIELDS.get(field)
    return str(label) if label is not None else field.replace("_", " ").capitalize()


def in_language(label: str, lang: str) -> str:
    """One language of a translatable field: "Title (Spanish)"."""
    return f"{label} ({language_name(lang)})"


@cache
def _form_labels(object_type: str) -> dict[str, object]:
    """Field name -> lazy label, read from the kind's form class (the field `delegation` labels
    the column `delegation_id`, `parent_slug` labels `parent_id`)."""
    module_name, class_name = FORMS.get(object_type, (None, None))
    if module_name is None:
        return {}
    try:
        form_class = getattr(importlib.import_module(module_name), class_name)
    except (ImportError, AttributeError):
        return {}
    labels: dict[str, object] = {}
    for name in dir(form_class):
        unbound = getattr(form_class, name, None)
        if not isinstance(unbound, UnboundField):
            continue
        label = unbound.kwargs.get("label", unbound.args[0] if unbound.args else None)
        if label is None:
            continue
        labels.setdefault(name, label)
        stem = name.removesuffix("_slug")
        labels.setdefault(f"{stem}_id", label)
    return labels


@cache
def _model(object_type: str):
    for mapper in db.Model.registry.mappers:
        if mapper.class_.__name__ == object_type:
            return mapper.class_
    return None


def _column_type(object_type: str, field: str):
    model = _model(object_type)
    if model is None:
        return None
    column = model.__table__.columns.get(field)
    return column.type if column is not None else None


# --- values -------------------------------------------------------------------------------------


def value_text(object_type: str, field: str, value, titles: Titles | None = None) -> str:
    """A value from the history as the page's locale writes it; "—" for nothing."""
    if value is None or value == "" or value == [] or value == {}:
        return "—"
    if value == ERASED:
        return _("erased")
    if field == "password_hash":
        return "…"
    referenced = REFERENCES.get((object_type, field))
    if referenced is not None and isinstance(value, int):
        return titles.title(referenced, value) if titles is not None else f"#{value}"
    if isinstance(value, dict):
        return " · ".join(f"{language_name(lang)}: {text}" for lang, text in value.items())
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, list):
        if field == "languages":
            return format_list([language_name(code) for code in value], locale=get_locale())
        return ", ".join(str(member) for member in value)
    if field == "country":
        return country_name(value)
    if field in LANGUAGE_FIELDS:
        return language_name(value)
    if field == "phone":
        return phones.international(value) or value
    if field == "size" and isinstance(value, int):
        return file_size(value)
    if field == "position" and isinstance(value, int):
        return str(value + 1)  # stored from 0; people count from 1
    if field == "media_type":
        return format_name(value)
    if field == "participant_count_qualifier":
        return str(QUALIFIERS.get(value, value))
    return _typed(_column_type(object_type, field), value)


def _typed(column_type, value) -> str:
    """Enums by their label, dates and times as the locale writes them."""
    if isinstance(column_type, EnumType) and column_type.enum_class is not None:
        try:
            member = column_type.enum_class(value)
        except ValueError:
            return str(value)
        return choice_label(member)
    if isinstance(column_type, TypeDecorator):  # UTCDateTime, say: what it stores
        column_type = column_type.impl
    try:
        python_type = column_type.python_type if column_type is not None else None
    except NotImplementedError:
        python_type = None
    if isinstance(value, str):
        try:
            if python_type is date:
                return long_date(date.fromisoformat(value))
            if python_type is time:
                return time_of_day(time.fromisoformat(value))
            if python_type is datetime:
                return when(datetime.fromisoformat(value))
        except ValueError:
            return value
    if isinstance(value, Enum):
        return choice_label(value)
    return str(value)


def who(user, nobody: str | None = None) -> str:
    """Who made a change: the staff member's e-mail address."""
    if user is None:
        return nobody if nobody is not None else _("system")
    return user.email


def when(at: datetime) -> str:
    """When a change was made, as the page's language writes a date and time."""
    return moment(at)


# --- record titles --------------------------------------------------------------------------------


def title_of(record) -> str:
    """What staff call a record: its title or name in the page's language (with a fallback)."""
    lang = current_lang()
    document = getattr(record, "document", None)
    if document is not None:  # one language version of a document
        return f"{title_of(document)} ({language_name(record.language)})"
    office = getattr(record, "office", None)
    if type(record).__name__ == "EventOrganizer" and office is not None:
        return title_of(office)
    for attribute in ("title", "name", "email"):
        value = getattr(record, attribute, None)
        if isinstance(value, Translated):
            text = value.resolve(lang, getattr(record, "original_language", None))
            if text:
                return str(text)
        elif value:
            return str(value)
    country = getattr(record, "country", None)
    return country_name(country) if country else f"#{record.id}"


def _title_in_history(changes: dict) -> str | None:
    for attribute in ("title", "name", "email"):
        old_new = changes.get(attribute)
        if not old_new:
            continue
        value = old_new[1] if old_new[1] is not None else old_new[0]
        if value == ERASED:
            continue
        if isinstance(value, dict):
            text = Translated(value).resolve(current_lang())
            if text:
                return str(text)
        elif value:
            return str(value)
    return None


LOAD_WITH = {"DocumentFile": "document", "EventOrganizer": "office"}
"""What a kind's title needs besides its own row."""


class Titles:
    """The titles of the records a page of history names, read in one query per kind.

    A record deleted for good is named by the last title its history knew.
    """

    def __init__(self) -> None:
        self._titles: dict[tuple[str, int], str] = {}

    def load(self, wanted: Iterable[tuple[str, int]]) -> None:
        by_kind: dict[str, set[int]] = defaultdict(set)
        for object_type, object_id in wanted:
            if (object_type, object_id) not in self._titles and _model(object_type) is not None:
                by_kind[object_type].add(object_id)
        missing: list[tuple[str, int]] = []
        for object_type, ids in sorted(by_kind.items()):
            model = _model(object_type)
            statement = select(model).where(model.id.in_(ids))
            if object_type in LOAD_WITH:
                statement = statement.options(selectinload(getattr(model, LOAD_WITH[object_type])))
            found = db.session.scalars(statement, execution_options={"include_removed": True})
            for record in found:
                self._titles[(object_type, record.id)] = title_of(record)
            missing += [(object_type, i) for i in ids if (object_type, i) not in self._titles]
        if missing:
            self._from_history(missing)

    def _from_history(self, missing: list[tuple[str, int]]) -> None:
        by_kind: dict[str, list[int]] = defaultdict(list)
        for object_type, object_id in missing:
            by_kind[object_type].append(object_id)
        statement = (
            select(AuditEntry.object_type, AuditEntry.object_id, AuditEntry.changes)
            .where(
                or_(
                    *(
                        and_(AuditEntry.object_type == kind, AuditEntry.object_id.in_(ids))
                        for kind, ids in by_kind.items()
                    )
                )
            )
            .order_by(AuditEntry.id)
        )
        for object_type, object_id, changes in db.session.execute(statement):
            title = _title_in_history(changes or {})
            if title:
                self._titles[(object_type, object_id)] = title

    def remember(self, record) -> None:
        """A record already at hand: its title needs no query."""
        self._titles[(type(record).__name__, record.id)] = title_of(record)

    def title(self, object_type: str, object_id: int) -> str:
        if (object_type, object_id) not in self._titles:
            self.load([(object_type, object_id)])
        return self._titles.get((object_type, object_id), f"#{object_id}")


# --- entries ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """One line of an entry: a field (one language of a translatable one), before and after."""

    label: str
    before: str
    after: str


@dataclass(frozen=True)
class Described:
    """One history entry in words."""

    action: str
    subject: str
    """What the entry is about: "Agenda item: Opening session"."""
    who: str
    when: str
    at: str
    """ISO 8601, for `<time datetime>`."""
    changes: tuple[Change, ...]


def entries_in_words(entries: list[AuditEntry], known: Iterable = ()) -> list[Described]:
    """Entries (with their users loaded) as staff read them, titles in a few queries (none for
    the `known` records, the meeting of the page, say)."""
    titles = Titles()
    for record in known:
        titles.remember(record)
    wanted = {(entry.object_type, entry.object_id) for entry in entries}
    for entry in entries:
        for field, values in (entry.changes or {}).items():
            referenced = REFERENCES.get((entry.object_type, field))
            if referenced is not None:
                wanted |= {(referenced, v) for v in values if isinstance(v, int)}
    titles.load(wanted)
    return [
        Described(
            action=choice_label(AuditAction(entry.action)),
            subject=_(
                "%(kind)s: %(title)s",
                kind=kind_label(entry.object_type),
                title=titles.title(entry.object_type, entry.object_id),
            ),
            who=who(entry.user),
            when=when(entry.at),
            at=entry.at.isoformat(timespec="seconds"),
            changes=tuple(_changes(entry, titles)),
        )
        for entry in entries
    ]


def _changes(entry: AuditEntry, titles: Titles) -> Iterable[Change]:
    trash = entry.action in (AuditAction.REMOVE, AuditAction.RESTORE)
    for field, values in (entry.changes or {}).items():
        if field in HIDDEN or (trash and field == "removed_at"):
            continue
        old, new = values
        label = field_label(entry.object_type, field)
        translated = isinstance(old, dict | None) and isinstance(new, dict | None)
        if translated and (old or new) and ERASED not in (old, new):
            old, new = old or {}, new or {}
            for lang in [*dict.fromkeys([*old, *new])]:
                if old.get(lang) != new.get(lang):
                    yield Change(
                        in_language(label, lang), old.get(lang) or "—", new.get(lang) or "—"
                    )
            continue
        yield Change(
            label,
            value_text(entry.object_type, field, old, titles),
            value_text(entry.object_type, field, new, titles),
        )
