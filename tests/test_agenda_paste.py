"""An agenda pasted from a spreadsheet: a preview with each bad row explained in the page's
language, nothing written until the editor confirms what they saw, then one transaction."""

import re
from datetime import date, time

import pytest

from iom_events.agenda.models import AgendaItem
from iom_events.agenda.table import read
from iom_events.delegations.models import Participant, ParticipantRole
from iom_events.extensions import db
from iom_events.translated import Translated

from pages import text_of
from staff import post_form

GOOD = (
    "Jour\tDébut\tFin\tTitre\tIntervenants\n"
    "1\t9h00\t10:00\tOuverture\tana perez\n"
    "2010-01-01\t\t\tVisite\t\n"  # not a day of the meeting
    "10/01/2030\t22:00\t02:00+1\tSéance de rédaction de nuit\t\n"
    "2\t11:00\t10:00\tClôture\tNobody Known\n"
)


@pytest.fixture
def meeting(app, make_event):
    event = make_event(
        title=Translated(fr="Réunion collée"),
        original_language="fr",
        starts_on=date(2030, 1, 10),
        ends_on=date(2030, 1, 11),
    )
    with app.app_context():
        db.session.add(
            Participant(event_id=event.id, name="Ana Pérez", role=ParticipantRole.SPEAKER)
        )
        db.session.commit()
        db.session.remove()
    return event


def paste(client, meeting, text, lang="en", **more):
    path = f"/{lang}/manage/events/{meeting.slug}/agenda/paste"
    return post_form(client, path, {"text": text, **more}, path_for_token=path)


def stored(app, meeting):
    with app.app_context():
        found = db.session.scalars(
            db.select(AgendaItem)
            .where(AgendaItem.event_id == meeting.id)
            .order_by(*AgendaItem.agenda_order())
        ).all()
        answer = [
            (
                i.day,
                i.starts_at,
                i.ends_at,
                i.ends_next_day,
                i.title.get("fr"),
                [p.name for p in i.speakers],
            )
            for i in found
        ]
        db.session.remove()
        return answer


def test_bad_rows_are_explained_in_french_and_nothing_is_written(app, editor, meeting):
    response = paste(editor, meeting, GOOD, lang="fr")
    assert response.status_code == 400
    page = text_of(response.get_data(as_text=True))
    assert "2 lignes posent problème" in page
    assert "Ouverture" in page and "Ana Pérez" in page
    assert "22:00–02:00 (le lendemain)" in page
    said = "Ne figurent pas parmi les participants de la réunion : Nobody Known."
    assert said in page.replace("\u00a0", " ")
    assert "02:00+1" in response.get_data(as_text=True)  # the text is kept
    assert 'name="confirm"' not in response.get_data(as_text=True)
    assert stored(app, meeting) == []


def test_good_rows_are_added_only_once_confirmed(app, editor, meeting):
    text = "\n".join(line for n, line in enumerate(GOOD.splitlines()) if n not in (2, 4))
    preview = paste(editor, meeting, text)
    assert preview.status_code == 200
    html = preview.get_data(as_text=True)
    assert "Add 2 agenda items" in text_of(html)
    assert stored(app, meeting) == []
    seen = re.search(r'<input[^>]*name="previewed"[^>]*value="([0-9a-f]{64})"', html)
    assert seen

    changed = paste(editor, meeting, text + "\n2\t\t\tAutre\t", previewed=seen[1], confirm="")
    assert stored(app, meeting) == []  # not the text that was checked: checked again
    assert "Add 3 agenda items" in text_of(changed.get_data(as_text=True))

    done = paste(editor, meeting, text, previewed=seen[1], confirm="")
    assert done.status_code == 303
    assert stored(app, meeting) == [
        (date(2030, 1, 10), time(9), time(10), False, "Ouverture", ["Ana Pérez"]),
        (date(2030, 1, 10), time(22), time(2), True, "Séance de rédaction de nuit", []),
    ]


def test_without_a_header_the_columns_are_day_start_end_title_speakers(app, editor, meeting):
    text = "1\t09:00\t09:30\tAccueil\tAna Pérez; ANA PEREZ\n"
    seen = re.search(
        r'<input[^>]*name="previewed"[^>]*value="([0-9a-f]{64})"',
        paste(editor, meeting, text).get_data(as_text=True),
    )
    paste(editor, meeting, text, previewed=seen[1], confirm="")
    assert stored(app, meeting) == [
        (date(2030, 1, 10), time(9), time(9, 30), False, "Accueil", ["Ana Pérez"])
    ]


def test_an_empty_paste_is_a_clear_message(editor, meeting):
    response = paste(editor, meeting, "\t\t\n")
    assert response.status_code == 400
    assert "Paste the table's rows." in text_of(response.get_data(as_text=True))


def test_a_paste_too_long_is_refused_with_a_message(app, editor, meeting):
    response = paste(editor, meeting, "1\t09:00\t\t" + "x" * 140_000)
    assert response.status_code == 400
    assert "At most 100000 characters: paste the agenda in parts." in text_of(
        response.get_data(as_text=True)
    )
    assert stored(app, meeting) == []


def test_a_speaker_whose_name_two_participants_share_is_named_with_their_delegation(
    app, editor, meeting
):
    """Two participants named Ana Pérez: the row says which two, and "Ana Pérez (Chile)"
    (the delegation's name or short name, in any language) chooses one."""
    with app.app_context():
        from iom_events.delegations.models import Delegation, DelegationKind

        chile = Delegation(
            event_id=meeting.id,
            kind=DelegationKind.MEMBER_STATE,
            name=Translated(fr="Chili", es="Chile"),
            country="CL",
        )
        db.session.add(chile)
        db.session.flush()
        db.session.add(
            Participant(
                event_id=meeting.id,
                delegation_id=chile.id,
                name="Ana Perez",
                role=ParticipantRole.DELEGATE,
            )
        )
        db.session.commit()
        db.session.remove()
    response = paste(editor, meeting, "1\t09:00\t09:30\tAccueil\tAna Pérez\n", lang="fr")
    assert response.status_code == 400
    page = text_of(response.get_data(as_text=True)).replace("\u00a0", " ")
    assert (
        "2 participants s’appellent Ana Pérez : précisez lequel, sous la forme « Ana Pérez » ou "
        "« Ana Perez (Chili) »." in page
    )
    text = "1\t09:00\t09:30\tAccueil\tana perez (CHILE)\n"
    seen = re.search(
        r'<input[^>]*name="previewed"[^>]*value="([0-9a-f]{64})"',
        paste(editor, meeting, text).get_data(as_text=True),
    )
    paste(editor, meeting, text, previewed=seen[1], confirm="")
    assert stored(app, meeting) == [
        (date(2030, 1, 10), time(9), time(9, 30), False, "Accueil", ["Ana Perez"])
    ]


def test_a_spanish_header_names_the_item_column_as_the_page_does():
    """The Spanish pages call an agenda item "tema del programa": a pasted "Tema" column is the
    title, as "Título" or "Punto" are."""
    rows, header = read("Día\tInicio\tFin\tTema\tOradores\n1\t09:00\t10:00\tApertura\t\n")
    assert header
    assert [(row.day, row.starts_at, row.title) for row in rows] == [("1", "09:00", "Apertura")]
