"""Materials on the agenda (issue 19, item 4): staff attach a document to one agenda item of its
meeting; the public agenda shows it under that item with its language versions, and the
documents list still shows it under its category."""

import re

import pytest
from factories import add_parts
from sqlalchemy import func, select
from test_manage_documents import add_document, added_id, documents_path, pdf, uploaded

from iom_events.agenda.models import AgendaItem
from iom_events.documents.models import Document
from iom_events.extensions import db

from pages import section, text_of
from staff import post_form


def agenda_item_of(html: str, title: str) -> str:
    """The HTML of the public agenda's entry whose heading is `title`."""
    agenda = section(html, "agenda")
    for entry in re.findall(
        r'<li class="agenda-item.*?</li>\s*(?=<li class="agenda-item|</ol>)',
        agenda,
        flags=re.DOTALL,
    ):
        heading = re.search(r"<h4>(.*?)</h4>", entry, flags=re.DOTALL).group(1)
        if text_of(heading).startswith(title):  # "Opening session (English)": a fallback
            return entry
    raise AssertionError(f"no agenda item {title!r}")


@pytest.fixture
def meeting(app, make_event):
    """A meeting with one agenda item ("Opening session"), and its item's id."""
    event = make_event()
    return event, add_parts(app, event).item_id


@pytest.fixture
def foreign_item_id(app, make_event) -> int:
    """An agenda item of another meeting."""
    return add_parts(app, make_event()).item_id


def version_field(html: str) -> str:
    return re.search(r'name="version" type="hidden" value="(\d+)"', html).group(1)


def test_a_document_attached_to_an_item_shows_under_it_in_three_languages(
    app, client, editor, meeting
):
    event, item_id = meeting
    response = add_document(
        editor,
        event,
        "Keynote slides",
        **{
            "title-fr": "Diapositives du discours",
            "title-es": "Diapositivas del discurso",
            "category": "presentation",
            "agenda_item": str(item_id),
        },
    )
    document_id = added_id(response)
    uploaded(editor, event, document_id, "en", pdf("Keynote", "en"), "keynote.pdf")
    uploaded(editor, event, document_id, "fr", pdf("Discours"), "discours.pdf")

    expected = {
        "en": ("Opening session", "Keynote slides (English | French)"),
        "fr": ("Séance d’ouverture", "Diapositives du discours (anglais | français)"),
        "es": ("Opening session", "Diapositivas del discurso (inglés | francés)"),
    }
    for lang, (item_title, listed) in expected.items():
        html = client.get(f"/{lang}/events/{event.slug}/").get_data(as_text=True)
        entry = agenda_item_of(html, item_title)
        assert listed in text_of(entry)
        for language in ("en", "fr"):
            link = f"/{lang}/events/{event.slug}/documents/{document_id}/{language}"
            assert f'href="{link}" hreflang="{language}"' in entry
        # ...and still in the documents list, under its category.
        assert listed in text_of(section(html, "documents"))

    # The form shows the item chosen; choosing none detaches the document, which stays.
    edit_path = documents_path(event, f"{document_id}/edit")
    form = editor.get(edit_path).get_data(as_text=True)
    assert re.search(rf'<option selected value="{item_id}">[^<]*Opening session</option>', form)
    response = post_form(
        editor,
        edit_path,
        {
            "title-en": "Keynote slides",
            "category": "presentation",
            "agenda_item": "",
            "version": version_field(form),
        },
        path_for_token="/en/manage/",
    )
    assert response.status_code == 303, text_of(response.get_data(as_text=True))
    html = client.get(f"/en/events/{event.slug}/").get_data(as_text=True)
    assert "Keynote slides" not in agenda_item_of(html, "Opening session")
    assert "Keynote slides (English | French)" in text_of(section(html, "documents"))


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("en", "Choose an agenda item of this meeting from the list."),
        ("fr", "Choisissez dans la liste un point de l’ordre du jour de cette réunion."),
        ("es", "Elija de la lista un punto del programa de esta reunión."),
    ],
)
def test_another_meetings_item_is_refused_with_a_message_and_nothing_is_saved(
    app, editor, meeting, foreign_item_id, lang, message
):
    event, _item_id = meeting
    with app.app_context():
        before = db.session.scalar(select(func.count(Document.id)))
    response = post_form(
        editor,
        f"/{lang}/manage/events/{event.slug}/documents/new",
        {"title-en": "Stray", "category": "presentation", "agenda_item": str(foreign_item_id)},
        path_for_token=f"/{lang}/manage/",
    )
    assert response.status_code in (200, 400, 422)
    assert message in text_of(response.get_data(as_text=True)).replace("\u202f", " ").replace(
        "\u00a0", " "
    )
    with app.app_context():
        assert db.session.scalar(select(func.count(Document.id))) == before


def test_an_item_in_the_trash_keeps_its_document_which_stays_in_the_list(
    app, client, editor, meeting
):
    event, item_id = meeting
    document_id = added_id(
        add_document(
            editor, event, "Opening statement", category="opening_remarks", agenda_item=item_id
        )
    )
    uploaded(editor, event, document_id, "en", pdf("Statement", "en"), "statement.pdf")
    with app.app_context():
        version = db.session.get(AgendaItem, item_id).version
    response = post_form(
        editor,
        f"/en/manage/events/{event.slug}/agenda/{item_id}/remove",
        {"version": version},
        "/en/manage/",
    )
    assert response.status_code == 303
    html = client.get(f"/en/events/{event.slug}/").get_data(as_text=True)
    assert "Opening session" not in html
    assert "Opening statement (English only)" in text_of(section(html, "documents"))
    with app.app_context():
        document = db.session.get(Document, document_id)
        assert document is not None and document.removed_at is None


