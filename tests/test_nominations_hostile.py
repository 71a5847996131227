"""No input reaches a 500 on the nomination cycle's forms either: the walk of every form
(tests/test_no_input_reaches_a_500.py) reaches their routes with hostile ids and tokens, but only
the demo's data, where no invitation exists. Here an invitation exists, with a version sent, and
Hypothesis posts hostile values into the fields of each of its forms (the focal point's, with a
valid link; staff's invite, return, accredit, deadline) as a browser would send them, read from
the pages.

The property: below 500, an error page that says something, and for the focal point's form,
never a version with a NUL or a field past its bound."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select
from test_no_input_reaches_a_500 import check, fields_of, hostile_value, undone
from test_nominations import invited, meeting, member, nominate  # noqa: F401  (fixture)
from werkzeug.datastructures import MultiDict

from iom_events.extensions import db
from iom_events.nominations.models import Invitation, NominationVersion

from staff import csrf_token


def hostile_post(client, app, data, path: str, page_path: str, pages: dict, token: str):
    if page_path not in pages:
        pages[page_path] = fields_of(client.get(page_path).get_data(as_text=True))
    fields = pages[page_path]
    hostile = data.draw(st.sets(st.sampled_from(sorted(fields)), max_size=4), label="hostile")
    posted = [("csrf_token", token)]
    for name, (sent, _possible) in fields.items():
        if name == "csrf_token":
            continue
        if name in hostile:
            posted.append((name, data.draw(hostile_value, label=name)))
        else:
            posted.extend((name, value) for value in sent)
    with undone(app):
        response = client.post(path, data=MultiDict(posted), content_type="multipart/form-data")
        check(response, f"POST {path} {posted!r}"[:2000])
        with app.app_context():
            for version in db.session.scalars(select(NominationVersion)):
                for person in version.members:
                    assert all("\x00" not in str(value) for value in person.values())
                    assert len(person["name"]) <= 200


@given(data=st.data())
def test_no_field_of_the_cycle_reaches_a_500(app, editor, mailbox, meeting, data):  # noqa: F811
    state = _state(app, editor, mailbox, meeting)
    link, invitation_id = state["link"], state["invitation_id"]
    base = f"/en/manage/events/{meeting.slug}/nominations"
    forms = [
        (state["focal_point"], link, link, state["focal_token"]),
        (editor, f"{base}/invite", f"{base}/invite", state["staff_token"]),
        (
            editor,
            f"{base}/{invitation_id}/return",
            f"{base}/{invitation_id}/",
            state["staff_token"],
        ),
        (
            editor,
            f"{base}/{invitation_id}/accredit",
            f"{base}/{invitation_id}/",
            state["staff_token"],
        ),
    ]
    client, path, page_path, token = data.draw(st.sampled_from(forms), label="form")
    hostile_post(client, app, data, path, page_path, state["pages"], token)


_STATES: dict[int, dict] = {}


def _state(app, editor, mailbox, event) -> dict:
    """The invitation and the clients, made once per test (Hypothesis runs the body many
    times with the same fixtures)."""
    key = id(event)
    if key not in _STATES:
        _STATES.clear()
        link = invited(editor, mailbox, event)
        focal_point = app.test_client()
        nominate(focal_point, link, [member(name="Ana Pérez", role="head_of_delegation")])
        with app.app_context():
            invitation_id = db.session.scalar(
                select(Invitation.id).where(Invitation.event_id == event.id)
            )
            db.session.remove()
        _STATES[key] = {
            "link": link,
            "invitation_id": invitation_id,
            "focal_point": focal_point,
            "focal_token": csrf_token(focal_point, link),
            "staff_token": csrf_token(editor, "/en/manage/"),
            "pages": {},
        }
    return _STATES[key]
