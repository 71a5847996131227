"""The public meeting: what anyone may see of a meeting, decided once for every surface.

The meeting page, the API, the meeting's feed and the search index read a meeting through this
module only, so that what the public may see is written once:

- a meeting is public when it is published or cancelled (never a draft) and not in the trash;
  its parent and its side events are shown only when they are public too;
- a participant is shown when marked public, not in the trash, and not a member of a
  delegation in the trash (its people go with it; they come back when it is restored); a
  speaker is shown only if the participant is;
- agenda items, delegations, documents, press contacts and organizers in the trash are not
  shown (`records._hide_removed` leaves them out of every query);
- a document is shown when it has a current version (not replaced, not in the trash), and only
  its current versions are offered.

Staff preview a meeting the public cannot see (a draft, one in the trash) through
`staff_preview`: the same rules for its parts, the same page, but only the public rule on the
meeting itself is lifted, on this one path, which the meeting page alone calls for signed-in
staff (and never caches). Feeds, search, the API and downloads never call it.

`meeting` loads everything the page shows in a fixed number of queries and forbids lazy loading
(`raiseload("*")`): a template or serializer reaching for something not loaded here fails in
the tests instead of running a query per row. `fingerprint` says what makes the page change:
it sits beside `meeting` so that the two are read (and changed) together.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from itertools import groupby

from flask_babel import gettext as _
from sqlalchemy import ColumnElement, Select, and_, bindparam, func, or_, select
from sqlalchemy.orm import aliased, joinedload, raiseload, selectinload, with_loader_criteria

from iom_events.agenda.models import AgendaItem, agenda_speaker
from iom_events.caching import Fingerprint
from iom_events.delegations.models import (
    Delegation,
    DelegationKind,
    Participant,
    ParticipantRole,
    in_reading_order,
)
from iom_events.documents.models import Document, DocumentCategory, DocumentFile, DocumentSection
from iom_events.events.models import Event, EventOrganizer, EventStatus, OrganizerRole
from iom_events.extensions import db
from iom_events.formatting import country_name, language_order, same_name, translate
from iom_events.labels import in_number
from iom_events.offices.models import Office
from iom_events.press.models import PressContact
from iom_events.records import built_once
from iom_events.slugs import slug

PUBLIC_STATUSES = (EventStatus.PUBLISHED, EventStatus.CANCELLED)


def is_public_status() -> ColumnElement[bool]:
    """Published or cancelled. Written as `=` ORs, not IN: an IN list is a parameter that
    SQLAlchemy writes out again at each execution, even of a statement built once (SQLite and
    PostgreSQL plan both the same)."""
    return or_(*(Event.status == status for status in PUBLIC_STATUSES))


def public_events() -> Select[tuple[Event]]:
    """Meetings the public may see: published or cancelled, never drafts (nor, as every
    query, those in the trash)."""
    return select(Event).where(is_public_status())


def is_public_event(slug: str) -> ColumnElement[bool]:
    """The condition on `Event` for the public meeting at this address (a former address is
    not it: it answers 301)."""
    return and_(Event.slug == slug, is_public_status())


def public_event(slug: str) -> Select[tuple[Event]]:
    return select(Event).where(is_public_event(slug))


# --- the rules, as SQL conditions (for queries over many meetings: search, downloads) ----------


def visible_participant() -> ColumnElement[bool]:
    """A participant the public may see (see the module's rules)."""
    live_delegations = select(Delegation.id).where(Delegation.removed_at.is_(None))
    return and_(
        Participant.is_public,
        Participant.removed_at.is_(None),
        or_(Participant.delegation_id.is_(None), Participant.delegation_id.in_(live_delegations)),
    )


def current_version() -> ColumnElement[bool]:
    """A document version the public may download: neither replaced nor in the trash."""
    return and_(DocumentFile.replaced_at.is_(None), DocumentFile.removed_at.is_(None))


# --- the meeting as its page shows it -----------------------------------------------------------


class _Reads:
    """Reads what it does not hold from the record it wraps (`entry.title` is its item's)."""

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self._wrapped(), name)

    def _wrapped(self):
        raise NotImplementedError


