"""Calendar feeds: valid for real clients, localized, stable, cheap to poll.

Every feed these tests fetch is also checked by tests/feedcheck (four parsers, instants against
zoneinfo, RFC 5545 bytes): see tests/feedcheck/plugin.py.
"""

import re
from datetime import UTC, date, time, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from factories import organized_by
from icalendar import Calendar
from sqlalchemy import select

from iom_events.agenda.models import AgendaItem, AgendaItemKind
from iom_events.delegations.models import Participant, ParticipantRole
from iom_events.events.models import Event, EventStatus
from iom_events.extensions import db
from iom_events.translated import Translated

RCP_FEED = "/{lang}/events/rcp-bangkok-2009.ics"


def feed(client, path: str) -> Calendar:
    response = client.get(path)
    assert response.status_code == 200, response.data
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.data)


def text(component, name: str) -> str:
    """A TEXT property as a client reads it: unescaped (RFC 5545 section 3.3.11). icalendar
    leaves the calendar's NAME and X-WR-* properties as it found them."""
    raw = component[name].to_ical().decode()
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m[1] in "nN" else m[1], raw)


def events_of(calendar: Calendar) -> list:
    return list(calendar.walk("VEVENT"))


def test_the_rcp_meeting_is_one_all_day_event_with_an_exclusive_end(client):
    calendar = feed(client, RCP_FEED.format(lang="fr"))
    (meeting,) = events_of(calendar)
    assert meeting.decoded("dtstart") == date(2009, 6, 4)
    assert meeting.decoded("dtend") == date(2009, 6, 6)
    assert str(meeting["summary"]).startswith("Réunion mondiale des présidents")
    assert text(calendar, "x-wr-calname").startswith("Réunion mondiale")
    assert str(meeting["status"]) == "CONFIRMED"
    assert str(meeting["url"]) == "http://localhost/fr/events/rcp-bangkok-2009/"
    assert str(meeting["location"]) == "Bangkok, Thaïlande"
    assert str(meeting["organizer"]).startswith("mailto:")
    # Seed 002: "Organisée par le Gouvernement royal thaïlandais en collaboration avec l'OIM".
    assert meeting["organizer"].params["CN"] == "Gouvernement royal thaïlandais"
    assert str(meeting["description"]).endswith("\n\nhttp://localhost/fr/events/rcp-bangkok-2009/")
    english = events_of(feed(client, RCP_FEED.format(lang="en")))[0]
    assert str(english["summary"]).startswith("Global Meeting of Chairs")
    assert english["uid"] == meeting["uid"]  # the same event in every language


def test_the_same_content_gives_the_same_bytes(client):
    first = client.get(RCP_FEED.format(lang="es")).data
    assert client.get(RCP_FEED.format(lang="es")).data == first
    assert b"\r\n" in first and b"\n" not in first.replace(b"\r\n", b"")


@pytest.fixture
def bangkok_workshop(app, make_event):
    event = make_event(
        title=Translated(en="Bangkok workshop", fr="Atelier de Bangkok"),
        timezone="Asia/Bangkok",
        country="TH",
        starts_on=date(2031, 2, 3),
        ends_on=date(2031, 2, 3),
    )
    with app.app_context():
        speaker = Participant(
            event_id=event.id,
            name="Private Person",
            role=ParticipantRole.SPEAKER,
            email="private.person@iom.int",
            phone="+66223439300",
        )
        db.session.add_all(
            [
                speaker,
                AgendaItem(
                    event_id=event.id,
                    day=date(2031, 2, 3),
                    starts_at=time(9),
                    ends_at=time(10, 30),
                    kind=AgendaItemKind.OPENING,
                    title=Translated(en="Opening", fr="Ouverture"),
                    speakers=[speaker],
                ),
                AgendaItem(
                    event_id=event.id,
                    day=date(2031, 2, 3),
                    kind=AgendaItemKind.BREAK,
                    title=Translated(en="Networking all day"),
                ),
            ]
        )
        db.session.commit()
    return event


