"""The form staff write one entry of a meeting's programme with."""

from __future__ import annotations

from datetime import date

from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    FieldList,
    FormField,
    HiddenField,
    StringField,
    TextAreaField,
    TimeField,
)
from wtforms import Form as RowForm
from wtforms.validators import DataRequired, Length, Optional, ValidationError
from wtforms.widgets import TimeInput

from iom_events.agenda.models import AgendaItemKind
from iom_events.delegations.models import Participant
from iom_events.fields import (
    ChoiceField,
    SeveralChoicesField,
    TranslatedField,
    TranslationRequired,
    VersionField,
)
from iom_events.formatting import in_the_trash, long_day, translate
from iom_events.forms import Form
from iom_events.labels import choices


def _parse_day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


class AgendaItemForm(Form):
    """An item's own fields. Its place within the day is not here: the view puts a new item (or
    one moved to another day) at the end of its day, and "Move up"/"Move down" reorder it."""

    version = VersionField()
    # Checked against the meeting's days by validate_day, with a message that says so.
    day = ChoiceField(_l("Day"), validate_choice=False)
    starts_at = TimeField(_l("Start time"), [Optional()])
    ends_at = TimeField(_l("End time"), [Optional()])
    ends_next_day = BooleanField(
        _l("Ends the next day"),
        description=_l("For an item that ends after midnight: a session from 22:00 to 02:00."),
    )
    kind = ChoiceField(_l("Kind of item"))
    title = TranslatedField(_l("Title"), [TranslationRequired()])
    description = TranslatedField(
        _l("Description"),
        multiline=True,
        description=_l("Markdown: blank lines between paragraphs, *italics*, **bold**, lists."),
    )
    room = TranslatedField(_l("Room"))
    speakers = SeveralChoicesField(
        _l("Speakers"),
        [Optional()],
        coerce=int,
        description=_l("Participants of the meeting. Hold Ctrl (⌘ on a Mac) to choose several."),
    )

    def fill_choices(
        self,
        days: list[date],
        participants: list[Participant],
        original_language: str,
        kept: list[Participant] = (),
    ) -> None:
        """The meeting's days and participants. A day outside the meeting (sent by hand, or an
        item left outside after the meeting's dates changed) is listed too, so that the page
        shows what is wrong instead of silently picking another day. `kept`: the item's speakers
        in the trash, shown as such; their link stays as it is whatever the form says, so that
        restoring them makes them speakers again."""
        self._days = days
        self._participants = {person.id: person for person in participants}
        self.day.choices = [(day.isoformat(), long_day(day)) for day in days]
        chosen = self.chosen_day()
        if chosen is not None and chosen not in days:
            outside = _l("%(day)s (not a day of the meeting)", day=long_day(chosen))
            self.day.choices.append((chosen.isoformat(), outside))
        self.kind.choices = choices(AgendaItemKind)
        self._kept = {person.id for person in kept}
        self._participants.update((person.id, person) for person in kept)
        self.speakers.choices = [
            (person.id, in_the_trash(_speaker_label(person, original_language), person))
            for person in [*participants, *kept]
        ]

    def chosen_day(self) -> date | None:
        return _parse_day(self.day.data)

    def validate_day(self, field):
        if self.chosen_day() not in self._days:
            # Most often the meeting's dates moved while this form was open.
            raise ValidationError(
                _l(
                    "The meeting now runs from %(first)s to %(last)s, and this day is not one "
                    "of them: choose one of its days.",
                    first=long_day(self._days[0]),
                    last=long_day(self._days[-1]),
                )
                if self._days
                else _l("The day must be one of the meeting's days.")
            )

    def validate_ends_at(self, field):
        start, end = self.starts_at.data, field.data
        if end and not start:
            raise ValidationError(_l("Enter a start time too, or no end time."))
        if not (end and start):
            return
        if self.ends_next_day.data and end >= start:
            raise ValidationError(
                _l(
                    "An item that ends the next day ends earlier on the clock than it starts "
                    "(22:00 to 02:00): correct the end time, or untick “Ends the next day”."
                )
            )
        if not self.ends_next_day.data and end < start:
            raise ValidationError(
                _l(
                    "The end time cannot be before the start time. If the item ends after "
                    "midnight, tick “Ends the next day”."
                )
            )

    def validate_ends_next_day(self, field):
        if field.data and not self.ends_at.data:
            raise ValidationError(_l("Enter the end time on the next day, or untick this box."))

    def populate_obj(self, obj):
        obj.day = self.chosen_day()
        obj.starts_at, obj.ends_at = self.starts_at.data, self.ends_at.data
        obj.ends_next_day = bool(self.ends_at.data and self.ends_next_day.data)
        obj.kind = AgendaItemKind(self.kind.data)
        for name in ("title", "description", "room"):
            getattr(self, name).populate_obj(obj, name)
        # Speakers in the trash are not in the loaded collection: their links are left alone.
        obj.speakers = [
            self._participants[person_id]
            for person_id in self.speakers.data
            if person_id not in self._kept
        ]


def _speaker_label(person: Participant, original_language: str) -> str:
    function = translate(person.function, original_language)
    return f"{person.name}, {function}" if function else person.name


class PastedAgendaForm(Form):
    """A table pasted from a spreadsheet (`agenda.table`); `previewed` is the fingerprint of
    the text the editor saw checked, so that only what they saw is added."""

    text = TextAreaField(
        _l("Table"),
        [
            DataRequired(_l("Paste the table's rows.")),
            # Under the csv reader's limit for one cell (131,072), so no cell can exceed it.
            Length(
                max=100_000, message=_l("At most %(max)d characters: paste the agenda in parts.")
            ),
        ],
        description=_l(
            "Columns: day, start, end, title, speakers (a first line naming them, in English, "
            "French or Spanish, may give another order). Days as 2030-01-10, 10/01/2030 or the "
            "meeting's day number; times as 09:30 or 9h30, 02:00+1 for an end the next day; "
            "speakers separated by semicolons, as the meeting's participants are named."
        ),
    )
    previewed = HiddenField()


class AgendaRowForm(RowForm):
    """One row of `AgendaRowsForm`: checked by `agenda.batch` with the other rows."""

    starts_at = StringField(_l("Start time"), widget=TimeInput())
    ends_at = StringField(_l("End time"), widget=TimeInput())
    ends_next_day = BooleanField(_l("Ends the next day"))
    kind = ChoiceField(_l("Kind of item"), validate_choice=False)
    title = StringField(_l("Title"))
    speakers = StringField(_l("Speakers"))


BLANK_ROWS = 5
"""Rows offered without JavaScript (with it, "Add a row" adds more in place)."""


class AgendaRowsForm(Form):
    """New items of one day, as rows: blank rows are left out. Only new items: an existing
    item is edited on its own form, where its version guards a colleague's change."""

    day = ChoiceField(_l("Day"), validate_choice=False)
    rows = FieldList(FormField(AgendaRowForm), min_entries=BLANK_ROWS, max_entries=200)

    def fill_choices(self, days: list[date]) -> None:
        self.day.choices = [(day.isoformat(), long_day(day)) for day in days]
        for row in self.rows:
            row.form.kind.choices = choices(AgendaItemKind)
