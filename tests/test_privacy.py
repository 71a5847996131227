"""Participants' contact data, and private participants, never reach a public page."""

from iom_events.delegations.models import Delegation, DelegationKind, Participant, ParticipantRole
from iom_events.extensions import db
from iom_events.i18n import Translated


def test_contact_data_and_private_people_stay_off_the_meeting_page(client, app, make_event):
    event = make_event()
    with app.app_context():
        delegation = Delegation(
            event_id=event.id, kind=DelegationKind.MEMBER_STATE, name=Translated(en="Freedonia")
        )
        db.session.add_all(
            [
                Participant(
                    event_id=event.id,
                    delegation=delegation,
                    name="Rufus T. Firefly",
                    role=ParticipantRole.HEAD_OF_DELEGATION,
                    email="rufus@freedonia.test",
                    phone="+41225551234",
                ),
                Participant(
                    event_id=event.id,
                    delegation=delegation,
                    name="Hidden Person",
                    role=ParticipantRole.DELEGATE,
                    is_public=False,
                ),
            ]
        )
        db.session.commit()
    html = client.get(f"/en/events/{event.slug}/").get_data(as_text=True)
    assert "Rufus T. Firefly" in html and "Head of delegation" in html
    assert "rufus@freedonia.test" not in html
    assert "5551234" not in html
    assert "Hidden Person" not in html
