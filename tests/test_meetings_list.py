"""The meetings list: filters by year, office, kind and country, and pagination."""

from datetime import date

import pytest
from factories import organized_by

from iom_events.events.models import EventKind, EventStatus
from iom_events.translated import Translated

from pages import text_of

RCP_TITLE_FR = "Réunion mondiale"
BAPA_TITLE_FR = "Conférence de haut niveau"


def listing(client, query: str, lang: str = "fr") -> str:
    return text_of(client.get(f"/{lang}/events/?{query}").get_data(as_text=True))


def test_year_filter(client):
    page = listing(client, "year=2009")
    assert RCP_TITLE_FR in page and BAPA_TITLE_FR not in page


def test_kind_filter(client):
    page = listing(client, "kind=side_event")
    assert "South-South cooperation as a tool" in page
    assert RCP_TITLE_FR not in page


def test_country_filter(client):
    page = listing(client, "country=AR")
    assert BAPA_TITLE_FR in page and RCP_TITLE_FR not in page


def test_office_filter_includes_the_units_of_a_department(client, app, make_event):
    meeting = make_event(title=Translated(en="Partnership forum", fr="Forum des partenariats"))
    organized_by(app, meeting, "international-partnerships")  # a unit of the department
    page = listing(client, "office=international-cooperation-and-partnerships")
    assert "Forum des partenariats" in page and BAPA_TITLE_FR not in page
    assert RCP_TITLE_FR not in page  # seed 002 names no IOM division as its organizer


def test_bad_filters_get_a_clear_message_and_no_crash(client):
    response = client.get("/en/events/?year=abc&kind=picnic&office=atlantis")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert 'id="year-error"' in html and 'id="kind-error"' in html and 'id="office-error"' in html
    assert "Choose one of the options in the list." in text_of(html)
    assert "Global Meeting of Chairs" in text_of(html)  # no filter applied: the whole list


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("fr", "Choisissez une des options de la liste."),
        ("es", "Elija una de las opciones de la lista."),
    ],
)
def test_a_choice_no_option_has_is_refused_in_the_pages_language(client, lang, message):
    """WTForms' own message was "N'est pas un choix valide." (a straight apostrophe) in French
    and "No es una opción válida" in Spanish: the site's own, as its other messages."""
    text = text_of(client.get(f"/{lang}/events/?kind=picnic").get_data(as_text=True))
    assert message in text
    assert "choix valide" not in text and "opción válida" not in text


def test_drafts_are_never_listed_nor_shown(client, make_event):
    draft = make_event(status=EventStatus.DRAFT, title=Translated(en="Secret draft meeting"))
    assert "Secret draft meeting" not in listing(client, "", lang="en")
    assert client.get(f"/en/events/{draft.slug}/").status_code == 404


def test_cancelled_meetings_stay_public_and_say_so(client, make_event):
    cancelled = make_event(status=EventStatus.CANCELLED, title=Translated(en="Called-off forum"))
    page = text_of(client.get(f"/en/events/{cancelled.slug}/").get_data(as_text=True))
    assert "This meeting has been cancelled." in page
    assert "Called-off forum" in listing(client, "", lang="en")


def test_pagination(client, make_event, app):
    app.config["EVENTS_PER_PAGE"] = 2
    try:
        for day in (1, 2, 3):
            make_event(
                title=Translated(en=f"Paged meeting {day}"),
                starts_on=date(2041, 1, day),
                ends_on=date(2041, 1, day),
                kind=EventKind.WORKSHOP,
            )
        first = listing(client, "year=2041&kind=workshop", lang="en")
        assert "Paged meeting 3" in first and "Paged meeting 2" in first
        assert "Paged meeting 1" not in first and "Page 1 of 2" in first
        second = listing(client, "year=2041&kind=workshop&page=2", lang="en")
        assert "Paged meeting 1" in second
    finally:
        app.config["EVENTS_PER_PAGE"] = 20


@pytest.mark.parametrize(
    "path",
    ["/{lang}/events/?year={year}", "/{lang}/events.ics?year={year}",
     "/{lang}/search?q=x&year={year}", "/{lang}/offices/bangkok.ics?year={year}"],
)  # fmt: skip
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_year_too_large_for_a_float_is_a_400_not_a_500(client, path, lang):
    response = client.get(path.format(lang=lang, year="1" + "0" * 309))
    assert response.status_code == 400
