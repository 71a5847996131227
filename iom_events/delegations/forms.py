"""The forms staff edit a meeting's delegations and participants with."""

import re

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from wtforms import BooleanField, EmailField, HiddenField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from iom_events.delegations.models import DelegationKind, ParticipantRole
from iom_events.fields import (
    ChoiceField,
    CountryField,
    PhoneField,
    RecordChoiceField,
    TranslatedField,
    TranslationRequired,
    VersionField,
    email_address,
    strip,
)
from iom_events.formatting import by_name, in_the_trash, translate
from iom_events.forms import Form, one_line, without_control_characters
from iom_events.labels import choices


class DelegationForm(Form):
    """A party taking part; its people are edited one by one with `ParticipantForm`."""

    version = VersionField()
    kind = ChoiceField(_l("Kind of delegation"), default=DelegationKind.MEMBER_STATE.value)
    name = TranslatedField(_l("Name"), [TranslationRequired()])
    short_name = TranslatedField(_l("Short name"), description=_l("An acronym, e.g. MIDSA."))
    region = TranslatedField(
        _l("Region"), description=_l("For a delegation that speaks for a region, not a country.")
    )
    country = CountryField(_l("Country"))

    def prepare(self, countries) -> None:
        """Choices that depend on the page's language. No position: delegations are listed as
        lists of participants order them (`models.in_reading_order`), on every page."""
        self.kind.choices = choices(DelegationKind)
        self.country.choices = [("", "—"), *countries]

    def populate_obj(self, obj):
        obj.kind = DelegationKind(self.kind.data)
        for name in ("name", "short_name", "region"):
            getattr(self, name).populate_obj(obj, name)
        obj.country = self.country.data or None


class ParticipantForm(Form):
    """A person at a meeting. The e-mail and phone are for staff: no public page shows them."""

    version = VersionField()
    name = StringField(
        _l("Name"),
        [DataRequired(_l("Enter the person's name.")), Length(max=200)],
        filters=[strip],
    )
    function = TranslatedField(_l("Function"), description=_l("E.g. Minister of the Interior."))
    affiliation = TranslatedField(_l("Affiliation"))
    role = ChoiceField(_l("Role"), default=ParticipantRole.DELEGATE.value)
    delegation = RecordChoiceField(_l("Delegation"))
    is_public = BooleanField(_l("Show on public pages"), default=True)
    email = EmailField(
        _l("E-mail"),
        [Optional(), email_address, Length(max=254)],
        filters=[strip],
        description=_l("Private: seen by staff only."),
    )
    phone = PhoneField(_l("Phone"), description=_l("Private: seen by staff only."))

    def prepare(self, delegations, original_language: str, country: str | None = None) -> None:
        """The meeting's delegations to choose from, named in the page's language (the
        participant's own even in the trash: saving keeps it); `country`, the meeting's, reads
        phone numbers written without their country code."""
        self.phone.region = country
        self._delegations = {str(d.id): d for d in delegations}
        self.role.choices = choices(ParticipantRole)
        self.delegation.choices = [
            ("", _l("No delegation")),
            *by_name(
                (str(d.id), in_the_trash(translate(d.name, original_language), d))
                for d in delegations
            ),
        ]

    def populate_obj(self, obj):
        obj.name = self.name.data
        self.function.populate_obj(obj, "function")
        self.affiliation.populate_obj(obj, "affiliation")
        obj.role = ParticipantRole(self.role.data)
        obj.delegation = self._delegations.get(self.delegation.data)
        obj.is_public = self.is_public.data
        obj.email = self.email.data or None
        obj.phone = self.phone.data


class ListForm(Form):
    """A list of delegations and participants to preview: a CSV or XLSX file, or text pasted
    from a spreadsheet."""

    upload = FileField(_l("A CSV or Excel (.xlsx) file"))
    pasted = TextAreaField(
        _l("Or paste the rows"),
        description=_l(
            "Copy the rows from Excel or LibreOffice, the line of column names included, and "
            "paste them here."
        ),
    )

    def validate(self, extra_validators=None) -> bool:
        if not super().validate(extra_validators):
            return False
        if not self.upload.data and not (self.pasted.data or "").strip():
            self.pasted.errors.append(_l("Choose a file, or paste the rows."))
            return False
        return True


class ConfirmListForm(Form):
    """The preview's "Import" button: the rows it showed, signed (`imports.carried`)."""

    rows = HiddenField()


class RowsForm(Form):
    """The rows form: only its CSRF token is a field; `typed_rows` reads the rows."""


ROW_INPUT = re.compile(r"row-(\d{1,4})-(\w+)")
"""The inputs of the rows form: "row-3-email" is the e-mail of its fourth row."""


def typed_rows(formdata, columns) -> list[tuple[int, dict[str, str]]]:
    """The rows form's rows as (row number from 1, {column: text}), in the order of the page,
    each cell cleaned as any single-line input (`forms.one_line`)."""
    rows: dict[int, dict[str, str]] = {}
    for name, value in formdata.items():
        match = ROW_INPUT.fullmatch(name)
        if match and match.group(2) in columns and isinstance(value, str):
            cells = rows.setdefault(int(match.group(1)), dict.fromkeys(columns, ""))
            cells[match.group(2)] = one_line(without_control_characters(value)) or ""
    return [(number, rows[index]) for number, index in enumerate(sorted(rows), 1)]