@dataclass(frozen=True)
class AgendaEntry(_Reads):
    """An agenda item and its speakers the public may see; reads as the item otherwise."""

    item: AgendaItem
    speakers: list[Participant]
    materials: list[Document] = field(default_factory=list)
    """The item's documents the public may see (those with a current version), in the
    documents' order; they are listed under their category too."""

    def _wrapped(self) -> AgendaItem:
        return self.item


@dataclass(frozen=True)
class DelegationView(_Reads):
    """A delegation and its members (the public ones on public surfaces, all of them for
    staff); reads as the delegation otherwise."""

    delegation: Delegation
    members: list[Participant]
    shows_place: bool = True
    """Whether its page names its region or country after its name: not when that is its
    name ("Sénégal", never "Sénégal — Sénégal")."""

    def _wrapped(self) -> Delegation:
        return self.delegation


@dataclass(frozen=True)
class PublicMeeting(_Reads):
    """Everything a public surface shows of one meeting, every rule of this module applied;
    reads as the meeting otherwise (`meeting.title`).

    `event` is loaded with its organizers, agenda, press contacts and side events; anything else
    reached from it raises (`raiseload`): read the fields below instead.
    """

    event: Event
    parent: Event | None
    """The meeting this one is a side event of, when that one is public."""
    organizers_by_role: list[tuple[OrganizerRole, list[EventOrganizer]]]
    """Roles in the order they first appear."""
    agenda: list[tuple[date, list[AgendaEntry]]]
    """By day, in order."""
    delegations: list[DelegationView]
    other_participants: list[Participant]
    """Public people in no delegation."""
    documents: list[tuple[DocumentSection, list[Document]]]
    """Under the seeds' headings; only documents with a current version."""
    document_languages: list[str]
    """Languages some document is in: IOM's official ones first."""
    side_events: list[Event]
    press_contacts: list[PressContact]
    live_delegations: dict[int, Delegation] = field(default_factory=dict)
    """The meeting's delegations not in the trash, by id (the public ones and the others)."""

    def _wrapped(self) -> Event:
        return self.event

    def delegation_of(self, document: Document) -> Delegation | None:
        """The delegation a document is from, to name beside it (issue 17: two statements by
        two delegations must be told apart): a live delegation of the meeting, and not one
        the document's title already names in the page's language."""
        delegation = self.live_delegations.get(document.delegation_id)
        if delegation is None:
            return None
        original = self.event.original_language
        title = slug(str(translate(document.title, original) or ""))
        names = [translate(delegation.name, original), translate(delegation.short_name, original)]
        if any(name and slug(str(name)) in title for name in names):
            return None
        return delegation

    @property
    def press_contacts_heading(self) -> str:
        """ "Press contact" over one, "Press contacts" over several."""
        return in_number(len(self.press_contacts), _("Press contact"), _("Press contacts"))

    @property
    def delegations_by_kind(self) -> list[tuple[DelegationKind, list[DelegationView]]]:
        """The delegations under their kinds (Member States first: `in_reading_order`)."""
        return [(kind, list(views)) for kind, views in groupby(self.delegations, lambda v: v.kind)]

    @property
    def other_participants_by_role(self) -> list[tuple[ParticipantRole, list[Participant]]]:
        """The people in no delegation under their roles, in `ParticipantRole`'s order."""
        roles = list(ParticipantRole)
        people = sorted(self.other_participants, key=lambda person: roles.index(person.role))
        return [(role, list(group)) for role, group in groupby(people, lambda p: p.role)]

    @property
    def agenda_items(self) -> list[AgendaEntry]:
        return [entry for _day, entries in self.agenda for entry in entries]

    @property
    def generated_documents(self) -> set[str]:
        """The generated documents the meeting lists among its own ("AGENDA"...)."""
        return {d.generated for d in self.documents_in_order if d.generated}

    @property
    def generated_to_list(self) -> set[str]:
        """The generated documents the documents list offers apart ("AGENDA", "PARTICIPANTS"):
        those the meeting has something for, that none of its own documents already is. A
        meeting with an agenda of its own (uploaded, category "Agenda") is not offered a second
        "Provisional agenda" beside it."""
        offered = set()
        own_agenda = any(d.category is DocumentCategory.AGENDA for d in self.documents_in_order)
        if self.agenda and not own_agenda:
            offered.add("AGENDA")
        if self.delegations or self.other_participants:
            offered.add("PARTICIPANTS")
        return offered - self.generated_documents

    @property
    def documents_in_order(self) -> list[Document]:
        return [document for _section, documents in self.documents for document in documents]


