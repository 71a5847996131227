"""/api/v1/openapi.json describes every API route; /api/v1/docs shows it from local assets."""

import re

import pytest

DOCUMENTATION = {"/api/v1/openapi.json", "/api/v1/docs", "/api/v1/docs/assets/<path:filename>"}


def test_the_document_is_openapi_3_1_and_covers_every_route(app, client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    document = response.get_json()
    assert document["openapi"] == "3.1.0"
    assert document["servers"] == [{"url": "/api/v1"}]
    documented = {"/api/v1" + path for path in document["paths"]}
    routes = {
        re.sub(r"<(?:[a-z]+:)?([a-z_]+)>", r"{\1}", rule.rule)
        for rule in app.url_map.iter_rules()
        if rule.rule.startswith("/api/v1") and rule.rule not in DOCUMENTATION
    }
    assert routes == {
        "/api/v1/meetings",
        "/api/v1/meetings/{slug}",
        "/api/v1/offices",
        "/api/v1/offices/{slug}",
    }
    assert routes <= documented
    for path in document["paths"].values():
        responses = path["get"]["responses"]
        assert "application/json" in responses["200"]["content"]
        assert "application/problem+json" in responses["400"]["content"]


def test_the_document_describes_both_shapes_of_a_text(client):
    schemas = client.get("/api/v1/openapi.json").get_json()["components"]["schemas"]
    title = schemas["Meeting"]["properties"]["title"]
    assert {"$ref": "#/components/schemas/TranslatedText"} in title["oneOf"]
    assert {"$ref": "#/components/schemas/LanguageMap"} in title["oneOf"]
    assert schemas["MeetingList"]["properties"]["next"]["type"] == ["string", "null"]


def test_the_reference_page_uses_local_assets_only(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    sources = re.findall(r'<script[^>]*\bsrc="([^"]+)"', html)
    assert "/api/v1/docs/assets/swagger-ui-bundle.js" in sources
    links = re.findall(r'\b(?:src|href)="([^"]+)"', html)
    assert links and all(link.startswith("/") and not link.startswith("//") for link in links)
    assert "http" not in " ".join(links)
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), "no inline script"
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self';" in policy


@pytest.mark.parametrize("name", ["swagger-ui-bundle.js", "swagger-ui.css"])
def test_the_assets_are_served(client, name):
    response = client.get(f"/api/v1/docs/assets/{name}")
    assert response.status_code == 200
    expected = "javascript" if name.endswith(".js") else "text/css"
    assert expected in response.mimetype
    assert client.get("/static/js/api-docs.js").status_code == 200
    assert client.get("/api/v1/docs/assets/../package.json").status_code == 404
