"""A meeting's official documents generated from its data: the "Provisional agenda" and the
"List of participants", laid out as UN meeting documents, and made PDFs by WeasyPrint.

Nothing here is stored: the documents are written from the public read model
(`public.meeting`) whenever their data changes, and keyed by what they show: the HTML a PDF is
made from is cached under the meeting's fingerprint, the PDF under the digest of that HTML
(and of the release). Their pages are iom_events/events/printed.py; the meeting's zips take
them too (iom_events/documents/views.py). No routes here, and no network: WeasyPrint is given
the HTML and its stylesheet as text, and fetches nothing (`_fetch_nothing`); its fonts are the
system's (fontconfig: DejaVu or Noto, which cover French and Spanish).
"""

from __future__ import annotations

import contextlib
import enum
import hashlib
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from flask import abort, current_app, g, render_template, request, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from iom_events import caching
from iom_events.delegations.models import DelegationKind, Participant, ParticipantRole
from iom_events.documents.models import generated_symbol
from iom_events.events import public
from iom_events.events.public import DelegationView, PublicMeeting
from iom_events.languages import current_lang
from iom_events.slugs import slug as make_slug

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


def document_symbol(meeting: PublicMeeting, document: GeneratedDocument) -> str:
    """The symbol the generated document carries, on its first page and in every page's
    margin: staff's, else one made from the meeting (`documents.models.generated_symbol`)."""
    return generated_symbol(meeting.event.slug, document.name, meeting.documents_in_order)


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


# --- the documents as HTML, then PDF ----------------------------------------------------------


class GeneratedDocument(enum.Enum):
    """The official documents generated from a meeting's data, by the endpoint of their PDF."""

    AGENDA = "printed.agenda_pdf"
    PARTICIPANTS = "printed.participants_pdf"

    @property
    def title(self) -> str:
        """The document's title in the current language (UN terms)."""
        if self is GeneratedDocument.AGENDA:
            return _("Provisional agenda")
        return _("List of participants")


@dataclass(frozen=True)
class SourceHtml:
    """The HTML a PDF is rendered from, and what names and validates that PDF."""

    html: bytes
    digest: str
    """SHA-256 (hex) of the release and the HTML: the PDF's ETag and cache key."""
    file_name: str
    """`<slug>_<title>_<lang>.pdf`, the title in the document's language (RFC 6266's
    `filename*` carries its accents, as documents' names do)."""


def source_html(slug: str, document: GeneratedDocument) -> SourceHtml | None:
    """The HTML of the public meeting's document in the current language, or None when no
    public meeting has this address: one query (the fingerprint) when the meeting has not
    changed since it was last built, nine otherwise."""
    fingerprint = public.fingerprint(slug)
    if fingerprint is None:
        return None
    build = _agenda_pdf_html if document is GeneratedDocument.AGENDA else _participants_html
    html = caching.derived(f"official:{document.name}", fingerprint, lambda: build(slug))
    release = current_app.extensions["iom_events.release"]
    digest = hashlib.sha256(release.encode() + b"\0" + html).hexdigest()
    title = make_slug(document.title, allow_unicode=True)
    return SourceHtml(html, digest, f"{slug}_{title}_{current_lang()}.pdf")


def has_content(slug: str, document: GeneratedDocument) -> bool:
    """Whether the meeting's page lists the document (`PublicMeeting.generated_to_list`, or one
    of its own documents is it): its zips then hold it too. Read with the fingerprint, built
    once per change."""
    fingerprint = public.fingerprint(slug)
    if fingerprint is None:
        return False
    contents = caching.derived("official:contents", fingerprint, lambda: _contents(slug))
    return document.name in contents.decode().split()


def _contents(slug: str) -> str:
    """What the meeting's page lists as generated: apart, or as one of its own documents."""
    meeting = public.meeting(slug) or abort(404)
    return " ".join(sorted(meeting.generated_to_list | meeting.generated_documents)) or "-"


def pdf_of(source: SourceHtml) -> bytes:
    """The PDF of `source`, rendered once per digest (then read from the cache)."""
    return caching.by_content(
        "official-pdf", source.digest, lambda: pdf_from_html(source.html.decode(), request.host_url)
    )


@contextlib.contextmanager
def in_language(language: str) -> Iterator[None]:
    """The current request as if it were at `language`'s address (`/<language>/...`): its
    catalog, its dates, its links and its typography; for a zip in one language that a page
    in another links to."""
    previous = g.get("lang")
    g.lang = language
    try:
        with force_locale(language):
            yield
    finally:
        if previous is None:
            g.pop("lang", None)
        else:
            g.lang = previous


def agenda_html(slug: str, *, pdf: bool) -> str:
    """The provisional agenda's HTML: the printable page (`pdf` False), or the PDF's source."""
    meeting = public.meeting(slug) or abort(404)
    return render_template(
        "official/agenda.html",
        **_common(meeting, GeneratedDocument.AGENDA, "printed.agenda", pdf=pdf),
        symbol=document_symbol(meeting, GeneratedDocument.AGENDA),
    )


def _agenda_pdf_html(slug: str) -> str:
    return agenda_html(slug, pdf=True)


def _participants_html(slug: str) -> str:
    meeting = public.meeting(slug) or abort(404)
    return render_template(
        "official/participants.html",
        **_common(meeting, GeneratedDocument.PARTICIPANTS, "printed.participants_pdf", pdf=True),
        symbol=document_symbol(meeting, GeneratedDocument.PARTICIPANTS),
        groups=delegation_groups(meeting),
        members_in_order=members_in_order,
    )


def _common(meeting: PublicMeeting, document: GeneratedDocument, endpoint: str, *, pdf: bool):
    address = url_for(endpoint, slug=meeting.event.slug, _external=True)
    return {
        "meeting": meeting,
        "event": meeting.event,
        "document_title": document.title,
        "address": address,
        "address_css": css_string(address),
        "pdf": pdf,
        "css": stylesheet() if pdf else "",
    }
