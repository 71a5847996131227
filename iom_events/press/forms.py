"""The form staff edit a press contact with, and the phone and record fields it shares.

`PhoneField` and `RecordChoiceField` serve the participants' form too (delegations/forms.py);
they sit here, next to the phone rules of press/models.py, until they move to iom_events/fields.py.
"""

import phonenumbers
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, SelectMultipleField, StringField
from wtforms.validators import DataRequired, Email, Length, NumberRange, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from iom_events.fields import ChoiceField, OptionalInteger, VersionField, _choice_value
from iom_events.i18n import language_name, translate
from iom_events.press.models import to_e164

SPOKEN_LANGUAGES = ("en", "fr", "es", "ar", "zh", "ru", "pt")
"""The languages a press officer may answer journalists in: the UN's six, and Portuguese."""


def strip(value):
    return value.strip() if isinstance(value, str) else value


def international_phone(e164: str | None) -> str:
    """An E.164 number as written for readers abroad: +541148151035 gives +54 11 4815-1035."""
    if not e164:
        return ""
    number = phonenumbers.parse(e164)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


class PhoneField(StringField):
    """A phone number as people write it; its data is E.164 ("+541148151035"), or None.

    The input shows a stored number in the international format and, after an error, what the
    person typed, so that they correct it rather than type it again.
    """

    def process_formdata(self, valuelist):
        text = valuelist[0].strip() if valuelist else ""
        self.data = None
        if text:
            try:
                self.data = to_e164(text)
            except ValueError as error:
                raise ValueError(
                    _l("Enter a phone number with its country code, e.g. +41 22 717 91 11.")
                ) from error

    def _value(self):
        if self.raw_data:
            return self.raw_data[0]
        return international_phone(self.data)


class RecordChoiceField(ChoiceField):
    """A choice among records, by one of their keys (id, slug).

    Filled from a record's relationship (`participant.delegation`), it selects that record's key;
    filled from a query string or a form, it takes the key as is.
    """

    def __init__(self, label=None, validators=None, *, key: str = "id", **kwargs):
        super().__init__(label, validators, **kwargs)
        self.key = key

    def process_data(self, value):
        self.data = _choice_value(getattr(value, self.key, value))


class PressContactForm(FlaskForm):
    """A meeting's press officer: public by nature, so the e-mail is required."""

    version = VersionField()
    name = StringField(
        _l("Name"),
        [DataRequired(_l("Enter the person's name.")), Length(max=200)],
        filters=[strip],
    )
    office = RecordChoiceField(_l("Office"), key="slug")
    email = EmailField(
        _l("E-mail"),
        [
            DataRequired(_l("Enter the e-mail address journalists should write to.")),
            Email(_l("Enter a valid e-mail address, e.g. name@example.org."),
                  check_deliverability=False),
            Length(max=254),
        ],
        filters=[strip],
    )  # fmt: skip
    phone = PhoneField(_l("Phone"))
    languages = SelectMultipleField(
        _l("Languages spoken"),
        widget=ListWidget(prefix_label=False),
        option_widget=CheckboxInput(),
    )
    position = OptionalInteger(
        _l("Position in the list"),
        [Optional(), NumberRange(min=0)],
        description=_l("Left empty, the contact goes last."),
    )

    def prepare(self, offices, next_position: int) -> None:
        """Choices and defaults that depend on the page's language and on the meeting."""
        self._offices = {office.slug: office for office in offices}
        self._next_position = next_position
        self.office.choices = [("", "—")] + [(o.slug, translate(o.name)) for o in offices]
        self.languages.choices = [(code, language_name(code)) for code in SPOKEN_LANGUAGES]

    def populate_obj(self, obj):
        obj.name = self.name.data
        obj.office = self._offices.get(self.office.data)
        obj.email = self.email.data
        obj.phone = self.phone.data
        obj.languages = list(self.languages.data or [])
        position = self.position.data
        obj.position = self._next_position if position is None else position
