"""What subscribers see when staff change a meeting: every change reaches the calendar clients.

Clients keep a copy of each event (by UID) and replace it when SEQUENCE or LAST-MODIFIED grow;
a feed that answers 404 is kept stale forever. These tests change meetings the way staff do
(through the manage forms) and read the feeds the way clients do.
"""

import re
from datetime import UTC, date, datetime, time, timedelta

import pytest
from icalendar import Calendar
from sqlalchemy import select, update

from iom_events.agenda.models import AgendaItem, AgendaItemKind
from iom_events.events.models import Event, EventOrganizer, EventStatus, OrganizerRole
from iom_events.extensions import db
from iom_events.offices.models import Office, OfficeKind
from iom_events.translated import Translated

from pages import text_of
from staff import post_form

A_WHILE_AGO = datetime(2020, 1, 1, tzinfo=UTC)

MEETING = {
    "title-en": "Regional dialogue on labour migration",
    "title-fr": "",
    "title-es": "",
    "kind": "workshop",
    "original_language": "en",
    "starts_on": "2031-05-06",
    "ends_on": "2031-05-07",
    "starts_at": "09:00",
    "ends_at": "17:00",
    "timezone": "Africa/Dakar",
    "venue-en": "King Fahd Palace",
    "city-en": "Dakar",
    "country": "SN",
}


@pytest.fixture
def meeting(app, editor):
    """A published two-day meeting made by staff, with a timed item on each day; its slug."""
    response = post_form(editor, "/en/manage/events/new", MEETING)
    slug = response.location.rstrip("/").rsplit("/", 1)[1]
    with app.app_context():
        event = stored(slug)
        event.status = EventStatus.PUBLISHED
        for day, hour in ((date(2031, 5, 6), 9), (date(2031, 5, 7), 14)):
            db.session.add(
                AgendaItem(
                    event_id=event.id,
                    day=day,
                    starts_at=time(hour),
                    ends_at=time(hour + 1),
                    kind=AgendaItemKind.SESSION,
                    title=Translated(en=f"Session at {hour}:00"),
                )
            )
        db.session.commit()
    yield slug
    with app.app_context():
        db.session.delete(stored(slug))
        db.session.commit()


def stored(slug: str) -> Event:
    return db.session.scalar(
        select(Event).where(Event.slug == slug), execution_options={"include_removed": True}
    )


def events(client, path: str) -> dict[str, object]:
    """The feed's VEVENTs by UID, read as a client does."""
    response = client.get(path)
    assert response.status_code == 200, response.data
    return {str(e["uid"]): e for e in Calendar.from_ical(response.data).walk("VEVENT")}


def items_of(calendar_events: dict) -> dict:
    return {uid: e for uid, e in calendar_events.items() if "RELATED-TO" in e}


def backdate(app, slug: str) -> None:
    """As if the meeting and its items were last changed long ago: a change now must show."""
    with app.app_context():
        event = stored(slug)
        db.session.execute(update(Event).where(Event.id == event.id).values(updated_at=A_WHILE_AGO))
        db.session.execute(
            update(AgendaItem).where(AgendaItem.event_id == event.id).values(updated_at=A_WHILE_AGO)
        )
        db.session.commit()


def edit(app, client, at: str, **changes):
    """Save the meeting whose address is `at` through the staff form, with `changes`."""
    with app.app_context():
        version = stored(at).version
    response = post_form(
        client, f"/en/manage/events/{at}/edit", {**MEETING, **changes, "version": version}
    )
    assert response.status_code == 303, response.get_data(as_text=True)
    return response


