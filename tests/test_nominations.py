"""The nomination cycle as its people live it: staff invite a delegation, the focal point gets a
private link by e-mail in their language, lists the delegation's members (every save a new
version, two people saving at once both kept), staff accredit or return it; only accredited
members marked public ever reach a public page."""

from __future__ import annotations

import html as html_lib
import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from iom_events.columns import utcnow
from iom_events.delegations.models import Delegation, DelegationKind, Participant
from iom_events.documents.storage import blob_store
from iom_events.documents.sweep import check_store
from iom_events.extensions import db
from iom_events.nominations.models import Invitation, NominationVersion
from iom_events.translated import Translated

from pages import text_of
from staff import csrf_token, post_form

LINK = re.compile(r"http://localhost/(en|fr|es)/nominations/[A-Za-z0-9_.\-]+")
DEADLINE = "2099-01-31T18:00"


# --- helpers ---------------------------------------------------------------------------------


@pytest.fixture
def meeting(app, make_event):
    """A meeting in Buenos Aires with one delegation, Argentina, not invited yet."""
    return meeting_in_buenos_aires(app, make_event)


def meeting_in_buenos_aires(app, make_event):
    event = make_event(
        title=Translated(en="Regional conference", es="Conferencia regional"),
        timezone="America/Argentina/Buenos_Aires",
        country="AR",
        city=Translated(en="Buenos Aires"),
    )
    with app.app_context():
        argentina = Delegation(
            event_id=event.id,
            kind=DelegationKind.MEMBER_STATE,
            name=Translated(en="Argentina", es="Argentina", fr="Argentine"),
            country="AR",
        )
        db.session.add(argentina)
        db.session.commit()
        event.delegation_id = argentina.id
        db.session.remove()
    return event


def invite(client, event, lang="es", delegation_id=None, **fields):
    path = f"/en/manage/events/{event.slug}/nominations/invite"
    data = {
        "delegation": str(delegation_id or event.delegation_id),
        "new_delegation_name": "",
        "new_delegation_kind": "member_state",
        "focal_point_name": "Ana Pérez",
        "focal_point_email": "ana.perez@cancilleria.example",
        "language": lang,
        "deadline": DEADLINE,
        **fields,
    }
    return post_form(client, path, data, path_for_token=path)


def link_in(message) -> str:
    return LINK.search(message.get_content()).group(0).removeprefix("http://localhost")


def invited(editor, mailbox, event, lang="es") -> str:
    """Invite the meeting's delegation; the path of the link the focal point received."""
    assert invite(editor, event, lang).status_code == 303
    return link_in(mailbox.to("ana.perez@cancilleria.example")[-1])


def form_of(page: str) -> dict[str, str]:
    """The hidden and filled inputs of the nomination form (keys, version, token)."""
    fields = {}
    for name, value in re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', page):
        fields[name] = html_lib.unescape(value)
    return fields


def member(**fields) -> dict[str, str]:
    return {
        "title": "",
        "name": "",
        "function": "",
        "role": "delegate",
        "email": "",
        "phone": "",
        "public": "y",
        **fields,
    }


def nominate(client, path: str, members: list[dict], page: str | None = None, **extra):
    """Send the list as a browser would from `page` (the form as it was loaded): the version
    it was filled from and the keys of the members shown, plus `members` in its rows."""
    page = page if page is not None else client.get(path).get_data(as_text=True)
    shown = form_of(page)
    token = shown.get("csrf_token") or csrf_token(client)  # a page with no form: the session's
    data = {"csrf_token": token, "based_on": shown.get("based_on", "")}
    for hidden in ("draft", "letter"):  # the form's own key; a letter held from a failed save
        if hidden in shown:
            data[hidden] = shown[hidden]
    for index, row in enumerate(members):
        for name, value in row.items():
            if name == "public" and not value:
                continue
            data[f"members-{index}-{name}"] = value
    data.update(extra)
    return client.post(path, data=data, content_type="multipart/form-data")


def count(app, model) -> int:
    with app.app_context():
        total = db.session.scalar(select(func.count()).select_from(model))
        db.session.remove()
        return total


