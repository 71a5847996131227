"""A staff form is never refused for being old, and a refused form never loses what was typed.

The CSRF token lives as long as the session: a form left open for days still saves. When the
check fails all the same (no token, a token from another session, a deployment that sets a
time limit), nothing runs and nothing is saved; the page says so in the page's language, shows
what was typed, and sends it again, with a fresh token, only when the staff member asks.
"""

import io
import re
import time
from html import unescape

import pytest
from factories import add_parts
from itsdangerous import TimestampSigner, URLSafeTimedSerializer
from sqlalchemy import func, select

from iom_events.delegations.models import Participant
from iom_events.documents.models import Document, DocumentFile
from iom_events.events.models import Event, EventStatus
from iom_events.extensions import db
from iom_events.translated import Translated

from pages import text_of
from staff import PASSWORD, csrf_token, post_form, sign_in

DAY = 24 * 3600

TYPED = {"title-en": "Revised agenda", "title-fr": "Ordre du jour révisé", "category": "report"}

REFUSED = {
    "en": [
        "Not saved yet",
        "The site could not confirm that this form came from your current session",
        "Nothing was saved.",
        "What you typed",
    ],
    "fr": [
        "Pas encore enregistré",
        "Le site n’a pas pu confirmer que ce formulaire vient de votre session actuelle",
        "Rien n’a été enregistré.",
        "Ce que vous avez saisi",
    ],
}
SHOWN = {
    "en": ["Title (English)", "Revised agenda", "Title (French)", "Ordre du jour révisé", "Report"],
    "fr": [
        "Titre (anglais)",
        "Revised agenda",
        "Titre (français)",
        "Ordre du jour révisé",
        "Rapport",
    ],
}
SEND_AGAIN = {"en": "Send again", "fr": "Envoyer à nouveau"}


@pytest.fixture
def meeting(make_event):
    return make_event(title=Translated(en="CSRF test meeting"))


def new_document(lang: str, meeting) -> str:
    return f"/{lang}/manage/events/{meeting.slug}/documents/new"


def documents_titled(app, meeting, title: str) -> int:
    with app.app_context():
        documents = db.session.scalars(select(Document).where(Document.event_id == meeting.id))
        return sum(1 for document in documents if document.title.get("en") == title)


def signed_at(app, client, seconds_ago: int) -> str:
    """The session's CSRF token signed `seconds_ago`, as flask_wtf.csrf.generate_csrf signs it
    (itsdangerous, salt "wtf-csrf-token", the raw token kept in the session)."""
    client.get("/en/manage/")  # the session gets its raw token
    with client.session_transaction() as session:
        raw = session["csrf_token"]

    class Earlier(TimestampSigner):
        def get_timestamp(self) -> int:
            return int(time.time()) - seconds_ago

    serializer = URLSafeTimedSerializer(app.secret_key, salt="wtf-csrf-token", signer=Earlier)
    return serializer.dumps(raw)


def resend_form(html: str) -> tuple[str, list[tuple[str, str]]]:
    """The action and hidden inputs of the page's "send again" (or sign-in) form."""
    forms = re.findall(r'<form method="post" action="([^"]*)"[^>]*>(.*?)</form>', html, re.S)
    action, body = next((a, b) for a, b in forms if "/sign-out" not in a)
    inputs = re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', body)
    return unescape(action), [(unescape(n), unescape(v)) for n, v in inputs]


def send_again(client, html: str, **more):
    action, inputs = resend_form(html)
    data: dict[str, list[str]] = {}
    for name, value in [*inputs, *more.items()]:
        data.setdefault(name, []).append(value)
    return client.post(action, data=data)


# --- no clock on the token ----------------------------------------------------------------------


def test_a_form_open_for_two_days_saves(app, editor, meeting):
    token = signed_at(app, editor, 2 * DAY)
    response = editor.post(
        new_document("en", meeting), data={**TYPED, "csrf_token": token, "title-en": "Two days"}
    )
    assert response.status_code == 303, text_of(response.get_data(as_text=True))
    assert documents_titled(app, meeting, "Two days") == 1


