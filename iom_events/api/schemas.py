"""The API's documents: domain objects in, plain JSON-ready dicts out.

Only what the public pages show goes out: public participants without their e-mail or phone,
public side events, current document versions. Every translatable text is written the same
way, so that a client never guesses which language it got (see `Texts`).

The same documents are described below as marshmallow schemas, from which apispec writes the
OpenAPI 3.1 document (/api/v1/openapi.json, see iom_events.api.openapi).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import time

from flask import url_for
from marshmallow import RAISE, Schema, fields

from iom_events.agenda.models import AgendaItemKind
from iom_events.delegations.models import DelegationKind, ParticipantRole
from iom_events.documents.models import DocumentCategory
from iom_events.events.models import (
    CountQualifier,
    Event,
    EventKind,
    EventOrganizer,
    EventStatus,
    OrganizerRole,
)
from iom_events.events.public import AgendaEntry, PublicMeeting
from iom_events.i18n import Translated
from iom_events.offices.models import Office, OfficeKind
from iom_events.settings import LANGUAGES


class Texts:
    """Writes a translatable text for one requested language, or for all of them.

    One language: `{"text": ..., "lang": ...}`, `lang` being the language actually served (a
    fallback is thus always named). All (`lang` is None): `{"en": ..., "fr": ..., "es": ...}`,
    the languages that exist only. A missing text is null.
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
            return dict(value)
        text = value.resolve(self.lang, original)
        return None if text is None else {"text": str(text), "lang": text.lang}


def _time(value: time | None) -> str | None:
    return None if value is None else value.isoformat()


def meeting_item(event: Event, texts: Texts) -> dict:
    """A meeting in a list: what a calendar or a dashboard needs, and where to read more."""
    original = event.original_language
    return {
        "slug": event.slug,
        "title": texts(event.title, original),
        "kind": event.kind.value,
        "status": event.status.value,
        "starts_on": event.starts_on.isoformat(),
        "ends_on": event.ends_on.isoformat(),
        "starts_at": _time(event.starts_at),
        "ends_at": _time(event.ends_at),
        "timezone": event.timezone,
        "city": texts(event.city, original),
        "country": event.country,
        "url": url_for("events.show", slug=event.slug, lang=texts.page_language, _external=True),
        "api_url": url_for("api.meeting", slug=event.slug, _external=True),
    }


def meeting(found: PublicMeeting, texts: Texts) -> dict:
    """A meeting with everything its public page shows (iom_events/events/public.py)."""
    event = found.event
    original = event.original_language

    def text(value: Translated | None) -> dict | None:
        return texts(value, original)

    def person(participant) -> dict:
        return {
            "name": participant.name,
            "function": text(participant.function),
            "role": participant.role.value,
        }

    return {
        **meeting_item(event, texts),
        "summary": text(event.summary),
        "description": text(event.description),
        "venue": text(event.venue),
        "website": event.website,
        "participant_count": event.participant_count,
        "participant_count_qualifier": (
            event.participant_count_qualifier.value if event.participant_count_qualifier else None
        ),
        "states_count": event.states_count,
        "parent": found.parent.slug if found.parent is not None else None,
        "side_events": [
            {"slug": side.slug, "title": texts(side.title, side.original_language)}
            for side in found.side_events
        ],
        "organizers": [_organizer(organizer, texts) for organizer in event.organizers],
        "agenda": [_agenda_item(entry, text) for entry in found.agenda_items],
        "delegations": [
            {
                "kind": view.delegation.kind.value,
                "name": text(view.delegation.name),
                "short_name": text(view.delegation.short_name),
                "region": text(view.delegation.region),
                "country": view.delegation.country,
                "members": [person(member) for member in view.members],
            }
            for view in found.delegations
        ],
        "participants": [person(participant) for participant in found.other_participants],
        "documents": [
            {
                "category": document.category.value,
                "title": text(document.title),
                "symbol": document.symbol,
                "versions": [
                    {
                        "language": version.language,
                        "media_type": version.media_type,
                        "size": version.size,
                        "url": url_for(
                            "documents.download",
                            lang=texts.page_language,
                            slug=event.slug,
                            document_id=document.id,
                            language=version.language,
                            _external=True,
                        ),
                    }
                    for version in document.files_in_official_order
                ],
            }
            for _section, documents in found.documents
            for document in documents
        ],
        "press_contacts": [
            {
                "name": contact.name,
                "office": contact.office.slug if contact.office is not None else None,
                "email": contact.email,
                "phone": contact.phone,
            }
            for contact in found.press_contacts
        ],
        "feeds": {
            "ics": {
                lang: url_for("calendar.meeting", slug=event.slug, lang=lang, _external=True)
                for lang in LANGUAGES
            }
        },
    }


def _agenda_item(entry: AgendaEntry, text: Callable[[Translated | None], dict | None]) -> dict:
    item = entry.item
    return {
        "day": item.day.isoformat(),
        "starts_at": _time(item.starts_at),
        "ends_at": _time(item.ends_at),
        "kind": item.kind.value,
        "title": text(item.title),
        "description": text(item.description),
        "speakers": [
            {"name": speaker.name, "function": text(speaker.function)} for speaker in entry.speakers
        ],
    }


def _organizer(organizer: EventOrganizer, texts: Texts) -> dict:
    office = organizer.office
    name = organizer.name if organizer.name else (office.name if office is not None else None)
    return {
        "role": organizer.role.value,
        "name": texts(name),
        "office": office.slug if office is not None else None,
    }