def versions(app, event) -> list[NominationVersion]:
    with app.app_context():
        rows = list(
            db.session.scalars(
                select(NominationVersion)
                .join(Invitation)
                .where(Invitation.event_id == event.id)
                .order_by(NominationVersion.number)
            )
        )
        db.session.expunge_all()
        return rows


def invitation_of(app, event) -> Invitation:
    with app.app_context():
        invitation = db.session.scalar(select(Invitation).where(Invitation.event_id == event.id))
        db.session.expunge_all()
        return invitation


def confirmation_fields(page) -> dict[str, str]:
    """The hidden fields of a confirmation page's form (class "confirm"): what its button
    posts."""
    html = page.get_data(as_text=True)
    form = re.search(r'<form method="post"[^>]*class="confirm">(.*?)</form>', html, re.S).group(1)
    return {
        name: html_lib.unescape(value)
        for name, value in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form)
    }


def keys_in(page: str) -> list[str]:
    return re.findall(r'name="members-\d+-key"[^>]*value="([0-9a-f]{32})"', page)


# --- invitations -----------------------------------------------------------------------------


def test_invitation_in_spanish_reaches_the_focal_point_with_a_spanish_link(
    app, editor, mailbox, meeting
):
    response = invite(editor, meeting, "es")

    assert response.status_code == 303
    (message,) = mailbox.to("ana.perez@cancilleria.example")
    assert message["Content-Language"] == "es"
    assert "Conferencia regional" in message["Subject"]
    body = message.get_content()
    assert "Estimado/a Ana Pérez" in body
    assert "hasta el 31 de enero de 2099, 18:00" in body
    assert link_in(message).startswith("/es/nominations/")
    assert message["Reply-To"] == "editor@iom.test"  # who invited, without SECRETARIAT_EMAIL
    page = editor.get(f"/en/manage/events/{meeting.slug}/nominations/").get_data(as_text=True)
    assert "Argentina" in text_of(page)
    assert "Invited" in text_of(page)


def test_the_french_invitation_names_the_meeting_once_and_elides_nothing_wrongly(
    app, editor, mailbox, meeting
):
    """The tester read "pour la réunion Réunion mondiale…" and "À l’attention de Aminata": the
    meeting's title is quoted, not put after "réunion"; the addressee is on a line of its own."""
    assert invite(editor, meeting, "fr").status_code == 303
    (message,) = mailbox.to("ana.perez@cancilleria.example")
    body = message.get_content()
    assert "Destinataire\u00a0: Ana Pérez" in body
    assert "pour «\u202fRegional conference\u202f»" in body, body
    assert "la réunion Regional" not in body and "l’attention de" not in body


def test_a_new_delegation_can_be_invited_in_the_same_form(app, editor, mailbox, meeting):
    delegations = count(app, Delegation)
    response = invite(editor, meeting, "fr", delegation_id="x", delegation="",
                      new_delegation_name="Mali", new_delegation_kind="member_state")  # fmt: skip
    assert response.status_code == 303
    assert count(app, Delegation) == delegations + 1
    (message,) = mailbox.messages
    assert message["Content-Language"] == "fr"
    assert "Mali" in message.get_content()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("focal_point_name", "", "Enter the focal point's name."),
        ("focal_point_email", "not an address", "Enter a valid e-mail address"),
        ("focal_point_email", "ana pérez@example.org", "Enter a valid e-mail address"),
        ("deadline", "2099-02-30T10:00", "Enter a date and time"),
        ("deadline", "9999-12-31T23:59", "Enter a date and time"),
        ("deadline", "2001-01-01T10:00", "Choose a deadline in the future."),
        ("language", "de", "Choose one of the options in the list."),
        ("new_delegation_kind", "planet", "Choose one of the options in the list."),
        ("focal_point_name", "x" * 100_000, "Field cannot be longer than 200 characters."),
        ("delegation", "", "Choose a delegation, or name a new one."),
    ],
)
def test_bad_invitation_input_is_refused_with_a_message_and_changes_nothing(
    app, editor, mailbox, meeting, field, value, message
):
    before = count(app, Invitation), count(app, Delegation)
    response = invite(editor, meeting, **{field: value})
    assert response.status_code == 400
    assert message in html_lib.unescape(response.get_data(as_text=True))
    assert (count(app, Invitation), count(app, Delegation)) == before
    assert mailbox.messages == []


