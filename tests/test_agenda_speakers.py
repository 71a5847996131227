"""An agenda item's speakers (issue 16, item 7): ticked in a list of the meeting's participants,
grouped by delegation, or typed under "Add a person" and created with the item, in the same
transaction. Nothing typed is lost: a refused save (an error, a colleague's change, the trash)
creates nobody and shows everything typed again."""

import re
from types import SimpleNamespace

import pytest
from factories import stored
from sqlalchemy import select
from sqlalchemy.orm import Session
from test_merge import changed, form_of, opened, send

from iom_events.agenda.manage import AgendaEditor
from iom_events.agenda.models import AgendaItem, AgendaItemKind
from iom_events.audit.models import AuditAction, AuditEntry
from iom_events.delegations.models import Delegation, DelegationKind, Participant, ParticipantRole
from iom_events.events.models import Event, EventStatus
from iom_events.extensions import db
from iom_events.translated import Translated

from pages import text_of
from staff import post_form

DAY = "2030-01-10"


@pytest.fixture
def meeting(app, make_event):
    """A published meeting in English with two delegations, three participants (one of no
    delegation) and one item, "Round table", whose speaker is Ana Pérez."""
    event = make_event(title=Translated(en="Speakers meeting"), status=EventStatus.PUBLISHED)
    with app.app_context():
        senegal = Delegation(
            event_id=event.id,
            kind=DelegationKind.MEMBER_STATE,
            name=Translated(en="Senegal", fr="Sénégal"),
            position=0,
        )
        observers = Delegation(
            event_id=event.id, kind=DelegationKind.OBSERVER, name=Translated(en="Observers"),
            position=1,
        )  # fmt: skip
        ana = Participant(
            event_id=event.id,
            name="Ana Pérez",
            function=Translated(en="Minister", fr="Ministre"),
            role=ParticipantRole.HEAD_OF_DELEGATION,
            delegation=senegal,
            position=2,
        )
        ben = Participant(
            event_id=event.id, name="Ben Okafor", function=Translated(en="Ambassador"),
            role=ParticipantRole.DELEGATE, delegation=observers, position=0,
        )  # fmt: skip
        chen = Participant(
            event_id=event.id, name="Chen Wei", role=ParticipantRole.SECRETARIAT, position=1
        )
        item = AgendaItem(
            event_id=event.id,
            day=event.starts_on,
            kind=AgendaItemKind.SESSION,
            title=Translated(en="Round table"),
            speakers=[ana],
        )
        db.session.add_all([senegal, observers, ana, ben, chen, item])
        db.session.commit()
        made = SimpleNamespace(
            id=event.id,
            slug=event.slug,
            senegal=senegal.id,
            observers=observers.id,
            ana=ana.id,
            ben=ben.id,
            chen=chen.id,
            item=item.id,
        )
        db.session.remove()
    return made


def new_path(meeting) -> str:
    return f"/en/manage/events/{meeting.slug}/agenda/new"


def edit_path(meeting) -> str:
    return f"/en/manage/events/{meeting.slug}/agenda/{meeting.item}/edit"


def new_item(client, meeting, **fields):
    data = {"day": DAY, "kind": "session", "title-en": "Keynote", **fields}
    return post_form(client, new_path(meeting), data, "/en/manage/")


def people_of(app, meeting) -> list[Participant]:
    """The meeting's participants, in the trash or not."""
    with app.app_context():
        statement = select(Participant).where(Participant.event_id == meeting.id)
        people = db.session.scalars(statement, execution_options={"include_removed": True})
        found = list(people)
        db.session.expunge_all()
        db.session.remove()
        return found


def names_of(app, meeting) -> list[str]:
    return [person.name for person in people_of(app, meeting)]


def person_named(app, meeting, name: str) -> Participant:
    (person,) = [person for person in people_of(app, meeting) if person.name == name]
    return person


def speakers_of(app, item_id: int) -> list[str]:
    with app.app_context():
        names = [person.name for person in db.session.get(AgendaItem, item_id).speakers]
        db.session.remove()
        return names


def items_titled(app, meeting, title: str) -> list[int]:
    with app.app_context():
        statement = select(AgendaItem).where(AgendaItem.event_id == meeting.id)
        items = db.session.scalars(statement, execution_options={"include_removed": True})
        found = [item.id for item in items if item.title.get("en") == title]
        db.session.remove()
        return found


def typed_person_is_kept(html: str, name: str, function: str, delegation: int | None) -> None:
    form = form_of(html)
    assert form["new_speaker_name"] == [name]
    assert form["new_speaker_function"] == [function]
    assert form.get("new_speaker_delegation", [""]) == [str(delegation or "")]


