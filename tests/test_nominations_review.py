"""The secretariat's side of the nomination cycle, from the tester's report: returning a list
asks first and shows the e-mail; an accreditation can be withdrawn; the review shows the values
as last reviewed; a delegation cannot be invited twice; the secretariat's notices are written in
the meeting's language (or the site's setting)."""

from __future__ import annotations

import io
import re

import pytest
from sqlalchemy import func, select
from test_nominations import (
    confirmation_fields,
    invitation_of,
    invite,
    invited,
    keys_in,
    member,
    minimal_pdf,
    nominate,
)
from test_nominations import meeting as meeting  # the fixture, re-exported for pytest

from iom_events.delegations.models import Delegation, Participant
from iom_events.events.models import Event
from iom_events.extensions import db
from iom_events.nominations.models import Invitation

from pages import text_of
from staff import confirm, post_form

FOCAL_POINT = "ana.perez@cancilleria.example"


def base_of(app, event) -> str:
    return f"/en/manage/events/{event.slug}/nominations/{invitation_of(app, event).id}"


def accredit(editor, base: str, number: int):
    return post_form(editor, f"{base}/accredit", {"number": str(number)}, path_for_token=f"{base}/")


def invitations_of(app, event) -> int:
    with app.app_context():
        total = db.session.scalar(
            select(func.count()).select_from(Invitation).where(Invitation.event_id == event.id)
        )
        db.session.remove()
    return total


def nominated_participants(app, event) -> list[tuple[str, bool]]:
    """(name, in the trash) of every participant that came from a nomination."""
    with app.app_context():
        rows = db.session.execute(
            select(Participant.name, Participant.removed_at)
            .where(Participant.event_id == event.id, Participant.nomination_key.is_not(None))
            .order_by(Participant.name)
            .execution_options(include_removed=True)
        ).all()
        db.session.remove()
    return [(name, removed is not None) for name, removed in rows]


# --- returning asks first ----------------------------------------------------------------------


def test_returning_shows_the_email_in_the_focal_points_language_and_sends_nothing_until_confirmed(
    app, editor, mailbox, meeting
):
    link = invited(editor, mailbox, meeting, "fr")
    nominate(app.test_client(), link, [member(name="Ana")])
    base = base_of(app, meeting)
    review = editor.get(f"{base}/").get_data(as_text=True)
    assert '<input type="hidden" name="number" value="1">' in review

    preview = post_form(
        editor, f"{base}/return", {"message": "Merci d’ajouter la lettre.\nEt le titre.",
                                   "number": "1"}, path_for_token=f"{base}/",
    )  # fmt: skip

    assert preview.status_code == 200
    text = text_of(preview.get_data(as_text=True))
    assert "Return version 1 of the list of Argentina to its focal point?" in text
    assert f"This e-mail goes to Ana Pérez ({FOCAL_POINT}), in French, when you confirm." in text
    assert "Votre candidature" in text or "Regional conference" in text  # the French subject
    assert "Merci d’ajouter la lettre." in text and "a retourné la liste" in text
    assert len(mailbox.to(FOCAL_POINT)) == 1  # the invitation only: a click sends nothing
    assert invitation_of(app, meeting).review_outcome is None

    fields = confirmation_fields(preview)
    assert fields["message"] == "Merci d’ajouter la lettre.\nEt le titre."  # line breaks kept
    done = editor.post(f"{base}/return", data=fields, follow_redirects=True)

    assert "Returned to the focal point, with your message." in text_of(done.get_data(True))
    (returned,) = mailbox.to(FOCAL_POINT)[1:]
    assert returned["Content-Language"] == "fr"
    body = returned.get_content().replace("\r\n", "\n")
    assert "Merci d’ajouter la lettre.\nEt le titre." in body
    assert invitation_of(app, meeting).review_outcome.value == "returned"


def test_a_return_confirmed_after_a_newer_version_came_in_sends_nothing_and_keeps_the_message(
    app, editor, mailbox, meeting
):
    link = invited(editor, mailbox, meeting, "es")
    focal_point = app.test_client()
    nominate(focal_point, link, [member(name="Ana")])
    base = base_of(app, meeting)
    preview = post_form(
        editor, f"{base}/return", {"message": "Falta la carta.", "number": "1"}, f"{base}/"
    )
    nominate(focal_point, link, [member(name="Ana"), member(name="Luis")])  # meanwhile

    refused = editor.post(f"{base}/return", data=confirmation_fields(preview))

    assert refused.status_code == 409
    html = refused.get_data(as_text=True)
    assert "The focal point sent a newer version meanwhile: review it first." in text_of(html)
    assert re.search(r">\s*Falta la carta.</textarea>", html)  # what staff typed is still there
    assert len(mailbox.to(FOCAL_POINT)) == 1
    assert invitation_of(app, meeting).review_outcome is None


