"""Many new delegations, or many new participants of a delegation, as rows of one form
(issue 16, item 1): errors on their row, what was typed kept, all saved at once or nothing."""

import re

from sqlalchemy import func, select
from test_manage_delegations import add_delegation

from iom_events.delegations.models import Delegation, Participant
from iom_events.extensions import db

from pages import text_of
from staff import post_form


def rows_url(event, query=""):
    return f"/en/manage/events/{event.slug}/delegations/rows{query}"


def rows(*lines, columns):
    data = {}
    for number, values in enumerate(lines):
        for column, value in zip(columns, values, strict=True):
            data[f"row-{number}-{column}"] = value
    return data


DELEGATION_COLUMNS = ("delegation", "kind", "country")
PERSON_COLUMNS = ("name", "function", "affiliation", "role", "email", "phone", "public")


def names_of(app, model, event):
    with app.app_context():
        records = db.session.scalars(select(model).where(model.event_id == event.id))
        return sorted((r.name if isinstance(r.name, str) else r.name["en"]) for r in records)


def test_without_javascript_the_form_has_blank_rows_and_more_on_request(editor, make_event):
    event = make_event()
    page = editor.get(rows_url(event)).get_data(as_text=True)
    assert page.count('name="row-') == 5 * 3 + 3  # five rows, and the one the script copies
    assert 'src="/static/js/rows.js"' in page and "<script>" not in page
    typed = rows(("Ghana", "", "GH"), columns=DELEGATION_COLUMNS)
    more = post_form(editor, rows_url(event), {**typed, "more": "yes"})
    assert more.status_code == 200
    html = more.get_data(as_text=True)
    assert 'value="Ghana"' in html and html.count('name="row-') == 6 * 3 + 3
    assert 'name="row-1-delegation"' in html


def test_delegations_in_rows_are_saved_at_once(app, editor, make_event):
    event = make_event(country="SN", timezone="Africa/Dakar")
    data = rows(
        ("Senegal", "member_state", "SN"),
        ("", "", ""),
        ("ECOWAS", "igo", ""),
        columns=DELEGATION_COLUMNS,
    )
    response = post_form(editor, rows_url(event), data)
    assert response.status_code == 303
    listing = text_of(editor.get(response.headers["Location"]).get_data(as_text=True))
    assert "Added: 2 delegations and 0 participants." in listing
    assert names_of(app, Delegation, event) == ["ECOWAS", "Senegal"]


def test_a_bad_row_keeps_everything_typed_and_saves_nothing(app, editor, make_event):
    event = make_event()
    add_delegation(editor, event, **{"name-en": "Bali Process", "short_name-en": ""})
    data = rows(
        ("Ghana", "member_state", "GH"),
        ("Bali Process", "rcp", ""),
        ("Ghana", "", ""),
        columns=DELEGATION_COLUMNS,
    )
    response = post_form(editor, rows_url(event), data)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    page = text_of(html)
    assert "2 rows have a problem: nothing was saved." in page
    assert "Delegation: The delegation “Bali Process” is already at this meeting." in page
    assert "Delegation: This delegation is also on line 1." in page
    # each error sits under its row: the second row, then the third
    assert page.index("Bali Process” is already") < page.index("also on line 1")
    assert re.search(r'name="row-2-delegation" id="row-2-delegation" value="Bali Process"', html)
    assert re.search(r'<option value="GH" selected>', html)
    assert names_of(app, Delegation, event) == ["Bali Process"]


def test_participants_of_a_delegation_in_rows(app, editor, make_event):
    event = make_event(country="SN", timezone="Africa/Dakar")
    delegation_id = add_delegation(editor, event, **{"name-en": "Senegal", "country": "SN"})
    query = f"?delegation={delegation_id}"
    page = text_of(editor.get(rows_url(event, query)).get_data(as_text=True))
    assert "New participants of Senegal" in page

    bad = rows(
        ("Awa Diop", "Minister", "", "head_of_delegation", "awa@gouv.sn", "77 123 45 67", "yes"),
        ("", "Adviser", "", "delegate", "", "", "no"),
        columns=PERSON_COLUMNS,
    )
    response = post_form(editor, rows_url(event, query), bad)
    assert response.status_code == 400
    assert "Name: Enter the person's name." in text_of(response.get_data(as_text=True))
    assert names_of(app, Participant, event) == []

    good = {**bad, "row-1-name": "Ousmane Ba"}
    response = post_form(editor, rows_url(event, query), good)
    assert response.status_code == 303
    with app.app_context():
        people = db.session.scalars(
            select(Participant).where(Participant.event_id == event.id).order_by(Participant.id)
        ).all()
        assert [p.name for p in people] == ["Awa Diop", "Ousmane Ba"]
        assert {p.delegation_id for p in people} == {delegation_id}
        assert people[0].phone == "+221771234567" and people[0].function["en"] == "Minister"
        assert [p.is_public for p in people] == [True, False]


def test_rows_left_blank_are_left_out_whatever_their_lists_say(app, editor, make_event):
    """A browser sends each select's choice, a blank row's too (its role is the list's first):
    a row is blank when nothing is typed in it."""
    event = make_event(country="SN", timezone="Africa/Dakar")
    delegation_id = add_delegation(editor, event, **{"name-en": "Senegal", "country": "SN"})
    page = editor.get(rows_url(event, f"?delegation={delegation_id}")).get_data(as_text=True)
    first_role = re.search(r'name="row-1-role"[^>]*>\s*<option value="(\w+)"', page)[1]
    data = rows(
        ("Awa Diop", "", "", "delegate", "", "", "yes"),
        ("", "", "", first_role, "", "", "yes"),
        ("", "", "", first_role, "", "", "yes"),
        columns=PERSON_COLUMNS,
    )
    response = post_form(editor, rows_url(event, f"?delegation={delegation_id}"), data)
    assert response.status_code == 303, text_of(response.get_data(as_text=True))
    assert names_of(app, Participant, event) == ["Awa Diop"]


def test_nothing_typed_is_an_error_not_a_save(app, editor, make_event):
    event = make_event()
    response = post_form(editor, rows_url(event), rows(("", "", ""), columns=DELEGATION_COLUMNS))
    assert response.status_code == 400
    assert "Fill in at least one row." in text_of(response.get_data(as_text=True))
    with app.app_context():
        assert not db.session.scalar(
            select(func.count()).select_from(Delegation).where(Delegation.event_id == event.id)
        )


def test_a_delegation_of_another_meeting_is_not_found(editor, make_event):
    event, other = make_event(), make_event()
    delegation_id = add_delegation(editor, other)
    assert editor.get(rows_url(event, f"?delegation={delegation_id}")).status_code == 404
    assert editor.get(rows_url(event, "?delegation=abc")).status_code == 404
    assert editor.get(rows_url(event, "?delegation=99999999999999999999")).status_code == 404
