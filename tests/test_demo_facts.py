"""The demo says exactly what the seeds say (issue 17, "Facts"), on the served pages in English,
French and Spanish, in the feeds and in the API. Each test quotes the seed sentence it rests
on, in French, as the seed says it (/work/shared/seeds/002_... for Bangkok, 003_... for BAPA+40).
"""

import io
import re

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from pages import section, text_of

RCP = "rcp-bangkok-2009"
BAPA = "bapa40-buenos-aires-2019"
GOVERNANCE = "bapa40-migration-governance-side-event"
VENEZUELA = "bapa40-venezuela-side-event"
GOVERNANCE_TITLE = (
    "South-South cooperation as a tool for migration governance in Latin America and the Caribbean"
)


def page(client, slug: str, lang: str) -> str:
    response = client.get(f"/{lang}/events/{slug}/")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def facts(client, slug: str, lang: str) -> str:
    """The visible text of the meeting's facts (dates, place, roles...)."""
    html = page(client, slug, lang)
    match = re.search(r'<dl class="facts">(.*?)</dl>', html, flags=re.DOTALL)
    assert match
    return text_of(match.group(1))


def feed(client, path: str) -> Calendar:
    response = client.get(path)
    assert response.status_code == 200
    return Calendar.from_ical(response.data)


def vevents(calendar: Calendar) -> list:
    return [c for c in calendar.walk() if c.name == "VEVENT"]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            "Organized by Royal Thai Government "
            "In collaboration with International Organization for Migration (IOM) "
            "Co-chaired by Ministry of Foreign Affairs of Thailand "
            "International Organization for Migration (IOM)",
        ),
        (
            "fr",
            "Organisateur Gouvernement royal thaïlandais "
            "En collaboration avec Organisation internationale pour les migrations (OIM) "
            "Coprésidence Ministère thaïlandais des affaires étrangères "
            "Organisation internationale pour les migrations (OIM)",
        ),
        (
            "es",
            "Organizador Gobierno Real de Tailandia "
            "En colaboración con Organización Internacional para las Migraciones (OIM) "
            "Copresidencia Ministerio de Relaciones Exteriores de Tailandia "
            "Organización Internacional para las Migraciones (OIM)",
        ),
    ],
)
def test_bangkok_was_organized_by_thailand_in_collaboration_with_iom(client, lang, expected):
    """« Organisée par le Gouvernement royal thaïlandais en collaboration avec l’Organisation
    internationale pour les migrations (OIM), la réunion [...] La réunion était coprésidée par
    des représentants du Ministère thaïlandais des affaires étrangères et de l’OIM. »

    No IOM division is named: the seed names none as organizer."""
    shown = facts(client, RCP, lang)
    assert expected in shown
    assert "Division" not in shown and "División" not in shown