def trash(client, path: str, version: int) -> None:
    response = post_form(client, path, {"version": version}, "/en/manage/")
    assert response.status_code == 303


# --- the list, without JavaScript --------------------------------------------------------------


def test_the_speakers_are_checkboxes_by_delegation_with_a_way_to_add_a_person(editor, meeting):
    html = editor.get(edit_path(meeting)).get_data(as_text=True)
    page = text_of(html)
    groups = re.findall(r"<legend>([^<]+)</legend>\s*<div class=\"checkbox\"", html)
    assert groups == ["Senegal", "Observers", "No delegation"]  # the meeting's order
    assert re.search(
        rf'<input checked id="(speakers-\d)" name="speakers" type="checkbox" '
        rf'value="{meeting.ana}"> '
        r'<label for="\1">Ana Pérez, Minister</label>',
        html,
    )
    assert f'value="{meeting.ben}"> <label for="speakers-1">Ben Okafor, Ambassador</label>' in html
    assert "Tick the participants who speak." in page and "Hold Ctrl" not in page
    assert "Add a person" in page and "Function (English)" in page
    # The search box is there for the script to show; hidden without it.
    assert re.search(r'<div class="speaker-search" data-speaker-search hidden>', html)
    assert '<script src="/static/js/speakers.js" defer></script>' in html


def test_a_person_added_with_a_new_item_is_a_public_speaker_of_the_meeting(
    app, client, editor, meeting
):
    response = new_item(
        editor,
        meeting,
        speakers=[str(meeting.ben)],
        new_speaker_name="  Dina Haddad ",
        new_speaker_function="Director of migration",
        new_speaker_delegation=str(meeting.senegal),
    )

    assert response.status_code == 303, text_of(response.get_data(as_text=True))
    (item_id,) = items_titled(app, meeting, "Keynote")
    assert speakers_of(app, item_id) == ["Ben Okafor", "Dina Haddad"]
    dina = person_named(app, meeting, "Dina Haddad")
    assert dina.role == ParticipantRole.SPEAKER and dina.is_public
    assert dict(dina.function) == {"en": "Director of migration"}
    assert dina.delegation_id == meeting.senegal
    assert dina.position == 3  # after the meeting's others
    with app.app_context():
        created = db.session.scalar(
            select(AuditEntry).where(
                AuditEntry.object_type == "Participant", AuditEntry.object_id == dina.id
            )
        )
        assert created.action == AuditAction.CREATE
        db.session.remove()
    public = text_of(client.get(f"/en/events/{meeting.slug}/").get_data(as_text=True))
    assert "Dina Haddad, Director of migration" in public
    # ...and she is in the list of the next item's form, under her delegation.
    html = editor.get(new_path(meeting)).get_data(as_text=True)
    senegal = html[
        html.index("<legend>Senegal</legend>") : html.index("<legend>Observers</legend>")
    ]
    assert "Dina Haddad, Director of migration" in senegal


def test_a_person_added_on_the_edit_form_joins_the_speakers_ticked(app, editor, meeting):
    form = opened(editor, edit_path(meeting))
    typed = {**form, "speakers": [str(meeting.ana), str(meeting.chen)],
             "new_speaker_name": ["Eve Martin"], "new_speaker_function": [""],
             "new_speaker_delegation": [""]}  # fmt: skip

    response = send(editor, edit_path(meeting), typed)

    assert response.status_code == 303, text_of(response.get_data(as_text=True))
    # In the meeting's order of participants: Eve, added, comes last.
    assert speakers_of(app, meeting.item) == ["Chen Wei", "Ana Pérez", "Eve Martin"]
    eve = person_named(app, meeting, "Eve Martin")
    assert eve.function is None and eve.delegation_id is None


@pytest.mark.parametrize("typed", ["ana perez", "ANA  PÉREZ", " Ana Pérez"])
def test_the_name_of_a_participant_is_refused_naming_them(app, editor, meeting, typed):
    response = new_item(
        editor, meeting, new_speaker_name=typed, new_speaker_function="Minister of labour"
    )

    assert response.status_code == 400
    html = response.get_data(as_text=True)
    said = "“Ana Pérez, Minister” is already a participant of the meeting: tick them in the list"
    assert said in text_of(html)
    assert re.search(r'<p class="error" id="new_speaker_name-error">“Ana Pérez', html)
    assert form_of(html)["new_speaker_name"] == [typed.strip()]
    assert form_of(html)["new_speaker_function"] == ["Minister of labour"]
    assert len(people_of(app, meeting)) == 3 and items_titled(app, meeting, "Keynote") == []