def test_the_rcp_meetings_presentations_are_under_presentations_of_the_rcps(client):
    for lang, item, midwa in (
        ("en", "Presentations of the RCPs by the delegations", "Contribution of MIDWA"),
        ("fr", "Présentation des PCR par les délégations", "Contribution du MIDWA"),
        ("es", "Presentación de los PCR por las delegaciones", "Contribución del MIDWA"),
    ):
        html = client.get(f"/{lang}/events/rcp-bangkok-2009/").get_data(as_text=True)
        entry = text_of(agenda_item_of(html, item))
        assert midwa in entry
        assert midwa in text_of(section(html, "documents"))


def test_staff_make_a_document_the_generated_provisional_agenda(app, client, editor, meeting):
    """A document "generated from the meeting's data": its versions are the provisional
    agenda's PDFs in every language; the generated list does not offer it a second time."""
    event, _item_id = meeting
    response = add_document(editor, event, "Programme", category="agenda", generated="AGENDA")
    # No upload page to go on to: its list, with what it is.
    assert response.status_code == 303
    assert re.search(r"/documents/#document-\d+$", response.location), response.location
    document_id = int(response.location.rpartition("-")[2])
    added = text_of(editor.get(response.location).get_data(as_text=True))
    assert "Document added: its language versions are generated from the meeting’s data." in added
    assert "Now upload" not in added
    with app.app_context():
        assert db.session.get(Document, document_id).generated == "AGENDA"
    html = client.get(f"/en/events/{event.slug}/").get_data(as_text=True)
    documents = section(html, "documents")
    assert "Programme (English | French | Spanish)" in text_of(documents)
    for language in ("en", "fr", "es"):
        href = f'href="/{language}/events/{event.slug}/agenda.pdf" hreflang="{language}"'
        assert documents.count(href) == 1
    assert "Provisional agenda" not in text_of(documents)
    assert client.get(f"/es/events/{event.slug}/agenda.pdf").mimetype == "application/pdf"


def test_an_unknown_kind_of_generated_document_is_refused(app, editor, meeting):
    event, _item_id = meeting
    with app.app_context():
        before = db.session.scalar(select(func.count(Document.id)))
    response = add_document(editor, event, "Odd", generated="MINUTES")
    assert response.status_code in (200, 400, 422)
    with app.app_context():
        assert db.session.scalar(select(func.count(Document.id))) == before


# --- a document in one language names its language once ---------------------------------------


@pytest.fixture
def french_only_material(app, editor, meeting):
    """A presentation under "Opening session" whose title, delegation and only version are in
    French: read in English, each falls back to French."""
    from iom_events.delegations.models import Delegation, DelegationKind
    from iom_events.translated import Translated

    event, item_id = meeting
    with app.app_context():
        delegation = Delegation(
            event_id=event.id,
            kind=DelegationKind.RCP,
            name=Translated(fr="Processus de Rabat"),
        )
        db.session.add(delegation)
        db.session.commit()
        delegation_id = delegation.id
    document_id = added_id(
        add_document(
            editor,
            event,
            "",
            **{
                "title-fr": "Note d’information",
                "category": "presentation",
                "agenda_item": str(item_id),
                "delegation": str(delegation_id),
            },
        )
    )
    uploaded(editor, event, document_id, "fr", pdf("Note d’information"), "note.pdf")
    return event


def test_a_french_only_material_says_french_once_on_the_meeting_pages_agenda(
    client, french_only_material
):
    html = client.get(f"/en/events/{french_only_material.slug}/").get_data(as_text=True)
    entry = agenda_item_of(html, "Opening session")
    assert "Note d’information — Processus de Rabat (French only)" in text_of(entry)
    assert text_of(entry).count("French") == 1
    assert '<span lang="fr">Note d’information</span>' in entry  # still marked as French


def test_a_french_only_document_says_french_once_in_the_documents_list(
    client, french_only_material
):
    for lang, only in (("en", "French"), ("es", "francés")):
        html = client.get(f"/{lang}/events/{french_only_material.slug}/").get_data(as_text=True)
        (listed,) = [
            text_of(entry)
            for entry in re.findall(r"<li>.*?</li>", section(html, "documents"), flags=re.DOTALL)
            if "Note d’information" in entry
        ]
        assert listed.startswith("Note d’information — Processus de Rabat (")
        assert listed.count(only) == 1, listed


def test_a_french_only_material_says_french_once_on_the_printable_agenda(
    client, french_only_material
):
    html = client.get(f"/en/events/{french_only_material.slug}/agenda").get_data(as_text=True)
    text = text_of(html)
    assert "Note d’information (French only)" in text
    assert "(French) (" not in text
    assert text.count("French") == 1


def test_a_french_only_material_says_french_once_in_the_agenda_pdf(client, french_only_material):
    from test_official_documents import pdf_text

    text = pdf_text(client.get(f"/en/events/{french_only_material.slug}/agenda.pdf").data)
    assert "Note d’information (French only)" in text
    assert text.count("French") == 1
