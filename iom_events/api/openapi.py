"""/api/v1/openapi.json: the API described in OpenAPI 3.1, written by apispec.

Why apispec with marshmallow: both are widely used and long maintained (the marshmallow-code
project); the marshmallow schemas live next to the code that builds the documents
(iom_events.api.schemas), so the description is written once in Python rather than by hand in
YAML; apispec writes OpenAPI 3.1 (nullable as `"type": [..., "null"]`). The contract test
(tests/test_api_contract.py, schemathesis) checks that the answers match it.
"""

from __future__ import annotations

from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin
from flask import url_for

from iom_events.api import schemas
from iom_events.events.models import EventKind
from iom_events.settings import LANGUAGES

PROBLEM = "application/problem+json"
MAX_PAGE = 100_000
PER_PAGE = 20
MAX_PER_PAGE = 100

LANG = {
    "name": "lang",
    "in": "query",
    "required": False,
    "description": "The language of the texts (else Accept-Language, else English); "
    "`all` gives every language.",
    "schema": {"type": "string", "enum": [*LANGUAGES, "all"]},
}

SLUG = {
    "name": "slug",
    "in": "path",
    "required": True,
    "schema": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$", "maxLength": 120},
}

MEETING_FILTERS = [
    {
        "name": "q",
        "in": "query",
        "required": False,
        "description": "Words to search for, in any language, accents optional.",
        "schema": {"type": "string"},
    },
    {
        "name": "year",
        "in": "query",
        "required": False,
        "schema": {"type": "integer", "minimum": 1951, "maximum": 2100},
    },
    {
        "name": "office",
        "in": "query",
        "required": False,
        "description": "An office's slug.",
        "schema": SLUG["schema"],
    },
    {
        "name": "kind",
        "in": "query",
        "required": False,
        "schema": {"type": "string", "enum": [kind.value for kind in EventKind]},
    },
    {
        "name": "country",
        "in": "query",
        "required": False,
        "description": "ISO 3166-1 alpha-2 code of the venue's country.",
        "schema": {"type": "string", "pattern": "^[A-Z]{2}$"},
    },
    {
        "name": "page",
        "in": "query",
        "required": False,
        "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE, "default": 1},
    },
    {
        "name": "per_page",
        "in": "query",
        "required": False,
        "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE, "default": PER_PAGE},
    },
]


def _problem(description: str) -> dict:
    return {"description": description, "content": {PROBLEM: {"schema": "Problem"}}}


def _ok(description: str, schema: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def build_spec() -> dict:
    """The OpenAPI document, as a dict (in a request: the server is the current host)."""
    spec = APISpec(
        title="IOM meetings API",
        version="1",
        openapi_version="3.1.0",
        plugins=[MarshmallowPlugin()],
        info={
            "description": "Read-only, public data: IOM meetings and offices, in English, "
            "French and Spanish. Errors are RFC 9457 problem details."
        },
        servers=[{"url": url_for("api.meetings", _external=False).removesuffix("/meetings")}],
    )
    spec.components.schema("TranslatedText", schema=schemas.TranslatedTextSchema)
    spec.components.schema("LanguageMap", component=schemas.LANGUAGE_MAP)
    spec.components.schema("Problem", schema=schemas.ProblemSchema)
    spec.components.schema("MeetingItem", schema=schemas.MeetingItemSchema)
    spec.components.schema("MeetingList", schema=schemas.MeetingListSchema)
    spec.components.schema("Meeting", schema=schemas.MeetingSchema)
    spec.components.schema("Office", schema=schemas.OfficeSchema)
    spec.components.schema("OfficeList", schema=schemas.OfficeListSchema)
    bad = _problem("A parameter is not valid: `detail` names it.")
    unknown = _problem("No such slug.")
    spec.path(
        path="/meetings",
        operations={
            "get": {
                "operationId": "listMeetings",
                "summary": "Published meetings, filtered or searched, a page at a time",
                "parameters": [LANG, *MEETING_FILTERS],
                "responses": {"200": _ok("A page of meetings", "MeetingList"), "400": bad},
            }
        },
    )
    spec.path(
        path="/meetings/{slug}",
        operations={
            "get": {
                "operationId": "getMeeting",
                "summary": "A meeting with its agenda, delegations, documents and feeds",
                "parameters": [LANG, SLUG],
                "responses": {"200": _ok("The meeting", "Meeting"), "400": bad, "404": unknown},
            }
        },
    )
    spec.path(
        path="/offices",
        operations={
            "get": {
                "operationId": "listOffices",
                "summary": "Every office",
                "parameters": [LANG],
                "responses": {"200": _ok("The offices", "OfficeList"), "400": bad},
            }
        },
    )
    spec.path(
        path="/offices/{slug}",
        operations={
            "get": {
                "operationId": "getOffice",
                "summary": "An office",
                "parameters": [LANG, SLUG],
                "responses": {"200": _ok("The office", "Office"), "400": bad, "404": unknown},
            }
        },
    )
    return spec.to_dict()