@pytest.mark.parametrize(
    ("lang", "taking_part", "iom", "argentina"),
    [
        ("en", "Taking part", "International Organization for Migration (IOM)", "IOM Argentina"),
        (
            "fr",
            "Participation",
            "Organisation internationale pour les migrations (OIM)",
            "Argentine",
        ),
        (
            "es",
            "Participación",
            "Organización Internacional para las Migraciones (OIM)",
            "Argentina",
        ),
    ],
)
def test_iom_took_part_in_bapa40_and_iom_argentina_is_only_the_press_office(
    client, lang, taking_part, iom, argentina
):
    """« L’OIM a participé à deux événements parallèles et à la principale session plénière de
    la conférence » ; « Pour plus d’informations, veuillez contacter l’OIM Argentine :
    Carolina Celi [...] Débora Taicz »."""
    html = page(client, BAPA, lang)
    shown = facts(client, BAPA, lang)
    assert f"{taking_part} {iom}" in shown
    assert "/offices/iom-argentina/" not in re.search(r'<dl class="facts">.*?</dl>', html, re.S)[0]
    press = text_of(section(html, "press"))
    assert "Carolina Celi" in press and "Débora Taicz" in press
    for slug in (GOVERNANCE, VENEZUELA):
        assert f"{taking_part} {iom}" in facts(client, slug, lang)
        assert "iom-argentina" not in page(client, slug, lang)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            "Organized by Government of Ecuador With the support of International Organization "
            "for Migration (IOM) Office of the United Nations High Commissioner for Refugees "
            "(UNHCR)",
        ),
        (
            "fr",
            "Organisateur Gouvernement de l’Équateur Avec le soutien de Organisation "
            "internationale pour les migrations (OIM) Haut-Commissariat des Nations Unies pour "
            "les réfugiés (HCR)",
        ),
        (
            "es",
            "Organizador Gobierno del Ecuador Con el apoyo de Organización Internacional para las "
            "Migraciones (OIM) Oficina del Alto Comisionado de las Naciones Unidas para los "
            "Refugiados (ACNUR)",
        ),
    ],
)
def test_the_venezuela_side_event_was_organized_by_ecuador_supported_by_iom_and_unhcr(
    client, lang, expected
):
    """« Jeudi (21/03), le Directeur général Vitorino a participé à des discussions lors d’un
    événement parallèle de la BAPA+40, organisé par le gouvernement d’Equateur et soutenu à la
    fois par l’OIM et le HCR »."""
    assert expected in facts(client, VENEZUELA, lang)


@pytest.mark.parametrize(
    ("lang", "during"),
    [
        ("en", "During the conference ("),
        ("fr", "Pendant la conférence ("),
        ("es", "Durante la conferencia ("),
    ],
)
def test_the_side_event_of_unknown_day_took_place_during_the_conference(client, lang, during):
    """« M. Vitorino a ouvert l’événement parallèle South-South cooperation as a tool for
    migration governance in Latin America and the Caribbean » : the seed gives no day, only the
    conference's (« La conférence s’est tenue la semaine dernière (20-22/03) »). The page says
    "during the conference" with the conference's dates, offers no "add to calendar" link, and
    the side events list of the conference says the same."""
    html = page(client, GOVERNANCE, lang)
    shown = facts(client, GOVERNANCE, lang)
    assert during in shown
    assert '<time datetime="2019-03-20">' in html
    assert "calendar.google.com" not in html
    side_events = text_of(section(page(client, BAPA, lang), "side-events"))
    assert side_events.count(during) == 1  # the Venezuela one has its day


def test_the_side_event_with_its_day_keeps_it(client):
    """« Jeudi (21/03), le Directeur général Vitorino a participé à des discussions lors d’un
    événement parallèle de la BAPA+40 »."""
    html = page(client, VENEZUELA, "fr")
    assert '<time datetime="2019-03-21">' in html and "Pendant la conférence" not in html


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_no_calendar_shows_a_day_the_seed_does_not_give(client, lang):
    """« M. Vitorino a ouvert l’événement parallèle South-South cooperation as a tool for
    migration governance [...] » : no day given, so no VEVENT at all, rather than a three-day
    block or an invented day (RFC 5545 sections 3.6.1 and 3.8.2.4: a VEVENT's DTSTART places
    it). The side event with its day (« Jeudi (21/03) ») is one all-day event on 21 March."""
    own = feed(client, f"/{lang}/events/{GOVERNANCE}.ics")
    assert vevents(own) == []
    site = vevents(feed(client, f"/{lang}/events.ics?kind=side_event&year=2019"))
    assert [str(e["url"]).rstrip("/").rsplit("/", 1)[1] for e in site] == [VENEZUELA]
    (venezuela,) = site
    assert venezuela.decoded("dtstart").isoformat() == "2019-03-21"
    assert venezuela.decoded("dtend").isoformat() == "2019-03-22"