def test_the_name_of_a_participant_in_the_trash_is_refused(app, editor, admin, meeting):
    base = f"/en/manage/events/{meeting.slug}/delegations/participants/{meeting.chen}"
    trash(admin, f"{base}/remove", stored(app, Participant, meeting.chen).version)

    response = new_item(editor, meeting, new_speaker_name="chen wei")

    assert response.status_code == 400
    assert (
        "“Chen Wei” is a participant of this meeting in the trash: restore them from the trash"
        in text_of(response.get_data(as_text=True))
    )
    assert len(people_of(app, meeting)) == 3 and items_titled(app, meeting, "Keynote") == []


def test_a_function_or_delegation_without_a_name_is_refused_and_kept(app, editor, meeting):
    response = new_item(
        editor,
        meeting,
        new_speaker_function="Special envoy",
        new_speaker_delegation=str(meeting.observers),
    )

    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "Enter the new person's name, or empty their function and delegation." in html
    typed_person_is_kept(html, "", "Special envoy", meeting.observers)
    assert items_titled(app, meeting, "Keynote") == []


def test_an_error_elsewhere_creates_nobody_and_keeps_the_person_typed(app, editor, meeting):
    response = new_item(
        editor,
        meeting,
        **{"title-en": ""},
        speakers=[str(meeting.ben)],
        new_speaker_name="Dina Haddad",
        new_speaker_function="Director",
        new_speaker_delegation=str(meeting.senegal),
    )

    assert response.status_code == 400
    html = response.get_data(as_text=True)
    typed_person_is_kept(html, "Dina Haddad", "Director", meeting.senegal)
    assert form_of(html)["speakers"] == [str(meeting.ben)]
    assert "Dina Haddad" not in names_of(app, meeting)


def test_a_delegation_moved_to_the_trash_meanwhile_is_refused(app, editor, admin, meeting):
    form = editor.get(new_path(meeting)).get_data(as_text=True)
    assert f'<option value="{meeting.observers}">Observers</option>' in form
    base = f"/en/manage/events/{meeting.slug}/delegations/{meeting.observers}"
    trash(admin, f"{base}/remove", stored(app, Delegation, meeting.observers).version)

    response = new_item(
        editor, meeting, new_speaker_name="Dina Haddad", new_speaker_delegation=meeting.observers
    )

    assert response.status_code == 400
    assert "This delegation is no longer one of the meeting's" in text_of(
        response.get_data(as_text=True)
    )
    assert "Dina Haddad" not in names_of(app, meeting)


# --- a refused save creates nobody --------------------------------------------------------------


def test_a_clash_creates_nobody_until_the_editor_chooses_their_speakers(
    app, editor, admin, meeting
):
    path = edit_path(meeting)
    form_a, form_b = opened(editor, path), opened(admin, path)
    assert send(editor, path, {**form_a, "speakers": [str(meeting.ben)]}).status_code == 303
    mine = {**form_b, "speakers": [str(meeting.ana)], "new_speaker_name": ["Dina Haddad"],
            "new_speaker_function": ["Director"],
            "new_speaker_delegation": [str(meeting.senegal)]}  # fmt: skip

    response = send(admin, path, mine)

    assert response.status_code == 409
    html = response.get_data(as_text=True)
    assert "Ana Pérez, Dina Haddad" in text_of(html)  # "yours", in the clash
    typed_person_is_kept(html, "Dina Haddad", "Director", meeting.senegal)
    assert "Dina Haddad" not in names_of(app, meeting)
    assert speakers_of(app, meeting.item) == ["Ben Okafor"]

    again = send(admin, path, changed(form_of(html), merge__speakers="mine"))
    assert again.status_code == 303, text_of(again.get_data(as_text=True))
    assert speakers_of(app, meeting.item) == ["Ana Pérez", "Dina Haddad"]
    assert names_of(app, meeting).count("Dina Haddad") == 1


def test_the_item_in_the_trash_meanwhile_creates_nobody_until_restored(app, editor, admin, meeting):
    path = edit_path(meeting)
    form = opened(admin, path)
    remove = f"/en/manage/events/{meeting.slug}/agenda/{meeting.item}/remove"
    trash(editor, remove, stored(app, AgendaItem, meeting.item).version)
    typed = {**form, "new_speaker_name": ["Dina Haddad"], "new_speaker_function": ["Director"]}

    response = send(admin, path, typed)

    assert response.status_code == 409
    html = response.get_data(as_text=True)
    assert "This agenda item was moved to the trash by editor@iom.test" in text_of(html)
    typed_person_is_kept(html, "Dina Haddad", "Director", None)
    assert "Dina Haddad" not in names_of(app, meeting)

    restored = send(admin, path, {**form_of(html), "restore": ["yes"]})
    assert restored.status_code == 303, text_of(restored.get_data(as_text=True))
    assert speakers_of(app, meeting.item) == ["Ana Pérez", "Dina Haddad"]
    assert stored(app, AgendaItem, meeting.item).removed_at is None


