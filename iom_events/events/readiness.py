"""What the public will miss once a meeting is published: shown before "Publish" (issue 16,
item 5), so that publishing a meeting that is, say, in French only is done on purpose. It
never refuses the move: an IOM meeting is often announced in one language first.

Per UI language (en, fr, es): the title, the summary, agenda items without a title, delegations
without a name, documents without a current version in it (the documents matrix's own count,
`documents.queries.official_coverage`). For the whole meeting: no organizer, no press contact,
no agenda. What is in the trash does not count (every query leaves it out).
"""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import select
from sqlalchemy.orm import raiseload, selectinload

from iom_events.documents.models import Document
from iom_events.documents.queries import official_coverage
from iom_events.events.models import Event
from iom_events.extensions import db
from iom_events.formatting import translate
from iom_events.languages import current_lang
from iom_events.settings import LANGUAGES


@dataclass(frozen=True)
class Readiness:
    """What a meeting lacks, in sentences of the page's language."""

    by_language: list[tuple[str, list[str]]]
    """(language code, what is missing in it), in the UI languages' order; every language is
    listed, with an empty list when nothing is missing."""
    overall: list[str]
    """What is missing whatever the language: organizers, press contacts, agenda."""

    @property
    def complete(self) -> bool:
        return not self.overall and not any(missing for _lang, missing in self.by_language)


def meeting_with_parts(slug: str) -> Event | None:
    """The meeting (not one in the trash) with what the check reads: six queries, whatever
    its size; anything else reached from it raises."""
    statement = (
        select(Event)
        .where(Event.slug == slug)
        .options(
            selectinload(Event.organizers),
            selectinload(Event.agenda),
            selectinload(Event.delegations),
            selectinload(Event.documents).selectinload(Document.files),
            selectinload(Event.press_contacts),
            raiseload("*"),
        )
    )
    return db.session.scalar(statement)


def check(event: Event) -> Readiness:
    """What the public will miss of `event` (loaded by `meeting_with_parts`)."""
    coverage = official_coverage(list(event.documents))
    missing_documents = coverage.missing
    by_language = []
    for lang in LANGUAGES:
        missing = []
        if not (event.title or {}).get(lang):
            missing.append(_("The title."))
        if not (event.summary or {}).get(lang):
            missing.append(_("The summary."))
        untitled = [item for item in event.agenda if not (item.title or {}).get(lang)]
        if untitled:
            missing.append(
                ngettext(
                    "%(num)d agenda item has no title: %(names)s.",
                    "%(num)d agenda items have no title: %(names)s.",
                    len(untitled),
                    names=_names([item.title for item in untitled], event.original_language),
                )
            )
        unnamed = [d for d in event.delegations if not (d.name or {}).get(lang)]
        if unnamed:
            missing.append(
                ngettext(
                    "%(num)d delegation has no name: %(names)s.",
                    "%(num)d delegations have no name: %(names)s.",
                    len(unnamed),
                    names=_names([d.name for d in unnamed], event.original_language),
                )
            )
        if missing_documents.get(lang):
            without = [document for document, files in coverage.rows if files[lang] is None]
            missing.append(
                ngettext(
                    "%(num)d document has no version in this language: %(names)s.",
                    "%(num)d documents have no version in this language: %(names)s.",
                    missing_documents[lang],
                    names=_names([d.title for d in without], event.original_language),
                )
            )
        by_language.append((lang, missing))
    overall = []
    if not event.organizers:
        overall.append(_("No host or organizer is named."))
    if not event.press_contacts:
        overall.append(_("No press contact."))
    if not event.agenda:
        overall.append(_("No agenda."))
    return Readiness(by_language, overall)


SHOWN_NAMES = 5
"""How many of the records a sentence names; more are "and N more"."""


def _names(texts: list, original: str) -> str:
    """The records' names as the page shows them (in another language when they have none in
    this one), so that staff know which to complete: "Opening; Lunch and 3 more"."""
    names = [str(translate(text, original) or "—") for text in texts[:SHOWN_NAMES]]
    separator = "\u00a0; " if current_lang() == "fr" else "; "  # French spaces its semicolon
    said = separator.join(_("“%(text)s”", text=name) for name in names)
    rest = len(texts) - SHOWN_NAMES
    if rest > 0:
        return _("%(names)s and %(num)d more", names=said, num=rest)
    return said