def meeting(slug: str) -> PublicMeeting | None:
    """The public meeting at `slug`, or None; eight queries whatever its size.

    One query per collection (selectin), the rows each collection needs joined into it (a
    document's files, an organizer's office); the speakers of the agenda items as pairs of ids
    (`_speaker_ids`), matched to the participants loaded.
    """
    event = db.session.scalars(_with_its_parts(public_event(slug))).unique().one_or_none()
    return None if event is None else _public(event)


PARTS_IN_THE_TRASH_HIDDEN = (
    AgendaItem,
    Delegation,
    Participant,
    Document,
    DocumentFile,
    PressContact,
    Office,
)
"""What hangs from a meeting and can be in the trash: hidden from a preview as from the public
(the meeting itself may be in the trash there; its parent and side events are checked in
`_public`)."""


def staff_preview(slug: str) -> PublicMeeting | None:
    """The meeting at `slug` whatever its status, even in the trash, as its public page would
    show it: every rule of this module applies to its parts; only "published or cancelled, not
    in the trash" is not asked of the meeting itself. None when no meeting has this address.

    For signed-in staff only: the caller checks, and never caches the answer (the meeting page,
    iom_events/events/views.py). Eight queries, as `meeting`.
    """
    statement = _with_its_parts(select(Event).where(Event.slug == slug)).options(
        *(with_loader_criteria(m, m.removed_at.is_(None)) for m in PARTS_IN_THE_TRASH_HIDDEN)
    )
    options = {"include_removed": True}  # for the meeting; its parts: the criteria above
    event = db.session.scalars(statement, execution_options=options).unique().one_or_none()
    return None if event is None else _public(event)


def _with_its_parts(statement: Select[tuple[Event]]) -> Select[tuple[Event]]:
    return statement.options(
        joinedload(Event.parent),
        selectinload(Event.organizers).joinedload(EventOrganizer.office),
        selectinload(Event.delegations),
        selectinload(Event.participants),
        selectinload(Event.agenda),
        selectinload(Event.documents).joinedload(Document.files),
        selectinload(Event.press_contacts).joinedload(PressContact.office),
        joinedload(Event.side_events),
        raiseload("*"),
    )


def calendar_meeting(slug: str) -> Event | None:
    """The public meeting at `slug` with only what its feed shows: its organizers (ORGANIZER)
    and agenda, no people and no documents; three queries, lazy loading forbidden too."""
    statement = public_event(slug).options(
        selectinload(Event.organizers).joinedload(EventOrganizer.office),
        selectinload(Event.agenda),
        raiseload("*"),
    )
    return db.session.scalars(statement).one_or_none()


