"""The API's documents: domain objects in, plain JSON-ready dicts out.

Only what the public pages show goes out: public participants without their e-mail or phone,
public side events, current document versions. Every translatable text is written the same
way, so that a client never guesses which language it got (see `Texts`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import time

from flask import url_for

from iom_events.events import queries
from iom_events.events.models import Event, EventOrganizer
from iom_events.i18n import Translated
from iom_events.offices.models import Office
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


def meeting(event: Event, texts: Texts) -> dict:
    """A meeting with everything its public page shows; `event` from `published_event`."""
    original = event.original_language

    def text(value: Translated | None) -> dict | None:
        return texts(value, original)

    def person(participant) -> dict:
        return {
            "name": participant.name,
            "function": text(participant.function),
            "role": participant.role.value,
        }

    delegations, others = queries.delegations_with_members(event)
    parent = event.parent if event.parent is not None and event.parent.is_public else None
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
        "parent": parent.slug if parent is not None else None,
        "side_events": [
            {"slug": side.slug, "title": texts(side.title, side.original_language)}
            for side in queries.public_side_events(event)
        ],
        "organizers": [_organizer(organizer, texts) for organizer in event.organizers],
        "agenda": [
            {
                "day": item.day.isoformat(),
                "starts_at": _time(item.starts_at),
                "ends_at": _time(item.ends_at),
                "kind": item.kind.value,
                "title": text(item.title),
                "description": text(item.description),
                "speakers": [
                    {"name": speaker.name, "function": text(speaker.function)}
                    for speaker in item.speakers
                    if speaker.is_public
                ],
            }
            for item in event.agenda
        ],
        "delegations": [
            {
                "kind": view.delegation.kind.value,
                "name": text(view.delegation.name),
                "short_name": text(view.delegation.short_name),
                "region": text(view.delegation.region),
                "country": view.delegation.country,
                "members": [person(member) for member in view.members],
            }
            for view in delegations
        ],
        "participants": [person(participant) for participant in others],
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
            for _section, documents in queries.documents_by_section(event)
            for document in documents
        ],
        "press_contacts": [
            {
                "name": contact.name,
                "office": contact.office.slug if contact.office is not None else None,
                "email": contact.email,
                "phone": contact.phone,
            }
            for contact in event.press_contacts
        ],
        "feeds": {
            "ics": {
                lang: url_for("calendar.meeting", slug=event.slug, lang=lang, _external=True)
                for lang in LANGUAGES
            }
        },
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
