"""Every problem the API answers (RFC 9457) is told in the language asked for: its title, its
detail with that language's quotation marks, and Content-Language saying which."""

import pytest

from iom_events.api import views

PROBLEM = "application/problem+json"
NNBSP = "\u202f"

TITLES = {
    400: {"en": "Bad Request", "fr": "Requête incorrecte", "es": "Solicitud incorrecta"},
    404: {"en": "Not Found", "fr": "Introuvable", "es": "No encontrado"},
    405: {"en": "Method Not Allowed", "fr": "Méthode non autorisée", "es": "Método no permitido"},
    500: {
        "en": "Internal Server Error",
        "fr": "Erreur interne du serveur",
        "es": "Error interno del servidor",
    },
}

CASES = {
    "a parameter out of range": (
        "GET",
        "/api/v1/meetings?year=1700",
        400,
        {
            "en": "year: Expected a year from 1951 to 2100.",
            "fr": "year: Une année de 1951 à 2100 est attendue.",
            "es": "year: Se espera un año de 1951 a 2100.",
        },
    ),
    "an office filter no office has": (
        "GET",
        "/api/v1/meetings?office=nowhere",
        400,
        {
            "en": "office: No office has the address “nowhere”.",
            "fr": f"office: Aucun bureau n’a l’adresse «{NNBSP}nowhere{NNBSP}».",
            "es": "office: Ninguna oficina tiene la dirección «nowhere».",
        },
    ),
    "a meeting no one has": (
        "GET",
        "/api/v1/meetings/no-such-meeting",
        404,
        {
            "en": "slug: No meeting has the address “no-such-meeting”.",
            "fr": f"slug: Aucune réunion n’a l’adresse «{NNBSP}no-such-meeting{NNBSP}».",
            "es": "slug: Ninguna reunión tiene la dirección «no-such-meeting».",
        },
    ),
    "an office no one has": (
        "GET",
        "/api/v1/offices/nowhere",
        404,
        {
            "en": "slug: No office has the address “nowhere”.",
            "fr": f"slug: Aucun bureau n’a l’adresse «{NNBSP}nowhere{NNBSP}».",
            "es": "slug: Ninguna oficina tiene la dirección «nowhere».",
        },
    ),
    "an address the API does not have": (
        "GET",
        "/api/v2/meetings",
        404,
        {
            "en": "The API has no such address: its addresses are listed at "
            "http://localhost/api/v1/docs.",
            "fr": "L’API n’a pas cette adresse\u00a0: ses adresses sont présentées sur "
            "http://localhost/api/v1/docs.",
            "es": "La API no tiene esta dirección: sus direcciones figuran en "
            "http://localhost/api/v1/docs.",
        },
    ),
    "a method the API does not take": (
        "POST",
        "/api/v1/meetings",
        405,
        {
            "en": "This address takes only these methods: GET, HEAD, OPTIONS.",
            "fr": "Cette adresse n’accepte que ces méthodes\u00a0: GET, HEAD, OPTIONS.",
            "es": "Esta dirección solo acepta estos métodos: GET, HEAD, OPTIONS.",
        },
    ),
}


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
@pytest.mark.parametrize("asked_by", ["query", "header"])
@pytest.mark.parametrize("case", CASES)
def test_every_problem_is_told_in_the_language_asked_for(client, case, asked_by, lang):
    method, path, status, details = CASES[case]
    if asked_by == "query":
        joined = f"{path}{'&' if '?' in path else '?'}lang={lang}"
        response = client.open(joined, method=method, headers={"Accept-Language": "de"})
    else:
        response = client.open(path, method=method, headers={"Accept-Language": f"{lang}-CH"})
    assert response.status_code == status
    assert response.mimetype == PROBLEM
    assert response.headers["Content-Language"] == lang
    problem = response.get_json()
    assert problem["type"] == "about:blank" and problem["status"] == status
    assert problem["title"] == TITLES[status][lang]
    assert problem["detail"] == details[lang]
    assert "'" not in problem["detail"]


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_a_crash_is_a_problem_in_the_language_asked_for_too(app, client, monkeypatch, lang):
    """A 500 says nothing of the cause, in the reader's language."""

    def crash():
        raise RuntimeError("database on fire")

    monkeypatch.setattr(views, "all_offices", crash)
    monkeypatch.setitem(app.config, "PROPAGATE_EXCEPTIONS", False)
    response = client.get(f"/api/v1/offices?lang={lang}")
    assert response.status_code == 500
    assert response.mimetype == PROBLEM
    assert response.headers["Content-Language"] == lang
    problem = response.get_json()
    assert problem["title"] == TITLES[500][lang]
    assert "fire" not in problem["detail"]
    assert (
        problem["detail"]
        == {
            "en": "Something went wrong on our side: try again in a moment.",
            "fr": "Une erreur s’est produite de notre côté\u00a0: réessayez dans un instant.",
            "es": "Algo ha fallado por nuestra parte: vuelva a intentarlo en un momento.",
        }[lang]
    )