def cancel(app, client, slug: str):
    with app.app_context():
        version = stored(slug).version
    post_form(
        client, f"/en/manage/events/{slug}/status", {"status": "cancelled", "version": version}
    )


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda app, client, slug: cancel(app, client, slug), id="cancelled"),
        pytest.param(
            lambda app, client, slug: edit(
                app, client, slug, timezone="Africa/Abidjan", country="CI"
            ),
            id="time zone",
        ),
        pytest.param(
            lambda app, client, slug: edit(app, client, slug, **{"venue-en": "Radisson Blu"}),
            id="venue",
        ),
        pytest.param(
            lambda app, client, slug: edit(
                app, client, slug, starts_on="2031-06-10", ends_on="2031-06-11"
            ),
            id="dates",
        ),
    ],
)
def test_a_change_to_the_meeting_raises_each_items_sequence_and_last_modified(
    app, client, editor, meeting, change
):
    """RFC 5546 section 2.1.4: a new time, place or status needs a larger SEQUENCE; clients that
    replace an event only when SEQUENCE or LAST-MODIFIED grow must see the items change."""
    path = f"/en/events/{meeting}.ics"
    backdate(app, meeting)
    before = items_of(events(client, path))
    assert len(before) == 2
    change(app, editor, meeting)
    after = items_of(events(client, path))
    assert after.keys() == before.keys()  # the same events, updated
    for uid, item in after.items():
        assert item["sequence"] > before[uid]["sequence"], uid
        assert item.decoded("last-modified") > before[uid].decoded("last-modified"), uid
        assert item.decoded("dtstamp") == item.decoded("last-modified")


def test_an_edit_that_changes_no_time_place_or_status_keeps_the_sequence(
    app, client, editor, meeting
):
    path = f"/en/events/{meeting}.ics"
    before = events(client, path)
    edit(app, editor, meeting, **{"title-fr": "Dialogue régional sur la migration de travail"})
    after = events(client, path)
    assert {u: e["sequence"] for u, e in after.items()} == {
        u: e["sequence"] for u, e in before.items()
    }


def test_moving_a_meeting_moves_its_agenda_day_for_day(app, client, editor, meeting):
    response = edit(app, editor, meeting, starts_on="2031-06-10", ends_on="2031-06-11")
    page = editor.get(response.location).get_data(as_text=True)
    assert "The agenda moved with the meeting (2 items)." in text_of(page)
    starts = sorted(
        e.decoded("dtstart") for e in items_of(events(client, f"/en/events/{meeting}.ics")).values()
    )
    assert [s.date() for s in starts] == [date(2031, 6, 10), date(2031, 6, 11)]
    assert [s.hour for s in starts] == [9, 14]


def test_new_dates_that_would_strand_agenda_items_are_refused_and_name_them(
    app, client, editor, meeting
):
    """Shortened to its first day, the meeting would leave the second day's session on a day it
    no longer has, and the public would see it: the form names the item and saves nothing."""
    with app.app_context():
        version = stored(meeting).version
    response = post_form(
        editor,
        f"/en/manage/events/{meeting}/edit",
        {**MEETING, "ends_on": "2031-05-06", "version": version},
    )
    assert response.status_code == 400
    page = text_of(response.get_data(as_text=True))
    assert (
        "1 agenda item is on a day outside these dates: Session at 14:00 (Wednesday 7 May "
        "2031). Move it to another day or remove it first." in page
    )
    with app.app_context():
        assert stored(meeting).ends_on == date(2031, 5, 7)
    # Longer is fine: every item keeps its day.
    edit(app, editor, meeting, ends_on="2031-05-08")
    days = sorted(
        e.decoded("dtstart").date()
        for e in items_of(events(client, f"/en/events/{meeting}.ics")).values()
    )
    assert days == [date(2031, 5, 6), date(2031, 5, 7)]