def test_signing_out_ends_the_token(app, editor, meeting):
    token = csrf_token(editor, "/en/manage/")
    post_form(editor, "/en/sign-out", {}, path_for_token="/en/manage/")
    sign_in(editor, "editor@iom.test")
    response = editor.post(
        new_document("en", meeting), data={**TYPED, "csrf_token": token, "title-en": "Old token"}
    )
    assert response.status_code == 400
    assert documents_titled(app, meeting, "Old token") == 0


# --- a refused form keeps its input ------------------------------------------------------------


def expired(app, client, monkeypatch):
    """A deployment that sets a time limit, and a form older than it."""
    monkeypatch.setitem(app.config, "WTF_CSRF_TIME_LIMIT", 3600)
    return {"csrf_token": signed_at(app, client, 2 * 3600)}


def missing(app, client, monkeypatch):
    return {}


def from_another_session(app, client, monkeypatch):
    other = app.test_client()
    sign_in(other, "admin@iom.test")
    return {"csrf_token": csrf_token(other, "/en/manage/")}


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("token", [expired, missing, from_another_session])
def test_a_refused_form_keeps_the_input_and_sends_it_again(
    app, editor, meeting, monkeypatch, lang, token
):
    title = f"Kept {token.__name__} {lang}"
    typed = {**TYPED, "title-en": title}
    response = editor.post(
        new_document(lang, meeting), data={**typed, **token(app, editor, monkeypatch)}
    )
    assert response.status_code == 400
    assert response.headers["Cache-Control"] == "no-store"
    html = response.get_data(as_text=True)
    page = text_of(html)
    assert "Bad Request" not in page and "CSRF" not in page
    for words in REFUSED[lang]:
        assert words in page
    for words in [w if w != "Revised agenda" else title for w in SHOWN[lang]]:
        assert words in page, words
    assert f'<html lang="{lang}">' in html
    assert SEND_AGAIN[lang] in page
    assert documents_titled(app, meeting, title) == 0  # the view never ran

    monkeypatch.setitem(app.config, "WTF_CSRF_TIME_LIMIT", None)
    action, inputs = resend_form(html)
    assert action == new_document(lang, meeting)
    assert ("title-fr", "Ordre du jour révisé") in inputs and ("category", "report") in inputs
    sent = send_again(editor, html)
    assert sent.status_code == 303, text_of(sent.get_data(as_text=True))
    assert documents_titled(app, meeting, title) == 1


def test_a_refused_status_change_does_nothing_until_sent_again(app, editor, meeting):
    """Routes that act on request.form directly never see a refused POST."""
    path = f"/en/manage/events/{meeting.slug}/status"
    response = editor.post(path, data={"status": "cancelled", "version": "1"})
    assert response.status_code == 400
    with app.app_context():
        assert db.session.get(Event, meeting.id).status == EventStatus.PUBLISHED
    assert ("status", "cancelled") in resend_form(response.get_data(as_text=True))[1]


