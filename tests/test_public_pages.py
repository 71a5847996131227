"""The public pages, in each language, show the facts of the reference meetings."""

import re

import pytest
from factories import organized_by

from iom_events.translated import Translated

from pages import section, text_of

RCP = "/{lang}/events/rcp-bangkok-2009/"
BAPA = "/{lang}/events/bapa40-buenos-aires-2019/"
SIDE_EVENT = "/{lang}/events/bapa40-venezuela-side-event/"
PAGES = [
    "/{lang}/",
    "/{lang}/events/",
    RCP,
    BAPA,
    SIDE_EVENT,
    "/{lang}/events/bapa40-migration-governance-side-event/",
    "/{lang}/offices/",
    "/{lang}/offices/bangkok/",
    "/{lang}/offices/international-partnerships/",
    "/{lang}/offices/international-cooperation-and-partnerships/",
]


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
@pytest.mark.parametrize("path", PAGES)
def test_every_public_page_answers_in_each_language(client, path, lang):
    response = client.get(path.format(lang=lang))
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert f'<html lang="{lang}">' in html
    for other in ("en", "fr", "es"):
        assert f'hreflang="{other}" href="http://localhost{path.format(lang=other)}"' in html


RCP_API = "/api/v1/meetings/rcp-bangkok-2009"


def test_root_redirects_by_accept_language(client):
    assert client.get("/", headers={"Accept-Language": "es-AR,es;q=0.9"}).location == "/es/"
    assert client.get("/", headers={"Accept-Language": "fr-CH, en;q=0.5"}).location == "/fr/"
    assert client.get("/", headers={"Accept-Language": "de"}).location == "/en/"
    response = client.get("/")
    assert response.location == "/en/"
    assert "Accept-Language" in response.headers["Vary"]


@pytest.mark.parametrize("header", ["FR", "Fr-CH", "FR-fr", "ES", "EN-US, fr;q=0.5"])
@pytest.mark.parametrize("path", ["/", "/no-such-page", "/api/v1/meetings", RCP_API])
def test_language_tags_are_read_whatever_their_case(client, header, path):
    """RFC 4647: "FR" is French. Babel answers with the tag as written, which no route takes."""
    response = client.get(path, headers={"Accept-Language": header})
    assert response.status_code < 500
    if path == "/":
        assert response.location == f"/{header[:2].lower()}/"


def test_language_switcher_keeps_the_page_and_its_filters(client):
    html = client.get("/fr/events/?year=2009").get_data(as_text=True)
    switcher = re.search(r'<nav class="languages".*?</nav>', html, re.DOTALL).group(0)
    assert 'href="http://localhost/es/events/?year=2009"' in switcher
    assert 'href="http://localhost/en/events/?year=2009"' in switcher
    assert "Français" in switcher and "Español" in switcher and "English" in switcher


def test_french_rcp_page_shows_the_seed_facts(client):
    html = client.get(RCP.format(lang="fr")).get_data(as_text=True)
    page = text_of(html)
    assert "Réunion mondiale" in page
    assert "4–5 juin 2009" in page
    assert "jeudi 4 juin 2009" in page and "vendredi 5 juin 2009" in page
    assert "Bangkok, Thaïlande" in page
    assert "Gouvernement royal thaïlandais" in page
    assert "environ 60" in page
    assert "13 délégations" in page
    delegations = text_of(section(html, "participants"))
    for name in (
        "Processus de Puebla",
        "MIDWA",
        "Processus de Söderköping",
        "Processus de Budapest",
    ):
        assert name in delegations
    assert "Panich Vikitsreth" in page and "William Lacy Swing" in page
    assert "Université de Toronto" in page
    documents = text_of(section(html, "documents"))
    assert "Ordre du jour (anglais | français | espagnol)" in documents
    assert "Aperçu général (anglais | français | espagnol)" in documents
    assert "Rapport final (en anglais)" in documents
    assert "Contribution du MIDWA (anglais | français)" in documents
    assert "Contribution du Dialogue d’Abou Dhabi (en anglais)" in documents
    for heading in ("Documents de réunion", "Documents supplémentaires", "Présentations"):
        assert f"<h3>{heading}</h3>" in html
    assert "Disponible uniquement" not in page


def test_english_rcp_page_lists_documents_in_english(client):
    html = client.get(RCP.format(lang="en")).get_data(as_text=True)
    page = text_of(html)
    assert "4–5 June 2009" in page  # CLDR's English interval format, thin spaces
    documents = text_of(section(html, "documents"))
    assert "Agenda (English | French | Spanish)" in documents
    assert "Final report (English only)" in documents
    assert "13 delegations" in page


def test_spanish_rcp_page_lists_documents_in_spanish(client):
    html = client.get(RCP.format(lang="es")).get_data(as_text=True)
    documents = text_of(section(html, "documents"))
    assert "(inglés | francés | español)" in documents
    assert "Informe final (solo en inglés)" in documents
    assert "4 de junio de 2009" in text_of(html)