def test_new_dates_of_another_length_offer_to_move_the_agenda_with_the_first_day(
    app, client, editor, meeting
):
    """6–7 May becoming 10–12 June leaves both sessions outside: the form names them and offers
    to move the agenda with the first day; ticked, every item moves 35 days, day for day."""
    with app.app_context():
        version = stored(meeting).version
    new_dates = {**MEETING, "starts_on": "2031-06-10", "ends_on": "2031-06-12", "version": version}
    response = post_form(editor, f"/en/manage/events/{meeting}/edit", new_dates)
    assert response.status_code == 400
    page = text_of(response.get_data(as_text=True))
    assert (
        "2 agenda items are on days outside these dates: Session at 9:00 (Tuesday 6 May "
        "2031); Session at 14:00 (Wednesday 7 May 2031). Tick “Move the agenda with the first "
        "day”, or move them to other days or remove them first." in page
    )
    assert "Every agenda item moves 35 days later, as the first day does." in page
    with app.app_context():
        assert stored(meeting).ends_on == date(2031, 5, 7)

    response = post_form(
        editor, f"/en/manage/events/{meeting}/edit", {**new_dates, "move_agenda": "y"}
    )
    assert response.status_code == 303, response.get_data(as_text=True)
    assert "The agenda moved with the meeting (2 items)." in text_of(
        editor.get(response.location).get_data(as_text=True)
    )
    starts = sorted(
        e.decoded("dtstart") for e in items_of(events(client, f"/en/events/{meeting}.ics")).values()
    )
    assert [(s.date(), s.hour) for s in starts] == [(date(2031, 6, 10), 9), (date(2031, 6, 11), 14)]


def test_moving_the_agenda_is_offered_only_where_it_places_every_item(app, client, editor, meeting):
    """Shortened to its first day, no move of the whole agenda fits: the box is not offered,
    and a request ticking it anyway saves nothing."""
    with app.app_context():
        version = stored(meeting).version
    shortened = {**MEETING, "ends_on": "2031-05-06", "version": version}
    for data in (shortened, {**shortened, "move_agenda": "y"}):
        response = post_form(editor, f"/en/manage/events/{meeting}/edit", data)
        assert response.status_code == 400
        page = text_of(response.get_data(as_text=True))
        assert "Move the agenda with the first day" not in page
        assert "Move it to another day or remove it first." in page
    with app.app_context():
        assert stored(meeting).ends_on == date(2031, 5, 7)
    # Lengthened at the end: every item keeps its day, and nothing is offered.
    page = editor.get(f"/en/manage/events/{meeting}/edit").get_data(as_text=True)
    assert "Move the agenda with the first day" not in page


def test_an_office_renamed_raises_the_last_modified_of_the_meetings_it_organizes(
    app, client, make_event
):
    """ORGANIZER names the office: its new name is a change of the event."""
    event = make_event()
    with app.app_context():
        office = Office(
            slug=f"office-{event.slug}", kind=OfficeKind.COUNTRY_OFFICE,
            name=Translated(en="IOM Senegal"), country="SN",
        )  # fmt: skip
        db.session.add(office)
        db.session.flush()
        db.session.add(
            EventOrganizer(event_id=event.id, office_id=office.id, role=OrganizerRole.ORGANIZER)
        )
        db.session.commit()
        office_id = office.id
    backdate(app, event.slug)
    with app.app_context():
        db.session.execute(
            update(Office).where(Office.id == office_id).values(updated_at=A_WHILE_AGO)
        )
        db.session.commit()
    path = f"/en/events/{event.slug}.ics"
    (before,) = events(client, path).values()
    with app.app_context():
        db.session.get(Office, office_id).name = Translated(en="IOM Dakar")
        db.session.commit()
    (after,) = events(client, path).values()
    assert after["organizer"].params["CN"] == "IOM Dakar"
    assert after.decoded("last-modified") > before.decoded("last-modified")
    with app.app_context():
        db.session.execute(
            EventOrganizer.__table__.delete().where(EventOrganizer.office_id == office_id)
        )
        db.session.delete(db.session.get(Office, office_id))
        db.session.commit()


# --- withdrawn meetings ------------------------------------------------------------------------