def test_staff_pages_of_the_cycle_are_staff_only(app, client, editor, mailbox, meeting):
    link = invited(editor, mailbox, meeting)
    invitation = invitation_of(app, meeting)
    staff_pages = [
        f"/en/manage/events/{meeting.slug}/nominations/",
        f"/en/manage/events/{meeting.slug}/nominations/invite",
        f"/en/manage/events/{meeting.slug}/nominations/{invitation.id}/",
    ]
    focal_point = app.test_client()
    assert focal_point.get(link).status_code == 200  # the link opens its own page...
    for path in staff_pages:
        for visitor in (client, focal_point):  # ...and no staff page
            response = visitor.get(path)
            assert response.status_code == 302, path
            assert "/sign-in" in response.headers["Location"]
    token = csrf_token(focal_point, link)
    for action in ("accredit", "revoke", "resend", "return"):
        path = f"/en/manage/events/{meeting.slug}/nominations/{invitation.id}/{action}"
        response = focal_point.post(path, data={"csrf_token": token, "number": "1"})
        assert response.status_code in (302, 401), (action, response.status_code)
    assert invitation_of(app, meeting).revoked_at is None


# --- links -----------------------------------------------------------------------------------


def test_a_tampered_or_unknown_link_gets_a_clear_page_in_its_language(
    app, editor, mailbox, meeting
):
    link = invited(editor, mailbox, meeting, "fr")
    tampered = link[:-3] + ("AAA" if not link.endswith("AAA") else "BBB")
    focal_point = app.test_client()
    for path, words in (
        (tampered, "Ce lien ne fonctionne pas"),
        ("/fr/nominations/nothing-here", "Ce lien ne fonctionne pas"),
        (tampered.replace("/fr/", "/es/"), "Este enlace no funciona"),
    ):
        before = count(app, NominationVersion)
        page = focal_point.get(path)
        assert page.status_code == 404
        assert words in text_of(page.get_data(as_text=True))
        assert "Argentin" not in page.get_data(as_text=True)
        response = focal_point.post(path, data={"members-0-name": "Intruder"})
        assert response.status_code in (400, 404)
        assert count(app, NominationVersion) == before


def test_a_link_of_a_delegation_in_the_trash_opens_nothing(app, editor, mailbox, meeting):
    link = invited(editor, mailbox, meeting)
    with app.app_context():
        db.session.get(Delegation, meeting.delegation_id).remove()
        db.session.commit()
        db.session.remove()
    invitation = invitation_of(app, meeting)
    assert app.test_client().get(link).status_code == 404
    review = f"/en/manage/events/{meeting.slug}/nominations/{invitation.id}/"
    assert editor.get(review).status_code == 404
    assert editor.get(f"/en/manage/events/{meeting.slug}/nominations/").status_code == 200


def test_a_revoked_link_stops_working_and_a_new_one_is_sent(app, editor, mailbox, meeting):
    link = invited(editor, mailbox, meeting)
    invitation = invitation_of(app, meeting)
    base = f"/en/manage/events/{meeting.slug}/nominations/{invitation.id}"
    assert post_form(editor, f"{base}/revoke", {}, path_for_token=f"{base}/").status_code == 303

    focal_point = app.test_client()
    page = focal_point.get(link)
    assert page.status_code == 410
    assert "La secretaría retiró este enlace" in text_of(page.get_data(as_text=True))
    assert nominate(focal_point, link, [member(name="X")], page="").status_code == 410
    assert versions(app, meeting) == []

    assert post_form(editor, f"{base}/resend", {}, path_for_token=f"{base}/").status_code == 303
    new_link = link_in(mailbox.messages[-1])
    assert new_link != link
    assert focal_point.get(new_link).status_code == 200
    assert focal_point.get(link).status_code == 404  # the old link is nobody's now


