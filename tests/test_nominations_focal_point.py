"""The focal point's page under the tester's hands (issue 19): nothing a focal point sent is
lost without a word, every error is linked to its field and names the member it is about, and
the page holds against what people do to forms (the same form sent twice, a link that stops
working while the page is open, rows left empty, repeated, or removed)."""

from __future__ import annotations

import hashlib
import io
import re
from datetime import timedelta

import pytest
from itsdangerous import URLSafeTimedSerializer
from sqlalchemy import select
from test_nominations import (
    form_of,
    invitation_of,
    invited,
    keys_in,
    meeting_in_buenos_aires,
    member,
    minimal_pdf,
    nominate,
    versions,
)

from iom_events.columns import utcnow
from iom_events.documents.storage import blob_store
from iom_events.extensions import db
from iom_events.nominations.models import Invitation

from pages import text_of
from staff import post_form


@pytest.fixture
def meeting(app, make_event):
    return meeting_in_buenos_aires(app, make_event)


LETTER = minimal_pdf()
"""One letter for every test (each PDF made carries the second it was made in)."""


def letter_of(editor, event, number: int) -> bytes:
    invitation = invitation_of(editor.application, event)
    path = f"/en/manage/events/{event.slug}/nominations/{invitation.id}/credentials/{number}"
    response = editor.get(path)
    assert response.status_code == 200
    return response.data


def clash_with_a_letter(app, editor, mailbox, event):
    """Two focal points change the same member; the second sends a letter with the clash.
    (the second focal point's client, the clash's response, the member's key)"""
    link = invited(editor, mailbox, event, lang="en")
    one, other = app.test_client(), app.test_client()
    nominate(one, link, [member(name="Ana Pérez", function="Embajadora")])
    page_one = one.get(link).get_data(as_text=True)
    page_other = other.get(link).get_data(as_text=True)
    (key,) = keys_in(page_one)
    nominate(one, link, [member(key=key, name="Ana Pérez", function="Ministra")], page_one)
    clash = nominate(
        other,
        link,
        [member(key=key, name="Ana Pérez", function="Viceministra")],
        page_other,
        credentials=(io.BytesIO(LETTER), "carta.pdf"),
    )
    return link, other, clash, key


# --- 1. the credentials letter is never dropped ----------------------------------------------


def test_a_letter_sent_with_a_save_that_clashes_is_kept_and_saved_with_the_choice(
    app,
    editor,
    mailbox,
    meeting,
):
    link, other, clash, key = clash_with_a_letter(app, editor, mailbox, meeting)

    assert clash.status_code == 409
    page = clash.get_data(as_text=True)
    said = text_of(page)
    assert "The credentials letter you chose, carta.pdf, is kept too" in said
    assert "Chosen: carta.pdf, not saved yet" in said
    assert [v.credentials_filename for v in versions(app, meeting)] == [None, None]

    chosen = nominate(
        other,
        link,
        [member(key=key, name="Ana Pérez", function="Viceministra")],
        page,
        **{f"merge-{key}": "mine", "merge-base": "1", "letter": form_of(page)["letter"]},
    )  # no file chosen again

    assert chosen.status_code == 303
    latest = versions(app, meeting)[-1]
    assert latest.credentials_filename == "carta.pdf"
    assert letter_of(editor, meeting, latest.number) == LETTER


def test_a_letter_sent_with_a_field_to_correct_is_kept(app, editor, mailbox, meeting):
    link = invited(editor, mailbox, meeting)
    focal_point = app.test_client()
    refused = nominate(
        focal_point,
        link,
        [member(name="Ana", email="not-an-address")],
        credentials=(io.BytesIO(LETTER), "carta.pdf"),
    )
    assert refused.status_code == 400
    page = refused.get_data(as_text=True)
    assert "carta.pdf" in text_of(page)
    assert versions(app, meeting) == []

    corrected = nominate(
        focal_point,
        link,
        [member(name="Ana", email="ana@example.org")],
        page,
        letter=form_of(page)["letter"],
    )

    assert corrected.status_code == 303
    (saved,) = versions(app, meeting)
    assert saved.credentials_filename == "carta.pdf"
    assert letter_of(editor, meeting, 1) == LETTER