def test_a_refused_upload_asks_for_the_file_again(app, editor, meeting):
    with app.app_context():
        document = Document(event_id=meeting.id, category="agenda", title=Translated(en="Agenda"))
        db.session.add(document)
        db.session.commit()
        document_id = document.id
    path = f"/en/manage/events/{meeting.slug}/documents/{document_id}/upload"
    response = editor.post(
        path,
        data={"language": "fr", "file": (io.BytesIO(b"Ordre du jour\n"), "ordre-du-jour.txt")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "The file you chose, ordre-du-jour.txt, could not be kept: choose it again." in text_of(
        html
    )
    assert 'enctype="multipart/form-data"' in html and 'type="file" id="again-file"' in html
    action, inputs = resend_form(html)
    sent = editor.post(
        action,
        data={**dict(inputs), "file": (io.BytesIO(b"Ordre du jour\n"), "ordre-du-jour.txt")},
        content_type="multipart/form-data",
    )
    assert sent.status_code == 303
    with app.app_context():
        count = db.session.scalar(
            select(func.count())
            .select_from(DocumentFile)
            .where(DocumentFile.document_id == document_id)
        )
    assert count == 1


def test_a_refused_sign_in_asks_for_the_password_again(client):
    response = client.post(
        "/fr/sign-in", data={"email": "editor@iom.test", "password": PASSWORD, "next": ""}
    )
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert PASSWORD not in html  # a password is never put back in a page
    assert "editor@iom.test" in text_of(html)
    assert 'type="password" id="again-password" name="password"' in html
    sent = send_again(client, html, password=PASSWORD)
    assert sent.status_code == 302


# --- staff no longer signed in -----------------------------------------------------------------


SIGNED_OUT = {
    "en": ["Sign in again to save", "You are no longer signed in, so nothing was saved."],
    "fr": [
        "Connectez-vous à nouveau pour enregistrer",
        "Vous n’êtes plus connecté, rien n’a donc été enregistré.",
    ],
}
SIGNED_IN_AGAIN = {
    "en": "You are signed in again. Nothing has been saved yet",
    "fr": "Vous êtes de nouveau connecté. Rien n’a encore été enregistré",
}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_signed_out_in_another_tab_the_input_survives_signing_in_again(app, editor, meeting, lang):
    token = csrf_token(editor, "/en/manage/")  # the form, open in one tab
    post_form(editor, "/en/sign-out", {}, path_for_token="/en/manage/")  # signed out in another
    title = f"After signing in again {lang}"
    response = editor.post(
        new_document(lang, meeting), data={**TYPED, "title-en": title, "csrf_token": token}
    )
    assert response.status_code == 400
    page = text_of(response.get_data(as_text=True))
    for words in SIGNED_OUT[lang]:
        assert words in page
    assert title in page and "Ordre du jour révisé" in page

    wrong = send_again(
        editor,
        response.get_data(as_text=True),
        **{"_resend-email": "editor@iom.test", "_resend-password": "wrong"},
    )
    assert wrong.status_code == 401
    assert title in text_of(wrong.get_data(as_text=True))
    assert documents_titled(app, meeting, title) == 0

    signed_in = send_again(
        editor,
        wrong.get_data(as_text=True),
        **{"_resend-email": "editor@iom.test", "_resend-password": PASSWORD},
    )
    assert signed_in.status_code == 200
    html = signed_in.get_data(as_text=True)
    assert SIGNED_IN_AGAIN[lang] in text_of(html)
    assert "_resend-password" not in html and PASSWORD not in html
    assert documents_titled(app, meeting, title) == 0  # only the explicit click saves

    sent = send_again(editor, html)
    assert sent.status_code == 303
    assert documents_titled(app, meeting, title) == 1


def test_a_post_after_the_session_ended_keeps_the_input(app, client, meeting):
    """A valid token, but nobody signed in (the account's password changed, say): the form is
    not thrown away for a redirect to the sign-in page."""
    token = csrf_token(client)
    response = client.post(
        new_document("en", meeting),
        data={**TYPED, "title-en": "Session ended", "csrf_token": token},
    )
    assert response.status_code == 401
    html = response.get_data(as_text=True)
    assert "Sign in again to save" in text_of(html) and "Session ended" in text_of(html)
    signed_in = send_again(
        client, html, **{"_resend-email": "editor@iom.test", "_resend-password": PASSWORD}
    )
    assert signed_in.status_code == 200
    assert send_again(client, signed_in.get_data(as_text=True)).status_code == 303
    assert documents_titled(app, meeting, "Session ended") == 1


def test_an_empty_post_by_a_visitor_still_goes_to_sign_in(client, meeting):
    token = csrf_token(client)
    response = client.post(new_document("en", meeting), data={"csrf_token": token})
    assert response.status_code == 302
    assert response.location.startswith("/en/sign-in?next=")


def test_codes_of_choices_filled_per_page_read_as_names(editor, meeting):
    """A country and a language chosen in a list read as the page's language names them."""
    response = editor.post(
        f"/fr/manage/events/{meeting.slug}/edit",
        data={"title-fr": "Atelier", "country": "AR", "original_language": "es"},
    )
    assert response.status_code == 400
    page = text_of(response.get_data(as_text=True))
    assert "Argentine" in page and "espagnol" in page


def test_what_a_button_sent_is_sent_again_but_not_shown_as_typed(editor, meeting):
    response = editor.post(
        f"/es/manage/events/{meeting.slug}/edit",
        data={"title-es": "Taller", "starts_on": "2019-03-21", "direction": "down"},
    )
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    page = text_of(html)
    assert "21 de marzo de 2019" in page and "2019-03-21" not in page
    assert "Direction" not in page
    assert 'name="direction" value="down"' in html  # still sent again


def test_a_parent_meeting_and_a_speaker_read_as_their_names(app, editor, make_event):
    parent = make_event(title=Translated(en="Global RCP meeting"))
    parts = add_parts(app, make_event())
    response = editor.post(
        f"/en/manage/events/{parts.slug}/edit", data={"parent_slug": parent.slug}
    )
    assert "Global RCP meeting" in text_of(response.get_data(as_text=True))
    with app.app_context():
        person = db.session.scalar(
            select(Participant.id).where(Participant.event_id == parts.event_id)
        )
    response = editor.post(
        f"/en/manage/events/{parts.slug}/agenda/{parts.item_id}/edit",
        data={"title-en": "Opening", "speakers": str(person)},
    )
    assert response.status_code == 400
    assert "Ada Example" in text_of(response.get_data(as_text=True))


@pytest.mark.parametrize(
    ("path", "posted", "shown", "not_shown"),
    [
        ("delegations/participants/new",
         {"name": "Ada Lovelace", "role": "speaker", "delegation": "{delegation_id}",
          "is_public": "y"},
         ["Delegation Observers", "Show on public pages Yes"], ["Delegation {delegation_id}"]),
        ("documents/new", {"title-en": "Annex", "category": "additional"},
         ["Category Additional document"], ["additional"]),
        ("agenda/new", {"title-en": "Opening", "day": "2030-01-10", "kind": "opening"},
         ["10 January 2030"], ["2030-01-10"]),
        ("press/new", {"name": "Press Officer", "office": "bangkok", "languages": "fr"},
         ["Office Regional Office in Bangkok", "Languages spoken French"], ["bangkok"]),
    ],
)  # fmt: skip
def test_a_refused_form_shows_choices_by_their_names(
    app, editor, make_event, path, posted, shown, not_shown
):
    """Codes from choices filled per page (a delegation's id, an office's slug, a day) and
    fixed choices whose code two lists share read as the form showed them."""
    parts = add_parts(app, make_event())
    values = {name: value.format(**parts.__dict__) for name, value in posted.items()}
    response = editor.post(f"/en/manage/events/{parts.slug}/{path}", data=values)
    assert response.status_code == 400
    page = text_of(response.get_data(as_text=True))
    for words in shown:
        assert words in page, page
    for words in not_shown:
        assert words.format(**parts.__dict__) not in page


@pytest.mark.parametrize("name", ["parent", "office", "parent_slug"])
def test_a_refused_form_with_a_control_character_in_a_key_is_a_page_not_a_500(admin, name):
    """The refused form's page names what was chosen by looking the key up: a NUL sent in it
    (PostgreSQL refuses one in any text) is looked up as a form reads it, without it.
    Found by tests/test_no_input_reaches_a_500.py on PostgreSQL."""
    response = admin.post(
        "/en/manage/account/sign-out-everywhere",
        data={"csrf_token": "not-the-token", name: "\x00"},
    )
    assert response.status_code == 400
    assert "Nothing was saved" in text_of(response.get_data(as_text=True))


@pytest.mark.parametrize("code", ["A", "zz", "en-", "-", "x" * 300, "fr_FR", "\x00"])
def test_a_refused_form_with_an_unknown_language_code_is_a_page_not_a_500(admin, code):
    """The refused form's page names a chosen language by its name; a code that is no language
    at all ("A", which Babel refuses as an unknown locale) is shown as it was sent.
    Found by tests/test_no_input_reaches_a_500.py."""
    response = admin.post(
        "/en/manage/account/sign-out-everywhere",
        data={"csrf_token": "not-the-token", "language": code, "original_language": code},
    )
    assert response.status_code == 400
    assert "Nothing was saved" in text_of(response.get_data(as_text=True))