def test_after_the_deadline_the_link_says_so_and_nothing_can_change(app, editor, mailbox, meeting):
    link = invited(editor, mailbox, meeting)
    meeting_page = editor.get(f"/en/manage/events/{meeting.slug}/").get_data(as_text=True)
    assert f"/en/manage/events/{meeting.slug}/nominations/" in meeting_page
    focal_point = app.test_client()
    page = focal_point.get(link).get_data(as_text=True)
    assert nominate(focal_point, link, [member(name="Ana")], page).status_code == 303
    with app.app_context():
        invitation = db.session.scalar(select(Invitation).where(Invitation.event_id == meeting.id))
        invitation.deadline = utcnow() - timedelta(minutes=1)
        db.session.commit()
        db.session.remove()

    expired = focal_point.get(link)
    assert expired.status_code == 410
    assert "El plazo ha vencido" in text_of(expired.get_data(as_text=True))
    assert nominate(focal_point, link, [member(name="Late")], page).status_code == 410
    assert [len(v.members) for v in versions(app, meeting)] == [1]

    # Staff move the deadline (read in Buenos Aires time): the same link works again.
    invitation = invitation_of(app, meeting)
    review = f"/en/manage/events/{meeting.slug}/nominations/{invitation.id}/"
    for typed, said in (
        ("2001-01-01T10:00", "Choose a deadline in the future."),
        ("2099-02-30T10:00", "Enter a date and time"),
    ):
        post_form(editor, f"{review}deadline", {"deadline": typed}, path_for_token=review)
        assert said in text_of(editor.get(review).get_data(as_text=True))
    assert invitation_of(app, meeting).deadline == invitation.deadline
    moved = post_form(
        editor, f"{review}deadline", {"deadline": "2099-03-01T09:30"}, path_for_token=review
    )
    assert moved.status_code == 303
    assert invitation_of(app, meeting).deadline.isoformat() == "2099-03-01T12:30:00+00:00"
    assert focal_point.get(link).status_code == 200


# --- nominations -----------------------------------------------------------------------------


def test_every_save_is_a_new_version_and_the_secretariat_is_told(app, editor, mailbox, meeting):
    link = invited(editor, mailbox, meeting)
    focal_point = app.test_client()
    first = nominate(
        focal_point,
        link,
        [
            member(title="S.E.", name="Ana Pérez", function="Embajadora",
                   role="head_of_delegation", email="ana@example.org", phone="+54 11 4815 1035"),
            member(name="Luis Gómez", role="adviser", phone="11 4815 1036"),
        ],
    )  # fmt: skip
    assert first.status_code == 303
    page = focal_point.get(link).get_data(as_text=True)
    assert "Versión 1" in text_of(page) or "versión 1" in text_of(page)
    keys = keys_in(page)
    assert len(keys) == 2
    second = nominate(
        focal_point,
        link,
        [
            member(key=keys[0], title="S.E.", name="Ana Pérez", function="Embajadora",
                   role="head_of_delegation", email="ana@example.org", phone="+54 11 4815 1035"),
            member(key=keys[1], name="Luis Gómez", role="adviser", remove="y"),
        ],
        page,
    )  # fmt: skip
    assert second.status_code == 303

    first_version, second_version = versions(app, meeting)
    assert [m["name"] for m in first_version.members] == ["Ana Pérez", "Luis Gómez"]
    assert first_version.members[1]["phone"] == "+541148151036"  # read as Argentinian
    assert [m["name"] for m in second_version.members] == ["Ana Pérez"]
    assert second_version.members[0]["key"] == first_version.members[0]["key"]
    notices = mailbox.to("editor@iom.test")
    assert [m["Subject"] for m in notices] == [
        "Nomination received: Argentina, Regional conference"
    ] * 2
    assert "version 2" in notices[-1].get_content()


def test_two_focal_points_saving_from_the_same_version_both_keep_their_entries(
    app, editor, mailbox, meeting
):
    link = invited(editor, mailbox, meeting)
    one, other = app.test_client(), app.test_client()
    nominate(one, link, [member(name="Ana Pérez", role="head_of_delegation")])
    page_one = one.get(link).get_data(as_text=True)
    page_other = other.get(link).get_data(as_text=True)
    (key,) = keys_in(page_one)
    ana = member(key=key, name="Ana Pérez", role="head_of_delegation")

    assert nominate(one, link, [ana, member(name="Luis Gómez")], page_one).status_code == 303
    merged = nominate(other, link, [ana, member(name="Carla Ruiz")], page_other)

    assert merged.status_code == 303
    latest = versions(app, meeting)[-1]
    assert sorted(m["name"] for m in latest.members) == ["Ana Pérez", "Carla Ruiz", "Luis Gómez"]
    assert latest.based_on == 1


