"""Two editors on one record: disjoint changes merge at once, only a true clash asks.

Each editor opens the form (its hidden version says what they started from), changes what they
mean to change and saves. Nothing either of them typed or saved may be lost silently.
"""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from iom_events.accounts.models import User
from iom_events.agenda.models import AgendaItem, AgendaItemKind
from iom_events.delegations.models import Participant, ParticipantRole
from iom_events.events.models import Event
from iom_events.extensions import db
from iom_events.translated import Translated

from pages import text_of
from staff import post_form

# --- reading a form as a browser would send it ---------------------------------------------------


class _FormReader(HTMLParser):
    """What the page's edit form (class "stacked") would submit: inputs, textareas, selected
    options."""

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[str, list[str]] = {}
        self._form_depth = 0
        self._seen_form = False
        self._textarea: str | None = None
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and "stacked" in (attrs.get("class") or "") and not self._seen_form:
            self._seen_form = True
            self._form_depth = 1
            return
        if not self._form_depth:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.values.setdefault(name, []).append(attrs.get("value", "on"))
            elif kind != "submit":
                self.values.setdefault(name, []).append(attrs.get("value") or "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.values.setdefault(name, []).append("")
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.values.setdefault(self._select, []).append(attrs.get("value") or "")

    def handle_endtag(self, tag):
        if tag == "form" and self._form_depth:
            self._form_depth = 0
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self.values[self._textarea][-1] += data


def form_of(html: str) -> dict[str, list[str]]:
    reader = _FormReader()
    reader.feed(html)
    reader.values.pop("csrf_token", None)
    return reader.values


def opened(client, path: str) -> dict[str, list[str]]:
    """The edit form as this editor's browser got it."""
    response = client.get(path)
    assert response.status_code == 200
    return form_of(response.get_data(as_text=True))


def changed(form: dict[str, list[str]], **values) -> dict[str, list[str]]:
    """The form with some inputs changed (names with a dash written with a double underscore)."""
    return {**form, **{name.replace("__", "-"): [value] for name, value in values.items()}}


def send(client, path: str, form: dict[str, list[str]]):
    return post_form(client, path, form, path_for_token="/en/manage/")


# --- meetings ------------------------------------------------------------------------------------


@pytest.fixture
def meeting(make_event):
    return make_event(
        title=Translated(en="Labour migration workshop", fr="Atelier sur la migration de travail"),
        venue=Translated(en="Conference room 1"),
        city=Translated(en="Dakar"),
        country="SN",
        timezone="Africa/Dakar",
    )


def stored(app, model, record_id):
    with app.app_context():
        record = db.session.get(model, record_id)
        db.session.expunge_all()
        return record


def edit_path(meeting) -> str:
    return f"/en/manage/events/{meeting.slug}/edit"


def test_disjoint_changes_to_a_meeting_merge_at_once(app, editor, admin, meeting):
    """Issue 13, case 1: B changes only the Spanish title after A changed the venue."""
    path = edit_path(meeting)
    form_a, form_b = opened(editor, path), opened(admin, path)

    first = send(editor, path, changed(form_a, venue__en="King's Hall"))
    assert first.status_code == 303
    second = send(admin, path, changed(form_b, title__es="Taller sobre migración laboral"))

    assert second.status_code == 303
    saved = stored(app, Event, meeting.id)
    assert saved.venue["en"] == "King's Hall"  # A's change is kept
    assert saved.title["es"] == "Taller sobre migración laboral"  # B's change is saved
    assert saved.title["en"] == "Labour migration workshop"
    page = text_of(admin.get(second.location).get_data(as_text=True))
    assert "Saved, merged with editor@iom.test's changes to Venue (English)." in page
    assert "Someone else changed this" not in page


def test_the_same_change_on_both_sides_is_no_clash(app, editor, admin, meeting):
    path = edit_path(meeting)
    form_a, form_b = opened(editor, path), opened(admin, path)
    assert send(editor, path, changed(form_a, city__fr="Dakar (Sénégal)")).status_code == 303
    both = changed(form_b, city__fr="Dakar (Sénégal)", venue__fr="Salle 1")
    assert send(admin, path, both).status_code == 303
    saved = stored(app, Event, meeting.id)
    assert saved.city["fr"] == "Dakar (Sénégal)" and saved.venue["fr"] == "Salle 1"


def clash(editor, admin, meeting):
    """A and B both change the English venue; B also changes the French title."""
    path = edit_path(meeting)
    form_a, form_b = opened(editor, path), opened(admin, path)
    first = send(editor, path, changed(form_a, venue__en="King's Hall", city__en="Dakar-Plateau"))
    assert first.status_code == 303
    mine = changed(form_b, venue__en="Room 12", title__fr="Atelier sur les migrations de travail")
    return send(admin, path, mine)


def test_a_true_clash_shows_both_values_and_keeps_all_my_input(app, editor, admin, meeting):
    response = clash(editor, admin, meeting)

    assert response.status_code == 409
    html = response.get_data(as_text=True)
    notice = text_of(html)
    assert "Someone else changed this while you were editing" in notice
    assert "Venue (English)" in notice
    assert "Conference room 1" in notice  # what it was when I started
    assert "King's Hall" in notice and "editor@iom.test" in notice  # theirs, and who
    assert "Room 12" in notice  # mine
    form = form_of(html)
    assert form["venue-en"] == ["Room 12"]  # everything I typed is still in the form
    assert form["title-fr"] == ["Atelier sur les migrations de travail"]
    assert 'name="merge-venue-en"' in html  # a choice for the clashing field
    assert 'name="merge-title-fr"' not in html  # no choice where nothing clashes
    saved = stored(app, Event, meeting.id)
    assert saved.venue["en"] == "King's Hall"  # nothing of mine was saved yet
    assert saved.title["fr"] == "Atelier sur la migration de travail"
    assert saved.city["en"] == "Dakar-Plateau"


def test_keep_theirs_then_save_keeps_their_value_and_my_other_changes(app, editor, admin, meeting):
    response = clash(editor, admin, meeting)
    form = changed(form_of(response.get_data(as_text=True)), merge__venue__en="theirs")

    again = send(admin, edit_path(meeting), form)

    assert again.status_code == 303
    saved = stored(app, Event, meeting.id)
    assert saved.venue["en"] == "King's Hall"
    assert saved.title["fr"] == "Atelier sur les migrations de travail"
    assert saved.city["en"] == "Dakar-Plateau"  # A's other change, never in B's form, stays


def test_use_mine_then_save_applies_my_value(app, editor, admin, meeting):
    response = clash(editor, admin, meeting)
    form = changed(form_of(response.get_data(as_text=True)), merge__venue__en="mine")

    again = send(admin, edit_path(meeting), form)

    assert again.status_code == 303
    saved = stored(app, Event, meeting.id)
    assert saved.venue["en"] == "Room 12"
    assert saved.title["fr"] == "Atelier sur les migrations de travail"
    assert saved.city["en"] == "Dakar-Plateau"


def test_saving_again_without_a_choice_asks_again_and_saves_nothing(app, editor, admin, meeting):
    """Browsers send the form without checking the radios (the staff forms are `novalidate`):
    the server never decides a clash for the editor."""
    response = clash(editor, admin, meeting)
    form = form_of(response.get_data(as_text=True))
    form.pop("merge-venue-en", None)

    again = send(admin, edit_path(meeting), form)

    assert again.status_code == 409
    assert 'name="merge-venue-en"' in again.get_data(as_text=True)
    saved = stored(app, Event, meeting.id)
    assert saved.venue["en"] == "King's Hall" and saved.city["en"] == "Dakar-Plateau"
    assert saved.title["fr"] == "Atelier sur la migration de travail"


def test_a_version_the_record_never_had_merges_against_its_whole_history(
    app, editor, admin, meeting
):
    """A tampered page (version 99999, or no number) never overwrites a colleague's change."""
    path = edit_path(meeting)
    form_a, form_b = opened(editor, path), opened(admin, path)
    assert send(editor, path, changed(form_a, venue__fr="Salle A")).status_code == 303
    for version in ("99999", "abc", None):  # None: no version field posted at all
        form = changed(form_b, venue__fr="Salle B", version=version)
        if version is None:
            del form["version"]
        again = send(admin, path, form)
        assert again.status_code == 409, version
        assert stored(app, Event, meeting.id).venue["fr"] == "Salle A"


def test_a_form_posted_without_its_version_keeps_a_colleagues_change(app, editor, admin, meeting):
    """Without the field, the version was read from the record as it is now: a blind
    overwrite of whatever a colleague saved since the form was opened."""
    path = edit_path(meeting)
    stale = opened(admin, path)
    assert send(editor, path, changed(opened(editor, path), venue__en="Hall B")).status_code == 303
    form = changed(stale, summary__en="A summary")
    del form["version"]
    response = send(admin, path, form)
    assert response.status_code in (303, 409)
    saved = stored(app, Event, meeting.id)
    assert saved.venue["en"] == "Hall B"


def test_a_choice_does_not_cover_a_change_made_after_it_was_shown(app, editor, admin, meeting):
    response = clash(editor, admin, meeting)
    form = changed(form_of(response.get_data(as_text=True)), merge__venue__en="mine")
    latest = changed(opened(editor, edit_path(meeting)), venue__en="Hall B")
    assert send(editor, edit_path(meeting), latest).status_code == 303

    again = send(admin, edit_path(meeting), form)

    assert again.status_code == 409
    assert "Hall B" in text_of(again.get_data(as_text=True))
    assert stored(app, Event, meeting.id).venue["en"] == "Hall B"


def test_a_conflict_in_french_speaks_french(app, editor, admin, meeting):
    path = f"/fr/manage/events/{meeting.slug}/edit"
    form_a, form_b = opened(editor, path), opened(admin, path)
    assert send(editor, path, changed(form_a, starts_on="2030-01-09")).status_code == 303
    response = send(admin, path, changed(form_b, starts_on="2030-01-08"))
    assert response.status_code == 409
    notice = text_of(response.get_data(as_text=True))
    assert "Premier jour" in notice
    assert "9 janvier 2030" in notice and "8 janvier 2030" in notice and "10 janvier 2030" in notice


# --- a part of a meeting: an agenda item with its speakers ---------------------------------------


@pytest.fixture
def item(app, meeting):
    with app.app_context():
        people = [
            Participant(event_id=meeting.id, name=name, role=ParticipantRole.SPEAKER, position=n)
            for n, name in enumerate(("Ana Souza", "Ben Okafor", "Chen Wei"))
        ]
        item = AgendaItem(
            event_id=meeting.id,
            day=date(2030, 1, 10),
            kind=AgendaItemKind.SESSION,
            title=Translated(en="Round table", fr="Table ronde"),
            speakers=people[:1],
        )
        db.session.add_all([*people, item])
        db.session.commit()
        ids = item.id, [person.id for person in people]
        db.session.remove()
    return ids


def item_path(meeting, item_id) -> str:
    return f"/en/manage/events/{meeting.slug}/agenda/{item_id}/edit"


def speakers_of(app, item_id) -> list[str]:
    with app.app_context():
        names = [p.name for p in db.session.get(AgendaItem, item_id).speakers]
        db.session.remove()
        return names


def test_agenda_item_speakers_and_room_merge(app, editor, admin, meeting, item):
    item_id, (ana, ben, _chen) = item
    path = item_path(meeting, item_id)
    form_a, form_b = opened(editor, path), opened(admin, path)

    first = send(editor, path, {**form_a, "speakers": [str(ana), str(ben)]})
    assert first.status_code == 303
    second = send(admin, path, changed(form_b, room__en="Hall 3"))

    assert second.status_code == 303, text_of(second.get_data(as_text=True))[:3000]
    assert speakers_of(app, item_id) == ["Ana Souza", "Ben Okafor"]
    assert stored(app, AgendaItem, item_id).room["en"] == "Hall 3"
    page = text_of(admin.get(second.location).get_data(as_text=True))
    assert "Saved, merged with editor@iom.test's changes to Speakers." in page


def test_agenda_item_speakers_clash_and_keep_theirs(app, editor, admin, meeting, item):
    item_id, (ana, ben, chen) = item
    path = item_path(meeting, item_id)
    form_a, form_b = opened(editor, path), opened(admin, path)
    assert send(editor, path, {**form_a, "speakers": [str(ana), str(ben)]}).status_code == 303
    mine = {**changed(form_b, title__en="Round table on labour"), "speakers": [str(chen)]}

    response = send(admin, path, mine)

    assert response.status_code == 409
    notice = text_of(response.get_data(as_text=True))
    assert "Speakers" in notice and "Ana Souza, Ben Okafor" in notice and "Chen Wei" in notice
    form = form_of(response.get_data(as_text=True))
    assert form["speakers"] == [str(chen)] and form["title-en"] == ["Round table on labour"]

    again = send(admin, path, changed(form, merge__speakers="theirs"))
    assert again.status_code == 303
    assert speakers_of(app, item_id) == ["Ana Souza", "Ben Okafor"]
    assert stored(app, AgendaItem, item_id).title["en"] == "Round table on labour"


# --- a race between the check and the commit ---------------------------------------------------


def _edit_elsewhere(app, item_id: int, **values) -> None:
    """Another editor's save, committed on its own connection while ours is under way."""
    with app.app_context():
        engine = db.engine
    with Session(bind=engine) as other:
        record = other.get(AgendaItem, item_id)
        for name, value in values.items():
            setattr(record, name, value)
        other.commit()


@pytest.mark.commits  # another connection commits meanwhile
@pytest.mark.parametrize(
    ("theirs", "clashes"),
    [
        ({"room": Translated(en="Hall 9")}, False),
        ({"title": Translated(en="Plenary", fr="Table ronde")}, True),
    ],
)
def test_a_change_landing_between_check_and_commit_merges_or_clashes(
    app, meeting, item, theirs, clashes
):
    from flask_wtf import FlaskForm

    from iom_events import editing
    from iom_events.fields import TranslatedField, VersionField

    class TitleForm(FlaskForm):
        version = VersionField()
        title = TranslatedField("Title")
        room = TranslatedField("Room")

    item_id, _people = item
    with app.app_context():
        version = db.session.get(AgendaItem, item_id).version
        db.session.remove()
    data = {"version": str(version), "title-en": "Round table on labour", "title-fr": "Table ronde"}
    with app.test_request_context("/en/manage/", method="POST", data=data):
        form = TitleForm(meta={"csrf": False})
        record = db.session.scalar(select(AgendaItem).where(AgendaItem.id == item_id))
        landed = []

        def meanwhile():
            if not landed:
                landed.append(True)
                _edit_elsewhere(app, item_id, **theirs)

        result = editing.save(form, record, also=meanwhile)
        db.session.remove()

    saved = stored(app, AgendaItem, item_id)
    if clashes:
        assert isinstance(result, editing.Conflict)
        assert [c.label for c in result.clashes] == ["Title (English)"]
        assert saved.title["en"] == "Plenary"  # never overwritten
    else:
        assert result is None
        assert saved.title["en"] == "Round table on labour" and saved.room["en"] == "Hall 9"
    assert saved.title.get("fr") == "Table ronde"


def as_a_browser_sends(form: dict[str, list[str]]) -> dict[str, list[str]]:
    """Browsers send a textarea's line breaks as CRLF (HTML's form submission algorithm)."""
    return {name: [v.replace("\n", "\r\n") for v in values] for name, values in form.items()}


def test_line_breaks_as_browsers_send_them_are_no_change(app, editor, admin, make_event):
    """A text written elsewhere (the demo, the API) with LF: a browser's first save of the form
    must not change it, nor make a colleague's edit of it a clash."""
    meeting = make_event(
        description=Translated(en="First paragraph.\n\nSecond paragraph.", fr="Un.\n\nDeux.")
    )
    path = edit_path(meeting)
    form_a, form_b = opened(editor, path), opened(admin, path)

    first = send(editor, path, as_a_browser_sends(changed(form_a, venue__en="Room 3")))
    assert first.status_code == 303
    second = send(
        admin, path, as_a_browser_sends(changed(form_b, description__fr="Un.\n\nDeux.\n\nTrois."))
    )

    assert second.status_code == 303, text_of(second.get_data(as_text=True))
    saved = stored(app, Event, meeting.id)
    assert saved.description["fr"] == "Un.\n\nDeux.\n\nTrois."
    assert saved.description["en"] == "First paragraph.\n\nSecond paragraph."
    with app.app_context():
        person = db.session.scalar(select(User.id).where(User.email == "editor@iom.test"))
    history = f"/en/manage/events/{meeting.slug}/history?person={person}"
    by_the_first = text_of(editor.get(history).get_data(as_text=True))
    assert "Venue (English)" in by_the_first
    assert "Description" not in by_the_first


def test_a_clash_asks_for_a_choice_and_saying_mine_is_said_back(app, editor, admin, meeting):
    response = clash(editor, admin, meeting)
    html = response.get_data(as_text=True)
    radios = re.findall(r'<input type="radio" name="merge-venue-en"[^>]*>', html)
    assert len(radios) == 2
    assert all("required" in radio and "checked" not in radio for radio in radios)

    form = changed(form_of(html), merge__venue__en="mine")
    again = send(admin, edit_path(meeting), form)

    assert again.status_code == 303
    page = text_of(admin.get(again.location).get_data(as_text=True))
    assert "Your values replaced editor@iom.test's for Venue (English)." in page
