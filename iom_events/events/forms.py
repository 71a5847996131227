"""The meetings list's filters, the form staff edit a meeting with, and the one that copies
a past meeting into a new one."""

from datetime import date

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, DateField, EmailField, StringField, TimeField
from wtforms.validators import (
    Email,
    InputRequired,
    Length,
    Optional,
    ValidationError,
)

from iom_events.events.models import CountQualifier, EventKind
from iom_events.events.queries import EventFilters
from iom_events.fields import (
    FIRST_YEAR,
    LAST_YEAR,
    MAX_MEETING_DAYS,
    MAX_PARTICIPANTS,
    MAX_STATES,
    SLUG,
    ChoiceField,
    CountryField,
    OptionalInteger,
    TranslatedField,
    TranslationRequired,
    VersionField,
    http_url,
    meeting_day,
    same_zone,
    slug_format,
    time_zones,
    zone_of_country,
    zoneinfo_names,
    zones_of_country,
)
from iom_events.formatting import (
    country_name,
    in_the_trash,
    is_utc,
    language_name,
    translate,
    zone_choices,
    zone_label,
)
from iom_events.forms import Form
from iom_events.labels import choices
from iom_events.settings import LANGUAGES


class EventFilterForm(Form):
    """GET form: no CSRF token (it changes nothing), choices filled by the view."""

    class Meta:
        csrf = False

    def accept_any_known_shape(self) -> None:
        """Choices that check the filters' shape without a query (an unknown office slug is
        caught by the fingerprint query, which also says whether the office exists)."""
        office, country = self.office.data or "", self.country.data or ""
        slug_like = office == "" or SLUG.fullmatch(office) is not None
        self.office.choices = [("", ""), *([(office, office)] if slug_like else [])]
        self.kind.choices = [("", ""), *((k.value, k.value) for k in EventKind)]
        country_like = len(country) == 2 and country.isalpha() and country.isupper()
        self.country.choices = [("", ""), *([(country, country)] if country_like else [])]

    def filters(self) -> EventFilters:
        return EventFilters(
            year=self.year.data,
            office=self.office.data or None,
            kind=self.kind_choice(),
            country=self.country.data or None,
        )

    year = OptionalInteger(  # bounded: a 300-digit year once reached a 500
        _l("Year"),
        [Optional()],
        minimum=FIRST_YEAR,
        maximum=LAST_YEAR,
        message=_l("Enter a year."),
    )
    office = ChoiceField(_l("Office"))
    kind = ChoiceField(_l("Kind of meeting"))
    country = ChoiceField(_l("Country"))

    def kind_choice(self) -> EventKind | None:
        return EventKind(self.kind.data) if self.kind.data else None


def _zone_choices(kept: str | None) -> list[tuple[str, str]]:
    """The time zone picker's choices. A meeting saved under an old name of a zone offered
    ("Europe/Kiev", "Asia/Calcutta") finds that zone under its own name: its form shows it
    chosen and saves it unchanged, and no label is offered twice."""
    offered = zone_choices(time_zones())
    if not kept or kept in dict(offered) or kept not in zoneinfo_names():
        return offered
    current = same_zone(kept)
    if any(same_zone(name) == current for name, _label in offered):
        return [(kept if same_zone(name) == current else name, label) for name, label in offered]
    return [*offered, (kept, zone_label(kept))]


def _parent_name(event) -> str:
    return in_the_trash(translate(event.title, event.original_language) or event.slug, event)