def test_a_true_clash_on_one_member_shows_both_values_and_saves_nothing_until_chosen(
    app, editor, mailbox, meeting
):
    link = invited(editor, mailbox, meeting)
    one, other = app.test_client(), app.test_client()
    nominate(one, link, [member(name="Ana Pérez", function="Embajadora")])
    page_one = one.get(link).get_data(as_text=True)
    page_other = other.get(link).get_data(as_text=True)
    (key,) = keys_in(page_one)

    nominate(one, link, [member(key=key, name="Ana Pérez", function="Ministra")], page_one)
    clash = nominate(
        other, link, [member(key=key, name="Ana Pérez", function="Viceministra")], page_other
    )

    assert clash.status_code == 409
    said = text_of(clash.get_data(as_text=True))
    assert "Ministra" in said and "Viceministra" in said
    assert len(versions(app, meeting)) == 2  # nothing saved
    page = clash.get_data(as_text=True)
    assert form_of(page)["based_on"] == "2" and form_of(page)["merge-base"] == "1"
    # The browser asks for a choice before sending (the tester saved without one and read
    # the same page again): the group's radios are required.
    assert re.search(rf'<input type="radio" name="merge-{key}" [^>]*required', page)
    chosen = nominate(
        other,
        link,
        [member(key=key, name="Ana Pérez", function="Viceministra")],
        page,
        **{f"merge-{key}": "mine", "merge-base": "1"},
    )
    assert chosen.status_code == 303
    assert versions(app, meeting)[-1].members[0]["function"] == "Viceministra"


def test_a_clash_writes_phone_numbers_as_the_rest_of_the_site_does(app, editor, mailbox, meeting):
    """Tester's report: the clash page showed "+541148151035" where every other page writes
    "+54 11 4815-1035"."""
    link = invited(editor, mailbox, meeting)
    one, other = app.test_client(), app.test_client()
    nominate(one, link, [member(name="Ana Pérez", phone="+54 11 4815-1035")])
    page_one = one.get(link).get_data(as_text=True)
    page_other = other.get(link).get_data(as_text=True)
    (key,) = keys_in(page_one)
    changed = {"key": key, "name": "Ana Pérez", "phone": "+54 11 4815-1035"}
    nominate(one, link, [member(**changed, function="Ministra")], page_one)
    clash = nominate(other, link, [member(**changed, function="Viceministra")], page_other)

    assert clash.status_code == 409
    said = text_of(clash.get_data(as_text=True))
    assert said.count("+54 11 4815-1035") >= 2 and "+541148151035" not in said


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (member(function="Embajadora"), "Introduzca el nombre de la persona."),
        (member(name="Ana", email="not-an-address"), "Introduzca una dirección de correo"),
        (member(name="Ana", phone="12"), "número de teléfono"),
        (member(name="x" * 100_000), "200"),
        (member(name="Ana", role="king"), "Elija una de las opciones de la lista."),
    ],
)
def test_bad_nomination_input_is_refused_in_the_links_language(
    app, editor, mailbox, meeting, row, message
):
    link = invited(editor, mailbox, meeting)
    response = nominate(app.test_client(), link, [row])
    assert response.status_code == 400
    assert message in text_of(response.get_data(as_text=True))
    assert versions(app, meeting) == []


def test_a_nul_byte_is_cleaned_not_stored(app, editor, mailbox, meeting):
    link = invited(editor, mailbox, meeting)
    assert nominate(app.test_client(), link, [member(name="An\x00a")]).status_code == 303
    assert versions(app, meeting)[0].members[0]["name"] == "Ana"