def status(app, client, slug: str, value: str):
    with app.app_context():
        version = stored(slug).version
    return post_form(
        client, f"/en/manage/events/{slug}/status", {"status": value, "version": version}
    )


@pytest.mark.parametrize("how", ["back to draft", "trash"])
def test_a_withdrawn_meeting_tells_its_subscribers_instead_of_vanishing(
    app, client, editor, meeting, how
):
    """A 404 or 410 leaves every client's stale copy in place: the feed keeps answering, with
    its events cancelled and saying why, and the lists drop the meeting."""
    path = f"/fr/events/{meeting}.ics"
    before = events(client, path)
    assert meeting.encode() in client.get("/fr/events.ics").data
    if how == "trash":
        with app.app_context():
            version = stored(meeting).version
        post_form(editor, f"/en/manage/events/{meeting}/remove", {"version": version})
    else:
        status(app, editor, meeting, "draft")
    assert client.get(f"/fr/events/{meeting}/").status_code == 404
    after = events(client, path)
    assert after.keys() == before.keys()
    for uid, entry in after.items():
        assert str(entry["status"]) == "CANCELLED"
        assert str(entry["summary"]).startswith("Retiré\u00a0: ")
        assert str(entry["description"]).startswith(
            "Cette réunion n’est plus publiée sur le site des réunions de l’OIM"
        )
        assert entry["sequence"] > before[uid]["sequence"]
    assert meeting.encode() not in client.get("/fr/events.ics").data


def test_a_withdrawn_meetings_feed_never_shows_what_staff_write_in_the_draft(
    app, client, editor, meeting
):
    """Back in draft, a meeting is edited in private: its feed keeps what the public saw."""
    path = f"/en/events/{meeting}.ics"
    status(app, editor, meeting, "draft")
    withdrawn = client.get(path)
    edit(
        app, editor, meeting, starts_on="2032-02-02", ends_on="2032-02-03",
        **{"title-en": "SECRET new title", "venue-en": "Secret venue",
           "description-en": "Confidential notes."},
    )  # fmt: skip
    with app.app_context():
        db.session.add(
            AgendaItem(
                event_id=stored(meeting).id,
                day=date(2032, 2, 2),
                starts_at=time(8),
                kind=AgendaItemKind.SESSION,
                title=Translated(en="Secret bilateral"),
            )
        )
        db.session.commit()
    after = client.get(path)
    assert after.data == withdrawn.data and after.headers["ETag"] == withdrawn.headers["ETag"]
    for secret in (b"SECRET", b"Secret", b"Confidential", b"2032"):
        assert secret not in after.data
    assert b"Regional dialogue on labour migration" in after.data
    assert client.get(path, headers={"If-None-Match": withdrawn.headers["ETag"]}).status_code == 304


def test_a_meeting_published_again_is_back_in_its_feed(app, client, editor, meeting):
    status(app, editor, meeting, "draft")
    status(app, editor, meeting, "published")
    for entry in events(client, f"/en/events/{meeting}.ics").values():
        assert str(entry["status"]) == "CONFIRMED"
        assert not str(entry["summary"]).startswith("Withdrawn")


# --- renamed meetings and offices ----------------------------------------------------------------


def test_a_renamed_meeting_answers_301_at_its_old_address(app, client, editor, meeting):
    edit(app, editor, meeting, slug="dakar-dialogue-2031")
    try:
        for old, new in (
            (f"/en/events/{meeting}/", "/en/events/dakar-dialogue-2031/"),
            (f"/fr/events/{meeting}.ics", "/fr/events/dakar-dialogue-2031.ics"),
            (
                f"/fr/events/{meeting}.ics?lang=es&slug=x&_anchor=y",
                "/fr/events/dakar-dialogue-2031.ics?lang=es&slug=x&_anchor=y",
            ),
            (f"/api/v1/meetings/{meeting}?lang=es", "/api/v1/meetings/dakar-dialogue-2031?lang=es"),
            (
                f"/en/events/{meeting}/documents/en.zip",
                "/en/events/dakar-dialogue-2031/documents/en.zip",
            ),
        ):
            response = client.get(old)
            assert response.status_code == 301, old
            assert response.location == new
        assert client.get("/fr/events/dakar-dialogue-2031.ics").status_code == 200
        assert client.get("/en/events/no-such-meeting-ever/").status_code == 404
    finally:
        edit(app, editor, "dakar-dialogue-2031", slug=meeting)
    # Back at its first address: that one is its own again, and the second one leads there.
    assert client.get(f"/en/events/{meeting}/").status_code == 200
    assert client.get("/en/events/dakar-dialogue-2031/").location == f"/en/events/{meeting}/"


