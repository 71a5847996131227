"""The domain's fixed choices and the words the pages use for them, in the reader's language.

Each choice carries its label next to its definition (`Choice`): a model's enum says
`CONFERENCE = "conference", _l("Conference")`, and no module needs to know every enum.
"""

from __future__ import annotations

import functools
from enum import StrEnum

from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString


class Choice(StrEnum):
    """One of the domain's fixed choices: stored and compared by its value (a string), shown
    by its `label`, translated when it is read. Declared as `NAME = "value", _l("Label")`."""

    label: LazyString
    """A lazy translation string: str() of it is the label in the reader's language."""

    def __new__(cls, value: str, label: LazyString):
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member


SEARCH_FIELDS = {
    "title": _l("Title"),
    "summary": _l("Summary"),
    "description": _l("Description"),
    "agenda": _l("Agenda"),
    "speaker": _l("Speaker"),
    "delegation": _l("Delegation"),
    "document": _l("Document"),
    "venue": _l("Venue"),
    "city": _l("City"),
    "office": _l("Organizer"),
}


def search_field(name: str) -> str:
    """Template filter: where a search hit was found, in the reader's language."""
    return str(SEARCH_FIELDS.get(name, name))


def label(value: StrEnum) -> str:
    """Template filter `label`: the localized name of a choice (its value if it has none)."""
    return _label(value, get_locale())


@functools.lru_cache(maxsize=1024)
def _label(value: StrEnum, locale) -> str:
    """Remembered by choice and locale (a handful of each): a meeting page names the role of
    each of its 2,000 participants, and each lookup of the catalog went through Flask-Babel's
    context again. The catalogs do not change while the app runs."""
    return str(getattr(value, "label", value.value))


def in_number(count: int, one, many) -> str:
    """A heading over `count` things (one or more: an empty list has no heading), in the number
    they call for: `one` for a single thing, else `many`. For headings whose singular and plural
    are both entries of the catalogs already (a choice's label, a section's heading): `ngettext`
    cannot share a msgid with them. One/many is the plural rule of English, French and Spanish
    for every count but 0."""
    return str(one if count == 1 else many)


def choices(enum: type[Choice]) -> list[tuple[str, str]]:
    """(value, label) pairs for a form's select, in the enum's order."""
    return [(member.value, label(member)) for member in enum]


def labels_of(value: str, field: str = "") -> set[str]:
    """The labels every choice with this value has, in any enum (a refused form shows a
    choice's label without knowing its field's enum); when enums disagree, those named after
    the field win ("category": `DocumentCategory`, not `DocumentSection`)."""
    enums = [enum for enum in Choice.__subclasses__() if value in enum._value2member_map_]
    named = [enum for enum in enums if enum.__name__.lower().endswith(field.replace("_", ""))]
    labels = {label(enum(value)) for enum in enums}
    if len(labels) > 1 and field and named:
        labels = {label(enum(value)) for enum in named}
    return labels
