"""A meeting's printable agenda and its official documents as PDFs.

- `/<lang>/events/<slug>/agenda`: the provisional agenda as a print-first page, cached and
  validated by the meeting page's fingerprint (iom_events/caching.py).
- `/<lang>/events/<slug>/agenda.pdf` and `/participants.pdf`: the "Provisional agenda" and the
  "List of participants" (iom_events/events/official.py).

A PDF is validated by what it shows, not by the meeting's fingerprint: its ETag is the SHA-256 of
the release and of the HTML it is rendered from. So a change the PDF does not show (a private
participant's phone, a document's file size) leaves its ETag and bytes as they were, and any
change it shows makes a new one: never stale, and nothing stored but cache entries (the HTML
under the meeting's fingerprint, the PDF under its HTML's digest), which a new fingerprint or
digest simply stops reading.
"""

from __future__ import annotations

from flask import Blueprint, Response, abort, request

from iom_events import caching
from iom_events.events import official, public
from iom_events.languages import LANG

bp = Blueprint("printed", __name__, url_prefix=f"{LANG}/events/<slug>")


@bp.get("/agenda")
def agenda(slug: str):
    """The printable agenda: nine queries built, one cached (the fingerprint)."""
    fingerprint = public.fingerprint(slug) or abort(404)
    return caching.respond(
        fingerprint,
        lambda: official.agenda_html(slug, pdf=False),
        mimetype="text/html",
    )


@bp.get("/agenda.pdf")
def agenda_pdf(slug: str):
    """The provisional agenda as a PDF, rendered from the printable agenda's HTML."""
    return _pdf(slug, official.GeneratedDocument.AGENDA)


@bp.get("/participants.pdf")
def participants_pdf(slug: str):
    """The list of participants as a PDF: public participants only, never a contact."""
    return _pdf(slug, official.GeneratedDocument.PARTICIPANTS)


def _pdf(slug: str, document: official.GeneratedDocument) -> Response:
    """The PDF with a strong ETag (the digest of the release and the HTML it is made from);
    304 on If-None-Match, before any rendering."""
    source = official.source_html(slug, document) or abort(404)
    digest = source.digest
    response = Response(mimetype="application/pdf")
    response.set_etag(digest[:40])
    response.cache_control.public = True
    response.cache_control.no_cache = True  # as every answer from the data (caching.respond)
    response.headers.set("Content-Disposition", "attachment", filename=source.file_name)
    response.make_conditional(request)
    if response.status_code == 304:
        return response
    response.set_data(official.pdf_of(source))
    return response
