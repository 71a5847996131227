"""The meeting form's time zone picker, as staff read it in each language: UTC for online
meetings, a country with one zone by its name alone, cities as the UN names them now, and a
meeting saved under an old zone name shown and saved as it is."""

import html
import re
from datetime import date, time

import icu
import pytest
from icalendar import Calendar
from test_manage_events import NEW_MEETING, event_by_slug

from iom_events.events.models import EventStatus
from iom_events.formatting import time_zone

from conftest import post_form
from feedcheck import findings
from pages import text_of

UTC_LABELS = {
    "en": "UTC (Coordinated Universal Time)",
    "fr": "UTC (temps universel coordonné)",
    "es": "UTC (tiempo universal coordinado)",
}


def form_as_sent(client, path: str) -> dict[str, str]:
    """What a browser sends when the form at `path` is saved as it is shown."""
    page = client.get(path).get_data(as_text=True)
    fields = {}
    for tag in re.findall(r"<input[^>]*>", page):
        name, value = re.search(r'name="([^"]+)"', tag), re.search(r'value="([^"]*)"', tag)
        kind = re.search(r'type="([^"]+)"', tag)
        if not name or (kind and kind[1] in ("checkbox", "radio") and "checked" not in tag):
            continue
        fields[name[1]] = html.unescape(value[1]) if value else ""
    for name, text in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', page, re.S):
        fields[name] = html.unescape(text).removeprefix("\n")
    for name, options in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', page, re.S):
        chosen = re.search(r'<option[^>]*selected[^>]*value="([^"]*)"', options) or re.search(
            r'<option[^>]*value="([^"]*)"', options
        )
        fields[name] = html.unescape(chosen[1]) if chosen else ""
    return fields


def picker(client, path: str) -> list[tuple[str, str, bool]]:
    """(value, label, selected) of each option of a page's time zone select."""
    page = client.get(path).get_data(as_text=True)
    select = re.search(r'<select[^>]*name="timezone"[^>]*>(.*?)</select>', page, re.DOTALL)
    assert select, f"no time zone picker on {path}"
    return [
        (html.unescape(value), html.unescape(label).strip(), "selected" in attributes)
        for attributes, value, label in re.findall(
            r'<option([^>]*?)value="([^"]*)"[^>]*>([^<]*)</option>', select[1]
        )
    ]


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_the_picker_offers_utc_named_as_each_language_reads_it(editor, lang):
    options = {value: label for value, label, _ in picker(editor, f"/{lang}/manage/events/new")}
    assert options["UTC"] == UTC_LABELS[lang]


@pytest.mark.parametrize(
    ("lang", "alone", "with_city"),
    [
        ("en", ["Switzerland", "Thailand", "India"], ["Argentina — Córdoba", "Ukraine — Kyiv"]),
        ("fr", ["Suisse", "Thaïlande", "Inde"], ["Argentine — Córdoba", "Ukraine — Kyiv"]),
        ("es", ["Suiza", "Tailandia", "India"], ["Argentina — Córdoba", "Ucrania — Kyiv"]),
    ],
)
def test_a_country_of_one_zone_is_named_alone_and_labels_are_unique_and_sorted(
    editor, lang, alone, with_city
):
    """ "Switzerland — Zurich" hid Geneva: a country with one zone is the country alone; one
    with several keeps "country — city". No two options read the same, and they come in the
    order of the page's language."""
    labels = [label for value, label, _ in picker(editor, f"/{lang}/manage/events/new") if value]
    assert len(labels) == len(set(labels)) > 400
    collator = icu.Collator.createInstance(icu.Locale(lang))
    assert labels == sorted(labels, key=collator.getSortKey)
    assert set(alone + with_city) <= set(labels)
    assert not [label for label in labels if label.startswith(tuple(f"{c} — " for c in alone))]
    assert not [label for label in labels if "Kiev" in label or "Calcut" in label]


