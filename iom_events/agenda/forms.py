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

from iom_events.agenda.batch import fold
from iom_events.agenda.models import AgendaItemKind
from iom_events.delegations.models import (
    Delegation,
    Participant,
    ParticipantRole,
    in_reading_order,
)
from iom_events.fields import (
    CheckboxesField,
    ChoiceField,
    TranslatedField,
    TranslationRequired,
    VersionField,
    strip,
)
from iom_events.formatting import by_name, in_the_trash, language_name, long_day, translate
from iom_events.forms import Form
from iom_events.labels import choices
from iom_events.translated import Translated


def _parse_day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


class SpeakersField(CheckboxesField):
    """The meeting's participants, one checkbox each, grouped by delegation; drawn by its own
    template (a search box over the list when JavaScript runs, see static/js/speakers.js)."""

    template = "manage/agenda/speakers.html"
    legends: dict[int, str | None]
    """Each choice's delegation, by the choice's value (None: no delegation)."""

    def grouped(self) -> list[tuple[str | None, list]]:
        """The checkboxes as [(delegation's name, checkboxes)], in the order of the choices
        (the meeting's order of delegations). The people of no delegation come last, under
        "No delegation" when there are delegations, under no legend when there are none."""
        groups: dict[str | None, list] = {}
        for option in self:
            groups.setdefault(getattr(self, "legends", {}).get(option.data), []).append(option)
        loose = groups.pop(None, None)
        listed: list[tuple[str | None, list]] = list(groups.items())
        if loose:
            listed.append((_l("No delegation") if listed else None, loose))
        return listed


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
    speakers = SpeakersField(
        _l("Speakers"),
        [Optional()],
        coerce=int,
        description=_l("Tick the participants who speak. Someone not in the list: add them below."),
    )
    # "Add a person": a participant created with the item, in the same transaction, as one of
    # its speakers (see `new_speaker`).
    new_speaker_name = StringField(_l("Name"), [Length(max=200)], filters=[strip])
    new_speaker_function = StringField(
        _l("Function"), [Length(max=TranslatedField.LINE_LIMIT)], filters=[strip]
    )
    new_speaker_delegation = ChoiceField(_l("Delegation"), validate_choice=False)

    def fill_choices(
        self,
        days: list[date],
        participants: list[Participant],
        original_language: str,
        kept: list[Participant] = (),
        *,
        delegations: list[Delegation] = (),
        event_id: int | None = None,
    ) -> None:
        """The meeting's days and participants. A day outside the meeting (sent by hand, or an
        item left outside after the meeting's dates changed) is listed too, so that the page
        shows what is wrong instead of silently picking another day. `kept`: the item's speakers
        in the trash, shown as such; their link stays as it is whatever the form says, so that
        restoring them makes them speakers again. `delegations`: the meeting's, which group the
        speakers and which a new person may join; `event_id`: the meeting a new person joins.
        The speakers are listed by delegation, in the order of the meeting's page
        (`in_reading_order`)."""
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
        self._language, self._event_id = original_language, event_id
        delegations = in_reading_order(delegations, original_language)
        self._delegations = {str(delegation.id): delegation for delegation in delegations}
        rank = {delegation.id: place for place, delegation in enumerate(delegations)}
        everyone = sorted(
            [*participants, *kept], key=lambda person: rank.get(person.delegation_id, len(rank))
        )
        self.speakers.choices = [
            (person.id, in_the_trash(_speaker_label(person, original_language), person))
            for person in everyone
        ]
        names = {d.id: translate(d.name, original_language) for d in delegations}
        self.speakers.legends = {person.id: names.get(person.delegation_id) for person in everyone}
        self._next_position = max((person.position for person in everyone), default=-1) + 1
        self.new_speaker_function.label.text = _l(
            "Function (%(language)s)", language=language_name(original_language)
        )
        self.new_speaker_delegation.choices = [
            ("", _l("No delegation")),
            *by_name(
                (key, translate(delegation.name, original_language))
                for key, delegation in self._delegations.items()
            ),
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

    def validate_new_speaker_name(self, field):
        """A name for the new person when anything of them is typed (nothing typed is dropped
        silently); never the name of someone already listed (issue 16: no silent duplicate,
        no silent merge): names compare as pasted speakers do, without case, accents or extra
        spaces (`batch.fold`)."""
        if not field.data:
            if self.new_speaker_function.data or self.new_speaker_delegation.data:
                raise ValidationError(
                    _l("Enter the new person's name, or empty their function and delegation.")
                )
            return
        typed = fold(field.data)
        for choice, label in self.speakers.choices:
            if fold(self._participants[choice].name) == typed:
                raise ValidationError(
                    _l(
                        "“%(person)s” is already a participant of the meeting: tick them in the "
                        "list of speakers instead of adding them again.",
                        person=label,
                    )
                )

    def validate_new_speaker_delegation(self, field):
        """One of the meeting's delegations, or none: one moved to the trash since the page
        was shown is said so, not silently dropped."""
        if field.data and field.data not in self._delegations:
            raise ValidationError(
                _l(
                    "This delegation is no longer one of the meeting's (moved to the trash "
                    "meanwhile?): choose another, or none."
                )
            )

    def new_speaker(self) -> Participant | None:
        """The person typed under "Add a person" as a new participant of the meeting: a
        speaker, public, after the meeting's other participants, their function in the
        meeting's original language; None when no name is typed. A new object at each call,
        unattached to the meeting's collections: it reaches the session only with the item's
        speakers, so that a refused save (a clash, the trash) leaves no trace of it."""
        name = self.new_speaker_name.data
        if not name:
            return None
        function = self.new_speaker_function.data
        delegation = self._delegations.get(self.new_speaker_delegation.data)
        return Participant(
            event_id=self._event_id,
            name=name,
            function=Translated({self._language: function}) if function else None,
            role=ParticipantRole.SPEAKER,
            is_public=True,
            delegation_id=delegation.id if delegation is not None else None,
            position=self._next_position,
        )

    def populate_obj(self, obj):
        obj.day = self.chosen_day()
        obj.starts_at, obj.ends_at = self.starts_at.data, self.ends_at.data
        obj.ends_next_day = bool(self.ends_at.data and self.ends_next_day.data)
        obj.kind = AgendaItemKind(self.kind.data)
        for name in ("title", "description", "room"):
            getattr(self, name).populate_obj(obj, name)
        # Speakers in the trash are not in the loaded collection: their links are left alone.
        chosen = [
            self._participants[person_id]
            for person_id in self.speakers.data
            if person_id not in self._kept
        ]
        newcomer = self.new_speaker()
        obj.speakers = [*chosen, newcomer] if newcomer is not None else chosen


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
    kind = ChoiceField(
        _l("Kind of item"), validate_choice=False, default=AgendaItemKind.SESSION.value
    )
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
