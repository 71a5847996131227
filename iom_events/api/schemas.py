"""The API's documents, described once as marshmallow schemas: they dump the answers from the
domain objects, parse and document the query parameters, and flask-smorest writes the OpenAPI
3.1 document from them (/api/v1/openapi.json; tests/test_api_contract.py checks the answers).

Only what the public pages show goes out (the meeting comes from iom_events/events/public.py):
public participants without their e-mail or phone, public side events, current document
versions. Every translatable text is written the same way, so that a client never guesses
which language it got (see `Texts`). A dump runs inside `answering(texts)`, which says in
which language(s) to write texts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from flask import url_for
from flask_babel import gettext as _
from marshmallow import EXCLUDE, RAISE, Schema, fields, missing
from marshmallow.experimental.context import Context
from marshmallow.validate import Length, OneOf, Range, Regexp

from iom_events import typography
from iom_events.agenda.models import AgendaItemKind
from iom_events.delegations.models import DelegationKind, ParticipantRole
from iom_events.documents.models import DocumentCategory
from iom_events.events.models import CountQualifier, EventKind, EventStatus, OrganizerRole
from iom_events.fields import FIRST_YEAR, LAST_YEAR, SLUG
from iom_events.offices.models import OfficeKind
from iom_events.settings import LANGUAGES
from iom_events.translated import Translated

PROBLEM = "application/problem+json"
MAX_PAGE = 100_000
"""A larger page's OFFSET overflows the database's integers."""
PER_PAGE = 20
MAX_PER_PAGE = 100


class Texts:
    """Writes a translatable text for one requested language, or for all of them.

    One language: `{"text": ..., "lang": ...}`, `lang` being the language actually served (a
    fallback is thus always named). All (`lang` is None): `{"en": ..., "fr": ..., "es": ...}`,
    the languages that exist only. A missing text is null. French texts come set as the pages
    show them (`typography.french`: no-break spaces before ": ; ! ?" and inside « »).
    """

    def __init__(self, lang: str | None):
        self.lang = lang

    @property
    def page_language(self) -> str:
        """The language of the HTML pages linked to."""
        return self.lang or LANGUAGES[0]

    def __call__(self, value: Translated | None, original: str | None = None) -> dict | None:
        if not value:
            return None
        if self.lang is None:
            return {lang: _typeset(text, lang) for lang, text in value.items()}
        text = value.resolve(self.lang, original)
        return None if text is None else {"text": _typeset(text, text.lang), "lang": text.lang}


def _typeset(text: str, lang: str) -> str:
    return typography.typeset(str(text), lang)


@contextmanager
def answering(texts: Texts, **more: Any) -> Iterator[None]:
    """The context of a dump: `texts`, and for a meeting its original language (`original`),
    the fallback of its parts' texts."""
    with Context({"texts": texts, **more}):
        yield


def _context() -> dict:
    return Context[dict].get()


def computed(field: fields.Field, build: Callable[[Any], Any]) -> fields.Field:
    """`field` (its type documents the value) whose value is `build(obj)`, not an attribute."""
    field.get_value = lambda obj, attr, accessor=None, default=missing: build(obj)
    return field


# --- query parameters ---------------------------------------------------------------------------


class LanguageQuery(Schema):
    class Meta:
        unknown = EXCLUDE  # a client's own parameters (utm_..., a cache buster) are ignored

    lang = fields.String(
        validate=OneOf([*LANGUAGES, "all"], error="Not one of {choices}."),
        metadata={
            "description": "The language of the texts (else Accept-Language, else English); "
            "`all` gives every language."
        },
    )


class MeetingQuery(LanguageQuery):
    q = fields.String(
        load_default="",
        metadata={"description": "Words to search for, in any language, accents optional."},
    )
    year = fields.Integer(validate=Range(FIRST_YEAR, LAST_YEAR))
    office = fields.String(
        validate=[Regexp(SLUG, error="Not an office's slug."), Length(max=120)],
        metadata={"description": "An office's slug."},
    )
    kind = fields.String(
        validate=OneOf([kind.value for kind in EventKind], error="Not a valid choice.")
    )
    country = fields.String(
        validate=Regexp(r"^[A-Z]{2}$", error="Not an ISO 3166-1 alpha-2 code."),
        metadata={"description": "ISO 3166-1 alpha-2 code of the venue's country."},
    )
    page = fields.Integer(load_default=1, validate=Range(1, MAX_PAGE))
    per_page = fields.Integer(load_default=PER_PAGE, validate=Range(1, MAX_PER_PAGE))