def test_the_credentials_letter_is_a_pdf_kept_for_staff_only(app, editor, mailbox, meeting):
    import io

    link = invited(editor, mailbox, meeting)
    focal_point = app.test_client()
    refused = nominate(
        focal_point,
        link,
        [member(name="Ana")],
        credentials=(io.BytesIO(b"just some text\n"), "carta.pdf"),
    )
    assert refused.status_code == 400
    assert versions(app, meeting) == []
    pdf = minimal_pdf()
    saved = nominate(
        focal_point, link, [member(name="Ana")], credentials=(io.BytesIO(pdf), "carta.pdf")
    )
    assert saved.status_code == 303
    invitation = invitation_of(app, meeting)
    letter = f"/en/manage/events/{meeting.slug}/nominations/{invitation.id}/credentials/1"
    assert editor.get(letter).data == pdf
    assert app.test_client().get(letter).status_code == 302  # to the sign-in page
    # Saving again without a file keeps the letter.
    nominate(focal_point, link, [member(name="Ana"), member(name="Luis")])
    assert versions(app, meeting)[-1].credentials_filename == "carta.pdf"
    # The store's sweep knows the letter is referenced: never an orphan to prune.
    with app.app_context():
        report = check_store(blob_store(), grace_seconds=0)
        sha256 = versions(app, meeting)[-1].credentials_sha256
        assert blob_store().path(sha256).is_file()
        assert blob_store().path(sha256) not in report.orphans
        assert sha256 not in report.missing
        db.session.remove()


def minimal_pdf() -> bytes:
    from fpdf import FPDF

    document = FPDF()
    document.add_page()
    document.set_font("helvetica", size=12)
    document.cell(text="Credentials")
    return bytes(document.output())


def test_the_focal_point_can_decline(app, editor, mailbox, meeting):
    link = invited(editor, mailbox, meeting)
    focal_point = app.test_client()
    assert "¿Rechazar la invitación?" in text_of(
        focal_point.get(f"{link}/decline").get_data(as_text=True)
    )
    token = csrf_token(focal_point, f"{link}/decline")
    declined = focal_point.post(f"{link}/decline", data={"csrf_token": token})
    assert declined.status_code == 200
    assert "No se ha modificado nada" not in text_of(declined.get_data(as_text=True))  # it was
    assert focal_point.get(link).status_code == 410
    page = editor.get(f"/en/manage/events/{meeting.slug}/nominations/").get_data(as_text=True)
    assert "Declined" in text_of(page)
    (notice,) = mailbox.to("editor@iom.test")
    assert notice["Subject"] == "Invitation declined: Argentina, Regional conference"
    assert "Ana Pérez, has declined" in notice.get_content()


def test_sending_the_link_again_after_a_decline_invites_anew(app, editor, mailbox, meeting):
    """The tester's report: the link sent again to a delegation that declined answered 410."""
    link = invited(editor, mailbox, meeting)
    focal_point = app.test_client()
    token = csrf_token(focal_point, f"{link}/decline")
    focal_point.post(f"{link}/decline", data={"csrf_token": token})
    invitation = invitation_of(app, meeting)
    base = f"/en/manage/events/{meeting.slug}/nominations/{invitation.id}"
    assert post_form(editor, f"{base}/resend", {}, path_for_token=f"{base}/").status_code == 303
    again = link_in(mailbox.to("ana.perez@cancilleria.example")[-1])
    assert again != link and focal_point.get(again).status_code == 200
    assert focal_point.get(link).status_code in (404, 410)


def test_the_link_is_not_sent_again_after_the_deadline(app, editor, mailbox, meeting):
    invited(editor, mailbox, meeting)
    invitation = invitation_of(app, meeting)
    with app.app_context():
        stored_invitation = db.session.get(Invitation, invitation.id)
        stored_invitation.deadline = datetime(2000, 1, 1, tzinfo=UTC)
        db.session.commit()
    sent = len(mailbox.to("ana.perez@cancilleria.example"))
    base = f"/en/manage/events/{meeting.slug}/nominations/{invitation.id}"
    response = post_form(editor, f"{base}/resend", {}, f"{base}/", follow_redirects=True)
    assert "The deadline has passed: move it first" in text_of(response.get_data(as_text=True))
    assert len(mailbox.to("ana.perez@cancilleria.example")) == sent


# --- accreditation ---------------------------------------------------------------------------


def accredit(editor, event, invitation_id: int, number: int):
    base = f"/en/manage/events/{event.slug}/nominations/{invitation_id}"
    return post_form(editor, f"{base}/accredit", {"number": str(number)}, path_for_token=f"{base}/")


