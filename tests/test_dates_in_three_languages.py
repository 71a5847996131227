"""Dates, times and time zones as IOM and UN editors write them in each language (issue 17):
full month names, the day first, ranges within a month, across months and across years, times
in 24-hour form, a time zone in words."""

from datetime import UTC, date, datetime, time

import pytest

from iom_events.formatting import date_range, long_day, moment, time_of_day, time_zone
from iom_events.translated import Translated

from pages import text_of

RANGES = [
    # (first, last, English, French, Spanish)
    (date(2009, 6, 4), None, "4 June 2009", "4 juin 2009", "4 de junio de 2009"),
    (date(2009, 6, 1), date(2009, 6, 1), "1 June 2009", "1er juin 2009", "1 de junio de 2009"),
    (date(2009, 6, 4), date(2009, 6, 5), "4–5 June 2009", "4–5 juin 2009",
     "4 y 5 de junio de 2009"),
    (date(2019, 3, 20), date(2019, 3, 22), "20–22 March 2019", "20–22 mars 2019",
     "del 20 al 22 de marzo de 2019"),
    (date(2026, 11, 30), date(2026, 12, 2), "30 November – 2 December 2026",
     "30 novembre – 2 décembre 2026", "del 30 de noviembre al 2 de diciembre de 2026"),
    (date(2026, 12, 30), date(2027, 1, 2), "30 December 2026 – 2 January 2027",
     "30 décembre 2026 – 2 janvier 2027", "del 30 de diciembre de 2026 al 2 de enero de 2027"),
    (date(2030, 2, 1), date(2030, 2, 3), "1–3 February 2030", "1er–3 février 2030",
     "del 1 al 3 de febrero de 2030"),
]  # fmt: skip


@pytest.mark.parametrize(("first", "last", "en", "fr", "es"), RANGES)
def test_date_ranges_in_each_language(app, first, last, en, fr, es):
    for lang, expected in (("en", en), ("fr", fr), ("es", es)):
        with app.test_request_context(f"/{lang}/"):
            assert date_range(first, last) == expected


@pytest.mark.parametrize(
    ("lang", "day", "clock", "zone", "instant"),
    [
        ("en", "Thursday 4 June 2009", "09:00", "Bangkok time (UTC+7)", "4 June 2009, 14:05"),
        ("fr", "jeudi 4 juin 2009", "09:00", "heure de Bangkok (UTC+7)", "4 juin 2009, 14:05"),
        ("es", "jueves 4 de junio de 2009", "09:00", "hora de Bangkok (UTC+7)",
         "4 de junio de 2009, 14:05"),
    ],
)  # fmt: skip
def test_days_times_and_time_zones_in_each_language(app, lang, day, clock, zone, instant):
    with app.test_request_context(f"/{lang}/"):
        assert long_day(date(2009, 6, 4)) == day
        assert time_of_day(time(9)) == clock
        assert time_zone("Asia/Bangkok", date(2009, 6, 4)) == zone
        assert moment(datetime(2009, 6, 4, 14, 5, tzinfo=UTC)) == instant


def test_a_time_zone_says_its_offset_on_the_day_and_elides_in_french(app):
    with app.test_request_context("/en/"):
        assert time_zone("America/Argentina/Buenos_Aires", date(2019, 3, 20)) == (
            "Buenos Aires time (UTC−3)"
        )
        assert time_zone("Europe/Zurich", date(2030, 1, 10)) == "Zurich time (UTC+1)"
        assert time_zone("Europe/Zurich", date(2030, 7, 10)) == "Zurich time (UTC+2)"
        assert time_zone("Asia/Kolkata", date(2030, 7, 10)) == "Kolkata time (UTC+5:30)"
        assert time_zone("Africa/Dakar", date(2030, 7, 10)) == "Dakar time (UTC)"
    with app.test_request_context("/fr/"):
        assert time_zone("Africa/Accra", date(2030, 7, 10)) == "heure d’Accra (UTC)"


@pytest.mark.parametrize(
    ("lang", "dates", "zone"),
    [
        ("en", "4–5 June 2009", "Times are Bangkok time (UTC+7)."),
        ("fr", "4–5 juin 2009", "Heures indiquées : heure de Bangkok (UTC+7)."),
        ("es", "4 y 5 de junio de 2009", "Las horas corresponden a la hora de Bangkok (UTC+7)."),
    ],
)
def test_the_reference_meeting_page_says_its_dates_and_time_zone(client, lang, dates, zone):

    page = text_of(client.get(f"/{lang}/events/rcp-bangkok-2009/").get_data(as_text=True))
    assert dates in page and zone in page
    assert "Asia/Bangkok" not in page


@pytest.mark.parametrize(
    ("lang", "in_order"),
    [
        ("fr", ["Dominique", "Égypte", "Équateur", "Espagne", "Zimbabwe"]),
        ("es", ["Bélgica", "Belice", "Perú", "Polonia"]),
        ("en", ["Côte d’Ivoire", "Croatia", "Cuba"]),
    ],
)
def test_countries_are_listed_as_each_language_sorts_them(app, lang, in_order):
    """ICU's collation: accents are a second thought, never a letter after Z (issue 17)."""
    from iom_events.formatting import country_choices

    with app.test_request_context(f"/{lang}/"):
        names = [name for _code, name in country_choices()]
    assert [name for name in names if name in in_order] == in_order


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "09:30–17:00, Geneva time (UTC+1)"),
        ("fr", "09:30–17:00, heure de Genève (UTC+1)"),
        ("es", "09:30–17:00, hora de Ginebra (UTC+1)"),
    ],
)
def test_the_time_zone_is_named_after_the_meetings_city(client, make_event, lang, said):
    """A meeting in Geneva is on "Geneva time", not on its zone's exemplar city (Zurich): the
    zone is Switzerland's, so the meeting's own city names it."""
    event = make_event(
        city=Translated(en="Geneva", fr="Genève", es="Ginebra"),
        starts_at=time(9, 30),
        ends_at=time(17, 0),
    )
    page = text_of(client.get(f"/{lang}/events/{event.slug}/").get_data(as_text=True))
    assert said in page
