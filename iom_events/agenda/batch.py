"""Many agenda items at once: rows typed in one form, or a table pasted from a spreadsheet.

Each row is checked on its own and explained in the page's language; nothing is written unless
every row is good, and then all of them in one transaction (`create`), each item at the end of
its slot, with its history entry written by the save pipeline (iom_events/saving.py).

A row holds what was typed, as text: a day (ISO 8601 `2030-01-10`, `10/01/2030` day first, or
the meeting's day number `1`, `2`...), start and end times (`09:00`, `9h30`; an end after
midnight is written `02:00+1` in a table, or ticked "Ends the next day" in the rows form), a
title in the meeting's original language, and speakers: names of the meeting's participants,
separated by `;` (accents and case do not matter).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, time

from babel.lists import format_list
from flask_babel import get_locale
from flask_babel import gettext as _
from sqlalchemy import func, select

from iom_events.agenda.models import AgendaItem, AgendaItemKind
from iom_events.agenda.schedule import meeting_days
from iom_events.delegations.models import Participant
from iom_events.events.models import Event
from iom_events.extensions import db
from iom_events.fields import TranslatedField
from iom_events.formatting import long_day, translate
from iom_events.forms import one_line
from iom_events.translated import Translated

MAX_ROWS = 200
"""A meeting's agenda has a few dozen items; a paste of thousands is a mistake."""

_TIME = re.compile(r"^(\d{1,2})(?:\s*[:hH.]\s*(\d{2})?)?$")
_NEXT_DAY = re.compile(r"\s*(?:\(\s*\+\s*1\s*\)|\+\s*1)$")


@dataclass
class Row:
    """One row as typed (every value a text)."""

    day: str = ""
    starts_at: str = ""
    ends_at: str = ""
    ends_next_day: bool = False
    kind: str = AgendaItemKind.SESSION.value
    title: str = ""
    speakers: str = ""

    @classmethod
    def typed(cls, day: str | None, values: dict) -> Row:
        """A row of the rows form: `values` by field name (a missing one is blank)."""
        texts = {
            name: str(values.get(name) or "")
            for name in ("starts_at", "ends_at", "kind", "title", "speakers")
        }
        texts["kind"] = texts["kind"] or AgendaItemKind.SESSION.value
        return cls(day=day or "", ends_next_day=bool(values.get("ends_next_day")), **texts)

    def is_blank(self) -> bool:
        return not any(
            value.strip() for value in (self.starts_at, self.ends_at, self.title, self.speakers)
        )


@dataclass
class Checked:
    """A row and what checking it found: `errors` (field name → message) or an item's
    values."""

    number: int
    """The row's place, from 1, as the editor counts it."""
    row: Row
    errors: dict[str, str] = field(default_factory=dict)
    day: date | None = None
    starts_at: time | None = None
    ends_at: time | None = None
    ends_next_day: bool = False
    speakers: list[Participant] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def fingerprint(text: str) -> str:
    """What identifies a pasted text: the preview sends it back with the confirmation."""
    return hashlib.sha256(text.encode()).hexdigest()


