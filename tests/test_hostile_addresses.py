"""Addresses a browser never sends but an attacker does: a `Host` that is not valid IDNA, a
control character in the path or the query string. Each is a 400 that says why in the page's
language, or is cleaned; never a 500 (PostgreSQL refuses a NUL in a query)."""

import json

import pytest
from werkzeug.test import EnvironBuilder, run_wsgi_app

from pages import text_of

BAD_HOST_FR = "Cette adresse ne désigne pas un site web valide."
BAD_ADDRESS_FR = "Cette adresse contient un caractère qui ne peut pas figurer dans une adresse web"


def get_with_host(app, path: str, host: str) -> tuple[int, str, str]:
    """Status, media type and body of a GET with this `Host` header. Straight to the WSGI app:
    Werkzeug's test client itself fails to read such a host back to store cookies."""
    environ = EnvironBuilder(path=path, headers={"Host": host}).get_environ()
    body, status, headers = run_wsgi_app(app, environ, buffered=True)
    content_type = dict(headers).get("Content-Type", "")
    return int(status[:3]), content_type, b"".join(body).decode()


@pytest.mark.parametrize(
    "host", ["xn--", "xn--zz", "a..b", "\u00ff..", ".", "a" * 64 + ".org", "xn--a.example:80"]
)
@pytest.mark.parametrize(
    "path", ["/fr/", "/fr/events/rcp-bangkok-2009/", "/fr/events.ics", "/fr/no-such-page"]
)
def test_a_host_that_is_not_a_host_name_is_a_400_in_the_pages_language(app, host, path):
    status, content_type, body = get_with_host(app, path, host)
    assert status == 400
    assert content_type.startswith("text/html")
    assert '<html lang="fr">' in body
    assert BAD_HOST_FR in text_of(body)


def test_the_api_says_it_in_problem_details(app):
    status, content_type, body = get_with_host(app, "/api/v1/meetings", "xn--")
    assert (status, content_type) == (400, "application/problem+json")
    assert json.loads(body)["detail"] == "This address does not name a valid web site."


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1:5000", "[::1]:8080", "xn--bcher-kva.ch"])
def test_real_host_names_are_served(app, host):
    assert get_with_host(app, "/fr/", host)[0] == 200


@pytest.mark.parametrize(
    "path",
    [
        "/fr/events/%00/",
        "/fr/events/rcp-bangkok-2009%00/",
        "/fr/offices/bang%00kok/",
        "/fr/events/%00.ics",
        "/fr/events/rcp-bangkok-2009/documents/%00.zip",
        "/fr/events/rcp-bangkok-2009/documents/1/%00",
        "/fr/events/rcp-bangkok-2009/%1B/",
    ],
)
def test_a_control_character_in_the_path_is_a_400_in_the_pages_language(client, path):
    response = client.get(path)
    assert response.status_code == 400
    assert BAD_ADDRESS_FR in text_of(response.get_data(as_text=True))


def test_staff_and_api_addresses_too(admin, client):
    response = admin.get("/fr/manage/events/%00/edit")
    assert response.status_code == 400
    assert BAD_ADDRESS_FR in text_of(response.get_data(as_text=True))
    api = client.get("/api/v1/meetings/%00")
    assert (api.status_code, api.mimetype) == (400, "application/problem+json")


def test_a_nul_in_a_query_parameter_is_removed_before_anything_reads_it(client, admin):
    found = client.get("/fr/search?q=bang%00kok")
    assert found.status_code == 200
    assert "rcp-bangkok-2009" in found.get_data(as_text=True)
    staff = admin.get("/fr/manage/?q=%00Bangkok%01")
    assert staff.status_code == 200
    assert "rcp-bangkok-2009" in staff.get_data(as_text=True)
    assert client.get("/fr/events/?office=%00&kind=%00&country=%00&year=%00").status_code < 500
    assert client.get("/api/v1/meetings?q=%00&country=%00").status_code < 500


def test_a_query_name_with_a_control_character_is_cleaned_too(client):
    response = client.get("/fr/events/?%00year=2009")
    assert response.status_code == 200
