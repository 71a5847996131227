"""In the staff area, a refusal or a missing page is a page of the site, in the page's language,
that says what happened and what to do; the public 404 stays as it is."""

from datetime import date

import pytest
from flask_login import login_user
from sqlalchemy import select
from werkzeug.exceptions import Conflict

from iom_events.accounts.models import User
from iom_events.agenda.models import AgendaItem, AgendaItemKind
from iom_events.documents.models import Document, DocumentCategory
from iom_events.extensions import db
from iom_events.translated import Translated

from pages import text_of
from staff import post_form

FOR_ADMINS = {
    "en": [
        "For administrators only",
        "Only administrators can empty the trash. Ask an administrator if something in it "
        "should be deleted for good.",
    ],
    "fr": [
        "Réservé aux administrateurs",
        "Seuls les administrateurs peuvent vider la corbeille. Demandez à un administrateur "
        "si quelque chose doit y être supprimé définitivement.",
    ],
}


@pytest.fixture
def meeting(make_event):
    return make_event(title=Translated(en="Staff errors test meeting"))


@pytest.fixture
def document_id(app, meeting) -> int:
    with app.app_context():
        document = Document(
            event_id=meeting.id, category=DocumentCategory.AGENDA, title=Translated(en="Agenda")
        )
        db.session.add(document)
        db.session.commit()
        return document.id


def page_of(response) -> str:
    return text_of(response.get_data(as_text=True))


# --- 403 --------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_an_editor_emptying_the_trash_is_told_who_can_and_whom_to_ask(editor, lang):
    response = editor.get(f"/{lang}/manage/trash/empty")
    assert response.status_code == 403
    html = response.get_data(as_text=True)
    page = text_of(html)
    assert "Forbidden" not in page and "permission" not in page
    for words in FOR_ADMINS[lang]:
        assert words in page
    assert "admin@iom.test" in page  # whom to ask
    assert f'<html lang="{lang}">' in html
    assert 'class="manage-nav"' in html  # the staff pages' navigation stays
    posted = post_form(editor, f"/{lang}/manage/trash/empty", {"confirm": "yes"}, "/en/manage/")
    assert posted.status_code == 403
    assert FOR_ADMINS[lang][1] in page_of(posted)


def test_an_editor_restoring_what_someone_else_removed_is_told_whom_to_ask(
    app, editor, document_id
):
    with app.app_context():  # moved to the trash by someone else
        db.session.get(Document, document_id).remove()
        db.session.commit()
    response = post_form(
        editor, f"/en/manage/trash/document/{document_id}/restore", {}, "/en/manage/"
    )
    assert response.status_code == 403
    assert (
        "Only administrators can restore what someone else moved to the trash. Ask an "
        "administrator, or the person who moved it there." in page_of(response)
    )


def test_each_administrators_area_says_what_only_they_can_do(editor):
    users = page_of(editor.get("/en/manage/users/"))
    assert "Only administrators can manage staff accounts." in users
    offices = page_of(editor.get("/es/manage/offices/"))
    assert "Solo los administradores pueden modificar el directorio de oficinas." in offices


# --- 404 --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", "it may have been moved to the trash, or it never existed."),
        ("fr", "l’élément a peut-être été placé dans la corbeille, ou il n’a jamais existé."),
    ],
)
def test_a_document_moved_to_the_trash_meanwhile_says_so_and_leads_back(
    app, editor, meeting, document_id, lang, words
):
    documents = f"/{lang}/manage/events/{meeting.slug}/documents/"
    with app.app_context():  # a colleague moves it to the trash
        db.session.get(Document, document_id).remove()
        db.session.commit()
    response = editor.get(f"{documents}{document_id}/edit")
    assert response.status_code == 404
    html = response.get_data(as_text=True)
    assert words in text_of(html)
    assert "Browse all meetings" not in text_of(html)  # not the public page
    assert f'href="{documents}"' in html  # back to the meeting's documents
    assert f'<html lang="{lang}">' in html


def test_a_meeting_that_is_gone_leads_back_to_the_meetings(editor):
    response = editor.get("/en/manage/events/no-such-meeting/agenda/")
    assert response.status_code == 404
    html = response.get_data(as_text=True)
    assert "There is no meeting at this address" in text_of(html)
    assert 'href="/en/manage/"' in html


def test_administrators_are_pointed_to_the_trash(admin, meeting):
    response = admin.get(f"/en/manage/events/{meeting.slug}/press/999999/edit")
    assert response.status_code == 404
    html = response.get_data(as_text=True)
    assert "you can restore it from there" in text_of(html)
    assert 'href="/en/manage/trash/"' in html


def test_the_public_404_is_unchanged(client, editor):
    for who in (client, editor):
        response = who.get("/en/events/no-such-meeting/")
        assert response.status_code == 404
        assert "There is no page at this address." in page_of(response)
    # A visitor guessing staff addresses learns nothing about them.
    visitor = client.get("/en/manage/no-such-page")
    assert visitor.status_code == 404 and "Page not found" in page_of(visitor)


# --- 400, 405, 409 ----------------------------------------------------------------------------


def test_a_button_address_opened_as_a_page_changes_nothing_and_says_so(app, editor, meeting):
    item_id = agenda_item(app, meeting)
    response = editor.get(f"/fr/manage/events/{meeting.slug}/agenda/{item_id}/move")
    assert response.status_code == 405
    assert "POST" in response.headers["Allow"]
    html = response.get_data(as_text=True)
    page = text_of(html)
    assert "Cette adresse est la cible d’un bouton, pas une page à ouvrir" in page
    assert "Method Not Allowed" not in page
    assert f'href="/fr/manage/events/{meeting.slug}/agenda/"' in html  # back to the agenda


def agenda_item(app, meeting) -> int:
    with app.app_context():
        item = AgendaItem(
            event_id=meeting.id,
            day=date(2030, 1, 10),
            kind=AgendaItemKind.SESSION,
            title=Translated(en="Opening session"),
        )
        db.session.add(item)
        db.session.commit()
        return item.id


def test_a_request_the_site_cannot_understand_changes_nothing(app, editor, meeting):
    item_id = agenda_item(app, meeting)
    path = f"/en/manage/events/{meeting.slug}/agenda/{item_id}/move"
    response = post_form(editor, path, {"direction": "sideways"}, "/en/manage/")
    assert response.status_code == 400
    page = page_of(response)
    assert "The site could not understand this request, so it changed nothing." in page
    assert "Bad Request" not in page


def test_a_conflict_in_the_staff_area_says_what_to_do(app, staff_accounts):
    """No view answers 409 by itself today; one that does gets this page."""
    with app.test_request_context("/fr/manage/events/some-meeting/edit"):
        user = db.session.scalar(select(User).where(User.email == staff_accounts["editor"]))
        login_user(user)
        app.preprocess_request()
        response = app.make_response(app.handle_user_exception(Conflict()))
        db.session.remove()
    assert response.status_code == 409
    page = page_of(response)
    assert "Modifié entre-temps par quelqu’un d’autre" in page
    assert "aucune de vos modifications n’a donc été enregistrée" in page
