"""Form fields and validators that several areas' forms share."""

from __future__ import annotations

import functools
import re
import zoneinfo
from enum import Enum
from urllib.parse import urlsplit

from babel.core import get_global
from flask_babel import format_number
from flask_babel import lazy_gettext as _l
from wtforms import Field, HiddenField, IntegerField, SelectField, SelectMultipleField, StringField
from wtforms.utils import unset_value
from wtforms.validators import Email, StopValidation, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget, TelInput

from iom_events import phones
from iom_events.formatting import UTC_ZONE, country_name, is_utc
from iom_events.forms import one_line
from iom_events.settings import LANGUAGES
from iom_events.translated import Translated


class TranslatedField(Field):
    """One input per UI language (name-en, name-fr, name-es); its data is a `Translated`.

    Texts in languages other than the UI's (imported data, say) are kept when the form saves.
    A single-line one (not `multiline`) folds line breaks into spaces (`forms.one_line`).
    Each language's text is at most `LINE_LIMIT` characters on one line (a title, a place),
    `TEXT_LIMIT` in a multi-line field: longer is a paste gone wrong, and would break pages.
    The column is JSON, with no size of its own: these bounds are the only ones.
    """

    LINE_LIMIT = 300
    """A title, a name, a place: the longest in the reference data is 139 characters (a
    delegation's name); UN document titles stay well under 300."""
    TEXT_LIMIT = 20_000
    """A summary, a description: the longest in the reference data is 3,356 characters; 20,000
    is some ten printed pages, more than any page of the site should carry."""

    def __init__(self, label=None, validators=None, *, multiline: bool = False, **kwargs):
        super().__init__(label, validators, **kwargs)
        self.multiline = multiline
        self.first_language: str | None = None
        """The language whose input comes first: the meeting's original language, which staff
        usually type first (issue 16, item 7); set by the form or the page."""

    def languages(self, first: str | None = None) -> list[str]:
        """The UI languages in the order of the inputs: `first` (else `first_language`) leads,
        the others keep their usual order. An unknown language changes nothing."""
        first = first or self.first_language
        return sorted(LANGUAGES, key=lambda lang: lang != first)

    def pre_validate(self, form):
        limit = self.TEXT_LIMIT if self.multiline else self.LINE_LIMIT
        if any(len(self.data.get(lang) or "") > limit for lang in LANGUAGES):
            raise ValidationError(
                _l("At most %(max)s characters in each language.", max=format_number(limit))
            )

    def process(self, formdata, data=unset_value, extra_filters=None):
        self.process_errors = []
        if data is unset_value:
            data = self.default() if callable(self.default) else self.default
        self.object_data = Translated(data or {})
        self.data = self.object_data
        self.raw_data = None
        if formdata is not None and any(self.input_name(lang) in formdata for lang in LANGUAGES):
            read = _one_kind_of_line_break if self.multiline else one_line
            submitted = {lang: read(formdata.get(self.input_name(lang), "")) for lang in LANGUAGES}
            self.raw_data = list(submitted.values())
            others = {k: v for k, v in self.object_data.items() if k not in LANGUAGES}
            self.data = Translated({**others, **submitted})

    def input_name(self, lang: str) -> str:
        return f"{self.name}-{lang}"

    def value_in(self, lang: str) -> str:
        return self.data.get(lang, "") if self.data else ""

    def populate_obj(self, obj, name):
        setattr(obj, name, self.data or None)