@pytest.mark.parametrize("page", ["new", "edit"])
def test_the_meeting_in_the_trash_meanwhile_creates_nobody(app, editor, admin, meeting, page):
    path = new_path(meeting) if page == "new" else edit_path(meeting)
    form = opened(editor, path)
    if page == "new":
        form = {**form, "day": [DAY], "kind": ["session"], "title-en": ["Keynote"]}
    trash(admin, f"/en/manage/events/{meeting.slug}/remove", stored(app, Event, meeting.id).version)
    typed = {**form, "new_speaker_name": ["Dina Haddad"], "new_speaker_function": ["Director"]}

    response = send(editor, path, typed)

    assert response.status_code == 409
    html = response.get_data(as_text=True)
    assert "The meeting “Speakers meeting” was moved to the trash by admin@iom.test" in (
        text_of(html)
    )
    typed_person_is_kept(html, "Dina Haddad", "Director", None)
    assert "Dina Haddad" not in names_of(app, meeting)


def test_a_speaker_in_the_trash_stays_linked_beside_a_person_added(app, editor, admin, meeting):
    path = edit_path(meeting)
    form = opened(editor, path)
    base = f"/en/manage/events/{meeting.slug}/delegations/participants/{meeting.ana}"
    trash(admin, f"{base}/remove", stored(app, Participant, meeting.ana).version)
    typed = {**form, "new_speaker_name": ["Dina Haddad"]}

    response = send(editor, path, typed)

    assert response.status_code == 303, text_of(response.get_data(as_text=True))
    assert speakers_of(app, meeting.item) == ["Dina Haddad"]  # Ana is in the trash: unseen...
    again = editor.get(path).get_data(as_text=True)
    assert "Ana Pérez, Minister (in the trash)" in text_of(again)
    post_form(admin, f"/en/manage/trash/participant/{meeting.ana}/restore", {}, "/en/manage/")
    assert speakers_of(app, meeting.item) == ["Ana Pérez", "Dina Haddad"]  # ...and back


def test_typing_the_name_of_a_speaker_in_the_trash_is_refused(app, editor, admin, meeting):
    base = f"/en/manage/events/{meeting.slug}/delegations/participants/{meeting.ana}"
    trash(admin, f"{base}/remove", stored(app, Participant, meeting.ana).version)
    form = opened(editor, edit_path(meeting))

    response = send(editor, edit_path(meeting), {**form, "new_speaker_name": ["Ana Perez"]})

    assert response.status_code == 400
    assert "“Ana Pérez, Minister (in the trash)” is already a participant" in text_of(
        response.get_data(as_text=True)
    )
    assert names_of(app, meeting).count("Ana Pérez") == 1


@pytest.mark.commits  # another connection commits meanwhile
@pytest.mark.parametrize("clashes", [False, True])
def test_a_change_landing_during_the_save_creates_the_person_once_or_not_at_all(
    app, editor, meeting, monkeypatch, clashes
):
    """A colleague's save committed between the check and the commit: the save is merged and
    retried (the person created once), or it clashes (created not at all)."""
    path = edit_path(meeting)
    form = opened(editor, path)
    original = AgendaEditor.also
    landed = []

    def also_a_colleague(self, form, item):
        first = original(self, form, item)

        def meanwhile():
            first()
            if not landed:
                landed.append(True)
                with app.app_context():
                    engine = db.engine
                with Session(bind=engine) as other:
                    record = other.get(AgendaItem, meeting.item)
                    if clashes:
                        record.title = Translated(en="Plenary")
                    else:
                        record.room = Translated(en="Hall 9")
                    other.commit()

        return meanwhile

    monkeypatch.setattr(AgendaEditor, "also", also_a_colleague)
    typed = changed(form, title__en="Round table on labour", new_speaker_name="Dina Haddad")

    response = send(editor, path, typed)

    assert landed
    names = names_of(app, meeting)
    if clashes:
        assert response.status_code == 409
        typed_person_is_kept(response.get_data(as_text=True), "Dina Haddad", "", None)
        assert "Dina Haddad" not in names
        assert speakers_of(app, meeting.item) == ["Ana Pérez"]
    else:
        assert response.status_code == 303
        assert names.count("Dina Haddad") == 1
        assert speakers_of(app, meeting.item) == ["Ana Pérez", "Dina Haddad"]
        assert stored(app, AgendaItem, meeting.item).room["en"] == "Hall 9"
