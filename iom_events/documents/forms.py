"""The forms staff describe a meeting document with, and upload its language versions with."""

from __future__ import annotations

from functools import cache

from flask_babel import LazyString
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField, FileRequired
from werkzeug.datastructures import FileStorage
from wtforms import HiddenField, StringField
from wtforms.validators import Length, Optional, ValidationError

from iom_events.documents.models import DocumentCategory
from iom_events.fields import (
    MAX_POSITION,
    ChoiceField,
    OptionalInteger,
    RecordChoiceField,
    TranslatedField,
    TranslationRequired,
    VersionField,
    strip,
    to_int,
)
from iom_events.formatting import (
    by_name,
    language_name,
    language_order,
    long_date,
    time_of_day,
    translate,
)
from iom_events.forms import Form
from iom_events.labels import choices


class AgendaItemField(RecordChoiceField):
    """An agenda item of the document's meeting, by id. Another meeting's item, one in the
    trash or a made-up id (a tampered form, a page left open while a colleague removed the
    item) is refused with a message that says what to do, in the page's language."""

    def pre_validate(self, form):
        if self.data and self.data not in {value for value, _label in self.choices}:
            raise ValidationError(_l("Choose an agenda item of this meeting from the list."))


class DocumentForm(Form):
    """What a document is. A new one may take its files with it (`with_files`); later versions
    are uploaded with `UploadForm`."""

    version = VersionField()
    title = TranslatedField(_l("Title"), [TranslationRequired()])
    category = ChoiceField(_l("Category"), default=DocumentCategory.AGENDA.value)
    symbol = StringField(
        _l("Symbol"),
        [Optional(), Length(max=64)],
        filters=[strip],
        description=_l("The official document symbol, if it has one, e.g. MC/2281."),
    )
    delegation = RecordChoiceField(
        _l("Delegation"), description=_l("For a presentation given by a delegation.")
    )
    agenda_item = AgendaItemField(
        _l("Agenda item"),
        description=_l("The agenda item this document is material for; it is listed under it."),
    )
    generated = ChoiceField(
        _l("Generated from the meeting’s data"),
        description=_l(
            "Its language versions are then the PDFs made from the meeting’s data, in every "
            "language, always up to date; no file is uploaded for it."
        ),
    )
    position = OptionalInteger(
        _l("Position in the list"),
        [Optional()],
        maximum=MAX_POSITION,
        description=_l("If left empty, the document goes last."),
    )

    def prepare(
        self, delegations, original_language: str, next_position: int, agenda_items=()
    ) -> None:
        """The meeting's delegations and agenda items (in the agenda's order, not in the trash)
        to choose from, and where "last" is in this meeting."""
        self._delegations = {str(d.id): d for d in delegations}
        self._agenda_items = {str(item.id): item for item in agenda_items}
        self._next_position = next_position
        self.category.choices = choices(DocumentCategory)
        self.delegation.choices = [
            ("", _l("No delegation")),
            *by_name((str(d.id), translate(d.name, original_language)) for d in delegations),
        ]
        self.generated.choices = [
            ("", _l("No: its files are uploaded")),
            ("AGENDA", _l("Provisional agenda")),
            ("PARTICIPANTS", _l("List of participants")),
        ]
        self.agenda_item.choices = [
            ("", _l("No agenda item")),
            *((str(item.id), agenda_item_label(item, original_language)) for item in agenda_items),
        ]

    def populate_obj(self, obj):  # the files, if any, are attached by the editor after checks
        self.title.populate_obj(obj, "title")
        obj.category = DocumentCategory(self.category.data)
        obj.symbol = self.symbol.data or None
        obj.delegation = self._delegations.get(self.delegation.data)
        obj.agenda_item = self._agenda_items.get(self.agenda_item.data)
        obj.generated = self.generated.data or None
        position = self.position.data
        obj.position = self._next_position if position is None else position

    file_fields: dict[str, str] = {}
    """The name of each language's file field, by language (BCP 47 tag); none by default."""

    @classmethod
    @cache
    def with_files(cls, languages: tuple[str, ...]) -> type[DocumentForm]:
        """This form with one optional file per document language: a new document is described
        and uploaded in one go, and refused whole if one of its files is (documents/service.py).
        """
        names = {language: file_field_name(language) for language in languages}
        fields = {
            name: FileField(LazyString(file_label, language)) for language, name in names.items()
        }
        return type("NewDocumentForm", (cls,), {**fields, "file_fields": names})

    def files(self) -> dict[str, FileStorage]:
        """The files sent, by language; a file input left empty sends nothing."""
        sent = {}
        for language, name in self.file_fields.items():
            received = self[name].data
            if isinstance(received, FileStorage) and received.filename:
                sent[language] = received
        return sent


def agenda_item_label(item, original_language: str) -> str:
    """ "4 June 2009, 10:00 — Opening": an item as a choice, told apart from a namesake on
    another day."""
    when = long_date(item.day)
    if item.starts_at is not None:
        when = f"{when}, {time_of_day(item.starts_at)}"
    return f"{when} — {translate(item.title, original_language)}"


def file_label(language: str) -> str:
    return _("File in %(language)s", language=language_name(language))


def file_field_name(language: str) -> str:
    """ "file-en", "file-zh-Hant": the name of a language's file input."""
    return f"file-{language}"


class UploadForm(Form):
    """One file in one language. What the file is gets decided from its content, not here."""

    language = ChoiceField(_l("Language"))
    file = FileField(
        _l("File"),
        [FileRequired(_l("Choose the file to upload."))],
        description=_l(
            "PDF, Word, Excel, PowerPoint, OpenDocument, text, CSV, PNG or JPEG. A file already "
            "uploaded in this language is replaced; the previous one stays in the history."
        ),
    )

    seen = HiddenField()
    """The ids of the versions the page showed, comma-separated: a version a colleague uploaded
    after the page opened is named when this upload replaces it."""

    def seen_ids(self) -> set[int]:
        return {number for part in (self.seen.data or "").split(",") if (number := to_int(part))}

    def prepare(self, languages: tuple[str, ...]) -> None:
        """The configured document languages (BCP 47 tags), named in the page's language."""
        self.language.choices = [
            (tag, language_name(tag)) for tag in sorted(languages, key=language_order)
        ]
