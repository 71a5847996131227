"""Texts saved before forms kept them on one line (imported data, the API of a later release)
never break a feed: the feed writer itself folds line breaks in one-line properties and drops
control characters, which RFC 5545 does not allow in TEXT (section 3.3.11). Every feed a test is
served goes through the feed check (tests/feedcheck): four parsers read it."""

from datetime import date

from icalendar import Calendar

from iom_events.agenda.models import AgendaItem, AgendaItemKind
from iom_events.events.models import EventOrganizer, OrganizerRole
from iom_events.extensions import db
from iom_events.translated import Translated

# No NUL: PostgreSQL stores none (forms drop it, tests/test_hostile_forms.py).
HOSTILE = "Opening\r\nsession\x01 with\x0b a\x1b\ttab\u2028and more"


def test_line_breaks_and_control_characters_in_saved_texts_do_not_break_the_feed(
    app, client, make_event
):
    event = make_event(
        title=Translated(en=HOSTILE),
        venue=Translated(en="Palais\ndes Nations\x07"),
        description=Translated(en="First\x02 paragraph.\n\nSecond\x01 one."),
    )
    with app.app_context():
        db.session.add_all(
            [
                AgendaItem(
                    event_id=event.id,
                    day=event.starts_on,
                    starts_at=None,
                    kind=AgendaItemKind.SESSION,
                    title=Translated(en=HOSTILE),
                ),
                EventOrganizer(
                    event_id=event.id, role=OrganizerRole.HOST, name=Translated(en="Host\r\nA")
                ),
            ]
        )
        db.session.commit()
    response = client.get(f"/en/events/{event.slug}.ics")
    assert response.status_code == 200
    feed = Calendar.from_ical(response.get_data())
    meeting = next(c for c in feed.walk("VEVENT") if c.get("uid") == event.uid)
    assert str(meeting["summary"]) == "Opening session with a tab and more"
    assert str(meeting["location"]).startswith("Palais des Nations")
    assert "First paragraph.\n\nSecond one." in str(meeting["description"])
    assert not any(chr(code) in response.get_data(as_text=True) for code in (1, 2, 7, 0x1B))


def test_a_meeting_saved_with_absurd_dates_still_has_a_feed_and_a_page(client, make_event):
    event = make_event(starts_on=date(2009, 6, 4), ends_on=date(9999, 12, 31))
    assert client.get(f"/en/events/{event.slug}.ics").status_code == 200
    assert client.get(f"/en/events/{event.slug}/").status_code == 200