def office(
    office: Office,
    texts: Texts,
    parent_slug: Callable[[Office], str | None],
    unit_slugs: Callable[[Office], list[str]],
) -> dict:
    """An office; its parent and units come from the caller (one query for the whole list)."""
    return {
        "slug": office.slug,
        "kind": office.kind.value,
        "name": texts(office.name),
        "description": texts(office.description),
        "city": texts(office.city),
        "country": office.country,
        "region": texts(office.region),
        "parent": parent_slug(office),
        "units": unit_slugs(office),
        "meetings_url": url_for("api.meetings", office=office.slug, _external=True),
        "api_url": url_for("api.office", slug=office.slug, _external=True),
    }


# The documents above, described as marshmallow schemas: iom_events.api.openapi turns them into
# /api/v1/openapi.json, and tests/test_api_contract.py checks the answers against it.


class TextField(fields.Raw):
    """A translatable text: `TranslatedText` for one language, `LanguageMap` for ?lang=all."""

    def __init__(self, **kwargs):
        kwargs.setdefault("allow_none", True)
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


def _choice(enum) -> fields.String:
    return _string(enum=[member.value for member in enum])


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


class MeetingItemSchema(Schema):
    slug = _string()
    title = TextField(required=True)
    kind = _choice(EventKind)
    status = _choice(EventStatus)
    starts_on = fields.Date(required=True)
    ends_on = fields.Date(required=True)
    starts_at = _local_time()
    ends_at = _local_time()
    timezone = _string(description="IANA time zone of the venue")
    city = TextField(required=True)
    country = _nullable_string(description="ISO 3166-1 alpha-2")
    url = fields.Url(required=True)
    api_url = fields.Url(required=True)


class MeetingListSchema(Schema):
    total = fields.Integer(required=True)
    page = fields.Integer(required=True)
    per_page = fields.Integer(required=True)
    next = fields.Url(required=True, allow_none=True)
    previous = fields.Url(required=True, allow_none=True)
    items = fields.List(fields.Nested(MeetingItemSchema), required=True)


class SideEventSchema(Schema):
    slug = _string()
    title = TextField(required=True)


class OrganizerSchema(Schema):
    role = _choice(OrganizerRole)
    name = TextField(required=True)
    office = _nullable_string()


class SpeakerSchema(Schema):
    name = _string()
    function = TextField(required=True)


class AgendaItemSchema(Schema):
    day = fields.Date(required=True)
    starts_at = _local_time()
    ends_at = _local_time()
    kind = _choice(AgendaItemKind)
    title = TextField(required=True)
    description = TextField(required=True)
    speakers = fields.List(fields.Nested(SpeakerSchema), required=True)


class PersonSchema(Schema):
    """A public participant: never their e-mail or phone."""

    name = _string()
    function = TextField(required=True)
    role = _choice(ParticipantRole)


class DelegationSchema(Schema):
    kind = _choice(DelegationKind)
    name = TextField(required=True)
    short_name = TextField(required=True)
    region = TextField(required=True)
    country = _nullable_string()
    members = fields.List(fields.Nested(PersonSchema), required=True)


class DocumentVersionSchema(Schema):
    language = _string()
    media_type = _string()
    size = fields.Integer(required=True)
    url = fields.Url(required=True)


class DocumentSchema(Schema):
    category = _choice(DocumentCategory)
    title = TextField(required=True)
    symbol = _nullable_string()
    versions = fields.List(fields.Nested(DocumentVersionSchema), required=True)


class PressContactSchema(Schema):
    name = _string()
    office = _nullable_string()
    email = _nullable_string(format="email")
    phone = _nullable_string()


class FeedsSchema(Schema):
    ics = fields.Dict(keys=fields.String(), values=fields.Url(), required=True)


class MeetingSchema(MeetingItemSchema):
    summary = TextField(required=True)
    description = TextField(required=True)
    venue = TextField(required=True)
    website = _nullable_string()
    participant_count = fields.Integer(required=True, allow_none=True)
    participant_count_qualifier = fields.String(
        required=True,
        allow_none=True,
        metadata={"enum": [q.value for q in CountQualifier]},
    )
    states_count = fields.Integer(required=True, allow_none=True)
    parent = _nullable_string(description="The slug of the meeting this one is part of")
    side_events = fields.List(fields.Nested(SideEventSchema), required=True)
    organizers = fields.List(fields.Nested(OrganizerSchema), required=True)
    agenda = fields.List(fields.Nested(AgendaItemSchema), required=True)
    delegations = fields.List(fields.Nested(DelegationSchema), required=True)
    participants = fields.List(fields.Nested(PersonSchema), required=True)
    documents = fields.List(fields.Nested(DocumentSchema), required=True)
    press_contacts = fields.List(fields.Nested(PressContactSchema), required=True)
    feeds = fields.Nested(FeedsSchema, required=True)


class OfficeSchema(Schema):
    slug = _string()
    kind = _choice(OfficeKind)
    name = TextField(required=True)
    description = TextField(required=True)
    city = TextField(required=True)
    country = _nullable_string()
    region = TextField(required=True)
    parent = _nullable_string()
    units = fields.List(fields.String(), required=True)
    meetings_url = fields.Url(required=True)
    api_url = fields.Url(required=True)


class OfficeListSchema(Schema):
    items = fields.List(fields.Nested(OfficeSchema), required=True)
