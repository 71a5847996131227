"""The API answers as /api/v1/openapi.json says: schemathesis generates requests from the document
(valid and invalid parameters) and checks every answer: no server error, a documented status
code and content type, a body that matches the documented schema."""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

IDENTITY = {"Accept-Encoding": "identity"}
"""Answers are compressed for clients that accept it, and the WSGI transport hands schemathesis
the bytes as sent: the contract is about the content, so ask for it uncompressed (compression
itself is tested in tests/test_caching.py)."""

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture(scope="session")
def api_schema(app):
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(
    max_examples=25,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_the_api_keeps_its_contract(case):
    case.call_and_validate(headers=IDENTITY, checks=CHECKS)


@pytest.mark.parametrize("lang", ["en", "fr", "es", "all"])
def test_every_published_meeting_and_office_matches_the_document(api_schema, client, lang):
    """Generated slugs rarely name a meeting: every real one is checked here, in each shape."""
    listing = client.get(f"/api/v1/meetings?per_page=100&lang={lang}").get_json()
    meetings = [item["slug"] for item in listing["items"]]
    offices = [item["slug"] for item in client.get("/api/v1/offices").get_json()["items"]]
    assert meetings and offices
    for path, slugs in (("/meetings/{slug}", meetings), ("/offices/{slug}", offices)):
        operation = api_schema[path]["GET"]
        for slug in slugs:
            case = operation.Case(path_parameters={"slug": slug}, query={"lang": lang})
            response = case.call_and_validate(headers=IDENTITY, checks=CHECKS)
            assert response.status_code == 200
    for path in ("/meetings", "/offices"):
        case = api_schema[path]["GET"].Case(query={"lang": lang})
        case.call_and_validate(headers=IDENTITY, checks=CHECKS)