def test_the_api_says_the_day_is_unknown(client):
    """« M. Vitorino a ouvert l’événement parallèle South-South cooperation as a tool for
    migration governance in Latin America and the Caribbean » (no day given)."""
    governance = client.get(f"/api/v1/meetings/{GOVERNANCE}?lang=fr").get_json()
    assert governance["day_unknown"] is True
    assert (governance["starts_on"], governance["ends_on"]) == ("2019-03-20", "2019-03-22")
    venezuela = client.get(f"/api/v1/meetings/{VENEZUELA}?lang=fr").get_json()
    assert venezuela["day_unknown"] is False


@pytest.mark.parametrize(
    ("lang", "notice"),
    [("fr", "Disponible uniquement en anglais."), ("es", "Disponible solo en inglés.")],
)
def test_a_title_given_in_english_only_is_served_as_english(client, lang, notice):
    """« M. Vitorino a ouvert l’événement parallèle South-South cooperation as a tool for
    migration governance in Latin America and the Caribbean » : the seed quotes the title in
    English only. It is stored in English only, served as English with a notice, and marked
    `lang="en"` where French or Spanish running text quotes it."""
    html = page(client, GOVERNANCE, lang)
    assert f'<h1 lang="en">{GOVERNANCE_TITLE}</h1>' in html
    assert notice in text_of(html)
    overview = section(html, "overview")
    assert re.search(r'<(em|span) lang="en">South-South cooperation as a tool', overview)
    api = client.get(f"/api/v1/meetings/{GOVERNANCE}?lang={lang}").get_json()
    assert api["title"] == {"text": GOVERNANCE_TITLE, "lang": "en"}
    every = client.get(f"/api/v1/meetings/{GOVERNANCE}?lang=all").get_json()
    assert every["title"] == {"en": GOVERNANCE_TITLE}
    listed = client.get(f"/api/v1/meetings/{BAPA}?lang={lang}").get_json()["side_events"]
    assert {"text": GOVERNANCE_TITLE, "lang": "en"} in [s["title"] for s in listed]


@pytest.mark.parametrize(
    ("lang", "rcp", "bapa", "venezuela"),
    [
        ("en", "Royal Thai Government", "United Nations", "Government of Ecuador"),
        ("fr", "Gouvernement royal thaïlandais", "Organisation des Nations Unies",
         "Gouvernement de l’Équateur"),
        ("es", "Gobierno Real de Tailandia", "Naciones Unidas", "Gobierno del Ecuador"),
    ],
)  # fmt: skip
def test_calendar_organizer_is_the_body_that_organized_the_meeting(
    client, lang, rcp, bapa, venezuela
):
    """« Organisée par le Gouvernement royal thaïlandais en collaboration avec l’OIM » ;
    « la seconde Conférence de haut niveau des Nations Unies sur la coopération Sud-Sud » ;
    « organisé par le gouvernement d’Equateur et soutenu à la fois par l’OIM et le HCR ».
    Never IOM where it only took part or supported; in the feed's language."""
    for slug, organizer in ((RCP, rcp), (BAPA, bapa), (VENEZUELA, venezuela)):
        (meeting,) = vevents(feed(client, f"/{lang}/events/{slug}.ics"))[:1]
        assert meeting["organizer"].params["CN"] == organizer
        assert "LANGUAGE" not in meeting["organizer"].params


def _pdf(client, slug: str, title: str, lang: str, file_language: str) -> PdfReader:
    html = page(client, slug, lang)
    documents = section(html, "documents")
    match = re.search(
        rf"{re.escape(title)}.*?href=\"([^\"]+/{file_language})\"", documents, flags=re.S
    )
    assert match, title
    response = client.get(match.group(1))
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    return PdfReader(io.BytesIO(response.data))


def _text(reader: PdfReader) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages))


