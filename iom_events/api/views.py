"""/api/v1/: meetings and offices as JSON, for partner sites and dashboards.

Read-only and public: open to any origin (CORS), cacheable, validated by ETag. Errors are RFC
9457 problem details; the HTML site keeps its own error pages (the handler is the blueprint's).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

from flask import Response, abort, render_template, request, send_from_directory, url_for
from flask_babel import gettext as _
from flask_smorest import Blueprint
from webargs.flaskparser import FlaskParser
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import HTTPException

from iom_events import caching, fingerprints, former_slugs
from iom_events.api import openapi, problems, schemas
from iom_events.events import public, queries
from iom_events.events.models import EventKind
from iom_events.events.queries import EventFilters
from iom_events.extensions import db
from iom_events.fields import SLUG as SLUG_PATTERN
from iom_events.languages import preferred_language
from iom_events.offices.queries import all_offices, office_by_slug
from iom_events.search.queries import clean, search
from iom_events.web import CONTENT_SECURITY_POLICY, open_to_any_origin

SLUG = {
    "name": "slug",
    "in": "path",
    "required": True,
    "schema": {"type": "string", "pattern": SLUG_PATTERN.pattern, "maxLength": 120},
}

bp = Blueprint("api", __name__, url_prefix="/api/v1", description="IOM meetings and offices")

MAX_AGE = 60
SWAGGER_UI = Path(__file__).resolve().parents[2] / "node_modules" / "swagger-ui-dist"
"""The reference page's assets, from the npm registry (package.json's dependencies)."""
JSON = "application/json"
PROBLEM = {"schema": schemas.ProblemSchema, "content_type": schemas.PROBLEM}
INVALID = {"description": "A parameter is not valid: `detail` names it.", **PROBLEM}
UNKNOWN = {"description": "No such slug.", **PROBLEM}


class _QueryParser(FlaskParser):
    """A parameter that is not valid is a 400 problem whose `detail` names it ("page: ...");
    an empty one (`?year=`, as HTML forms send) is as good as absent."""

    DEFAULT_VALIDATION_STATUS = 400

    def load_querystring(self, req, schema):
        return MultiDict((name, value) for name, value in req.args.items(multi=True) if value)

    def handle_error(self, error, req, schema, *, error_status_code, error_headers):
        messages = error.normalized_messages()
        name, problems = next(iter(messages.get("query", messages).items()))
        expected = schemas.expected(name)
        abort(400, f"{name}: {expected or problems[0]}")


bp.ARGUMENTS_PARSER = _QueryParser()


# By code too: the app's own handler for a code (its HTML 404 page) would win over a class.
@bp.errorhandler(400)
@bp.errorhandler(404)
@bp.errorhandler(HTTPException)
def problem(error: HTTPException, detail: str | None = None) -> Response:
    """RFC 9457 problem details in the language asked for (`problems`); `detail` names the
    parameter at fault. A renamed meeting's or office's former slug answers 301 to its current
    address."""
    moved = former_slugs.redirect_if_moved() if error.code == 404 else None
    if moved is not None:
        return moved
    return problems.problem_response(error, detail)


def _no_meeting(slug: str) -> str:
    return "slug: " + _("No meeting has the address “%(slug)s”.", slug=slug)


def _no_office(parameter: str, slug: str) -> str:
    return f"{parameter}: " + _("No office has the address “%(slug)s”.", slug=slug)


@bp.after_request
def public_answer(response: Response) -> Response:
    """Any site may read the data from a browser (GET only: nothing else exists); texts follow
    Accept-Language when ?lang= is absent."""
    response.vary.add("Accept-Language")
    return open_to_any_origin(response)


@bp.get("/meetings")
@bp.arguments(schemas.MeetingQuery, location="query", as_kwargs=True)
@bp.response(200, schemas.MeetingListSchema, description="A page of meetings")
@bp.alt_response(400, **INVALID)
@bp.doc(operationId="listMeetings")
def meetings(q: str, page: int, per_page: int, lang: str | None = None, **filtering):
    """Published meetings, filtered or searched, a page at a time"""
    texts = schemas.Texts(_language(lang))
    kind = filtering.get("kind")
    filters = EventFilters(
        year=filtering.get("year"),
        office=filtering.get("office"),
        kind=EventKind(kind) if kind else None,
        country=filtering.get("country"),
    )
    query = clean(q)
    statement = search(query, filters) if query else None
    if statement is None:  # no query, or no word in it
        statement = queries.filtered_events(filters)
    fingerprint = fingerprints.listing(
        ("api", query, *sorted(filters.query().items())), lambda: statement, filters.office
    )
    if fingerprint is None:
        moved = former_slugs.redirect_office_filter(filters.office)
        if moved is not None:
            return moved
        abort(400, _no_office("office", filters.office))
    answer = {**filters.query(), "lang": texts.lang or "all", "q": query}
    answer.update(page=str(page), per_page=str(per_page))

    def build() -> bytes:
        listing = db.paginate(statement, page=page, per_page=per_page, error_out=False)
        page_of_meetings = {
            "total": listing.total,
            "page": page,
            "per_page": per_page,
            "next": _page_url(page + 1) if listing.has_next else None,
            "previous": _page_url(page - 1) if page > 1 else None,
            "items": listing.items,
        }
        with schemas.answering(texts):
            return _encode(schemas.MeetingListSchema().dump(page_of_meetings))

    return _respond(fingerprint, build, answer)


@bp.get("/meetings/<slug>")
@bp.arguments(schemas.LanguageQuery, location="query", as_kwargs=True)
@bp.response(200, schemas.MeetingSchema, description="The meeting")
@bp.alt_response(400, **INVALID)
@bp.alt_response(404, **UNKNOWN)
@bp.doc(operationId="getMeeting", parameters=[SLUG])
def meeting(slug: str, lang: str | None = None):
    """A meeting with its agenda, delegations, documents and feeds"""
    texts = schemas.Texts(_language(lang))
    fingerprint = public.fingerprint(slug) or abort(404, _no_meeting(slug))

    def build() -> bytes:
        found = public.meeting(slug) or abort(404, _no_meeting(slug))
        with schemas.answering(texts, original=found.original_language, slug=found.slug):
            return _encode(schemas.MeetingSchema().dump(found))

    return _respond(fingerprint, build, {"lang": texts.lang or "all"})


@bp.get("/offices")
@bp.arguments(schemas.LanguageQuery, location="query", as_kwargs=True)
@bp.response(200, schemas.OfficeListSchema, description="The offices")
@bp.alt_response(400, **INVALID)
@bp.doc(operationId="listOffices")
def offices(lang: str | None = None):
    """Every office"""
    texts = schemas.Texts(_language(lang))
    everything = all_offices()
    by_id = {o.id: o for o in everything}
    units: dict[int, list[str]] = {}
    for o in everything:
        if o.parent_id is not None:
            units.setdefault(o.parent_id, []).append(o.slug)

    def parent_slug(o) -> str | None:
        parent = by_id.get(o.parent_id)
        return parent.slug if parent is not None else None

    with schemas.answering(
        texts, parent_slug=parent_slug, unit_slugs=lambda o: units.get(o.id, [])
    ):
        return _conditional(schemas.OfficeListSchema().dump({"items": everything}))


@bp.get("/offices/<slug>")
@bp.arguments(schemas.LanguageQuery, location="query", as_kwargs=True)
@bp.response(200, schemas.OfficeSchema, description="The office")
@bp.alt_response(400, **INVALID)
@bp.alt_response(404, **UNKNOWN)
@bp.doc(operationId="getOffice", parameters=[SLUG])
def office(slug: str, lang: str | None = None):
    """An office"""
    texts = schemas.Texts(_language(lang))
    found = office_by_slug(slug) or abort(404, _no_office("slug", slug))
    with schemas.answering(
        texts,
        parent_slug=lambda o: o.parent.slug if o.parent is not None else None,
        unit_slugs=lambda o: [unit.slug for unit in o.units],
    ):
        return _conditional(schemas.OfficeSchema().dump(found))


@bp.get("/openapi.json")
def openapi_document():
    return _conditional(openapi.document())


@bp.get("/docs")
def docs():
    response = Response(render_template("api/docs.html"))
    # Swagger UI sets style attributes from its script: this page alone allows inline styles
    # (scripts stay 'self' only).
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY.replace(
        "style-src 'self'", "style-src 'self' 'unsafe-inline'"
    )
    return response


@bp.get("/docs/assets/<path:filename>")
def docs_asset(filename: str):
    return send_from_directory(SWAGGER_UI, filename, max_age=MAX_AGE)


def _respond(
    fingerprint: fingerprints.Fingerprint, build: Callable[[], bytes], query: dict[str, str]
) -> Response:
    """`query`: the validated parameters that shape the answer (nothing else keys the cache)."""
    return caching.respond(fingerprint, build, mimetype=JSON, query=query)


def _language(lang: str | None) -> str | None:
    """The language asked for (checked by the query schema): ?lang=, else Accept-Language,
    else English; None for ?lang=all."""
    if lang is None:
        return preferred_language()
    return None if lang == "all" else lang


def _page_url(page: int) -> str:
    args = {name: value for name, value in caching.canonical_query().items() if value}
    args["page"] = str(page)
    return url_for("api.meetings", **args, _external=True)


def _encode(payload: dict) -> bytes:
    return json.dumps(payload, ensure_ascii=False).encode()


def _conditional(payload: dict) -> Response:
    """A response validated by the digest of its own body: offices are few and cheap to read."""
    body = _encode(payload)
    response = Response(body, mimetype=JSON)
    response.set_etag(hashlib.sha256(body).hexdigest()[:40])
    response.cache_control.public = True
    response.cache_control.no_cache = True  # as every answer from the data (caching.respond)
    return response.make_conditional(request)