@pytest.mark.parametrize(
    ("content", "filename"),
    [
        (b"Not a letter at all.", "carta.pdf"),
        (b"Not a letter at all.", "carta.txt"),
        (b"\x7fELF\x02\x01\x01" + bytes(120), "carta.exe"),
    ],
)
def test_a_letter_that_is_no_pdf_is_asked_for_as_a_pdf_only(
    app, editor, mailbox, meeting, content, filename
):
    """The documents' check knows many formats; a letter is a PDF: the page never advises
    renaming the file to .txt, nor sending a Word or Excel file, which it would refuse too."""
    link = invited(editor, mailbox, meeting)
    refused = nominate(
        app.test_client(),
        link,
        [member(name="Ana")],
        credentials=(io.BytesIO(content), filename),
    )
    assert refused.status_code == 400
    said = text_of(refused.get_data(as_text=True))
    assert (
        "El contenido de este archivo no es un PDF: envíe la carta de credenciales en formato PDF."
        in said
    )
    assert ".txt" not in said.replace(filename, "") and "Word" not in said
    assert versions(app, meeting) == []


def test_a_letter_no_longer_held_is_asked_for_again_and_nothing_is_saved(
    app,
    editor,
    mailbox,
    meeting,
):
    link = invited(editor, mailbox, meeting)
    focal_point = app.test_client()
    page = nominate(
        focal_point,
        link,
        [member(name="Ana", phone="12")],
        credentials=(io.BytesIO(LETTER), "carta.pdf"),
    ).get_data(as_text=True)
    with app.app_context():  # pruned meanwhile
        store = blob_store()
        for _name, path in list(store.contents()):
            path.unlink()

    again = nominate(focal_point, link, [member(name="Ana")], page, letter=form_of(page)["letter"])

    assert again.status_code == 400
    said = text_of(again.get_data(as_text=True))
    assert "La carta que eligió antes, carta.pdf, no pudo conservarse: elíjala de nuevo." in said
    assert versions(app, meeting) == []


def test_a_forged_or_foreign_letter_note_attaches_nothing(app, editor, mailbox, meeting):
    link = invited(editor, mailbox, meeting)
    focal_point = app.test_client()
    page = nominate(
        focal_point,
        link,
        [member(name="Ana", phone="12")],
        credentials=(io.BytesIO(LETTER), "carta.pdf"),
    ).get_data(as_text=True)
    note = form_of(page)["letter"]
    invitation = invitation_of(app, meeting)
    from iom_events.nominations import letters

    with app.app_context():  # a genuine note of another invitation, naming the same letter
        sha256 = hashlib.sha256(LETTER).hexdigest()
        foreign = URLSafeTimedSerializer(app.config["SECRET_KEY"], salt=letters.SALT).dumps(
            [invitation.id + 1, sha256, "otra.pdf"]
        )

    for forged in (note[:-3] + "abc", "x" * 5000, foreign):
        page = focal_point.get(link).get_data(as_text=True)
        response = nominate(focal_point, link, [member(name="Ana")], page, letter=forged)
        assert response.status_code == 303
    assert [v.credentials_filename for v in versions(app, meeting)] == [None, None, None]


# --- 2. errors linked to their fields, the member named -----------------------------------------