def test_no_other_meeting_may_take_a_former_address(app, editor, meeting):
    edit(app, editor, meeting, slug=f"{meeting}-renamed")
    try:
        response = post_form(editor, "/en/manage/events/new", {**MEETING, "slug": meeting})
        assert response.status_code == 400
        assert "Another meeting had this address before, and it still leads there." in (
            response.get_data(as_text=True)
        )
        made = post_form(editor, "/en/manage/events/new", {**MEETING, "slug": ""})
        assert made.status_code == 303
        made_slug = made.location.rstrip("/").rsplit("/", 1)[1]
        assert made_slug not in (meeting, f"{meeting}-renamed")  # the title's slug, numbered
    finally:
        edit(app, editor, f"{meeting}-renamed", slug=meeting)
        with app.app_context():
            db.session.delete(stored(made_slug))
            db.session.commit()


def test_a_renamed_office_answers_301_at_its_old_address(app, client, admin):
    with app.app_context():
        office = Office(
            slug="iom-lome", kind=OfficeKind.COUNTRY_OFFICE, name=Translated(en="IOM Togo"),
            country="TG", position=950,
        )  # fmt: skip
        db.session.add(office)
        db.session.commit()
        version = office.version
    form = {
        "slug": "iom-togo", "kind": "country_office", "name-en": "IOM Togo", "country": "TG",
        "position": "950", "version": version,
    }  # fmt: skip
    try:
        assert post_form(admin, "/en/manage/offices/iom-lome/edit", form).status_code == 303
        assert client.get("/es/offices/iom-lome/").location == "/es/offices/iom-togo/"
        assert client.get("/es/offices/iom-lome.ics?year=2020").location == (
            "/es/offices/iom-togo.ics?year=2020"
        )
        assert client.get("/api/v1/offices/iom-lome").location == "/api/v1/offices/iom-togo"
        # Lists, feeds and searches filtered by the old address follow it too.
        for old, new in (
            (
                "/en/events.ics?office=iom-lome&year=2020",
                "/en/events.ics?office=iom-togo&year=2020",
            ),
            (
                "/fr/events/?kind=workshop&office=iom-lome",
                "/fr/events/?kind=workshop&office=iom-togo",
            ),
            ("/api/v1/meetings?office=iom-lome", "/api/v1/meetings?office=iom-togo"),
            ("/en/search?q=labour&office=iom-lome", "/en/search?q=labour&office=iom-togo"),
            ("/en/search?office=iom-lome", "/en/search?office=iom-togo"),
        ):
            response = client.get(old)
            assert (response.status_code, response.location) == (301, new), old
    finally:
        with app.app_context():
            db.session.delete(db.session.scalar(select(Office).where(Office.slug == "iom-togo")))
            db.session.commit()