def _public(event: Event) -> PublicMeeting:
    live_delegations = {delegation.id for delegation in event.delegations}
    visible = [
        person
        for person in event.participants
        if person.is_public
        and (person.delegation_id is None or person.delegation_id in live_delegations)
    ]
    members: dict[int | None, list[Participant]] = defaultdict(list)
    for person in visible:
        members[person.delegation_id].append(person)
    visible_by_id = {person.id: person for person in visible}
    speakers: dict[int, list[Participant]] = defaultdict(list)
    for item_id, person_id in _speaker_ids(event):
        if person_id in visible_by_id:
            speakers[item_id].append(visible_by_id[person_id])
    for people in speakers.values():
        people.sort(key=lambda person: (person.position, person.id))
    documents = [document for document in event.documents if document.files or document.generated]
    materials: dict[int, list[Document]] = defaultdict(list)
    for document in documents:
        if document.agenda_item_id is not None:
            materials[document.agenda_item_id].append(document)
    agenda = [
        (
            day,
            [
                AgendaEntry(item, speakers.get(item.id, []), materials.get(item.id, []))
                for item in items
            ],
        )
        for day, items in groupby(event.agenda, key=lambda item: item.day)
    ]
    parent = event.parent if _shown(event.parent) else None
    return PublicMeeting(
        event=event,
        parent=parent,
        organizers_by_role=organizers_by_role(event.organizers),
        agenda=agenda,
        delegations=[
            DelegationView(d, members.get(d.id, []), _shows_place(d, event.original_language))
            for d in in_reading_order(event.delegations, event.original_language)
        ],
        other_participants=members.get(None, []),
        documents=_by_section(documents),
        document_languages=sorted(
            {version.language for document in documents for version in document.public_versions},
            key=language_order,
        ),
        side_events=[side for side in event.side_events if _shown(side)],
        press_contacts=list(event.press_contacts),
        live_delegations={d.id: d for d in event.delegations},
    )


def _shows_place(delegation: Delegation, original: str) -> bool:
    if delegation.region:
        return not same_name(
            translate(delegation.name, original), translate(delegation.region, original)
        )
    return not same_name(translate(delegation.name, original), country_name(delegation.country))


def _speaker_ids(event: Event) -> list[tuple[int, int]]:
    """(agenda item id, participant id) of every speaker of the meeting's items: numbers only,
    matched to the participants already loaded. Joining the speakers into the agenda query cost
    more (SQLite built the join of every meeting's speakers to their people first: 22 ms for
    the 400-item meeting, against 0.7 ms for this)."""
    statement = (
        select(agenda_speaker.c.agenda_item_id, agenda_speaker.c.participant_id)
        .join(AgendaItem, AgendaItem.id == agenda_speaker.c.agenda_item_id)
        .where(AgendaItem.event_id == event.id)
    )
    return [(item_id, person_id) for item_id, person_id in db.session.execute(statement)]


def _shown(event: Event | None) -> bool:
    """A linked meeting (parent, side event) the public may see; a preview loads them with
    those in the trash, so that is checked here too."""
    return event is not None and event.is_public and event.removed_at is None


def organizers_by_role(
    organizers: list[EventOrganizer],
) -> list[tuple[OrganizerRole, list[EventOrganizer]]]:
    """The organizers grouped by role, roles in the order they first appear."""
    groups: dict[OrganizerRole, list[EventOrganizer]] = {}
    for organizer in organizers:
        groups.setdefault(organizer.role, []).append(organizer)
    return list(groups.items())


def _by_section(documents: list[Document]) -> list[tuple[DocumentSection, list[Document]]]:
    sections: dict[DocumentSection, list[Document]] = {s: [] for s in DocumentSection}
    for document in documents:
        sections[document.section].append(document)
    return [(section, docs) for section, docs in sections.items() if docs]


# --- what makes it change -----------------------------------------------------------------------


def office_versions():
    """Office names appear on meeting pages and feeds (organizers, press contacts)."""
    return select(
        func.coalesce(func.sum(Office.version), 0) + func.count(Office.id)
    ).scalar_subquery()


def fingerprint(slug: str) -> Fingerprint | None:
    """Everything the public meeting page shows, in one query: the meeting, what hangs from it
    (counted by its `content_version`), its parent's title, and the offices named on it."""
    row = db.session.connection().execute(_fingerprint_statement(), {"slug": slug}).one_or_none()
    return None if row is None else Fingerprint(tuple(row))


@functools.cache
def _fingerprint_statement() -> Select:
    """Built once per process: building it (an aliased parent, two scalar subqueries) cost
    more than running it, on every request of a cached page."""
    parent = aliased(Event)
    parent_version = select(parent.version).where(parent.id == Event.parent_id).scalar_subquery()
    statement = public_event(bindparam("slug")).with_only_columns(
        Event.id,
        Event.uid,  # SQLite gives a deleted meeting's id to the next one; never its UID
        Event.version,
        Event.updated_at,
        Event.content_version,
        parent_version,
        office_versions(),
    )
    return built_once(statement)