def _one_kind_of_line_break(text: str) -> str:
    """Browsers send a textarea's line breaks as CRLF (HTML's form submission algorithm): kept
    as such, the first save from a browser would change every multi-paragraph text written
    elsewhere (the demo, the API) without anyone touching it, and a colleague's edit of it
    would look like a clash."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def choice_value(value) -> str:
    if value is None:
        return ""
    return value.value if isinstance(value, Enum) else str(value)


class ChoiceField(SelectField):
    """A select whose empty choice is "" (also for a record's None) and whose values are strings."""

    def __init__(self, label=None, validators=None, **kwargs):
        kwargs.setdefault("default", "")
        super().__init__(label, validators, coerce=choice_value, **kwargs)

    def process_data(self, value):
        self.data = choice_value(value)

    def pre_validate(self, form):
        """A value no option has (a tampered form, a script, an option no longer offered) is
        refused in the page's language with what to do: WTForms' own "Not a valid choice"
        reads "N'est pas un choix valide" in French, straight apostrophe and all."""
        try:
            super().pre_validate(form)
        except ValidationError:
            raise ValidationError(_l("Choose one of the options in the list.")) from None


class CountryField(ChoiceField):
    """A country (ISO 3166-1 alpha-2) from `formatting.country_choices`: any other code sent
    (a tampered form, a script, a code no longer offered) is refused with a message that says
    what to do, in the page's language."""

    def pre_validate(self, form):
        if self.data and self.data not in {value for value, _label in self.choices}:
            raise ValidationError(_l("Choose a country from the list."))


class SeveralChoicesField(SelectMultipleField):
    """Several choices, each at most once: a value sent twice (a tampered form, a script) counts
    once. The same person sent twice as a speaker of an agenda item was a duplicate row in its
    link table, refused by the database's primary key as a 500.

    An empty value is no choice (no option has one): `speakers=` alone is "none chosen". Its data
    is always a list, also when a value cannot be read (then with the field's error): WTForms
    left it None, which `Optional()` let through to the save."""

    def process_formdata(self, valuelist):
        self.data = []
        super().process_formdata([value for value in valuelist if value != ""])
        self.data = list(dict.fromkeys(self.data or []))


class CheckboxesField(SeveralChoicesField):
    """Several choices, one checkbox each (with its own label), grouped under the field's name."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class TranslationRequired:
    """At least one of the languages is filled in."""

    def __init__(self, message=None):
        self.message = message

    def __call__(self, form, field):
        if not field.data:
            raise ValidationError(self.message or _l("Enter this in at least one language."))


class VersionField(HiddenField):
    """The version of the record the form was filled from, to catch edit conflicts."""

    def __init__(self, **kwargs):
        super().__init__(filters=[to_int], **kwargs)

    def process(self, formdata, data=unset_value, extra_filters=None):
        """A posted form without the field has no version (None), never the record's current
        one, which WTForms would take from the record: that would make a stale form a blind
        overwrite of every change saved since it was opened (issue 15, item 10)."""
        if formdata is not None and self.name not in formdata:
            data = None
        super().process(formdata, data, extra_filters)

    def populate_obj(self, obj, name):
        """Never copied onto the record: SQLAlchemy counts versions itself."""


INTEGER_LIMIT = 2**31 - 1
"""The largest value of an INTEGER column on PostgreSQL (SQLite refuses 2**63 and beyond):
anything larger sent by a client is no number we stored."""


def to_int(value) -> int | None:
    """A whole number from a request's text, or None when it is none or out of INTEGER's range
    (a tampered hidden field must not reach the database as an overflow)."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if -INTEGER_LIMIT <= number <= INTEGER_LIMIT else None


class OptionalInteger(IntegerField):
    """An integer that may be left empty (then None), within `minimum`..`maximum`, with messages
    in the page's language. Every number a form takes has an upper bound: what a meeting can
    need (`MAX_PARTICIPANTS`...), far below what the database can hold."""

    def __init__(
        self,
        label=None,
        validators=None,
        *,
        maximum: int,
        minimum: int = 0,
        message=None,
        **kwargs,
    ):
        super().__init__(label, [*(validators or []), Between(minimum, maximum, message)], **kwargs)

    def process_formdata(self, valuelist):
        if valuelist and valuelist[0].strip():
            try:
                self.data = int(valuelist[0])
            except ValueError as error:
                self.data = None
                raise ValueError(_l("Enter a whole number.")) from error
            if abs(self.data) > INTEGER_LIMIT:
                self.data = None
                raise ValueError(_l("Enter a smaller number."))
        else:
            self.data = None

    def pre_validate(self, form):
        """A value that is no number gets that one message, not also the range's."""
        if self.process_errors:
            raise StopValidation()


class Between:
    """A number within `minimum`..`maximum` (both included), when there is one; the message
    writes the bounds with the locale's digits ("200 000")."""

    def __init__(self, minimum: int, maximum: int, message=None):
        self.minimum, self.maximum, self.message = minimum, maximum, message

    def __call__(self, form, field):
        if field.data is None or self.minimum <= field.data <= self.maximum:
            return
        raise ValidationError(
            self.message
            or _l(
                "Enter a number from %(min)s to %(max)s.",
                min=format_number(self.minimum),
                max=format_number(self.maximum),
            )
        )


MAX_PARTICIPANTS = 200_000
"""The largest meetings of the UN system gather fewer (COP28, Dubai 2023: about 85,000
registered participants)."""

MAX_STATES = 250
"""States represented at one meeting: 193 UN member states, 2 observer states, and the
territories some meetings count apart."""

MAX_POSITION = 10_000
"""A place in a list (a meeting's delegations, organizers, documents, press contacts; the
office directory): no list is that long."""


def http_url(form, field):
    """A web address that readers can open: http or https, with a host."""
    if not field.data:
        return
    parts = urlsplit(field.data.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValidationError(_l("Enter a web address starting with http:// or https://."))
    field.data = field.data.strip()


SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


FIRST_YEAR, LAST_YEAR = 1951, 2100
"""The years a meeting can be in: IOM was founded in 1951; the meetings list filters the same."""

MAX_MEETING_DAYS = 31
"""The longest a meeting can last, first and last day included. IOM's longest meetings (the
Council, the International Dialogue on Migration, a UN conference such as BAPA+40) take days,
not weeks; a longer span is a typo ("2009" to "2090"), and would give an agenda form with a
choice for every day of it. A programme longer than a month is several meetings."""


def meeting_day(form, field):
    """A day within FIRST_YEAR–LAST_YEAR: a typed "27" read as the year 0027 is refused here,
    not turned into a feed that clients read a century off."""
    if field.data and not FIRST_YEAR <= field.data.year <= LAST_YEAR:
        raise ValidationError(
            _l("Enter a day between %(first)s and %(last)s.", first=FIRST_YEAR, last=LAST_YEAR)
        )


def slug_format(form, field):
    if field.data and not SLUG.fullmatch(field.data):
        raise ValidationError(
            _l("Use lowercase letters, digits and single hyphens, e.g. rcp-bangkok-2009.")
        )


def time_zones() -> list[str]:
    """The IANA time zones a meeting may be in, each under its current name only
    ("Asia/Kolkata", not also "Asia/Calcutta", "Europe/Kyiv", not also "Europe/Kiev"), and UTC
    (online meetings are often set in it): what the picker offers."""
    aliases = get_global("zone_aliases")
    places = (zone for zone in zoneinfo_names() if aliases.get(zone, zone) == zone)
    return [*sorted(zone for zone in places if not is_utc(zone)), UTC_ZONE]


@functools.cache
def zoneinfo_names() -> frozenset[str]:
    """Every IANA zone name the system knows for a place, old ones too, without Etc/ and bare
    names; and UTC, under its two usual names ("UTC", "Etc/UTC")."""
    places = (
        zone
        for zone in zoneinfo.available_timezones()
        if "/" in zone and not zone.startswith("Etc/")
    )
    return frozenset({*places, UTC_ZONE, "Etc/UTC"})


def zones_of_country(country: str) -> list[str]:
    """The time zones of a country (ISO 3166-1 alpha-2), CLDR's: ["Europe/Zurich"]; [] for a
    territory CLDR gives none."""
    return get_global("territory_zones").get(country.upper(), [])


def same_zone(name: str) -> str:
    """An IANA time zone under its current name ("Asia/Calcutta" is "Asia/Kolkata")."""
    return get_global("zone_aliases").get(name, name)


def zone_of_country(country: str | None) -> str | None:
    """The time zone of a country that has only one (Thailand), else None (Argentina has many)."""
    if not country:
        return None
    zones = get_global("territory_zones").get(country.upper(), [])
    return zones[0] if len(zones) == 1 else None


def strip(value):
    return value.strip() if isinstance(value, str) else value


email_address = Email(
    _l("Enter a valid e-mail address, e.g. name@example.org."), check_deliverability=False
)
"""Checks the address's form only: no DNS look-up while someone waits for the form to save."""


class PhoneField(StringField):
    """A phone number as people write it; its data is E.164 ("+221771234567"), or None.

    `region` (ISO 3166-1 alpha-2, set by the form's `prepare`: the meeting's country) reads a
    number written without its country code as a number of that country, as people there write
    it: with Senegal, "77 123 45 67" is +221 77 123 45 67 (issue 16, item 7). Without a region,
    only a number with its country code is read. The number is read at validation, once the
    region is known.

    The input shows a stored number in the international format, grouped as its country writes
    it ("+221 77 123 45 67") and, after an error, what the person typed, so that they correct it
    rather than type it again.
    """

    widget = TelInput()
    region: str | None = None

    def process_formdata(self, valuelist):
        self.data = valuelist[0].strip() if valuelist else ""

    def pre_validate(self, form):
        text, self.data = self.data, None
        if not text:
            return
        if not isinstance(text, str):  # filled from a record: already E.164
            self.data = text
            return
        try:
            self.data = phones.to_e164(text, self.region)
        except ValueError as error:
            raise StopValidation(phone_message(self.region, text)) from error

    def _value(self):
        if self.raw_data:
            return self.raw_data[0]
        return phones.international(self.data)


def phone_message(region: str | None, typed: str = "") -> str:
    """What to do about a phone number that cannot be read, naming the country it was read
    for: the one its country code names when it has one ("+229 97 12 34 56" is Benin's), else
    the meeting's (`region`)."""
    dialled = phones.region_of_code(typed)
    if dialled:
        return _l(
            "This is not a valid phone number of %(country)s: check its digits.",
            country=country_name(dialled),
        )
    if region:
        return _l(
            "Enter a phone number of %(country)s, or one with its country code, "
            "e.g. +41 22 717 91 11.",
            country=country_name(region),
        )
    return _l("Enter a phone number with its country code, e.g. +41 22 717 91 11.")


class RecordChoiceField(ChoiceField):
    """A choice among records, by one of their keys (id, slug).

    Filled from a record's relationship (`participant.delegation`), it selects that record's key;
    filled from a query string or a form, it takes the key as is.
    """

    def __init__(self, label=None, validators=None, *, key: str = "id", **kwargs):
        super().__init__(label, validators, **kwargs)
        self.key = key

    def process_data(self, value):
        self.data = choice_value(getattr(value, self.key, value))