def test_each_error_is_linked_to_its_field_and_names_its_member(app, editor, mailbox, meeting):
    link = invited(editor, mailbox, meeting, lang="en")
    response = nominate(
        app.test_client(),
        link,
        [
            member(name="Ana Pérez"),
            member(name="Aminata Diallo", email="aminata@"),
            member(function="Adviser"),
        ],
    )

    assert response.status_code == 400
    page = response.get_data(as_text=True)
    email = re.search(r'<input[^>]*id="members-1-email"[^>]*>', page).group(0)
    assert 'aria-invalid="true"' in email
    assert 'aria-describedby="members-1-email-error"' in email
    assert 'id="members-1-email-error"' in page
    name = re.search(r'<input[^>]*id="members-2-name"[^>]*>', page).group(0)
    assert 'aria-invalid="true"' in name
    assert 'aria-describedby="members-2-name-error"' in name
    title = re.search(r'<input[^>]*id="members-0-title"[^>]*>', page).group(0)
    assert "aria-invalid" not in title and 'aria-describedby="members-0-title-help"' in title

    summary = re.search(r'<div class="error-summary".*?</div>', page, re.DOTALL).group(0)
    links = {
        text_of(text): target
        for target, text in re.findall(r'<a href="#([^"]+)">(.*?)</a>', summary, re.DOTALL)
    }
    assert links == {
        "Member 2 (Aminata Diallo), E-mail: Enter a valid e-mail address, e.g. name@example.org.": (
            "members-1-email"
        ),
        "Member 3, Name: Enter the person's name.": "members-2-name",
    }
    assert 'tabindex="-1"' in summary and "autofocus" in summary


def test_the_summary_speaks_the_links_language(app, editor, mailbox, meeting):
    link = invited(editor, mailbox, meeting, lang="fr")
    response = nominate(
        app.test_client(), link, [member(name="Ana Pérez"), member(name="Aminata", phone="12")]
    )
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Membre 2 (Aminata), Téléphone\u00a0: Saisissez un numéro" in page


# --- 3. what people do to forms ---------------------------------------------------------------


def test_the_same_form_sent_twice_lists_each_new_member_once(app, editor, mailbox, meeting):
    link = invited(editor, mailbox, meeting)
    focal_point = app.test_client()
    nominate(focal_point, link, [member(name="Ana Pérez")])
    page = focal_point.get(link).get_data(as_text=True)
    (key,) = keys_in(page)
    rows = [member(key=key, name="Ana Pérez"), member(name="Luis Gómez")]

    first = nominate(focal_point, link, rows, page)
    second = nominate(focal_point, link, rows, page)  # a double click

    assert first.status_code == second.status_code == 303
    assert [[m["name"] for m in v.members] for v in versions(app, meeting)] == [
        ["Ana Pérez"],
        ["Ana Pérez", "Luis Gómez"],
    ]
    said = text_of(focal_point.get(link).get_data(as_text=True))
    assert "versión 2" in said


def test_the_first_form_sent_twice_saves_one_version(app, editor, mailbox, meeting):
    link = invited(editor, mailbox, meeting)
    focal_point = app.test_client()
    page = focal_point.get(link).get_data(as_text=True)
    rows = [member(name="Ana Pérez"), member(name="Luis Gómez")]
    assert nominate(focal_point, link, rows, page).status_code == 303
    assert nominate(focal_point, link, rows, page).status_code == 303
    assert [[m["name"] for m in v.members] for v in versions(app, meeting)] == [
        ["Ana Pérez", "Luis Gómez"]
    ]


def test_a_person_listed_twice_is_refused_on_the_later_row(app, editor, mailbox, meeting):
    link = invited(editor, mailbox, meeting, lang="en")
    response = nominate(
        app.test_client(),
        link,
        [member(name="Ana Pérez"), member(name="Luis Gómez"), member(name=" ANA  PÉREZ ")],
    )
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    said = text_of(page)
    assert "Member 3 (ANA PÉREZ), Name: This person is already listed as member 1." in said
    assert 'id="members-2-name-error"' in page
    assert versions(app, meeting) == []


def test_a_list_with_no_one_is_refused(app, editor, mailbox, meeting):
    link = invited(editor, mailbox, meeting)
    response = nominate(app.test_client(), link, [member(), member()])
    assert response.status_code == 400
    assert "Indique al menos un miembro" in text_of(response.get_data(as_text=True))
    assert versions(app, meeting) == []


