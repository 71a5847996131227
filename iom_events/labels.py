"""The words the pages use for the domain's fixed choices, in the reader's language."""

from enum import StrEnum

from flask_babel import lazy_gettext as _l

from iom_events.accounts.models import UserRole
from iom_events.agenda.models import AgendaItemKind
from iom_events.audit.models import AuditAction
from iom_events.delegations.models import DelegationKind, ParticipantRole
from iom_events.documents.models import DocumentCategory, DocumentSection
from iom_events.events.models import EventKind, EventStatus, OrganizerRole
from iom_events.offices.models import OfficeKind

LABELS = {
    EventKind.CONFERENCE: _l("Conference"),
    EventKind.RCP_MEETING: _l("Regional consultative process meeting"),
    EventKind.GOVERNING_BODY_SESSION: _l("Governing body session"),
    EventKind.SIDE_EVENT: _l("Side event"),
    EventKind.PRESS_BRIEFING: _l("Press briefing"),
    EventKind.WORKSHOP: _l("Workshop"),
    EventKind.OTHER: _l("Other meeting"),
    EventStatus.DRAFT: _l("Draft"),
    EventStatus.PUBLISHED: _l("Published"),
    EventStatus.CANCELLED: _l("Cancelled"),
    OrganizerRole.HOST: _l("Host"),
    OrganizerRole.ORGANIZER: _l("Organizer"),
    OrganizerRole.CO_CHAIR: _l("Co-chair"),
    OrganizerRole.SUPPORTER: _l("With the support of"),
    OrganizerRole.PARTICIPANT: _l("Taking part"),
    AgendaItemKind.OPENING: _l("Opening"),
    AgendaItemKind.SESSION: _l("Session"),
    AgendaItemKind.BREAK: _l("Break"),
    AgendaItemKind.SIDE_EVENT: _l("Side event"),
    AgendaItemKind.CLOSING: _l("Closing"),
    DelegationKind.MEMBER_STATE: _l("Member State"),
    DelegationKind.RCP: _l("Regional consultative process"),
    DelegationKind.IGO: _l("Intergovernmental organization"),
    DelegationKind.UN_ENTITY: _l("United Nations entity"),
    DelegationKind.CIVIL_SOCIETY: _l("Civil society"),
    DelegationKind.OBSERVER: _l("Observer"),
    ParticipantRole.HEAD_OF_DELEGATION: _l("Head of delegation"),
    ParticipantRole.CO_CHAIR: _l("Co-chair"),
    ParticipantRole.SPEAKER: _l("Speaker"),
    ParticipantRole.DELEGATE: _l("Delegate"),
    ParticipantRole.OBSERVER: _l("Observer"),
    ParticipantRole.SECRETARIAT: _l("Secretariat"),
    DocumentCategory.AGENDA: _l("Agenda"),
    DocumentCategory.OVERVIEW: _l("Overview"),
    DocumentCategory.REPORT: _l("Report"),
    DocumentCategory.OPENING_REMARKS: _l("Opening remarks"),
    DocumentCategory.CLOSING_REMARKS: _l("Closing remarks"),
    DocumentCategory.PRESENTATION: _l("Presentation"),
    DocumentCategory.ADDITIONAL: _l("Additional document"),
    DocumentSection.MEETING: _l("Meeting documents"),
    DocumentSection.ADDITIONAL: _l("Additional documents"),
    DocumentSection.PRESENTATIONS: _l("Presentations"),
    OfficeKind.REGIONAL_OFFICE: _l("Regional office"),
    OfficeKind.COUNTRY_OFFICE: _l("Country office"),
    OfficeKind.DEPARTMENT: _l("Department"),
    OfficeKind.DIVISION: _l("Division"),
    OfficeKind.UNIT: _l("Unit"),
    AuditAction.CREATE: _l("Created"),
    AuditAction.UPDATE: _l("Changed"),
    AuditAction.REMOVE: _l("Moved to the trash"),
    AuditAction.RESTORE: _l("Restored"),
    AuditAction.DELETE: _l("Deleted for good"),
    UserRole.ADMIN: _l("Administrator"),
    UserRole.EDITOR: _l("Editor"),
}


SEARCH_FIELDS = {
    "title": _l("Title"),
    "summary": _l("Summary"),
    "description": _l("Description"),
    "agenda": _l("Agenda"),
    "speaker": _l("Speaker"),
    "delegation": _l("Delegation"),
    "document": _l("Document"),
    "venue": _l("Venue"),
    "city": _l("City"),
    "office": _l("Organizer"),
}


def search_field(name: str) -> str:
    """Template filter: where a search hit was found, in the reader's language."""
    return str(SEARCH_FIELDS.get(name, name))


def label(value: StrEnum) -> str:
    """Template filter `label`: the localized name of a choice."""
    return str(LABELS[value])


def choices(enum: type[StrEnum]) -> list[tuple[str, str]]:
    return [(member.value, label(member)) for member in enum]