class EventForm(Form):
    """A meeting's own fields; its agenda, delegations, documents... have forms of their own."""

    version = VersionField()
    title = TranslatedField(_l("Title"), [TranslationRequired()])
    summary = TranslatedField(_l("Summary"), multiline=True)
    description = TranslatedField(
        _l("Description"),
        multiline=True,
        description=_l("Markdown: blank lines between paragraphs, *italics*, **bold**, lists."),
    )
    original_language = ChoiceField(_l("Original language"))
    kind = ChoiceField(_l("Kind of meeting"))
    slug = StringField(
        _l("Web address"),
        [Optional(), Length(max=120), slug_format],
        description=_l("If left empty, it is made from the title."),
        filters=[lambda value: value.strip().lower() if value else value],
    )
    starts_on = DateField(_l("First day"), [InputRequired(_l("Enter the first day.")), meeting_day])
    ends_on = DateField(_l("Last day"), [InputRequired(_l("Enter the last day.")), meeting_day])
    move_agenda = BooleanField(_l("Move the agenda with the first day"))
    """Only on the page when new dates of another length would leave agenda items outside the
    meeting, and moving every item with the first day puts them all on its days (the view
    removes it otherwise: `events.manage.MeetingEditor.prepare`). Issue 16: "When the meeting's
    dates move, offer to shift the agenda days with them"."""
    day_unknown = BooleanField(
        _l("The day is not known"),
        description=_l(
            "For a side event whose day is not known: enter the dates of the main meeting; the "
            "page says “during the conference” and calendars do not show it."
        ),
    )
    """`Event.day_unknown` (seed 003 gives no day for one BAPA+40 side event)."""
    starts_at = TimeField(_l("Start time"), [Optional()])
    ends_at = TimeField(_l("End time"), [Optional()])
    timezone = ChoiceField(
        _l("Time zone"),
        description=_l("If left empty, the country's time zone, when the country has only one."),
    )
    venue = TranslatedField(_l("Venue"))
    city = TranslatedField(_l("City"))
    country = CountryField(_l("Country"))
    participant_count = OptionalInteger(
        _l("Number of participants"), [Optional()], maximum=MAX_PARTICIPANTS
    )
    participant_count_qualifier = ChoiceField(_l("The number is"))
    states_count = OptionalInteger(_l("States represented"), [Optional()], maximum=MAX_STATES)
    website = StringField(_l("Official website"), [Optional(), Length(max=500), http_url])
    contact_email = EmailField(
        _l("Contact e-mail"),
        [
            Optional(),
            Length(max=254),
            Email(_l("Enter a valid e-mail address."), check_deliverability=False),
        ],
        description=_l("The secretariat's public address for enquiries."),
    )
    series = StringField(_l("Series"), [Optional(), Length(max=80), slug_format])
    parent_slug = ChoiceField(_l("Side event of"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self:
            if isinstance(field, TranslatedField):  # the language chosen, sent or saved
                field.first_language = self.original_language.data

    def fill_choices(self, countries, parents, current_slug: str | None = None) -> None:
        self.original_language.choices = [(code, language_name(code)) for code in LANGUAGES]
        self.kind.choices = choices(EventKind)
        self.timezone.choices = [("", _l("From the country")), *_zone_choices(self.timezone.data)]
        self.country.choices = [("", "—"), *countries]
        self.participant_count_qualifier.choices = [("", _l("exact")), *choices(CountQualifier)]
        self.parent_slug.choices = [("", "—")] + [
            (e.slug, _parent_name(e)) for e in parents if e.slug != current_slug
        ]

    def validate_ends_on(self, field):
        if self.starts_on.data and field.data and field.data < self.starts_on.data:
            raise ValidationError(_l("The last day cannot be before the first day."))
        first, last = self.starts_on.data, field.data
        if first and last and (last - first).days + 1 > MAX_MEETING_DAYS:
            raise ValidationError(
                _l(
                    "A meeting lasts at most %(days)s days: check the year, or register a "
                    "longer programme as several meetings.",
                    days=MAX_MEETING_DAYS,
                )
            )

    def validate_day_unknown(self, field):
        if field.data and not self.parent_slug.data:
            raise ValidationError(
                _l("Choose the meeting it took place during (“Side event of”), or untick this.")
            )
        if field.data and self.starts_at.data:
            raise ValidationError(_l("A meeting whose day is not known has no start time."))

    def validate_ends_at(self, field):
        if field.data and not self.starts_at.data:
            raise ValidationError(_l("Enter a start time too, or no end time."))
        same_day = self.starts_on.data == self.ends_on.data
        if field.data and self.starts_at.data and same_day and field.data < self.starts_at.data:
            raise ValidationError(_l("The end time cannot be before the start time."))

    def validate_timezone(self, field):
        """Left empty, the country's only zone; when no country is chosen the error is here,
        when the chosen country has several zones (or none), it is on the country, which is
        what causes it (`validate_country`)."""
        if not field.data:
            field.data = zone_of_country(self.country.data)
            if not field.data and not self.country.data:
                raise ValidationError(_l("Choose the time zone, or a country that has only one."))
        country = self.country.data
        zones = zones_of_country(country) if country else []
        if is_utc(field.data):  # an online meeting's clock, wherever its host country is
            return
        if field.data and zones and same_zone(field.data) not in zones:
            raise ValidationError(
                _l(
                    "The time zone chosen (%(zone)s) is not one of %(country)s: choose the "
                    "zone of the venue.",
                    zone=zone_label(field.data),
                    country=country_name(country),
                )
            )

    def validate_country(self, field):
        if field.data and not self.timezone.data:
            raise ValidationError(
                _l(
                    "%(country)s has several time zones, or none of its own: choose the time "
                    "zone of the venue.",
                    country=country_name(field.data),
                )
            )

    def populate_obj(self, obj):
        for name in ("title", "summary", "description", "venue", "city"):
            getattr(self, name).populate_obj(obj, name)
        obj.original_language = self.original_language.data
        obj.kind = EventKind(self.kind.data)
        obj.starts_on, obj.ends_on = self.starts_on.data, self.ends_on.data
        obj.starts_at, obj.ends_at = self.starts_at.data, self.ends_at.data
        obj.day_unknown = bool(self.day_unknown.data)
        obj.timezone = self.timezone.data
        obj.country = self.country.data or None
        obj.participant_count = self.participant_count.data
        qualifier = self.participant_count_qualifier.data
        obj.participant_count_qualifier = CountQualifier(qualifier) if qualifier else None
        obj.states_count = self.states_count.data
        obj.website = self.website.data or None
        obj.contact_email = self.contact_email.data or None
        obj.series = self.series.data or None


class CopyForm(Form):
    """A new meeting from a past one: its first day (the length is the past meeting's), its
    title, and whether the participants come along (iom_events/events/copying.py).

    `length` (days, first and last included) is set by the view from the past meeting: the
    new last day must be within the bounds too (iom_events/fields.py)."""

    title = TranslatedField(_l("Title"), [TranslationRequired()])
    starts_on = DateField(
        _l("First day of the new meeting"),
        [InputRequired(_l("Enter the first day.")), meeting_day],
        description=_l("The meeting keeps its length; the agenda moves day for day with it."),
    )
    with_people = BooleanField(
        _l("Copy the participants too"),
        description=_l(
            "If not ticked, the delegations are copied without their members, and the agenda "
            "without its speakers."
        ),
    )

    length = 1

    def validate_starts_on(self, field):
        if field.data and field.data.year <= LAST_YEAR:
            last_day = field.data.toordinal() + self.length - 1
            if last_day > date(LAST_YEAR, 12, 31).toordinal():
                raise ValidationError(
                    _l(
                        "The meeting would end after %(last)s: choose an earlier first day.",
                        last=LAST_YEAR,
                    )
                )