# --- validators as clients use them -------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    ["/en/events/{slug}.ics", "/en/events.ics", "/en/events/{slug}/", "/api/v1/meetings/{slug}"],
)
def test_a_client_revalidating_never_gets_304_for_changed_content(app, client, make_event, path):
    """Fetch, change, fetch again with If-None-Match, and with If-Modified-Since alone (what
    some clients send): a changed answer always comes back whole."""
    event = make_event(title=Translated(en="Before the change"))
    url = path.format(slug=event.slug)
    first = client.get(url)
    assert first.status_code == 200 and b"Before the change" in first.data
    etag = first.headers["ETag"]
    assert client.get(url, headers={"If-None-Match": etag}).status_code == 304
    with app.app_context():
        db.session.get(Event, event.id).title = Translated(en="After the change")
        db.session.commit()
    by_tag = client.get(url, headers={"If-None-Match": etag})
    assert by_tag.status_code == 200 and b"After the change" in by_tag.data
    tomorrow = (datetime.now(UTC) + timedelta(days=1)).strftime("%a, %d %b %Y %H:%M:%S GMT")
    by_date = client.get(url, headers={"If-Modified-Since": tomorrow})
    assert by_date.status_code == 200 and b"After the change" in by_date.data
    assert re.fullmatch(r'W/"[0-9a-f]{40}"', by_tag.headers["ETag"])


@pytest.mark.parametrize("day", ["0027-05-06", "9999-12-31", "1950-12-31", "2101-01-01"])
def test_a_meeting_day_outside_1951_to_2100_is_refused_before_it_reaches_a_feed(editor, day):
    """Year 0027 (a browser's reading of "27") or 9999 would make every list feed fail."""
    response = post_form(
        editor, "/fr/manage/events/new", {**MEETING, "starts_on": day, "ends_on": day}
    )
    assert response.status_code == 400
    assert "Saisissez un jour entre 1951 et 2100." in text_of(response.get_data(as_text=True))


def test_a_drafts_former_address_reveals_nothing_to_the_public(app, client, editor):
    """Renamed while a draft, a meeting stays unknown at both addresses; staff are led on."""
    made = post_form(editor, "/en/manage/events/new", {**MEETING, "slug": "quiet-draft-a"})
    assert made.status_code == 303
    try:
        edit(app, editor, "quiet-draft-a", slug="quiet-draft-b")
        for path in (
            "/en/events/quiet-draft-a/",
            "/en/events/quiet-draft-a.ics",
            "/api/v1/meetings/quiet-draft-a",
            "/en/events/quiet-draft-a/documents/en.zip",
        ):
            response = client.get(path)
            assert response.status_code == 404, path
            assert b"quiet-draft-b" not in response.data
        staff_page = editor.get("/en/manage/events/quiet-draft-a/")
        assert staff_page.status_code == 301
        assert staff_page.location == "/en/manage/events/quiet-draft-b/"
    finally:
        with app.app_context():
            db.session.delete(stored("quiet-draft-b"))
            db.session.commit()


def test_a_withdrawn_meeting_answers_at_every_address_the_public_knew_and_no_other(
    app, client, editor, meeting
):
    """Renamed while public (old address known), withdrawn, then renamed again as a draft:
    both public addresses keep telling subscribers; the draft's new one is nobody's business."""
    edit(app, editor, meeting, slug=f"{meeting}-second")
    status(app, editor, f"{meeting}-second", "draft")
    withdrawn = client.get(f"/en/events/{meeting}-second.ics")
    assert withdrawn.status_code == 200 and b"STATUS:CANCELLED" in withdrawn.data
    edit(app, editor, f"{meeting}-second", slug=f"{meeting}-secret")
    try:
        for known in (meeting, f"{meeting}-second"):
            response = client.get(f"/en/events/{known}.ics")
            assert response.status_code == 200, known
            assert response.data == withdrawn.data
        assert client.get(f"/en/events/{meeting}-secret.ics").status_code == 404
        assert client.get(f"/en/events/{meeting}-secret/").status_code == 404
        assert client.get(f"/en/events/{meeting}/").status_code == 404  # no 301 to a draft
    finally:
        edit(app, editor, f"{meeting}-secret", slug=meeting)


