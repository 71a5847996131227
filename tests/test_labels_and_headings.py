"""What a reader sees said right in English, French and Spanish: the office directory's
coordination lines, headings that agree in number with what they head, no nested parentheses and
no database words on any public page (issue 17, "Language and typography")."""

import re
from datetime import time

import pytest
from factories import add_parts

from iom_events.delegations.models import Participant, ParticipantRole
from iom_events.demo.meetings import MEETINGS
from iom_events.demo.offices import OFFICES
from iom_events.documents.models import Document, DocumentCategory, DocumentFile
from iom_events.extensions import db
from iom_events.offices.models import Office
from iom_events.press.models import PressContact
from iom_events.translated import Translated

from pages import section, text_of

LANGS = ("en", "fr", "es")


# --- the office directory's coordination lines ----------------------------------------------


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("en", "Canberra (Australia) — coordinating function: Pacific"),
        ("fr", "Canberra (Australie) — fonction de coordination\u00a0: Pacifique"),
        ("es", "Canberra (Australia) — función de coordinación: Pacífico"),
    ],
)
def test_coordination_lines_read_as_a_label(client, lang, line):
    """Seed 001: « Les bureaux de pays à fonctions de coordination sont situés dans les villes
    suivantes : [...] Canberra (Australie), pour le Pacifique »."""
    html = section(client.get(f"/{lang}/offices/").get_data(as_text=True), "coordination")
    assert line in html
    assert "for " not in text_of(html) and "pour :" not in text_of(html)


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("en", "Nur-Sultan (Kazakhstan) — coordinating function: Central Asia"),
        ("fr", "Nour-Soultan (Kazakhstan) — fonction de coordination\u00a0: Asie centrale"),
        ("es", "Nur-Sultán (Kazajstán) — función de coordinación: Asia Central"),
    ],
)
def test_the_city_is_the_seeds(client, lang, line):
    """Seed 001: « Nour-Soultan, (Kazakhstan), pour l'Asie centrale »."""
    assert line in client.get(f"/{lang}/offices/").get_data(as_text=True)


def test_an_office_whose_area_the_seeds_do_not_give_shows_its_place(client):
    """Seed 001 names Beijing's office without an area: « et Beijing (Chine) »."""
    text = text_of(section(client.get("/fr/offices/").get_data(as_text=True), "coordination"))
    assert "Bureau de pays de Beijing Beijing (Chine) Bureau de pays de Canberra" in text


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("en", "Regional Office in Cairo — Cairo (Egypt)"),
        ("fr", "Bureau régional du Caire — Le Caire (Égypte)"),
        ("es", "Oficina Regional en El Cairo — El Cairo (Egipto)"),
    ],
)
def test_other_offices_say_city_and_country(client, lang, line):
    assert line in text_of(client.get(f"/{lang}/offices/").get_data(as_text=True))


# --- headings agree in number -------------------------------------------------------------------


@pytest.fixture
def small_meeting(app, make_event):
    """One speaker, one meeting document, one presentation, one press contact."""
    event = make_event(original_language="en")
    with app.app_context():
        db.session.add_all(
            [
                Participant(event_id=event.id, name="Ada Example", role=ParticipantRole.SPEAKER),
                *(
                    Document(
                        event_id=event.id,
                        category=category,
                        title=Translated(en=title),
                        versions=[
                            DocumentFile(
                                language="en",
                                sha256=digit * 64,
                                size=10,
                                media_type="application/pdf",
                                original_filename=f"{title}.pdf",
                            )
                        ],
                    )
                    for category, title, digit in (
                        (DocumentCategory.REPORT, "Final report", "2"),
                        (DocumentCategory.PRESENTATION, "Statement", "3"),
                    )
                ),
                PressContact(event_id=event.id, name="Press Officer", email="press@iom.test"),
            ]
        )
        db.session.commit()
        db.session.remove()
    return event


@pytest.mark.parametrize(
    ("lang", "headings", "not_there"),
    [
        (
            "en",
            ["1 speaker", "Meeting document", "Presentation", "Press contact"],
            ["Meeting documents", "Presentations", "Press contacts", "speakers"],
        ),
        (
            "fr",
            ["1 intervenant", "Document de réunion", "Présentation", "Contact presse"],
            ["Documents de réunion", "Présentations", "Contacts presse", "intervenants"],
        ),
        (
            "es",
            ["1 orador", "Documento de la reunión", "Presentación", "Contacto de prensa"],
            ["Documentos de la reunión", "Presentaciones", "Contactos de prensa", "oradores"],
        ),
    ],
)
def test_headings_over_one_thing_are_singular(client, small_meeting, lang, headings, not_there):
    html = client.get(f"/{lang}/events/{small_meeting.slug}/").get_data(as_text=True)
    shown = [text_of(h) for h in re.findall(r"<h[234][^>]*>(.*?)</h[234]>", html)]
    for heading in headings:
        assert heading in shown, (heading, shown)
    for heading in not_there:
        assert heading not in shown, (heading, shown)


