"""What the site refuses before any view runs is said in the page's language too: a host it
does not serve, a method a public page does not take, a form of absurdly many fields."""

import pytest

from iom_events import create_app
from iom_events.extensions import cache, db

from pages import text_of


@pytest.fixture
def named(app):
    """The site told its host name, as production is (TRUSTED_HOSTS)."""
    named = create_app(
        {
            **{k: v for k, v in app.config.items() if k.startswith(("SQLALCHEMY", "SECRET"))},
            "TESTING": True,
            "CACHE_TYPE": "SimpleCache",
            "TRUSTED_HOSTS": ["meetings.iom.int"],
        }
    )
    yield named.test_client()
    with named.app_context():
        cache.clear()
        db.engine.dispose()


def test_a_host_the_site_does_not_serve_is_refused_in_the_pages_language(named):
    response = named.get("/fr/", base_url="http://evil.example")
    assert response.status_code == 400
    assert "Ce site ne répond pas à cette adresse." in text_of(response.get_data(as_text=True))


@pytest.mark.parametrize("host", ["MEETINGS.IOM.INT", "meetings.iom.int.", "Meetings.Iom.Int:443"])
def test_host_names_are_compared_as_host_names(named, host):
    """RFC 4343: case does not matter; the trailing dot names the same host."""
    response = named.get("/en/", base_url=f"http://{host}")
    assert response.status_code == 200
    assert 'href="http://meetings.iom.int' in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("path", "said"),
    [
        ("/fr/events/", "Cette adresse sert à consulter une page, non à envoyer un formulaire"),
        ("/es/events/rcp-bangkok-2009/", "Esta dirección es para consultar"),
        ("/en/", "This address is for reading, not for sending forms"),
    ],
)
def test_a_form_sent_to_a_public_page_is_refused_in_its_language(client, path, said):
    response = client.post(path, data={"x": "1"})
    assert response.status_code == 405
    assert "GET" in response.headers["Allow"]
    assert said in text_of(response.get_data(as_text=True))


def test_a_form_of_thousands_of_fields_is_not_called_a_large_file(client):
    fields = {f"field{n}": "x" for n in range(2000)}
    response = client.post("/fr/sign-in", data=fields, content_type="multipart/form-data")
    assert response.status_code == 413
    page = text_of(response.get_data(as_text=True))
    assert "Formulaire trop volumineux" in page and "Fichier" not in page


def test_a_body_over_the_limit_is_still_a_file_too_large(app, client):
    too_much = app.config["MAX_CONTENT_LENGTH"] + 1
    response = client.post(
        "/es/sign-in", data=b"x" * too_much, content_type="application/octet-stream"
    )
    assert response.status_code == 413
    assert "Archivo demasiado grande" in text_of(response.get_data(as_text=True))