def test_accredited_public_members_reach_the_public_page_and_nothing_else_does(
    app, client, editor, mailbox, meeting
):
    link = invited(editor, mailbox, meeting)
    focal_point = app.test_client()
    nominate(
        focal_point,
        link,
        [
            member(title="S.E.", name="Ana Pérez", role="head_of_delegation",
                   email="ana@private.example", phone="+54 11 4815 1035"),
            member(name="Quiet Adviser", role="adviser", public=""),
        ],
    )  # fmt: skip
    public = f"/en/events/{meeting.slug}/"
    assert "Ana Pérez" not in client.get(public).get_data(as_text=True)  # not accredited yet
    invitation = invitation_of(app, meeting)
    assert accredit(editor, meeting, invitation.id, 1).status_code == 303

    page = text_of(client.get(public).get_data(as_text=True))
    assert "S.E. Ana Pérez" in page
    assert "Quiet Adviser" not in page
    assert "ana@private.example" not in page and "4815" not in page

    # A later change shows "changed since review" and changes nothing public.
    page_form = focal_point.get(link).get_data(as_text=True)
    keys = keys_in(page_form)
    nominate(
        focal_point,
        link,
        [
            member(key=keys[0], title="S.E.", name="Ana Pérez", role="head_of_delegation",
                   email="ana@private.example", phone="+54 11 4815 1035"),
            member(key=keys[1], name="Quiet Adviser", function="Legal adviser", role="adviser",
                   public=""),
            member(name="Pending Person"),
        ],
        page_form,
    )  # fmt: skip
    staff_list = editor.get(f"/en/manage/events/{meeting.slug}/nominations/")
    assert "Changed since review" in text_of(staff_list.get_data(as_text=True))
    review = editor.get(f"/en/manage/events/{meeting.slug}/nominations/{invitation.id}/")
    assert "Added: Pending Person" in text_of(review.get_data(as_text=True))
    assert "Changed: Quiet Adviser Function: — → Legal adviser" in text_of(
        review.get_data(as_text=True)
    )
    assert "Pending Person" not in client.get(public).get_data(as_text=True)

    # Accredited again: the new member joins; removed members leave; staff's own stay.
    with app.app_context():
        db.session.add(
            Participant(event_id=meeting.id, delegation_id=meeting.delegation_id,
                        name="Staff Entered", role="delegate")
        )  # fmt: skip
        db.session.commit()
        db.session.remove()
    assert accredit(editor, meeting, invitation.id, 2).status_code == 303
    page = text_of(client.get(public).get_data(as_text=True))
    assert "Pending Person" in page and "Staff Entered" in page
    page_form = focal_point.get(link).get_data(as_text=True)
    keys = keys_in(page_form)
    nominate(focal_point, link, [member(key=keys[0], title="S.E.", name="Ana Pérez",
                                        role="head_of_delegation")], page_form)  # fmt: skip
    assert accredit(editor, meeting, invitation.id, 3).status_code == 303
    page = text_of(client.get(public).get_data(as_text=True))
    assert "Pending Person" not in page and "Staff Entered" in page and "Ana Pérez" in page


def test_accredited_members_keep_the_role_they_were_nominated_in(
    app, client, editor, mailbox, meeting
):
    """An adviser and an alternate are listed as such, not as delegates (the tester saw
    "Asesora (Delegate)"): the roles of UN lists of participants, in each language."""
    link = invited(editor, mailbox, meeting)
    nominate(
        app.test_client(),
        link,
        [
            member(name="Ana Pérez", role="head_of_delegation"),
            member(name="Alma Suplente", role="alternate"),
            member(name="Luis Asesor", role="adviser"),
        ],
    )
    assert accredit(editor, meeting, invitation_of(app, meeting).id, 1).status_code == 303
    with app.app_context():
        roles = dict(
            db.session.execute(
                select(Participant.name, Participant.role).where(Participant.event_id == meeting.id)
            ).all()
        )
    assert roles["Alma Suplente"].value == "alternate" and roles["Luis Asesor"].value == "adviser"
    english = text_of(client.get(f"/en/events/{meeting.slug}/").get_data(as_text=True))
    assert "Alma Suplente (Alternate)" in english and "Luis Asesor (Adviser)" in english
    french = text_of(client.get(f"/fr/events/{meeting.slug}/").get_data(as_text=True))
    assert "Alma Suplente (Suppléant)" in french and "Luis Asesor (Conseiller)" in french