def test_spanish_bapa_page_shows_dates_scale_and_both_press_contacts(client):
    html = client.get(BAPA.format(lang="es")).get_data(as_text=True)
    page = text_of(html)
    assert "del 20 al 22 de marzo de 2019" in page
    assert "Buenos Aires, Argentina" in page
    assert "más de 1.500" in page
    assert "193" in page
    assert 'href="https://www.unsouthsouth.org/bapa40"' in html
    press = text_of(section(html, "press"))
    assert "Carolina Celi" in press and "cceli@iom.int" in press
    assert "Débora Taicz" in press and "dtaicz@iom.int" in press
    assert "+54 11 4815-1035" in press
    assert "+54 9 11 3232-1384" in press
    side_events = text_of(section(html, "side-events"))
    assert "South-South cooperation as a tool for migration governance" in side_events
    assert "21 de marzo de 2019" in side_events
    assert "António Guterres" in page and "António Vitorino" in page


def test_side_event_links_back_to_its_conference(client):
    html = client.get(SIDE_EVENT.format(lang="fr")).get_data(as_text=True)
    assert "21 mars 2019" in text_of(html)
    assert 'href="/fr/events/bapa40-buenos-aires-2019/"' in html


def test_office_directory_lists_the_nine_regional_offices(client):
    html = client.get("/fr/offices/").get_data(as_text=True)
    regional = text_of(section(html, "regional"))
    for city in (
        "Bangkok",
        "Bruxelles",
        "Vienne",
        "Le Caire",
        "Dakar",
        "Nairobi",
        "Pretoria",
        "Buenos Aires",
        "San José",
    ):
        assert city in regional
    assert section(html, "regional").count("<li>") == 9
    resources = text_of(section(html, "resources"))
    for city in ("Berlin", "Helsinki", "Londres", "Tokyo", "Washington"):
        assert city in resources
    coordination = text_of(section(html, "coordination"))
    assert "Asie du Sud" in coordination and "Bangkok" in coordination
    headquarters = section(html, "headquarters")
    assert headquarters.count("<li>") == 7  # the department, five divisions and one unit


def test_office_page_lists_its_meetings_in_spanish(client, app, make_event):
    meeting = make_event(title=Translated(en="Partnership forum", es="Foro de asociaciones"))
    organized_by(app, meeting, "international-partnerships")
    html = client.get("/es/offices/international-partnerships/").get_data(as_text=True)
    meetings = text_of(section(html, "meetings"))
    assert "Foro de asociaciones" in meetings
    # Seed 002 names no IOM division as organizer of the Bangkok meeting.
    assert "Reunión mundial" not in meetings
    department = text_of(
        client.get("/es/offices/international-cooperation-and-partnerships/").get_data(as_text=True)
    )
    assert "División de Asociaciones Internacionales" in department


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/fr/events/nowhere/", "Page introuvable"),
        ("/es/no-such-page", "Página no encontrada"),
        ("/en/offices/atlantis/", "Page not found"),
    ],
)
def test_not_found_is_localized(client, path, expected):
    response = client.get(path)
    assert response.status_code == 404
    assert expected in response.get_data(as_text=True)


def test_unknown_language_prefix_is_not_found(client):
    assert client.get("/de/events/").status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/en/offices/",
        "/en/offices/bangkok/",
        "/en/search?q=migration",
        "/en/sign-in",
        "/en/no-such-page",
        "/en/events/",
        "/en/events/rcp-bangkok-2009/",
        "/en/events.ics",
    ],
)
def test_parameters_named_like_url_building_arguments_change_nothing(client, path):
    """?lang=, ?slug=, ?_anchor=... are the reader's query, never url_for's arguments."""
    junk = "lang=fr&slug=x&endpoint=y&_external=1&_anchor=z&_scheme=ftp&_method=POST"
    response = client.get(f"{path}{'&' if '?' in path else '?'}{junk}")
    assert response.status_code == (404 if path == "/en/no-such-page" else 200)
    if response.mimetype == "text/html":
        assert 'hreflang="fr" href="http://localhost/fr/' in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "path",
    [
        "/en/events/rcp-bangkok-2009/documents/99999999999999999999/en",
        "/en/events/rcp-bangkok-2009/documents/9223372036854775808/en",
        "/en/search?q=nohitword&page=999999999999999999999",
        "/en/events/?page=9223372036854775807",
        "/en/search?q=migration&page=-1",
        "/en/events/?page=%C2%B2",  # "²": a digit to str.isdigit, not to int()
        "/en/search?q=migration&page=%D9%A3",  # an Arabic-Indic three
    ],
)
def test_numbers_too_large_for_anything_to_exist_are_not_found(client, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/en/manage/?page=9223372036854775807",
        "/en/manage/?page=%C2%B2",
        "/en/manage/events/rcp-bangkok-2009/history?page=%C2%B2",
        "/en/manage/events/rcp-bangkok-2009/agenda/99999999999999999999/edit",
        "/en/manage/users/99999999999999999999/edit",
    ],
)
def test_staff_pages_do_not_overflow_either(admin, path):
    assert admin.get(path).status_code == 404