def expected(parameter: str) -> str | None:
    """What a valid value of a query `parameter` is, as the `detail` of a 400 says it after the
    parameter's name, in the answer's language ("year: Expected a year from 1990 to 2050.");
    None for a parameter not described here (marshmallow's own words are then given)."""
    choices = {"lang": [*LANGUAGES, "all"], "kind": [kind.value for kind in EventKind]}
    if parameter in choices:
        return _("Expected one of: %(choices)s.", choices=", ".join(choices[parameter]))
    if parameter == "year":
        return _("Expected a year from %(first)s to %(last)s.", first=FIRST_YEAR, last=LAST_YEAR)
    if parameter in ("page", "per_page"):
        last = MAX_PAGE if parameter == "page" else MAX_PER_PAGE
        return _("Expected a whole number from 1 to %(last)s.", last=last)
    if parameter == "office":
        return _("Expected an office's address: lower-case letters, digits and hyphens.")
    if parameter == "country":
        return _("Expected an ISO 3166-1 alpha-2 code in capitals, such as TH.")
    return None


# --- the answers --------------------------------------------------------------------------------


class TextField(fields.Raw):
    """A translatable text: `TranslatedText` for one language, `LanguageMap` for ?lang=all.

    Its fallback is the original language of the object that holds it (a meeting, a side
    event), else of the meeting being written (`answering(..., original=...)`)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("allow_none", True)
        kwargs.setdefault("required", True)
        super().__init__(
            metadata={
                "oneOf": [
                    {"$ref": "#/components/schemas/TranslatedText"},
                    {"$ref": "#/components/schemas/LanguageMap"},
                    {"type": "null"},
                ]
            },
            **kwargs,
        )

    def _serialize(self, value, attr, obj, **kwargs):
        context = _context()
        original = getattr(obj, "original_language", None) or context.get("original")
        return context["texts"](value, original)


def _nullable_string(**metadata) -> fields.String:
    return fields.String(required=True, allow_none=True, metadata=metadata)


def _string(**metadata) -> fields.String:
    return fields.String(required=True, metadata=metadata)


def _local_time() -> fields.String:
    # Not JSON Schema's "time" format: that one needs an offset, and these are the venue's
    # wall-clock times, the IANA zone being named in `timezone`.
    return fields.String(
        required=True,
        allow_none=True,
        metadata={
            "pattern": r"^\d{2}:\d{2}:\d{2}(\.\d+)?$",
            "description": "Local time at the venue (ISO 8601, no offset: see `timezone`)",
        },
    )


def _choice(enum) -> fields.Enum:
    return fields.Enum(enum, by_value=True, required=True)


def _link(build: Callable[[Any], str]) -> fields.Url:
    return computed(fields.Url(required=True), build)


def _slug_of(attribute: str) -> fields.String:
    """The slug of a related record, or null."""

    def slug(obj) -> str | None:
        related = getattr(obj, attribute)
        return related.slug if related is not None else None

    return computed(_nullable_string(), slug)


class TranslatedTextSchema(Schema):
    """One language: the text and the language actually served (a fallback is named)."""

    class Meta:
        unknown = RAISE

    text = _string()
    lang = _string(enum=list(LANGUAGES))


LANGUAGE_MAP = {
    "type": "object",
    "description": "?lang=all: every language the text exists in.",
    "properties": {lang: {"type": "string"} for lang in LANGUAGES},
    "additionalProperties": False,
}


class ProblemSchema(Schema):
    """RFC 9457 problem details; `detail` starts with the parameter at fault."""

    type = _string()
    title = _string()
    status = fields.Integer(required=True)
    detail = _string()


def _page(event) -> str:
    lang = _context()["texts"].page_language
    return url_for("events.show", slug=event.slug, lang=lang, _external=True)


class MeetingItemSchema(Schema):
    """A meeting in a list: what a calendar or a dashboard needs, and where to read more."""

    slug = _string()
    title = TextField()
    kind = _choice(EventKind)
    status = _choice(EventStatus)
    starts_on = fields.Date(required=True)
    ends_on = fields.Date(required=True)
    day_unknown = fields.Boolean(
        required=True,
        metadata={
            "description": (
                "The meeting took place during its parent meeting on a day the sources do not "
                "give: `starts_on` and `ends_on` are the parent's, not this meeting's own days"
            )
        },
    )
    starts_at = _local_time()
    ends_at = _local_time()
    timezone = _string(description="IANA time zone of the venue")
    city = TextField()
    country = _nullable_string(description="ISO 3166-1 alpha-2")
    url = _link(_page)
    api_url = _link(lambda event: url_for("api.meeting", slug=event.slug, _external=True))


class MeetingListSchema(Schema):
    total = fields.Integer(required=True)
    page = fields.Integer(required=True)
    per_page = fields.Integer(required=True)
    next = fields.Url(required=True, allow_none=True)
    previous = fields.Url(required=True, allow_none=True)
    items = fields.List(fields.Nested(MeetingItemSchema), required=True)


class SideEventSchema(Schema):
    slug = _string()
    title = TextField()


class OrganizerSchema(Schema):
    role = _choice(OrganizerRole)
    name = computed(
        TextField(), lambda organizer: organizer.name or getattr(organizer.office, "name", None)
    )
    office = _slug_of("office")


class SpeakerSchema(Schema):
    name = _string()
    function = TextField()


class AgendaItemSchema(Schema):
    """An agenda item (`public.AgendaEntry`: the item and its speakers the public may see)."""

    day = fields.Date(required=True)
    starts_at = _local_time()
    ends_at = _local_time()
    ends_next_day = fields.Boolean(
        required=True,
        metadata={"description": "`ends_at` is on the day after `day` (an item past midnight)"},
    )
    ends_on = fields.Date(
        required=True,
        allow_none=True,
        metadata={"description": "The day `ends_at` is on: `day`, or the next day"},
    )
    kind = _choice(AgendaItemKind)
    title = TextField()
    description = TextField()
    speakers = fields.List(fields.Nested(SpeakerSchema), required=True)


class PersonSchema(Schema):
    """A public participant: never their e-mail or phone."""

    name = _string()
    function = TextField()
    role = _choice(ParticipantRole)


class DelegationSchema(Schema):
    """A delegation (`public.DelegationView`) with its public members."""

    kind = _choice(DelegationKind)
    name = TextField()
    short_name = TextField()
    region = TextField()
    country = _nullable_string()
    members = fields.List(fields.Nested(PersonSchema), required=True)


def _download(version) -> str:
    """A version's download address; a generated one's (`GeneratedVersion`) is its PDF at its
    language's address."""
    if getattr(version, "generated", None):
        return url_for(
            version.endpoint, lang=version.language, slug=_context()["slug"], _external=True
        )
    return url_for(
        "documents.download",
        lang=_context()["texts"].page_language,
        slug=_context()["slug"],
        document_id=version.document_id,
        language=version.language,
        _external=True,
    )


