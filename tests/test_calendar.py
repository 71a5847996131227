"""Calendar feeds: valid for real clients, localized, stable, cheap to poll."""

from datetime import UTC, date, time

import pytest
from icalendar import Calendar

from iom_events.agenda.models import AgendaItem, AgendaItemKind
from iom_events.delegations.models import Participant, ParticipantRole
from iom_events.events.models import Event, EventStatus
from iom_events.extensions import db
from iom_events.i18n import Translated

RCP_FEED = "/{lang}/events/rcp-bangkok-2009.ics"


def feed(client, path: str) -> Calendar:
    response = client.get(path)
    assert response.status_code == 200, response.data
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.data)


def events_of(calendar: Calendar) -> list:
    return list(calendar.walk("VEVENT"))


def test_the_rcp_meeting_is_one_all_day_event_with_an_exclusive_end(client):
    calendar = feed(client, RCP_FEED.format(lang="fr"))
    (meeting,) = events_of(calendar)
    assert meeting.decoded("dtstart") == date(2009, 6, 4)
    assert meeting.decoded("dtend") == date(2009, 6, 6)
    assert str(meeting["summary"]).startswith("Réunion mondiale des présidents")
    assert str(calendar["x-wr-calname"]).startswith("Réunion mondiale")
    assert str(meeting["status"]) == "CONFIRMED"
    assert str(meeting["url"]) == "http://localhost/fr/events/rcp-bangkok-2009/"
    assert str(meeting["location"]) == "Bangkok, Thaïlande"
    assert str(meeting["organizer"]).startswith("mailto:")
    assert meeting["organizer"].params["CN"] == "Division des partenariats internationaux"
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


def test_cancelled_meetings_say_so(app, client, make_event):
    event = make_event(status=EventStatus.CANCELLED)
    (meeting,) = events_of(feed(client, f"/en/events/{event.slug}.ics"))
    assert str(meeting["status"]) == "CANCELLED"


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
    assert "Last-Modified" in first.headers and "max-age" in first.headers["Cache-Control"]
    with count_queries() as counter:
        again = client.get(path, headers={"If-None-Match": etag})
    assert again.status_code == 304 and len(counter) <= 1
    with app.app_context():
        db.session.get(Event, event.id).title = Translated(en="Renamed meeting")
        db.session.commit()
    changed = client.get(path, headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["ETag"] != etag
    for listing in ("/en/events.ics", "/en/offices/bangkok.ics", "/en/events.ics?kind=conference"):
        tag = client.get(listing).headers["ETag"]
        with count_queries() as counter:
            assert client.get(listing, headers={"If-None-Match": tag}).status_code == 304
        assert len(counter) <= 1, listing


def test_drafts_appear_in_no_feed(app, client, make_event):
    draft = make_event(status=EventStatus.DRAFT, title=Translated(en="Unannounced meeting"))
    assert client.get(f"/en/events/{draft.slug}.ics").status_code == 404
    assert b"Unannounced meeting" not in client.get("/en/events.ics").data
    assert b"Unannounced meeting" not in client.get("/en/events.ics?year=2030").data


def test_site_feed_takes_the_list_filters(client):
    titles = [
        str(e["summary"])
        for e in events_of(feed(client, "/en/events.ics?country=AR&kind=side_event"))
    ]
    assert len(titles) == 2 and all("Buenos" not in t for t in titles)
    office = [
        str(e["summary"])
        for e in events_of(feed(client, "/fr/offices/international-partnerships.ics"))
    ]
    assert len(office) == 1 and office[0].startswith("Réunion mondiale")
    assert client.get("/en/events.ics?kind=picnic").status_code == 400
    assert client.get("/en/offices/atlantis.ics").status_code == 404


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
    assert counts[0] == counts[1] <= 4


def test_pages_link_their_feeds(client):
    html = client.get("/fr/events/rcp-bangkok-2009/").get_data(as_text=True)
    assert (
        '<link rel="alternate" type="text/calendar" href="http://localhost/fr/events/rcp-bangkok-2009.ics">'
        in html
    )
    assert 'href="webcal://localhost/fr/events/rcp-bangkok-2009.ics"' in html
    assert "Télécharger le fichier .ics" in html
    listing = client.get("/en/events/?kind=conference").get_data(as_text=True)
    assert 'href="http://localhost/en/events.ics?kind=conference"' in listing
    office = client.get("/es/offices/bangkok/").get_data(as_text=True)
    assert 'href="webcal://localhost/es/offices/bangkok.ics"' in office
