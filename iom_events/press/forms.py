"""The form staff edit a press contact with."""

from flask_babel import lazy_gettext as _l
from wtforms import EmailField, StringField
from wtforms.validators import DataRequired, Length, Optional

from iom_events.fields import (
    MAX_POSITION,
    CheckboxesField,
    OptionalInteger,
    PhoneField,
    RecordChoiceField,
    VersionField,
    email_address,
    strip,
)
from iom_events.formatting import by_name, language_choices, translate
from iom_events.forms import Form

SPOKEN_LANGUAGES = ("en", "fr", "es", "ar", "zh", "ru", "pt")
"""The languages a press officer may answer journalists in: the UN's six, and Portuguese."""


class PressContactForm(Form):
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
            email_address,
            Length(max=254),
        ],
        filters=[strip],
    )
    phone = PhoneField(_l("Phone"))
    languages = CheckboxesField(_l("Languages spoken"))
    position = OptionalInteger(
        _l("Position in the list"),
        [Optional()],
        maximum=MAX_POSITION,
        description=_l("If left empty, the contact goes last."),
    )

    def prepare(self, offices, next_position: int, country: str | None = None) -> None:
        """Choices and defaults that depend on the page's language and on the meeting;
        `country`, the meeting's, reads phone numbers written without their country code."""
        self.phone.region = country
        self._offices = {office.slug: office for office in offices}
        self._next_position = next_position
        self.office.choices = [("", "—"), *by_name((o.slug, translate(o.name)) for o in offices)]
        self.languages.choices = language_choices(SPOKEN_LANGUAGES)

    def populate_obj(self, obj):
        obj.name = self.name.data
        obj.office = self._offices.get(self.office.data)
        obj.email = self.email.data
        obj.phone = self.phone.data
        chosen = set(self.languages.data or ())
        obj.languages = [code for code in SPOKEN_LANGUAGES if code in chosen]
        position = self.position.data
        obj.position = self._next_position if position is None else position