@pytest.mark.parametrize(
    ("lang", "title", "mark", "day", "item"),
    [
        ("en", "Agenda", "REPRODUCTION MADE FOR DEMONSTRATION", "Thursday 4 June 2009",
         "Welcome to participants"),
        ("fr", "Ordre du jour", "REPRODUCTION RÉALISÉE POUR LA DÉMONSTRATION", "Jeudi 4 juin 2009",
         "Accueil des participants"),
        ("es", "Programa", "REPRODUCCIÓN REALIZADA PARA LA DEMOSTRACIÓN",
         "Jueves 4 de junio de 2009", "Bienvenida a los participantes"),
    ],
)  # fmt: skip
def test_the_agenda_pdf_is_the_seeds_agenda_marked_as_a_reproduction(
    client, lang, title, mark, day, item
):
    """« Ordre du jour (anglais | français | espagnol) » ; « 4 juin 2009 — Les participants ont
    été accueillis par M. Panich Vikitsreth, Vice-ministre des Affaires étrangères de la
    Thaïlande, et M. William Lacy Swing, Directeur général de l’OIM. » Each language version is
    the meeting's agenda in that language, marked on its pages and in its metadata as a
    reproduction made for demonstration, with the seed it comes from."""
    reader = _pdf(client, RCP, title, lang, lang)
    text = _text(reader)
    assert mark in text
    assert "002_74333b11524d335f.txt" in text
    assert item in text and "Panich Vikitsreth" in text
    assert day in text
    assert mark.lower() in reader.metadata.title.lower()
    assert "002_74333b11524d335f.txt" in reader.metadata.subject


def test_the_overview_pdfs_list_the_rcps_and_the_participants(client):
    """« Environ 60 personnes ont participé à la réunion, principalement des représentants des
    gouvernements assurant la présidence et/ou des secrétariats des principaux PCR du monde
    entier, comme suit : - Conférence régionale sur les migrations (Processus de Puebla) [...]
    Processus de Budapest en Europe et en Asie centrale » ; « Aperçu des principaux PCR (en
    anglais) »."""
    overview = _text(_pdf(client, RCP, "Aperçu général", "fr", "fr"))
    assert "Processus de Puebla" in overview and "Processus de Budapest" in overview
    assert "Environ 60 personnes" in overview and "William Lacy Swing" in overview
    rcps = _text(_pdf(client, RCP, "Aperçu des principaux PCR", "fr", "en"))
    assert "REPRODUCTION MADE FOR DEMONSTRATION" in rcps
    assert "Puebla Process" in rcps and "Abu Dhabi Dialogue" in rcps


def test_a_document_the_seed_only_lists_says_its_text_is_not_reproduced(client):
    """« Rapport final (en anglais) » : the seed lists the report without its content."""
    report = _text(_pdf(client, RCP, "Final report", "en", "en"))
    assert "REPRODUCTION MADE FOR DEMONSTRATION" in report
    assert "its text is not reproduced here" in report


@pytest.mark.parametrize(
    ("lang", "notice"),
    [
        ("en", "Demonstration: these files are reproductions made for this demonstration"),
        ("fr", "Démonstration\u00a0: ces fichiers sont des reproductions"),
        ("es", "Demostración: estos archivos son reproducciones"),
    ],
)
def test_the_page_says_its_documents_are_reproductions(client, lang, notice):
    """« Documents de réunion — Ordre du jour (anglais | français | espagnol) [...] » : the
    demo's files are made from this seed page, not IOM's own files. The page names no file a
    reader could not open (the PDFs' metadata name the seed)."""
    documents = section(page(client, RCP, lang), "documents")
    assert notice in documents and ".txt" not in documents


@pytest.mark.parametrize(
    ("lang", "function", "yes"),
    [("en", "Coordination", "Yes"), ("fr", "Coordination", "Oui"), ("es", "Coordinación", "Sí")],
)
def test_beijing_coordinates_without_an_area_the_seed_does_not_give(client, lang, function, yes):
    """« Bureaux de pays dotés de fonctions de coordination [...] et Beijing (Chine). » The seed
    names no area for Beijing: its page lists the function, and answers no "Yes" to nothing."""
    html = client.get(f"/{lang}/offices/beijing/").get_data(as_text=True)
    terms = dict(re.findall(r"<dt>([^<]*)</dt>\s*<dd>([^<]*)</dd>", html))
    assert function in html
    assert yes not in terms.values()