@pytest.mark.parametrize(("lang", "addressee"), [("fr", "Destinataire"), ("es", "Para")])
def test_the_returns_e_mail_names_its_addressee_not_a_date_range_end(
    app, editor, mailbox, meeting, lang, addressee
):
    link = invited(editor, mailbox, meeting, "fr")
    nominate(app.test_client(), link, [member(name="Ana")])
    base = base_of(app, meeting).replace("/en/", f"/{lang}/")
    preview = post_form(
        editor, f"{base}/return", {"message": "Merci.", "number": "1"}, path_for_token=f"{base}/"
    )
    html = preview.get_data(as_text=True)
    assert re.search(rf"<dt>{addressee}</dt><dd>Ana Pérez &lt;{FOCAL_POINT}&gt;</dd>", html)


def test_an_empty_return_message_is_refused_in_the_pages_language(app, editor, mailbox, meeting):
    link = invited(editor, mailbox, meeting)
    nominate(app.test_client(), link, [member(name="Ana")])
    base = base_of(app, meeting).replace("/en/", "/fr/")
    refused = post_form(
        editor, f"{base}/return", {"message": "  ", "number": "1", "confirmed": "yes"}, f"{base}/"
    )
    assert refused.status_code == 400
    assert "Indiquez ce que le point focal doit modifier." in text_of(refused.get_data(True))
    assert len(mailbox.to(FOCAL_POINT)) == 1


# --- withdrawing an accreditation --------------------------------------------------------------


def test_an_accreditation_can_be_withdrawn_and_given_again(app, client, editor, mailbox, meeting):
    link = invited(editor, mailbox, meeting)
    nominate(app.test_client(), link, [member(title="S.E.", name="Ana Pérez",
                                              role="head_of_delegation")])  # fmt: skip
    base = base_of(app, meeting)
    public = f"/en/events/{meeting.slug}/"
    assert accredit(editor, base, 1).status_code == 303
    assert "S.E. Ana Pérez" in text_of(client.get(public).get_data(as_text=True))
    review = editor.get(f"{base}/").get_data(as_text=True)
    assert re.search(
        r'action="[^"]*/withdraw-accreditation"[^>]*>\s*<input type="hidden" name="number" '
        r'value="1">\s*<button type="submit" class="danger">Withdraw the accreditation</button>',
        review,
    )

    asked = text_of(editor.get(f"{base}/withdraw-accreditation?number=1").get_data(True))
    assert "Withdraw the accreditation of version 1 of the list of Argentina?" in asked
    assert "S.E. Ana Pérez" in text_of(client.get(public).get_data(as_text=True))  # asked only
    done = confirm(editor, f"{base}/withdraw-accreditation?number=1", follow_redirects=True)

    assert "The accreditation of version 1 is withdrawn" in text_of(done.get_data(True))
    assert "Ana Pérez" not in client.get(public).get_data(as_text=True)
    assert nominated_participants(app, meeting) == [("S.E. Ana Pérez", True)]  # in the trash
    listing = text_of(editor.get(f"/en/manage/events/{meeting.slug}/nominations/").get_data(True))
    assert "Nominated" in listing and "Accredited" not in listing
    history = text_of(editor.get(f"/en/manage/events/{meeting.slug}/history").get_data(True))
    assert "Moved to the trash" in history and "S.E. Ana Pérez" in history

    # Accredited again: the same participant comes back from the trash, not a copy.
    assert accredit(editor, base, 1).status_code == 303
    assert "S.E. Ana Pérez" in text_of(client.get(public).get_data(as_text=True))
    assert nominated_participants(app, meeting) == [("S.E. Ana Pérez", False)]


def test_withdrawing_after_a_newer_version_came_in_leaves_it_changed_since_review(
    app, editor, mailbox, meeting
):
    link = invited(editor, mailbox, meeting)
    focal_point = app.test_client()
    nominate(focal_point, link, [member(name="Ana")])
    base = base_of(app, meeting)
    accredit(editor, base, 1)
    page = focal_point.get(link).get_data(as_text=True)
    nominate(focal_point, link, [member(key=keys_in(page)[0], name="Ana"),
                                 member(name="Luis")], page)  # fmt: skip

    confirm(editor, f"{base}/withdraw-accreditation?number=1")

    review = text_of(editor.get(f"{base}/").get_data(True))
    assert "Changed since review" in review and "Added: Luis" in review
    assert invitation_of(app, meeting).accredited_number is None


