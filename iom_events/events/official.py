"""A meeting's official documents generated from its data: the "Provisional agenda" and the
"List of participants", laid out as UN meeting documents, and made PDFs by WeasyPrint.

Nothing here is stored: the documents are written from the public read model
(`public.meeting`) whenever their data changes, and the views key them by what they show
(iom_events/events/printed.py). No HTTP here, and no network: WeasyPrint is given the HTML and
its stylesheet as text, and fetches nothing (`_fetch_nothing`); its fonts are the system's
(fontconfig: DejaVu or Noto, which cover French and Spanish).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from flask_babel import lazy_gettext as _l

from iom_events.delegations.models import DelegationKind, Participant, ParticipantRole
from iom_events.documents.models import DocumentCategory
from iom_events.events.public import DelegationView, PublicMeeting

PRINT_CSS = Path(__file__).resolve().parent.parent.parent / "static" / "css" / "official.css"
"""The official documents' stylesheet: the printable agenda links it, the PDFs inline it."""


@dataclass(frozen=True)
class DelegationGroup:
    """One heading of a list of participants and the delegations under it, in order."""

    heading: str
    delegations: list[tuple[DelegationKind, list[DelegationView]]]
    """The delegations by kind (a sub-heading each when the group holds several kinds)."""


GROUPS: tuple[tuple[object, tuple[DelegationKind, ...]], ...] = (
    (_l("Member States"), (DelegationKind.MEMBER_STATE,)),
    (_l("Observers"), (DelegationKind.OBSERVER,)),
    (
        _l("Organizations"),
        (
            DelegationKind.RCP,
            DelegationKind.UN_ENTITY,
            DelegationKind.IGO,
            DelegationKind.CIVIL_SOCIETY,
        ),
    ),
)
"""How a list of participants groups delegations, as UN lists of participants do: Member
States, then observers, then organizations. `DelegationKind` maps onto them so:

- Member States: `MEMBER_STATE`;
- Observers: `OBSERVER` (observer states and entities invited as such);
- Organizations: every other kind, under a sub-heading each, in this order: regional
  consultative processes (`RCP`, which IOM lists first at its RCP meetings), United Nations
  entities (`UN_ENTITY`), other intergovernmental organizations (`IGO`), then civil society
  (`CIVIL_SOCIETY`), as UN lists put non-governmental organizations last.

Within a kind, delegations are in the order of their names in the document's language
(`public.meeting` sorted them with ICU's collation of the request's language:
`in_reading_order`)."""


def delegation_groups(meeting: PublicMeeting) -> list[DelegationGroup]:
    """The meeting's public delegations under the list's headings (`GROUPS`), empty groups and
    kinds left out, members in `members_in_order`."""
    by_kind: dict[DelegationKind, list[DelegationView]] = {}
    for view in meeting.delegations:  # already in reading order: by kind, then by name
        by_kind.setdefault(view.kind, []).append(view)
    groups = []
    for heading, kinds in GROUPS:
        present = [(kind, by_kind[kind]) for kind in kinds if by_kind.get(kind)]
        if present:
            groups.append(DelegationGroup(str(heading), present))
    return groups


def members_in_order(members: list[Participant]) -> list[Participant]:
    """A delegation's members as a list of participants names them: the head of delegation
    first (several heads in their order), then the others in the delegation's own order
    (`position`, set by the secretariat)."""
    return sorted(
        members,
        key=lambda person: (
            person.role is not ParticipantRole.HEAD_OF_DELEGATION,
            person.position,
            person.id,
        ),
    )


def agenda_symbol(meeting: PublicMeeting) -> str | None:
    """The symbol the provisional agenda carries: that of the meeting's public document of
    category "Agenda", when it has one (MC/2281); None otherwise (a symbol is never made up)."""
    for document in meeting.documents_in_order:
        if document.category is DocumentCategory.AGENDA and document.symbol:
            return document.symbol
    return None


def stylesheet() -> str:
    """The official documents' CSS, as text (inlined into the HTML a PDF is made from)."""
    return PRINT_CSS.read_text(encoding="utf-8")


def css_string(text: str) -> str:
    """`text` as a quoted CSS string, safe inside a <style> element: every character that could
    end the string, the rule or the element is written as a CSS escape (`\\22 ` for a quote,
    `\\3C ` for "<")."""
    escaped = "".join(
        f"\\{ord(char):X} " if char in '"\\<>&\n\r\f' or ord(char) < 32 else char for char in text
    )
    return f'"{escaped}"'


def _fetch_nothing(url: str, *args, **kwargs):
    """WeasyPrint's URL fetcher: nothing is fetched (no network while rendering; the CSS is
    inlined and the documents have no images)."""
    raise ValueError(f"not fetched while rendering a PDF: {url}")


def pdf_from_html(html: str, base_url: str) -> bytes:
    """The PDF of an official document's HTML (print media, `official.css` inlined).

    `base_url` resolves the document's relative links (absolute ones are kept as links in the
    PDF). The same HTML gives the same bytes: no date of rendering is written (WeasyPrint
    writes a creation date only when the HTML's metadata names one), so a PDF changes only
    when what it shows does. Raises what WeasyPrint raises on a broken installation (Pango
    missing): a 500, which `make install` prevents."""
    # Imported here: loading WeasyPrint (Pango, fonts) costs about half a second, paid only by
    # the process that renders a PDF.
    from weasyprint import HTML

    output = io.BytesIO()
    HTML(string=html, base_url=base_url, url_fetcher=_fetch_nothing).write_pdf(output)
    return output.getvalue()
