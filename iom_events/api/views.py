"""/api/v1/: meetings and offices as JSON, for partner sites and dashboards.

Read-only and public: open to any origin (CORS), cacheable, validated by ETag. Errors are RFC
9457 problem details; the HTML site keeps its own error pages (the handler is the blueprint's).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

from flask import Blueprint, Response, abort, render_template, request, send_from_directory, url_for
from flask_babel import force_locale
from werkzeug.exceptions import HTTPException

from iom_events import caching, fingerprints, former_slugs
from iom_events.api import openapi, schemas
from iom_events.events import public, queries
from iom_events.events.forms import EventFilterForm
from iom_events.extensions import db
from iom_events.i18n import preferred_language
from iom_events.offices.queries import all_offices, office_by_slug
from iom_events.search.queries import clean, search
from iom_events.settings import LANGUAGES
from iom_events.web import CONTENT_SECURITY_POLICY, open_to_any_origin

bp = Blueprint("api", __name__, url_prefix="/api/v1")

MAX_AGE = 60
PER_PAGE = openapi.PER_PAGE
MAX_PER_PAGE = openapi.MAX_PER_PAGE
MAX_PAGE = openapi.MAX_PAGE
SWAGGER_UI = Path(__file__).resolve().parents[2] / "node_modules" / "swagger-ui-dist"
"""The reference page's assets, from the npm registry (package.json's dependencies)."""
JSON = "application/json"


# By code too: the app's own handler for a code (its HTML 404 page) would win over a class.
@bp.errorhandler(400)
@bp.errorhandler(404)
@bp.errorhandler(HTTPException)
def problem(error: HTTPException) -> Response:
    """RFC 9457 problem details; `detail` names the parameter at fault. A renamed meeting's or
    office's former slug answers 301 to its current address."""
    moved = former_slugs.redirect_if_moved() if error.code == 404 else None
    if moved is not None:
        return moved
    body = {
        "type": "about:blank",
        "title": error.name,
        "status": error.code,
        "detail": error.description,
    }
    return Response(_encode(body), status=error.code, mimetype="application/problem+json")


@bp.after_request
def public_answer(response: Response) -> Response:
    """Any site may read the data from a browser (GET only: nothing else exists); texts follow
    Accept-Language when ?lang= is absent."""
    response.vary.add("Accept-Language")
    return open_to_any_origin(response)


@bp.get("/meetings")
def meetings():
    texts = schemas.Texts(_language())
    form = EventFilterForm(request.args)
    form.accept_any_known_shape()
    with force_locale("en"):
        if not form.validate():
            name, messages = next(iter(form.errors.items()))
            abort(400, f"{name}: {messages[0]}")
    page = _positive_integer("page", 1)
    if page > MAX_PAGE:  # a larger OFFSET overflows the database's integers
        abort(400, f"page: At most {MAX_PAGE}.")
    per_page = _positive_integer("per_page", PER_PAGE)
    if per_page > MAX_PER_PAGE:
        abort(400, f"per_page: At most {MAX_PER_PAGE}.")
    filters = form.filters()
    query = clean(request.args.get("q", ""))
    statement = search(query, filters) if query else None
    if statement is None:  # no query, or no word in it
        statement = queries.filtered_events(filters)
    fingerprint = fingerprints.listing(statement, filters.office)
    if fingerprint is None:
        moved = former_slugs.redirect_office_filter(filters.office)
        if moved is not None:
            return moved
        abort(400, f"office: No office {filters.office!r}.")
    answer = {**filters.query(), "lang": texts.lang or "all", "q": query}
    answer.update(page=str(page), per_page=str(per_page))

    def build() -> bytes:
        listing = db.paginate(statement, page=page, per_page=per_page, error_out=False)
        return _encode(
            {
                "total": listing.total,
                "page": page,
                "per_page": per_page,
                "next": _page_url(page + 1) if listing.has_next else None,
                "previous": _page_url(page - 1) if page > 1 else None,
                "items": [schemas.meeting_item(event, texts) for event in listing.items],
            }
        )

    return _respond(fingerprint, build, answer)


@bp.get("/meetings/<slug>")
def meeting(slug: str):
    texts = schemas.Texts(_language())
    fingerprint = public.fingerprint(slug) or abort(404, f"slug: No meeting {slug!r}.")

    def build() -> bytes:
        found = public.meeting(slug) or abort(404, f"slug: No meeting {slug!r}.")
        return _encode(schemas.meeting(found, texts))

    return _respond(fingerprint, build, {"lang": texts.lang or "all"})


@bp.get("/offices")
def offices():
    texts = schemas.Texts(_language())
    everything = all_offices()
    by_id = {o.id: o for o in everything}
    units: dict[int, list[str]] = {}
    for o in everything:
        if o.parent_id is not None:
            units.setdefault(o.parent_id, []).append(o.slug)

    def parent_slug(o) -> str | None:
        parent = by_id.get(o.parent_id)
        return parent.slug if parent is not None else None

    items = [
        schemas.office(o, texts, parent_slug, lambda o: units.get(o.id, [])) for o in everything
    ]
    return _conditional({"items": items})


@bp.get("/offices/<slug>")
def office(slug: str):
    texts = schemas.Texts(_language())
    found = office_by_slug(slug) or abort(404, f"slug: No office {slug!r}.")
    return _conditional(
        schemas.office(
            found,
            texts,
            lambda o: o.parent.slug if o.parent is not None else None,
            lambda o: [unit.slug for unit in o.units],
        )
    )


@bp.get("/openapi.json")
def openapi_document():
    return _conditional(openapi.build_spec())


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
    return caching.respond(fingerprint, build, mimetype=JSON, max_age=MAX_AGE, query=query)


def _language() -> str | None:
    """The language asked for: ?lang=, else Accept-Language, else English; None for ?lang=all."""
    lang = request.args.get("lang")
    if lang is None:
        return preferred_language()
    if lang == "all":
        return None
    if lang not in LANGUAGES:
        abort(400, f"lang: Not one of {', '.join((*LANGUAGES, 'all'))}.")
    return lang


def _positive_integer(name: str, default: int) -> int:
    value = request.args.get(name)
    if value is None:
        return default
    if not value.isdigit() or int(value) < 1:
        abort(400, f"{name}: Not a positive integer.")
    return int(value)


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
    response.cache_control.max_age = MAX_AGE
    return response.make_conditional(request)