@pytest.mark.parametrize(
    ("lang", "plural"),
    [("en", "Presentations"), ("fr", "Présentations"), ("es", "Presentaciones")],
)
def test_headings_over_several_things_are_plural(client, lang, plural):
    """Seed 002: the Bangkok meeting's presentations by the RCPs."""
    html = client.get(f"/{lang}/events/rcp-bangkok-2009/").get_data(as_text=True)
    assert f"<h3>{plural}</h3>" in html


def test_staff_office_list_headings_agree_in_number(admin):
    html = admin.get("/fr/manage/offices/").get_data(as_text=True)
    headings = [text_of(h) for h in re.findall(r"<h2[^>]*>(.*?)</h2>", html)]
    assert "9 bureaux régionaux" in headings
    assert "1 département" in headings
    assert "1 unité" in headings


# --- no nested parentheses, no database words, anywhere public --------------------------------

DATABASE_WORDS = re.compile(
    r"\b(?:None|null|True|False|nan|NaN)\b"  # Python's and JSON's values
    r"|\b[A-Z]{2,}_[A-Z_]+\b"  # enum names: COLLABORATOR_X, SIDE_EVENT
    r"|\b[a-z]+_[a-z_]+\b"  # snake_case identifiers: side_event, member_state
    r"|\b(?:COLLABORATOR|SUPPORTER|PARTICIPANT|ORGANIZER|HOST|MEMBER_STATE|RCP_MEETING)\b"
)


def nested_parentheses(text: str) -> list[str]:
    """Each "(…(…" of the text, with what comes before it."""
    found, depth = [], 0
    for index, char in enumerate(text):
        if char == "(":
            depth += 1
            if depth > 1:
                found.append(text[max(0, index - 60) : index + 30])
        elif char == ")":
            depth = max(0, depth - 1)
    return found


def public_pages() -> list[str]:
    """Every public page of the demo: home, lists, each meeting, each office, a search."""
    events = [meeting["slug"] for meeting in MEETINGS]
    offices = [office["slug"] for office in OFFICES]
    return [
        "",
        "events/",
        "events/?country=AR",
        "offices/",
        "search?q=migration",
        *(f"events/{slug}/" for slug in events),
        *(f"offices/{slug}/" for slug in offices),
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_no_public_page_nests_parentheses_or_shows_database_words(app, client, lang):
    pages = public_pages()
    assert len(pages) > 30
    problems = []
    for path in pages:
        response = client.get(f"/{lang}/{path}")
        assert response.status_code == 200, path
        text = text_of(response.get_data(as_text=True))
        problems += [(path, "nested", found) for found in nested_parentheses(text)]
        problems += [(path, "word", m.group(0)) for m in DATABASE_WORDS.finditer(text)]
    assert not problems


def test_the_scan_finds_what_it_looks_for():
    """The checks above would see the faults they look for."""
    assert nested_parentheses("Yangon (Myanmar (Burma))")
    assert not nested_parentheses("Yangon (Myanmar [Burma]) (en anglais)")
    assert nested_parentheses("Ada Example (Intervenant(e))")
    for word in ("None", "SIDE_EVENT", "member_state", "nan", "False"):
        assert DATABASE_WORDS.search(f"Kind: {word}."), word
    assert not DATABASE_WORDS.search("Nanterre, Nouvelle-Calédonie, 002_74333b11524d335f.txt")


@pytest.mark.parametrize(
    ("lang", "city", "country", "where"),
    [
        ("en", "West Island", "CC", "West Island (Cocos [Keeling] Islands)"),
        ("fr", "Philipsburg", "SX", "Philipsburg (Saint-Martin [partie néerlandaise])"),
        ("es", "Yangon", "MM", "Yangon (Myanmar)"),  # the UN's name, not CLDR's "(Birmania)"
    ],
)
def test_a_country_with_parentheses_in_its_name_is_not_nested(
    app, client, lang, city, country, where
):
    with app.app_context():
        db.session.add(
            Office(
                slug="office-test",
                kind="country_office",
                name=Translated(en=f"Country Office in {city}"),
                city=Translated(en=city),
                country=country,
            )
        )
        db.session.commit()
        db.session.remove()
    text = text_of(client.get(f"/{lang}/offices/").get_data(as_text=True))
    assert where in text
    assert not nested_parentheses(text)


@pytest.mark.parametrize("lang", LANGS)
def test_a_delegates_role_in_parentheses_is_not_nested(app, client, make_event, lang):
    """French labels such as "Intervenant(e)" shown in parentheses beside a delegate."""
    event = make_event()
    add_parts(app, event)
    text = text_of(client.get(f"/{lang}/events/{event.slug}/").get_data(as_text=True))
    assert "Ada Example" in text
    assert not nested_parentheses(text)


@pytest.mark.parametrize("lang", LANGS)
def test_a_meeting_with_times_says_its_time_zone_without_nesting(app, client, make_event, lang):
    """The dates line of a meeting with times: "10 January 2030, 09:30–17:00, Zurich time
    (UTC+1)", not "(Zurich time (UTC+1))"."""
    event = make_event(starts_at=time(9, 30), ends_at=time(17, 0))
    add_parts(app, event)
    text = text_of(client.get(f"/{lang}/events/{event.slug}/").get_data(as_text=True))
    assert "09:30–17:00, " in text
    assert not nested_parentheses(text)