def test_a_removed_row_is_not_checked(app, editor, mailbox, meeting):
    link = invited(editor, mailbox, meeting)
    focal_point = app.test_client()
    nominate(focal_point, link, [member(name="Ana Pérez"), member(name="Luis Gómez")])
    page = focal_point.get(link).get_data(as_text=True)
    ana, luis = keys_in(page)
    response = nominate(
        focal_point,
        link,
        [member(key=ana, name="Ana Pérez"), member(key=luis, name="", email="x@", remove="y")],
        page,
    )
    assert response.status_code == 303
    assert [m["name"] for m in versions(app, meeting)[-1].members] == ["Ana Pérez"]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", "x" * 51),
        ("function", "x" * 201),
        ("email", "a" * 250 + "@example.org"),
        ("phone", "+54" + "1" * 5000),
        ("key", "k" * 5000),
    ],
)
def test_very_long_values_are_refused_or_harmless(app, editor, mailbox, meeting, field, value):
    link = invited(editor, mailbox, meeting)
    response = nominate(app.test_client(), link, [member(name="Ana", **{field: value})])
    assert response.status_code in (303, 400)
    if response.status_code == 400:
        assert value not in text_of(response.get_data(as_text=True)) or field == "phone"
        assert versions(app, meeting) == []
    else:
        (saved,) = versions(app, meeting)
        assert len(saved.members[0]["key"]) == 32


@pytest.mark.parametrize("change", ["deadline", "revoked", "declined"])
def test_a_link_that_stops_working_while_the_page_is_open_gives_back_what_was_typed(
    app,
    editor,
    mailbox,
    meeting,
    change,
):
    link = invited(editor, mailbox, meeting)
    focal_point = app.test_client()
    page = focal_point.get(link).get_data(as_text=True)
    with app.app_context():
        invitation = db.session.scalar(select(Invitation).where(Invitation.event_id == meeting.id))
        if change == "deadline":
            invitation.deadline = utcnow() - timedelta(minutes=1)
        elif change == "revoked":
            invitation.revoked_at = utcnow()
        else:
            invitation.declined_at = utcnow()
        db.session.commit()
        db.session.remove()

    response = nominate(
        focal_point,
        link,
        [member(title="S.E.", name="Ana Pérez", function="Embajadora", email="ana@example.org")],
        page,
        credentials=(io.BytesIO(LETTER), "carta.pdf"),
    )

    assert response.status_code == 410
    said = text_of(response.get_data(as_text=True))
    assert "Lo que envió, sin guardar" in said
    assert "S.E. — Ana Pérez — Embajadora — Delegado — ana@example.org" in said
    assert "carta.pdf" in said
    assert versions(app, meeting) == []


def test_a_staff_post_to_a_refused_link_is_still_refused(app, editor, mailbox, meeting):
    # The decline form of a link revoked meanwhile answers the refusal, with nothing typed.
    link = invited(editor, mailbox, meeting)
    invitation = invitation_of(app, meeting)
    base = f"/en/manage/events/{meeting.slug}/nominations/{invitation.id}"
    assert post_form(editor, f"{base}/revoke", {}, path_for_token=f"{base}/").status_code == 303
    focal_point = app.test_client()
    response = nominate(focal_point, f"{link}/decline", [], page="")
    assert response.status_code == 410
    assert "Lo que envió" not in text_of(response.get_data(as_text=True))


def test_the_same_person_added_by_two_focal_points_at_once_is_listed_once(
    app,
    editor,
    mailbox,
    meeting,
):
    link = invited(editor, mailbox, meeting)
    one, other = app.test_client(), app.test_client()
    nominate(one, link, [member(name="Ana Pérez")])
    page_one, page_other = (c.get(link).get_data(as_text=True) for c in (one, other))
    (key,) = keys_in(page_one)
    ana = member(key=key, name="Ana Pérez")

    nominate(one, link, [ana, member(name="Luis Gómez", role="adviser")], page_one)
    both = nominate(other, link, [ana, member(name="Luis Gómez", role="adviser")], page_other)

    assert both.status_code == 303
    assert [m["name"] for m in versions(app, meeting)[-1].members] == ["Ana Pérez", "Luis Gómez"]
