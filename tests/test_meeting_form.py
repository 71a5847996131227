"""The meeting form fits the meeting: the original language's inputs come first, and the
time-zone error sits with the country that causes it (issue 16, item 7)."""

import re
from datetime import date

from test_manage_events import NEW_MEETING, event_by_slug

from iom_events.events.models import Event
from iom_events.extensions import db
from iom_events.translated import Translated

from pages import text_of
from staff import post_form


def input_order(html: str, name: str) -> list[str]:
    return re.findall(rf'name="{name}-(\w\w)"', html)


def test_a_french_meeting_lists_french_first(editor, make_event):
    event = make_event(original_language="fr", title=Translated(fr="Réunion"))
    page = editor.get(f"/en/manage/events/{event.slug}/edit").get_data(as_text=True)
    assert input_order(page, "title") == ["fr", "en", "es"]
    assert input_order(page, "summary") == ["fr", "en", "es"]


def test_a_spanish_meetings_agenda_item_lists_spanish_first(editor, make_event):
    event = make_event(original_language="es", title=Translated(es="Reunión"))
    page = editor.get(f"/en/manage/events/{event.slug}/agenda/new").get_data(as_text=True)
    assert input_order(page, "title") == ["es", "en", "fr"]


def test_a_new_meeting_follows_the_language_chosen(editor):
    page = editor.get("/en/manage/events/new").get_data(as_text=True)
    assert input_order(page, "title") == ["en", "fr", "es"]
    sent = post_form(
        editor, "/en/manage/events/new", {**NEW_MEETING, "original_language": "es", "ends_on": ""}
    )
    assert sent.status_code == 400
    assert input_order(sent.get_data(as_text=True), "title") == ["es", "en", "fr"]


def test_the_time_zone_error_is_on_the_country(editor):
    sent = post_form(
        editor, "/en/manage/events/new", {**NEW_MEETING, "country": "AR", "timezone": ""}
    )
    assert sent.status_code == 400
    html = sent.get_data(as_text=True)
    country = html[
        html.index('<label for="country"') : html.index('<label for="participant_count"')
    ]
    assert "Argentina has several time zones, or none of its own" in country
    assert 'id="country-error"' in country
    assert 'href="#country"' in html  # the error summary leads to the country
    assert 'id="timezone-error"' not in html


def test_no_country_and_no_zone_is_said_on_the_zone(editor):
    sent = post_form(
        editor, "/en/manage/events/new", {**NEW_MEETING, "country": "", "timezone": ""}
    )
    assert sent.status_code == 400
    html = sent.get_data(as_text=True)
    assert 'id="timezone-error"' in html
    assert "Choose the time zone, or a country that has only one." in html
    assert 'id="country-error"' not in html


def test_a_side_event_of_unknown_day_is_saved_and_needs_its_meeting(app, editor, make_event):
    """Seed 003 gives no day for one side event (« M. Vitorino a ouvert l’événement parallèle
    South-South cooperation as a tool for migration governance [...] »): staff say so with one
    box, which needs the meeting it took place during, and the page then says "during the
    conference"."""
    conference = make_event(starts_on=date(2031, 5, 6), ends_on=date(2031, 5, 8))
    alone = post_form(editor, "/en/manage/events/new", {**NEW_MEETING, "day_unknown": "y"})
    assert alone.status_code == 400
    assert "Choose the meeting it took place during" in alone.get_data(as_text=True)
    sent = post_form(
        editor,
        "/en/manage/events/new",
        {
            **NEW_MEETING,
            "kind": "side_event",
            "parent_slug": conference.slug,
            "ends_on": "2031-05-08",
            "day_unknown": "y",
            "slug": "side-event-of-unknown-day",
        },
    )
    assert sent.status_code == 303, sent.get_data(as_text=True)
    assert event_by_slug(app, "side-event-of-unknown-day").day_unknown is True
    page = editor.get("/en/events/side-event-of-unknown-day/").get_data(as_text=True)
    assert "During the conference (" in page
    with app.app_context():
        db.session.delete(db.session.get(Event, event_by_slug(app, "side-event-of-unknown-day").id))
        db.session.commit()


def test_a_time_zone_of_another_country_is_refused_in_the_page_language(app, editor):
    """A meeting in Argentina on Zurich time would be shown and sent to calendars hours off:
    the zone must be one of the country's (CLDR's zones; old names such as Asia/Calcutta are
    read as their current ones)."""
    sent = post_form(
        editor,
        "/fr/manage/events/new",
        {**NEW_MEETING, "country": "AR", "timezone": "Europe/Zurich"},
    )
    assert sent.status_code == 400
    page = sent.get_data(as_text=True).replace("\u00a0", " ")
    assert (
        "Le fuseau horaire choisi (Suisse) n’est pas un de ceux de ce pays (Argentine) : "
        "choisissez le fuseau horaire du lieu de la réunion."
    ) in text_of(page)
    for country, zone in (("IN", "Asia/Calcutta"), ("AR", "America/Argentina/Cordoba")):
        sent = post_form(
            editor,
            "/en/manage/events/new",
            {**NEW_MEETING, "country": country, "timezone": zone, "slug": f"in-{country}"},
        )
        assert sent.status_code == 303, country


def test_the_time_zone_picker_names_countries_and_cities_in_the_pages_language(editor):
    """Staff pick "Thaïlande" (a country of one zone) or "Argentine — Buenos Aires", never an
    IANA identifier such as "Asia/Bangkok"; an old name ("Asia/Calcutta") is offered once,
    under its current one."""
    html = editor.get("/fr/manage/events/new").get_data(as_text=True)
    select = re.search(r'<select[^>]*name="timezone".*?</select>', html, re.S)[0]
    options = dict(re.findall(r'<option[^>]*value="([^"]*)"[^>]*>([^<]*)</option>', select))
    assert options["Asia/Bangkok"] == "Thaïlande"
    assert options["America/Argentina/Buenos_Aires"] == "Argentine — Buenos Aires"
    assert "Asia/Kolkata" in options and "Asia/Calcutta" not in options
    assert not [label for label in options.values() if "/" in label or "_" in label]
    spanish = editor.get("/es/manage/events/new").get_data(as_text=True)
    assert ">Tailandia<" in spanish
