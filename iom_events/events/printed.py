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

import hashlib

from flask import Blueprint, Response, abort, current_app, render_template, request, url_for
from flask_babel import gettext as _

from iom_events import caching
from iom_events.events import official, public
from iom_events.languages import LANG, current_lang
from iom_events.slugs import slug as make_slug

bp = Blueprint("printed", __name__, url_prefix=f"{LANG}/events/<slug>")

MAX_AGE = 60


@bp.get("/agenda")
def agenda(slug: str):
    """The printable agenda: nine queries built, one cached (the fingerprint)."""
    fingerprint = public.fingerprint(slug) or abort(404)
    return caching.respond(
        fingerprint, lambda: _agenda_html(slug, pdf=False), mimetype="text/html", max_age=MAX_AGE
    )


@bp.get("/agenda.pdf")
def agenda_pdf(slug: str):
    """The provisional agenda as a PDF, rendered from the printable agenda's HTML."""
    return _pdf(slug, "agenda-pdf", lambda: _agenda_html(slug, pdf=True), _("Provisional agenda"))


@bp.get("/participants.pdf")
def participants_pdf(slug: str):
    """The list of participants as a PDF: public participants only, never a contact."""
    return _pdf(
        slug, "participants-pdf", lambda: _participants_html(slug), _("List of participants")
    )


def _agenda_html(slug: str, *, pdf: bool) -> str:
    meeting = public.meeting(slug) or abort(404)
    return render_template(
        "official/agenda.html",
        **_common(meeting, _("Provisional agenda"), "printed.agenda", pdf=pdf),
        symbol=official.agenda_symbol(meeting),
    )


def _participants_html(slug: str) -> str:
    meeting = public.meeting(slug) or abort(404)
    return render_template(
        "official/participants.html",
        **_common(meeting, _("List of participants"), "printed.participants_pdf", pdf=True),
        symbol=None,
        groups=official.delegation_groups(meeting),
        members_in_order=official.members_in_order,
    )


def _common(meeting: public.PublicMeeting, title: str, endpoint: str, *, pdf: bool) -> dict:
    address = url_for(endpoint, slug=meeting.event.slug, _external=True)
    return {
        "meeting": meeting,
        "event": meeting.event,
        "document_title": title,
        "address": address,
        "address_css": official.css_string(address),
        "pdf": pdf,
        "css": official.stylesheet() if pdf else "",
    }


def _pdf(slug: str, name: str, html, title: str) -> Response:
    """The PDF of `html()` (built only when the meeting's fingerprint is new to the cache),
    with a strong ETag: the digest of the release and the HTML; 304 on If-None-Match."""
    fingerprint = public.fingerprint(slug) or abort(404)
    source = caching.derived(name, fingerprint, html)
    release = current_app.extensions["iom_events.release"]
    digest = hashlib.sha256(release.encode() + b"\0" + source).hexdigest()
    response = Response(mimetype="application/pdf")
    response.set_etag(digest[:40])
    response.cache_control.public = True
    response.cache_control.max_age = MAX_AGE
    response.headers.set(
        "Content-Disposition",
        "attachment",
        filename=f"{slug}_{make_slug(title, allow_unicode=True)}_{current_lang()}.pdf",
    )
    response.make_conditional(request)
    if response.status_code == 304:
        return response
    response.set_data(
        caching.by_content(
            "pdf",
            digest,
            lambda: official.pdf_from_html(source.decode(), request.host_url),
        )
    )
    return response