def test_timed_items_carry_the_venue_time_zone(client, bangkok_workshop):
    path = f"/fr/events/{bangkok_workshop.slug}.ics"
    response = client.get(path)
    assert b"DTSTART;TZID=Asia/Bangkok:20310203T090000" in response.data
    calendar = Calendar.from_ical(response.data)
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["Asia/Bangkok"]
    meeting, item = events_of(calendar)  # the untimed item is not an event of its own
    assert str(item["summary"]) == "Ouverture"
    assert item.decoded("dtstart").astimezone(UTC).hour == 2  # 09:00 in Bangkok is 02:00 UTC
    assert item["related-to"] == meeting["uid"]
    assert b"private.person" not in response.data and b"43439300" not in response.data
    assert b"COMMENT" not in response.data


def test_sequence_grows_with_time_changes_only_and_the_uid_stays(app, client, make_event):
    event = make_event()
    path = f"/en/events/{event.slug}.ics"
    before = events_of(feed(client, path))[0]
    with app.app_context():
        stored = db.session.get(Event, event.id)
        stored.summary = Translated(en="A new summary")
        db.session.commit()
    unrelated = events_of(feed(client, path))[0]
    assert unrelated["sequence"] == before["sequence"] == 0
    with app.app_context():
        stored = db.session.get(Event, event.id)
        stored.ends_on = date(2030, 1, 12)
        db.session.commit()
    moved = events_of(feed(client, path))[0]
    assert moved["sequence"] == 1 and moved["uid"] == before["uid"]
    assert moved.decoded("dtend") == date(2030, 1, 13)