def test_a_withdrawal_from_an_older_page_does_not_undo_a_newer_accreditation(
    app, client, editor, mailbox, meeting
):
    link = invited(editor, mailbox, meeting)
    focal_point = app.test_client()
    nominate(focal_point, link, [member(name="Ana")])
    base = base_of(app, meeting)
    accredit(editor, base, 1)
    html = editor.get(f"{base}/withdraw-accreditation?number=1").get_data(as_text=True)
    shown = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html))
    page = focal_point.get(link).get_data(as_text=True)
    nominate(focal_point, link, [member(key=keys_in(page)[0], name="Ana"),
                                 member(name="Luis Nuevo")], page)  # fmt: skip
    accredit(editor, base, 2)  # a colleague, meanwhile

    refused = editor.post(f"{base}/withdraw-accreditation", data=shown, follow_redirects=True)

    assert "Version 2 was accredited meanwhile: nothing was changed." in text_of(
        refused.get_data(True)
    )
    assert invitation_of(app, meeting).accredited_number == 2
    assert "Luis Nuevo" in text_of(client.get(f"/en/events/{meeting.slug}/").get_data(True))


# --- the review shows what was there -----------------------------------------------------------


def test_the_review_shows_each_changed_value_next_to_the_reviewed_one_and_a_new_letter(
    app, editor, mailbox, meeting
):
    link = invited(editor, mailbox, meeting)
    focal_point = app.test_client()
    nominate(focal_point, link, [member(title="Minister", name="Ana Pérez", role="delegate",
                                        phone="")])  # fmt: skip
    base = base_of(app, meeting)
    accredit(editor, base, 1)
    page = focal_point.get(link).get_data(as_text=True)
    changed = member(key=keys_in(page)[0], title="Vice-Minister", name="Ana Pérez",
                     role="head_of_delegation", phone="11 4815 1035", public="")  # fmt: skip
    letter = (io.BytesIO(minimal_pdf()), "credenciales.pdf")
    assert nominate(focal_point, link, [changed], page, credentials=letter).status_code == 303

    review = text_of(editor.get(f"{base}/").get_data(True))

    assert "Changes since the review of version 1" in review
    assert "Title: Minister → Vice-Minister" in review
    assert "Role: Delegate → Head of delegation" in review
    assert "Phone: — → +54 11 4815-1035" in review
    assert "May be listed publicly: Public → Private" in review
    assert "Credentials letter added: credenciales.pdf" in review

    accredit(editor, base, 2)
    page = focal_point.get(link).get_data(as_text=True)
    other = (io.BytesIO(minimal_pdf() + b"\n"), "credenciales-firmadas.pdf")
    nominate(focal_point, link, [changed], page, credentials=other)
    french = text_of(editor.get(f"{base}/".replace("/en/", "/fr/")).get_data(True))
    assert "Lettre de pouvoirs remplacée : credenciales.pdf → credenciales-firmadas.pdf" in (french)


# --- a delegation is invited once ---------------------------------------------------------------


def test_inviting_a_delegation_again_says_it_is_invited_in_the_pages_language(
    app, editor, mailbox, meeting
):
    invited(editor, mailbox, meeting)
    invitation = invitation_of(app, meeting)
    path = f"/fr/manage/events/{meeting.slug}/nominations/invite"
    again = post_form(
        editor,
        path,
        {
            "delegation": str(meeting.delegation_id),
            "new_delegation_name": "",
            "new_delegation_kind": "member_state",
            "focal_point_name": "Otra Persona",
            "focal_point_email": "otra@cancilleria.example",
            "language": "es",
            "deadline": "2099-01-31T18:00",
        },
        path_for_token=path,
    )

    assert again.status_code == 400
    html = again.get_data(as_text=True)
    text = text_of(html)
    assert "La délégation « Argentine » est déjà invitée à cette réunion." in text.replace(
        "\u202f", " "
    )
    assert "Not a valid choice" not in text and "choix valide" not in text
    assert f"/fr/manage/events/{meeting.slug}/nominations/{invitation.id}/" in html
    assert "Ouvrir son invitation" in text
    assert invitations_of(app, meeting) == 1
    assert mailbox.to("otra@cancilleria.example") == []
    assert invitation_of(app, meeting).focal_point_email == FOCAL_POINT