def test_an_item_restored_after_its_day_left_the_meeting_lands_on_a_day_it_has(
    app, client, editor, admin, meeting
):
    with app.app_context():
        item = db.session.scalar(
            select(AgendaItem).where(
                AgendaItem.event_id == stored(meeting).id, AgendaItem.day == date(2031, 5, 7)
            )
        )
        item.remove()
        db.session.commit()
        item_id = item.id
    edit(app, editor, meeting, ends_on="2031-05-06")  # nothing live is left outside: accepted
    response = post_form(
        admin,
        f"/en/manage/trash/agenda_item/{item_id}/restore",
        {},
        path_for_token="/en/manage/trash/",
        follow_redirects=True,
    )
    assert "Its day, Wednesday 7 May 2031, is no longer a day of the meeting" in text_of(
        response.get_data(as_text=True)
    )
    days = {
        e.decoded("dtstart").date()
        for e in items_of(events(client, f"/en/events/{meeting}.ics")).values()
    }
    assert days == {date(2031, 5, 6)}


def test_a_form_saved_while_a_colleague_renamed_the_meeting_keeps_what_was_typed(
    app, editor, admin, meeting
):
    """The form posts to the old address: 308 sends it on, with what was typed, to the new
    one (browsers post the same body again; the test client cannot), which merges it with the
    rename."""
    with app.app_context():
        version = stored(meeting).version
    edit(app, admin, meeting, slug=f"{meeting}-renamed")
    # The form was opened before the rename: its address field still shows the old slug.
    typed = {**MEETING, "version": version, "title-fr": "Titre tapé par l’autre", "slug": meeting}
    try:
        sent = post_form(editor, f"/en/manage/events/{meeting}/edit", typed)
        assert sent.status_code == 308
        assert sent.location == f"/en/manage/events/{meeting}-renamed/edit"
        again = post_form(editor, sent.location, typed)
        assert again.status_code == 303  # not the same field: both changes are kept
        with app.app_context():
            assert stored(f"{meeting}-renamed").title["fr"] == "Titre tapé par l’autre"
        # The rename stands, and the old address still leads to the new one.
        assert editor.get(f"/en/events/{meeting}-renamed/").status_code == 200
        old = editor.get(f"/en/events/{meeting}/")
        assert (old.status_code, old.location) == (301, f"/en/events/{meeting}-renamed/")
    finally:
        edit(app, admin, f"{meeting}-renamed", slug=meeting)


def test_a_colleagues_new_address_survives_a_save_of_other_fields(
    app, editor, admin, meeting, make_event
):
    """Both opened the form of a side event; one renames it and changes its city, the other
    changes its venue: the rename, the city and the venue all stand, and the old address leads
    on. (Finding the parent meeting is a query: it must not write the form's address early.)"""
    parent = make_event(status=EventStatus.PUBLISHED).slug
    edit(app, admin, meeting, parent_slug=parent)
    with app.app_context():
        version = stored(meeting).version
    edit(
        app, admin, meeting, slug=f"{meeting}-renamed", parent_slug=parent,
        **{"city-en": "Saint-Louis"},
    )  # fmt: skip
    typed = {
        **MEETING, "version": version, "slug": meeting, "parent_slug": parent,
        "venue-en": "Radisson Blu",
    }  # fmt: skip
    try:
        sent = post_form(editor, f"/en/manage/events/{meeting}/edit", typed)
        assert sent.status_code == 308
        again = post_form(editor, sent.location, typed)
        assert again.status_code == 303, again.get_data(as_text=True)
        with app.app_context():
            saved = stored(f"{meeting}-renamed")
            assert saved is not None
            assert (saved.city["en"], saved.venue["en"]) == ("Saint-Louis", "Radisson Blu")
        old = editor.get(f"/en/events/{meeting}/")
        assert (old.status_code, old.location) == (301, f"/en/events/{meeting}-renamed/")
    finally:
        edit(app, admin, f"{meeting}-renamed", slug=meeting)
