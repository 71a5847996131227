"""The history hook: every change to a record staff edit, field by field, collections included."""

from datetime import date

from sqlalchemy import select

from iom_events.agenda.models import AgendaItem, AgendaItemKind
from iom_events.audit.models import AuditEntry
from iom_events.delegations.models import Participant, ParticipantRole
from iom_events.extensions import db
from iom_events.translated import Translated


def entries_for(record) -> list[AuditEntry]:
    return list(
        db.session.scalars(
            select(AuditEntry)
            .where(
                AuditEntry.object_type == type(record).__name__, AuditEntry.object_id == record.id
            )
            .order_by(AuditEntry.id)
        )
    )


def test_changing_only_the_speakers_is_an_edit_with_its_own_history(app, make_event):
    event = make_event()
    with app.app_context():
        ana = Participant(event_id=event.id, name="Ana", role=ParticipantRole.SPEAKER)
        ben = Participant(event_id=event.id, name="Ben", role=ParticipantRole.SPEAKER)
        item = AgendaItem(event_id=event.id, day=date(2030, 1, 10), kind=AgendaItemKind.SESSION,
                          title=Translated(en="Panel"), speakers=[ana])  # fmt: skip
        db.session.add_all([ana, ben, item])
        db.session.commit()
        version = item.version
        assert entries_for(item)[-1].changes["speakers"] == [None, ["Ana"]]

        item.speakers.append(ben)
        db.session.commit()
        assert item.version == version + 1  # a concurrent editor would now get a conflict
        last = entries_for(item)[-1]
        assert last.action == "update"
        assert last.changes == {"speakers": [["Ana"], ["Ana", "Ben"]]}


def test_an_unchanged_save_writes_no_history(app, make_event):
    event = make_event()
    with app.app_context():
        item = AgendaItem(event_id=event.id, day=date(2030, 1, 10), kind=AgendaItemKind.SESSION,
                          title=Translated(en="Panel"))  # fmt: skip
        db.session.add(item)
        db.session.commit()
        count = len(entries_for(item))
        item.title = Translated(en="Panel")
        db.session.commit()
        assert len(entries_for(item)) == count