def test_two_staff_inviting_the_same_delegation_at_once_get_one_invitation(
    app, editor, mailbox, meeting
):
    """The second form was loaded before the first was sent: it still listed the delegation."""
    path = f"/en/manage/events/{meeting.slug}/nominations/invite"
    page = editor.get(path).get_data(as_text=True)
    assert f'value="{meeting.delegation_id}"' in page
    assert invite(editor, meeting).status_code == 303
    again = invite(editor, meeting, focal_point_email="otra@cancilleria.example")
    assert again.status_code == 400
    assert "Argentina is already invited to this meeting." in text_of(again.get_data(True))
    assert invitations_of(app, meeting) == 1


@pytest.mark.parametrize("typed", ["Argentine", "  ARGENTINA ", "argentina"])
def test_a_new_delegation_named_like_one_at_the_meeting_is_refused(
    app, editor, mailbox, meeting, typed
):
    """Typing the name of a delegation already listed (in any of its languages, whatever the
    case) would make a second one, listed publicly twice: refused, nothing created or sent."""
    with app.app_context():
        delegations = db.session.scalar(select(func.count()).select_from(Delegation))
        db.session.remove()
    refused = invite(editor, meeting, delegation="", new_delegation_name=typed)
    # ...even when its invitation already went out:
    assert invite(editor, meeting).status_code == 303
    again = invite(editor, meeting, delegation="", new_delegation_name=typed)

    for response in (refused, again):
        assert response.status_code == 400
        assert f"The delegation “{typed.strip()}” is already at this meeting." in text_of(
            response.get_data(True)
        )
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Delegation)) == delegations
        db.session.remove()
    assert invitations_of(app, meeting) == 1
    assert len(mailbox.to(FOCAL_POINT)) == 1


def test_accrediting_a_later_version_keeps_a_correction_staff_made_to_an_unchanged_member(
    app, editor, client, mailbox, meeting
):
    """Staff corrected an accredited participant's name; the focal point then changed someone
    else. Accrediting that version changes who the focal point changed, not the correction."""
    link = invited(editor, mailbox, meeting)
    focal_point = app.test_client()
    nominate(focal_point, link, [member(name="Ana Perez"), member(name="Luis Nuevo")])
    base = base_of(app, meeting)
    assert accredit(editor, base, 1).status_code == 303
    with app.app_context():  # as the participant's staff form saves it
        ana = db.session.scalar(select(Participant).where(Participant.name == "Ana Perez"))
        ana.name = "Ana Pérez Corrected"
        db.session.commit()
        db.session.remove()
    page = focal_point.get(link).get_data(as_text=True)
    ana_key, luis_key = keys_in(page)
    nominate(
        focal_point,
        link,
        [member(key=ana_key, name="Ana Perez"), member(key=luis_key, name="Luis Nuevo",
                                                        function="Cónsul")],
        page,
    )  # fmt: skip

    assert accredit(editor, base, 2).status_code == 303

    public = text_of(client.get(f"/en/events/{meeting.slug}/").get_data(as_text=True))
    assert "Ana Pérez Corrected" in public
    assert "Luis Nuevo, Cónsul" in public


# --- the secretariat's notices -----------------------------------------------------------------


def meeting_written_in(app, event, lang: str) -> None:
    with app.app_context():
        db.session.get(Event, event.id).original_language = lang
        db.session.commit()
        db.session.remove()


def test_the_secretariat_is_told_in_the_meetings_language(app, editor, mailbox, meeting):
    meeting_written_in(app, meeting, "es")
    link = invited(editor, mailbox, meeting, "fr")  # the focal point reads French

    nominate(app.test_client(), link, [member(name="Ana")])

    (notice,) = mailbox.to("editor@iom.test")
    assert notice["Content-Language"] == "es"
    assert notice["Subject"] == "Lista recibida: Argentina, Conferencia regional"
    assert "/es/manage/events/" in notice.get_content()
    focal = mailbox.to(FOCAL_POINT)
    assert focal[0]["Content-Language"] == "fr"  # the focal point's own e-mails do not move


@pytest.fixture
def secretariat_in_french(app):
    before = app.config.get("SECRETARIAT_LANGUAGE")
    app.config["SECRETARIAT_LANGUAGE"] = "fr"
    yield
    app.config["SECRETARIAT_LANGUAGE"] = before


def test_the_secretariat_language_setting_wins_over_the_meetings(
    app, editor, mailbox, meeting, secretariat_in_french
):
    meeting_written_in(app, meeting, "es")
    link = invited(editor, mailbox, meeting, "es")
    focal_point = app.test_client()
    from staff import csrf_token

    focal_point.post(f"{link}/decline", data={"csrf_token": csrf_token(focal_point, link)})

    (notice,) = mailbox.to("editor@iom.test")
    assert notice["Content-Language"] == "fr"
    assert notice["Subject"].startswith("Invitation déclinée")
    assert "Argentine" in notice["Subject"]