class DocumentVersionSchema(Schema):
    """One language version: an uploaded file, or a PDF generated from the meeting's data when
    asked for (then `size` is null)."""

    language = _string()
    media_type = _string()
    size = fields.Integer(required=True, allow_none=True)
    url = _link(_download)


class DocumentSchema(Schema):
    category = _choice(DocumentCategory)
    title = TextField()
    symbol = _nullable_string()
    versions = fields.List(
        fields.Nested(DocumentVersionSchema), required=True, attribute="public_versions"
    )


class PressContactSchema(Schema):
    name = _string()
    office = _slug_of("office")
    email = _nullable_string(format="email")
    phone = _nullable_string()


class FeedsSchema(Schema):
    ics = fields.Dict(keys=fields.String(), values=fields.Url(), required=True)


def _feeds(meeting) -> dict:
    return {
        "ics": {
            lang: url_for("calendar.meeting", slug=meeting.slug, lang=lang, _external=True)
            for lang in LANGUAGES
        }
    }


class MeetingSchema(MeetingItemSchema):
    """A meeting with everything its public page shows (`public.PublicMeeting`)."""

    summary = TextField()
    description = TextField()
    venue = TextField()
    website = _nullable_string()
    participant_count = fields.Integer(required=True, allow_none=True)
    participant_count_qualifier = fields.Enum(
        CountQualifier, by_value=True, required=True, allow_none=True
    )
    states_count = fields.Integer(required=True, allow_none=True)
    parent = computed(
        _nullable_string(description="The slug of the meeting this one is part of"),
        lambda meeting: meeting.parent.slug if meeting.parent is not None else None,
    )
    side_events = fields.List(fields.Nested(SideEventSchema), required=True)
    organizers = fields.List(fields.Nested(OrganizerSchema), required=True)
    agenda = fields.List(fields.Nested(AgendaItemSchema), required=True, attribute="agenda_items")
    delegations = fields.List(fields.Nested(DelegationSchema), required=True)
    participants = fields.List(
        fields.Nested(PersonSchema), required=True, attribute="other_participants"
    )
    documents = fields.List(
        fields.Nested(DocumentSchema), required=True, attribute="documents_in_order"
    )
    press_contacts = fields.List(fields.Nested(PressContactSchema), required=True)
    feeds = computed(fields.Nested(FeedsSchema, required=True), _feeds)


class OfficeSchema(Schema):
    """An office; its parent and units come from the context (`parent_slug`, `unit_slugs`:
    one query for the whole list)."""

    slug = _string()
    kind = _choice(OfficeKind)
    name = TextField()
    description = TextField()
    city = TextField()
    country = _nullable_string()
    region = TextField()
    parent = computed(_nullable_string(), lambda office: _context()["parent_slug"](office))
    units = computed(
        fields.List(fields.String(), required=True),
        lambda office: _context()["unit_slugs"](office),
    )
    meetings_url = _link(lambda office: url_for("api.meetings", office=office.slug, _external=True))
    api_url = _link(lambda office: url_for("api.office", slug=office.slug, _external=True))


class OfficeListSchema(Schema):
    items = fields.List(fields.Nested(OfficeSchema), required=True)