@pytest.mark.parametrize(
    ("lang", "kyiv", "kolkata"),
    [
        ("en", "Kyiv time (UTC+2)", "Kolkata time (UTC+5:30)"),
        ("fr", "heure de Kyiv (UTC+2)", "heure de Kolkata (UTC+5:30)"),
        ("es", "hora de Kyiv (UTC+2)", "hora de Kolkata (UTC+5:30)"),
    ],
)
def test_renamed_cities_are_written_as_the_un_writes_them(app, lang, kyiv, kolkata):
    with app.test_request_context(f"/{lang}/"):
        assert time_zone("Europe/Kyiv", date(2030, 1, 10)) == kyiv
        assert time_zone("Europe/Kiev", date(2030, 1, 10)) == kyiv  # the zone's old name
        assert time_zone("Asia/Kolkata", date(2030, 1, 10)) == kolkata


@pytest.mark.parametrize(
    ("old", "country", "city", "label"),
    [
        ("Europe/Kiev", "UA", "Kyiv", "Ukraine — Kyiv"),
        ("Asia/Calcutta", "IN", "Kolkata", "Inde"),
    ],
)
def test_a_meeting_saved_under_an_old_zone_name_is_shown_and_saved_as_it_is(
    app, editor, make_event, old, country, city, label
):
    event = make_event(timezone=old, country=country, starts_at=time(9), ends_at=time(12))
    options = picker(editor, f"/fr/manage/events/{event.slug}/edit")
    assert [(value, chosen) for value, text, chosen in options if text == label] == [(old, True)]
    page = text_of(editor.get(f"/fr/events/{event.slug}/").get_data(as_text=True))
    assert f"heure de {city} (UTC" in page

    fields = form_as_sent(editor, f"/en/manage/events/{event.slug}/edit")
    assert fields["timezone"] == old
    response = post_form(editor, f"/en/manage/events/{event.slug}/edit", fields)
    assert response.status_code == 303
    assert event_by_slug(app, event.slug).timezone == old


def test_a_meeting_in_utc_round_trips_through_form_page_feed_and_api(app, editor):
    """An online meeting hosted by Switzerland, set in UTC: saved as UTC, chosen again in its
    form, said in words on its page, written in UTC ("Z") in its feed, named in the API."""
    created = post_form(
        editor,
        "/fr/manage/events/new",
        {
            **NEW_MEETING,
            "title-fr": "Dialogue en ligne sur la migration",
            "country": "CH",
            "city-fr": "",
            "timezone": "UTC",
            "starts_on": "2031-03-04",
            "ends_on": "2031-03-04",
            "starts_at": "14:00",
            "ends_at": "16:30",
        },
    )
    assert created.status_code == 303, text_of(created.get_data(as_text=True))
    slug = created.location.rstrip("/").rsplit("/", 1)[1]
    event = event_by_slug(app, slug)
    assert event.timezone == "UTC"

    options = picker(editor, f"/es/manage/events/{slug}/edit")
    assert [value for value, _label, selected in options if selected] == ["UTC"]
    fields = form_as_sent(editor, f"/en/manage/events/{slug}/edit")
    assert post_form(editor, f"/en/manage/events/{slug}/edit", fields).status_code == 303
    assert event_by_slug(app, slug).timezone == "UTC"
    post_form(
        editor,
        f"/fr/manage/events/{slug}/status",
        {"status": "published", "version": event_by_slug(app, slug).version},
    )
    assert event_by_slug(app, slug).status == EventStatus.PUBLISHED

    for lang, said in [
        ("en", "14:00–16:30, UTC (Coordinated Universal Time)"),
        ("fr", "14:00–16:30, UTC (temps universel coordonné)"),
        ("es", "14:00–16:30, hora UTC (tiempo universal coordinado)"),
    ]:
        assert said in text_of(app.test_client().get(f"/{lang}/events/{slug}/").get_data(True))

    feed = app.test_client().get(f"/en/events/{slug}.ics").data
    assert b"DTSTART:20310304T140000Z\r\n" in feed
    assert b"DTEND:20310304T163000Z\r\n" in feed
    assert b"TZID:UTC" not in feed and b"TZID=UTC" not in feed
    (entry,) = Calendar.from_ical(feed).walk("VEVENT")
    assert entry["DTSTART"].dt.utcoffset().total_seconds() == 0
    assert findings({"meeting in UTC": feed}) == []  # icalendar, vobject, ical.js, libical

    meeting = app.test_client().get(f"/api/v1/meetings/{slug}").get_json()
    assert meeting["timezone"] == "UTC"
    assert (meeting["starts_on"], meeting["starts_at"], meeting["ends_at"]) == (
        "2031-03-04",
        "14:00:00",
        "16:30:00",
    )