def test_an_invitation_racing_a_colleagues_for_the_same_delegation_is_refused_by_name(
    app, editor, mailbox, meeting, monkeypatch
):
    """Both forms passed their checks at once: the database's unique key refuses the second,
    which is told as plainly as a form sent late."""
    from iom_events.delegations.models import Delegation
    from iom_events.nominations import manage

    invited(editor, mailbox, meeting)
    with app.app_context():
        everyone = list(db.session.scalars(select(Delegation).where(
            Delegation.event_id == meeting.id)))  # fmt: skip
        db.session.expunge_all()
    monkeypatch.setattr(manage, "in_reading_order", lambda _delegations, _lang: everyone)
    monkeypatch.setattr(manage, "_invitation_of", lambda *_: None)  # the check saw none yet
    original = manage.db.session.rollback

    def rolled_back():
        original()
        monkeypatch.undo()  # the colleague's invitation is there to be found afterwards

    monkeypatch.setattr(manage.db.session, "rollback", rolled_back, raising=False)

    again = invite(editor, meeting, focal_point_email="otra@cancilleria.example")

    assert again.status_code == 400
    assert "Argentina is already invited to this meeting." in text_of(again.get_data(True))
    assert invitations_of(app, meeting) == 1
    assert mailbox.to("otra@cancilleria.example") == []


def test_a_decline_after_accreditation_says_the_members_stay_public_until_withdrawn(
    app, client, editor, mailbox, meeting
):
    """Tester's report: a focal point declined an accredited list; staff read only "Declined"
    while its members stayed public. Nothing public changes by itself, and staff are told so."""
    from staff import csrf_token

    link = invited(editor, mailbox, meeting)
    focal_point = app.test_client()
    nominate(focal_point, link, [member(title="S.E.", name="Ana Pérez",
                                        role="head_of_delegation")])  # fmt: skip
    base = base_of(app, meeting)
    assert accredit(editor, base, 1).status_code == 303

    focal_point.post(f"{link}/decline", data={"csrf_token": csrf_token(focal_point, link)})

    still = (
        "Version 1 of its list is still accredited: its members stay on the public pages "
        "until you withdraw the accreditation."
    )
    notice = mailbox.to("editor@iom.test")[-1]
    assert notice["Subject"].startswith("Invitation declined")
    assert still in " ".join(notice.get_content().split())
    listing = text_of(editor.get(f"/en/manage/events/{meeting.slug}/nominations/").get_data(True))
    assert "Declined" in listing and still in listing
    assert still in text_of(editor.get(f"{base}/").get_data(as_text=True))
    assert "S.E. Ana Pérez" in text_of(client.get(f"/en/events/{meeting.slug}/").get_data(True))

    confirm(editor, f"{base}/withdraw-accreditation?number=1")
    listing = text_of(editor.get(f"/en/manage/events/{meeting.slug}/nominations/").get_data(True))
    assert "Declined" in listing and "still accredited" not in listing
    assert "Ana Pérez" not in client.get(f"/en/events/{meeting.slug}/").get_data(as_text=True)


@pytest.mark.parametrize("number", ["999", "0", "-1", "abc"])
def test_accrediting_a_version_the_list_never_had_says_so_and_changes_nothing(
    app, client, editor, mailbox, meeting, number
):
    """Tester's report: `accredit?number=999` asked "Accredit version 999?", then refused with
    "The focal point sent a newer version meanwhile", which was not what happened."""
    link = invited(editor, mailbox, meeting)
    nominate(app.test_client(), link, [member(name="Ana Pérez")])
    base = base_of(app, meeting)

    asked = editor.get(f"{base}/accredit?number={number}").get_data(as_text=True)
    if number != "abc":  # no number read: the latest version is asked about
        assert f"This list has no version {number}: nothing was accredited." in text_of(asked)
        assert ">Accredit</button>" not in asked
    done = post_form(editor, f"{base}/accredit", {"number": number}, path_for_token=f"{base}/")
    assert done.status_code == 303
    shown = text_of(editor.get(f"{base}/").get_data(as_text=True))
    assert f"This list has no version {number}: nothing was accredited." in shown
    assert "newer version meanwhile" not in shown
    assert nominated_participants(app, meeting) == []
    assert "Ana Pérez" not in client.get(f"/en/events/{meeting.slug}/").get_data(as_text=True)