def test_conditional_requests_answer_304_until_an_edit(app, client, make_event, count_queries):
    event = make_event()
    path = f"/en/events/{event.slug}.ics"
    first = client.get(path)
    etag = first.headers["ETag"]
    assert first.headers["Cache-Control"] == "public, no-cache"
    # No date is a true last change of a feed: only the ETag validates (see iom_events/caching).
    assert "Last-Modified" not in first.headers
    with count_queries() as counter:
        again = client.get(path, headers={"If-None-Match": etag})
    assert again.status_code == 304 and len(counter) == 1  # the fingerprint only
    with app.app_context():
        db.session.get(Event, event.id).title = Translated(en="Renamed meeting")
        db.session.commit()
    changed = client.get(path, headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["ETag"] != etag
    for listing in (
        "/en/events.ics",
        "/en/offices/bangkok.ics",
        "/en/events.ics?kind=conference",
        "/en/offices/bangkok.ics?year=2009",
    ):
        tag = client.get(listing).headers["ETag"]
        with count_queries() as counter:
            assert client.get(listing, headers={"If-None-Match": tag}).status_code == 304
        assert len(counter) == 1, listing


def test_drafts_appear_in_no_feed(app, client, make_event):
    """A draft that was never public is unknown to the public, in its own feed too."""
    draft = make_event(status=EventStatus.DRAFT, title=Translated(en="Unannounced meeting"))
    assert client.get(f"/en/events/{draft.slug}.ics").status_code == 404
    assert b"Unannounced meeting" not in client.get("/en/events.ics").data
    assert b"Unannounced meeting" not in client.get("/en/events.ics?year=2030").data


def test_site_feed_takes_the_list_filters_and_is_named_after_them(client, app, make_event):
    side_events = feed(client, "/en/events.ics?country=AR&kind=side_event&year=2019")
    titles = [str(e["summary"]) for e in events_of(side_events)]
    # Two side events; the one whose day the seed does not give is on no calendar.
    assert len(titles) == 1 and all("Buenos" not in t for t in titles)
    assert text(side_events, "x-wr-calname") == "IOM meetings — Side events, Argentina, 2019"
    assert text(side_events, "name") == text(side_events, "x-wr-calname")
    assert str(side_events["url"]) == (
        "http://localhost/en/events/?year=2019&kind=side_event&country=AR"
    )
    meeting = make_event(
        title=Translated(en="Partnership forum", fr="Forum des partenariats"),
        starts_on=date(2009, 3, 2),
        ends_on=date(2009, 3, 2),
    )
    organized_by(app, meeting, "international-partnerships")
    office = feed(client, "/fr/offices/international-partnerships.ics?year=2009")
    titles = [str(e["summary"]) for e in events_of(office)]
    assert titles == ["Forum des partenariats"]
    assert text(office, "x-wr-calname") == (
        "Réunions de l’OIM — Division des partenariats internationaux, 2009"
    )
    assert str(office["url"]) == "http://localhost/fr/offices/international-partnerships/"
    everything = feed(client, "/es/events.ics")
    assert text(everything, "x-wr-calname") == "Reuniones de la OIM"


def test_bad_filters_are_named_in_the_feeds_language_and_unknown_offices_are_404(client):
    response = client.get("/fr/events.ics?kind=picnic&year=20x9")
    assert response.status_code == 400
    assert response.headers["Content-Type"] == "text/plain; charset=utf-8"
    message = response.get_data(as_text=True)
    assert "Type de réunion\u00a0: " in message and "Année\u00a0: " in message  # French colons
    english = client.get("/en/events.ics?year=20x9").get_data(as_text=True)
    assert english.startswith("Year: ")
    assert client.get("/en/events.ics?office=atlantis").status_code == 400
    assert client.get("/en/offices/atlantis.ics").status_code == 404
    assert client.get("/en/offices/Not%20A%20Slug.ics").status_code == 404


def test_list_feeds_hold_the_coming_meetings_and_the_last_year_archives_the_rest(
    client, make_event
):
    today = date.today()
    soon = make_event(
        title=Translated(en="Coming soon"), starts_on=today + timedelta(days=30),
        ends_on=today + timedelta(days=31), country="KE",
    )  # fmt: skip
    recent = make_event(
        title=Translated(en="Held last month"), starts_on=today - timedelta(days=30),
        ends_on=today - timedelta(days=29), country="KE",
    )  # fmt: skip
    old_day = today - timedelta(days=400)
    old = make_event(
        title=Translated(en="Held long ago"), starts_on=old_day, ends_on=old_day, country="KE"
    )
    default = feed(client, "/en/events.ics?country=KE")
    uids = {str(e["uid"]) for e in events_of(default)}
    assert {soon.uid, recent.uid} <= uids and old.uid not in uids
    description = text(default, "x-wr-caldesc")
    assert "Upcoming meetings and those that ended since" in description
    assert f"year={old_day.year}" in description or f"year={old_day.year - 1}" in description
    archive = feed(client, f"/en/events.ics?country=KE&year={old_day.year}")
    assert old.uid in {str(e["uid"]) for e in events_of(archive)}
    assert text(archive, "x-wr-caldesc") == f"The meetings that start in {old_day.year}."


def test_a_feed_with_no_meeting_is_still_a_valid_calendar(client):
    """RFC 5545 section 3.6: a calendar holds at least one component; a PUBLISH, a VEVENT."""
    calendar = feed(client, "/en/events.ics?year=1960")
    assert events_of(calendar) == []
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["Etc/UTC"]
    assert "method" not in calendar


def test_feed_query_count_does_not_grow_with_the_agenda(app, client, make_event, count_queries):
    counts = []
    for size in (2, 120):
        event = make_event(starts_at=time(9), ends_at=time(17))
        with app.app_context():
            db.session.add_all(
                AgendaItem(
                    event_id=event.id,
                    day=date(2030, 1, 10),
                    starts_at=time(9, n % 60),
                    kind=AgendaItemKind.SESSION,
                    title=Translated(en=f"Item {n}"),
                )
                for n in range(size)
            )
            db.session.commit()
        with count_queries() as counter:
            assert len(events_of(feed(client, f"/en/events/{event.slug}.ics"))) == size + 1
        counts.append(len(counter))
    # The fingerprint, the meeting, its organizers (with their offices), its agenda.
    assert counts[0] == counts[1] == 4


def test_pages_link_their_feeds(client):
    html = client.get("/fr/events/rcp-bangkok-2009/").get_data(as_text=True)
    assert (
        '<link rel="alternate" type="text/calendar" href="http://localhost/fr/events/rcp-bangkok-2009.ics">'
        in html
    )
    assert 'href="webcal://localhost/fr/events/rcp-bangkok-2009.ics"' in html
    assert "Télécharger le fichier .ics" in html
    office = client.get("/es/offices/bangkok/").get_data(as_text=True)
    assert 'href="webcal://localhost/es/offices/bangkok.ics"' in office


def test_a_filtered_list_links_the_feed_of_its_filters_only(client):
    """Not its page number, nor any other parameter: a feed of "page 2" means nothing."""
    listing = client.get("/en/events/?kind=conference&page=1&utm_source=newsletter")
    html = listing.get_data(as_text=True)
    assert 'href="http://localhost/en/events.ics?kind=conference"' in html
    assert 'href="webcal://localhost/en/events.ics?kind=conference"' in html
    assert "utm_source" not in html


def test_a_meeting_page_offers_google_calendar_and_outlook_com(client):
    html = client.get("/en/events/rcp-bangkok-2009/").get_data(as_text=True)
    links = dict(
        (label, url.replace("&amp;", "&"))
        for url, label in re.findall(
            r'<a href="(https://[^"]+)" rel="external noopener">([^<]+)<', html
        )
    )
    google = urlsplit(links["Add to Google Calendar"])
    assert google.netloc == "calendar.google.com"
    query = parse_qs(google.query)
    assert query["action"] == ["TEMPLATE"] and query["dates"] == ["20090604/20090606"]
    assert query["text"][0].startswith("Global Meeting of Chairs")
    assert query["location"] == ["Bangkok, Thailand"]
    assert query["details"][0].endswith("http://localhost/en/events/rcp-bangkok-2009/")
    outlook = parse_qs(urlsplit(links["Add to Outlook.com"]).query)
    assert outlook["startdt"] == ["2009-06-04"] and outlook["enddt"] == ["2009-06-06"]
    assert outlook["allday"] == ["true"] and outlook["subject"] == query["text"]


def test_add_to_calendar_links_give_a_timed_meeting_in_utc(client, make_event):
    event = make_event(
        starts_on=date(2031, 6, 10), ends_on=date(2031, 6, 10),
        starts_at=time(10), ends_at=time(12), timezone="Europe/Zurich",
    )  # fmt: skip
    html = client.get(f"/en/events/{event.slug}/").get_data(as_text=True).replace("&amp;", "&")
    assert "</time>, 10:00" in html  # no space before the comma
    assert "dates=20310610T080000Z%2F20310610T100000Z" in html  # 10:00 in Geneva in June
    assert "ctz=Europe%2FZurich" in html
    assert "startdt=2031-06-10T08%3A00%3A00Z" in html and "allday=false" in html


@pytest.mark.parametrize("path", ["/en/events.ics", "/fr/events/rcp-bangkok-2009.ics"])
def test_feeds_are_open_to_any_origin_and_revalidate_from_a_browser(client, path):
    response = client.get(path)
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response.headers["Access-Control-Expose-Headers"]
    # A calendar web app on another site sends If-None-Match: its browser asks first.
    preflight = client.options(
        path,
        headers={
            "Origin": "https://calendar.example.org",
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "if-none-match",
        },
    )
    assert preflight.status_code == 200
    assert preflight.headers["Access-Control-Allow-Origin"] == "*"
    assert "If-None-Match" in preflight.headers["Access-Control-Allow-Headers"]
    assert "GET" in preflight.headers["Access-Control-Allow-Methods"]


def test_descriptions_keep_links_lists_and_paragraphs_and_end_with_the_page(client, make_event):
    event = make_event(
        description=Translated(
            en="Opening of the [Global Forum](https://gfmd.org/2031) by:\n\n"
            "- the Director General\n- the host country\n\nSecond paragraph, "
            "with ![a map of the venue](https://gfmd.org/map.png)."
        )
    )
    (meeting,) = events_of(feed(client, f"/en/events/{event.slug}.ics"))
    assert str(meeting["description"]) == (
        "Opening of the Global Forum (https://gfmd.org/2031) by:\n\n"
        "• the Director General\n• the host country\n\nSecond paragraph, "
        "with a map of the venue.\n\n"
        f"http://localhost/en/events/{event.slug}/"
    )


def test_agenda_items_say_their_room_and_their_meeting(app, client, bangkok_workshop):
    with app.app_context():
        item = db.session.scalar(
            select(AgendaItem).where(
                AgendaItem.event_id == bangkok_workshop.id, AgendaItem.starts_at.is_not(None)
            )
        )
        item.room = Translated(en="Room B", fr="Salle B")
        item.description = Translated(en="Welcome by **the hosts**.")
        db.session.commit()
    with app.app_context():
        db.session.get(Event, bangkok_workshop.id).venue = Translated(fr="Centre de conférences")
        db.session.commit()
    meeting, opening = events_of(feed(client, f"/fr/events/{bangkok_workshop.slug}.ics"))
    assert str(opening["location"]) == "Salle B, Centre de conférences, Thaïlande"
    assert str(opening["description"]) == (
        "Atelier de Bangkok\n\n"
        "Welcome by the hosts.\n\n"  # in English only: marked below
        f"http://localhost/fr/events/{bangkok_workshop.slug}/"
    )
    assert opening["description"].params["LANGUAGE"] == "en"
    assert "LANGUAGE" not in opening["summary"].params
    assert "LANGUAGE" not in meeting["location"].params


def test_a_text_shown_in_another_language_says_which(client, make_event):
    """RFC 5545 section 3.2.10: the fallback rule shows the French title on the Spanish feed."""
    event = make_event(
        original_language="fr",
        title=Translated(fr="Atelier régional"),
        city=Translated(fr="Genève", es="Ginebra"),
    )
    (meeting,) = events_of(feed(client, f"/es/events/{event.slug}.ics"))
    assert str(meeting["summary"]) == "Atelier régional"
    assert meeting["summary"].params["LANGUAGE"] == "fr"
    assert (
        str(meeting["location"]) == "Ginebra, Suiza"
        and "LANGUAGE" not in meeting["location"].params
    )


@pytest.mark.parametrize(
    ("lang", "prefix"), [("en", "Cancelled: "), ("fr", "Annulé\u00a0: "), ("es", "Cancelado: ")]
)
def test_cancelled_meetings_and_their_items_say_so_in_the_title_too(
    app, client, bangkok_workshop, lang, prefix
):
    """Outlook ignores STATUS:CANCELLED: the title says it in every client."""
    with app.app_context():
        db.session.get(Event, bangkok_workshop.id).status = EventStatus.CANCELLED
        db.session.commit()
    events = events_of(feed(client, f"/{lang}/events/{bangkok_workshop.slug}.ics"))
    assert len(events) == 2
    for entry in events:
        assert str(entry["status"]) == "CANCELLED"
        assert str(entry["summary"]).startswith(prefix)


def test_calendar_names_are_escaped_text(client, make_event):
    """RFC 7986 NAME and the X-WR-* properties are TEXT: a comma or a backslash is escaped."""
    event = make_event(title=Translated(en="Back\\slash, C:\\new; test"))
    body = client.get(f"/en/events/{event.slug}.ics").data
    assert b"NAME:Back\\\\slash\\, C:\\\\new\\; test\r\n" in body
    calendar = Calendar.from_ical(body)
    assert text(calendar, "x-wr-calname") == "Back\\slash, C:\\new; test"
    assert str(events_of(calendar)[0]["summary"]) == "Back\\slash, C:\\new; test"


def test_a_cancelled_meeting_is_not_offered_to_web_calendars(client, make_event):
    event = make_event(status=EventStatus.CANCELLED)
    html = client.get(f"/en/events/{event.slug}/").get_data(as_text=True)
    assert "calendar.google.com" not in html and "outlook.live.com" not in html


def test_web_calendar_links_describe_a_meeting_that_has_a_description_only(client, make_event):
    event = make_event(description=Translated(en="Talks on **labour** migration."))
    html = client.get(f"/en/events/{event.slug}/").get_data(as_text=True).replace("&amp;", "&")
    assert "details=Talks+on+labour+migration." in html


def test_one_huge_text_cannot_push_a_feed_past_what_calendar_apps_accept(client, make_event):
    """Pasted by mistake, a 1.1 MB description or title: the feed keeps a few lines of each
    (the page has the rest), so the site's feeds stay far from Google's ~1 MB limit."""
    words = "migration " * 110_000
    event = make_event(title=Translated(en=f"Long title {words}"), description=Translated(en=words))
    body = client.get(f"/en/events/{event.slug}.ics").data
    assert len(body) < 5_000
    (meeting,) = events_of(Calendar.from_ical(body))
    assert str(meeting["summary"]).endswith("migration…")
    assert str(meeting["description"]).endswith(
        f"migration…\n\nhttp://localhost/en/events/{event.slug}/"
    )
    assert len(client.get("/en/events.ics").data) < 100_000