def fold(text: str) -> str:
    """`text` without accents, case or extra spaces: how names and headings are compared."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())


def check(event: Event, rows: list[Row], participants: list[Participant]) -> list[Checked]:
    """Each non-blank row checked against the meeting (its days, its participants)."""
    by_name: dict[str, list[Participant]] = {}
    for person in participants:
        by_name.setdefault(fold(person.name), []).append(person)
    days = meeting_days(event)
    answer = []
    for number, row in enumerate(rows, start=1):
        if not row.is_blank():
            answer.append(_check_row(number, row, days, by_name))
    return answer


def create(event: Event, checked: list[Checked]) -> list[AgendaItem]:
    """Add the items of good rows to the meeting, each at the end of its day (the caller
    commits: one transaction). Refuses (ValueError) a list with a bad row."""
    if not all(each.ok for each in checked):
        raise ValueError("a row has errors")
    last = dict(
        db.session.execute(
            select(AgendaItem.day, func.max(AgendaItem.position))
            .where(AgendaItem.event_id == event.id)
            .group_by(AgendaItem.day)
        ).all()
    )
    items = []
    for each in checked:
        position = last.get(each.day, -1) + 1
        last[each.day] = position
        item = AgendaItem(
            event_id=event.id,
            day=each.day,
            starts_at=each.starts_at,
            ends_at=each.ends_at,
            ends_next_day=each.ends_next_day,
            kind=AgendaItemKind(each.row.kind),
            title=Translated({event.original_language: each.row.title.strip()}),
            position=position,
            speakers=each.speakers,
        )
        db.session.add(item)
        items.append(item)
    return items


def _check_row(
    number: int, row: Row, days: list[date], by_name: dict[str, list[Participant]]
) -> Checked:
    checked = Checked(number=number, row=row)
    errors = checked.errors
    checked.day = _day(row.day, days)
    if checked.day is None:
        errors["day"] = _(
            "Write a day of the meeting (%(first)s to %(last)s) as 2030-01-10, 10/01/2030 "
            "or its number (1 for the first day).",
            first=long_day(days[0]),
            last=long_day(days[-1]),
        )
    ends_at, next_day = row.ends_at, row.ends_next_day
    if _NEXT_DAY.search(ends_at):
        ends_at, next_day = _NEXT_DAY.sub("", ends_at), True
    checked.starts_at = _time(row.starts_at)
    checked.ends_at = _time(ends_at)
    if row.starts_at.strip() and checked.starts_at is None:
        errors["starts_at"] = _("Write the start time as 09:30 or 9h30.")
    if ends_at.strip() and checked.ends_at is None:
        errors["ends_at"] = _("Write the end time as 11:00 or 11h00 (02:00+1 for the next day).")
    elif checked.ends_at and checked.starts_at is None and "starts_at" not in errors:
        errors["ends_at"] = _("Enter a start time too, or no end time.")
    elif checked.ends_at and checked.starts_at:
        if next_day and checked.ends_at >= checked.starts_at:
            errors["ends_at"] = _(
                "An item that ends the next day ends earlier on the clock than it starts "
                "(22:00 to 02:00): correct the end time, or untick “Ends the next day”."
            )
        elif not next_day and checked.ends_at < checked.starts_at:
            errors["ends_at"] = _(
                "The end time is before the start time: if the item ends after midnight, "
                "mark it as ending the next day (02:00+1)."
            )
    checked.ends_next_day = bool(next_day and checked.ends_at)
    if row.kind not in {kind.value for kind in AgendaItemKind}:
        errors["kind"] = _("Choose a kind of item.")
    row.title, row.speakers = one_line(row.title) or "", row.speakers.replace("\t", " ")
    title = row.title.strip()
    if not title:
        errors["title"] = _("Write a title.")
    elif len(title) > TranslatedField.LINE_LIMIT:
        errors["title"] = _(
            "A title has at most %(num)d characters.", num=TranslatedField.LINE_LIMIT
        )
    unknown, ambiguous = [], []
    for name in filter(None, (part.strip() for part in re.split(r"[;\n]", row.speakers))):
        found = _named(name, by_name)
        if len(found) == 1:
            if found[0] not in checked.speakers:
                checked.speakers.append(found[0])
        elif found:
            quoted = [_("“%(text)s”", text=_qualified(person)) for person in found]
            ambiguous.append(
                _(
                    "%(count)d participants are named %(name)s: write which one, as %(which)s.",
                    count=len(found),
                    name=name,
                    which=format_list(quoted, style="or", locale=get_locale()),
                )
            )
        else:
            unknown.append(name)
    messages = ambiguous
    if unknown:
        messages.append(
            _(
                "Not a participant of the meeting: %(names)s. Add them to the participants "
                "first, or check the spelling.",
                names="; ".join(unknown),
            )
        )
    if messages:
        errors["speakers"] = " ".join(messages)
    return checked


_QUALIFIED = re.compile(r"^(?P<name>.+?)\s*\((?P<delegation>[^()]+)\)$")
"""A speaker named with their delegation, for two participants of one name: "Ana Pérez (Chile)"."""


def _named(name: str, by_name: dict[str, list[Participant]]) -> list[Participant]:
    """The participants a speaker cell's name may be: by name (compared folded), or, written
    "Name (Delegation)", by name among the delegation's members (its name or short name, in
    any language)."""
    found = by_name.get(fold(name), [])
    if found:
        return found
    match = _QUALIFIED.match(name)
    if match is None:
        return []
    wanted = fold(match["delegation"])
    return [
        person
        for person in by_name.get(fold(match["name"]), [])
        if person.delegation is not None
        and wanted in {fold(text) for text in _names_of(person.delegation)}
    ]


def _names_of(delegation) -> list[str]:
    return [
        text
        for names in (delegation.name, delegation.short_name)
        for text in (names or {}).values()
        if text
    ]


def _qualified(person: Participant) -> str:
    """A participant as "Name (Delegation)", as a speaker cell may write one whose name another has;
    the delegation's short name when it has one, else its name (in the meeting's language)."""
    delegation = person.delegation
    if delegation is None:
        return person.name
    original = delegation.event.original_language
    label = translate(delegation.short_name, original) or translate(delegation.name, original)
    return f"{person.name} ({label})" if label else person.name


def _day(text: str, days: list[date]) -> date | None:
    text = text.strip()
    value = None
    if text.isdigit() and len(text) <= 2:
        number = int(text)
        return days[number - 1] if 1 <= number <= len(days) else None
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y"):
        try:
            value = datetime.strptime(text, pattern).date()
            break
        except ValueError:
            continue
    return value if value in days else None


def _time(text: str) -> time | None:
    match = _TIME.match(text.strip())
    if not match:
        return None
    hours, minutes = int(match[1]), int(match[2] or 0)
    if hours > 23 or minutes > 59:
        return None
    return time(hours, minutes)