def test_accrediting_an_older_version_than_the_latest_is_refused(app, editor, mailbox, meeting):
    link = invited(editor, mailbox, meeting)
    focal_point = app.test_client()
    nominate(focal_point, link, [member(name="Ana")])
    nominate(focal_point, link, [member(name="Ana"), member(name="Luis")])
    invitation = invitation_of(app, meeting)
    accredit(editor, meeting, invitation.id, 1)
    assert invitation_of(app, meeting).accredited_number is None


def test_returning_a_nomination_emails_the_message_in_the_focal_points_language(
    app, editor, mailbox, meeting
):
    link = invited(editor, mailbox, meeting, "fr")
    focal_point = app.test_client()
    nominate(focal_point, link, [member(name="Ana")])
    invitation = invitation_of(app, meeting)
    base = f"/en/manage/events/{meeting.slug}/nominations/{invitation.id}"
    preview = post_form(
        editor, f"{base}/return", {"message": "Merci d’ajouter la lettre.", "number": "1"},
        path_for_token=f"{base}/",
    )  # fmt: skip
    assert preview.status_code == 200  # asks first, showing the e-mail
    response = editor.post(f"{base}/return", data=confirmation_fields(preview))
    assert response.status_code == 303
    message = mailbox.to("ana.perez@cancilleria.example")[-1]
    assert message["Content-Language"] == "fr"
    assert "Conférence" in message["Subject"] or "Regional conference" in message["Subject"]
    body = message.get_content()
    assert "Merci d’ajouter la lettre." in body
    assert "a retourné la liste" in body
    assert link_in(message).startswith("/fr/nominations/")
    assert "Returned" in text_of(editor.get(f"{base}/").get_data(as_text=True))
    page = text_of(focal_point.get(link).get_data(as_text=True))
    assert "Merci d’ajouter la lettre." in page


@pytest.mark.parametrize("size", [3, 30])
def test_the_accreditation_page_costs_three_queries_whatever_the_number_of_delegations(
    app, editor, make_event, count_queries, size
):
    event = make_event()
    with app.app_context():
        for number in range(size):
            delegation = Delegation(
                event_id=event.id,
                kind=DelegationKind.MEMBER_STATE,
                name=Translated(en=f"Delegation {number:02d}"),
            )
            db.session.add(
                Invitation(
                    event_id=event.id,
                    delegation=delegation,
                    focal_point_name="F",
                    focal_point_email="f@example.org",
                    language="en",
                    deadline=utcnow() + timedelta(days=3),
                    latest_number=number % 3,
                )
            )
        db.session.commit()
        db.session.remove()
    path = f"/en/manage/events/{event.slug}/nominations/"
    with count_queries() as counter:
        response = editor.get(path)
    assert response.status_code == 200
    assert len(re.findall(r"Delegation \d\d", text_of(response.get_data(as_text=True)))) == size
    # The user (from the session), the meeting, the invitations with their delegations.
    assert len(counter) == 3, counter.statements


@pytest.mark.parametrize("members", [3, 30])
def test_the_review_page_costs_the_same_queries_whatever_the_number_of_members(
    app, editor, mailbox, meeting, count_queries, members
):
    link = invited(editor, mailbox, meeting)
    focal_point = app.test_client()
    rows = [member(name=f"Person {number:02d}") for number in range(members)]
    nominate(focal_point, link, rows[:2])
    assert nominate(focal_point, link, rows).status_code == 303
    invitation = invitation_of(app, meeting)
    path = f"/en/manage/events/{meeting.slug}/nominations/{invitation.id}/"
    with count_queries() as counter:
        response = editor.get(path)
    assert response.status_code == 200
    assert f"Person {members - 1:02d}" in text_of(response.get_data(as_text=True))
    # The user, the meeting, the invitation with its delegation, its versions.
    assert len(counter) == 4, counter.statements
