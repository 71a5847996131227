"""The form administrators keep the office directory with."""

from __future__ import annotations

from collections.abc import Iterable

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, StringField
from wtforms.validators import InputRequired, Length, Optional, ValidationError

from iom_events.fields import (
    MAX_POSITION,
    ChoiceField,
    CountryField,
    OptionalInteger,
    TranslatedField,
    TranslationRequired,
    VersionField,
    slug_format,
)
from iom_events.formatting import by_name, translate
from iom_events.forms import Form
from iom_events.labels import choices
from iom_events.offices.models import Office, OfficeKind


class OfficeForm(Form):
    """An office's own fields. Its parent is chosen by slug among the other offices."""

    version = VersionField()
    slug = StringField(
        _l("Web address"),
        [InputRequired(_l("Enter the address of the office's page.")), Length(max=80), slug_format],
        filters=[lambda value: value.strip().lower() if value else value],
    )
    kind = ChoiceField(_l("Kind of office"))
    name = TranslatedField(_l("Name"), [TranslationRequired()])
    description = TranslatedField(
        _l("Description"),
        multiline=True,
        description=_l("Markdown: blank lines between paragraphs, *italics*, **bold**, lists."),
    )
    city = TranslatedField(_l("City"))
    country = CountryField(_l("Country"))
    region = TranslatedField(_l("Area supported"))
    resource_mobilization = BooleanField(_l("Resource-mobilization functions"))
    coordination = BooleanField(_l("Coordinating functions"))
    coordination_area = TranslatedField(_l("Coordinates for"))
    parent = ChoiceField(_l("Part of"), validate_choice=False)
    position = OptionalInteger(
        _l("Order in lists"),
        [Optional()],
        maximum=MAX_POSITION,
        description=_l("Smaller numbers come first."),
    )

    def fill_choices(
        self, countries: Iterable[tuple[str, str]], offices: Iterable[Office], current=None
    ) -> None:
        """Countries, and the offices that may hold this one: never itself or one of its units."""
        offices = list(offices)
        self._offices = {office.slug: office for office in offices}
        self._not_parents = _self_and_units(current, offices) if current else set()
        self.kind.choices = choices(OfficeKind)
        self.country.choices = [("", "—"), *countries]
        self.parent.choices = [
            ("", "—"),
            *by_name(
                (o.slug, translate(o.name)) for o in offices if o.slug not in self._not_parents
            ),
        ]

    def validate_parent(self, field):
        if not field.data:
            return
        if field.data in self._not_parents:
            raise ValidationError(_l("An office cannot be part of itself or of one of its units."))
        if field.data not in self._offices:
            raise ValidationError(_l("Choose an office from the list."))

    def populate_obj(self, obj):
        for name in ("name", "description", "city", "region", "coordination_area"):
            getattr(self, name).populate_obj(obj, name)
        obj.slug = self.slug.data
        obj.kind = OfficeKind(self.kind.data)
        obj.country = self.country.data or None
        obj.resource_mobilization = self.resource_mobilization.data
        obj.coordination = self.coordination.data
        obj.parent = self._offices.get(self.parent.data) if self.parent.data else None
        obj.position = self.position.data or 0


def _self_and_units(office: Office, offices: list[Office]) -> set[str]:
    """The slugs of an office and of every office below it: choosing one would make a loop."""
    below: dict[int | None, list[Office]] = {}
    for other in offices:
        below.setdefault(other.parent_id, []).append(other)
    found, pending = {office.slug}, [office.id]
    while pending:
        for unit in below.get(pending.pop(), []):
            if unit.slug not in found:
                found.add(unit.slug)
                pending.append(unit.id)
    return found
