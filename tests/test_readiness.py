"""Before "Publish", staff see what the public will miss in each language; publishing stays
allowed, on purpose."""

import re
from datetime import date

import pytest
from factories import add_parts, stored

from iom_events.agenda.models import AgendaItem
from iom_events.events.models import Event, EventStatus
from iom_events.extensions import db
from iom_events.translated import Translated

from staff import confirm

PUBLISH = "/{lang}/manage/events/{slug}/status?status=published"


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture
def french_draft(app, make_event):
    """A draft in French only, with one of every part (the document in French only) and an
    agenda item titled in English only."""
    event = make_event(
        slug="readiness-draft",
        status=EventStatus.DRAFT,
        original_language="fr",
        title=Translated(fr="Réunion régionale"),
        summary=Translated(fr="Résumé"),
    )
    add_parts(app, event)
    with app.app_context():
        db.session.add(
            AgendaItem(event_id=event.id, day=date(2030, 1, 11), kind="session",
                       title=Translated(en="Working session"))
        )  # fmt: skip
        db.session.commit()
        db.session.remove()
    return event


def test_the_publish_page_lists_what_each_language_misses(editor, french_draft):
    response = editor.get(PUBLISH.format(lang="en", slug="readiness-draft"))
    assert response.status_code == 200
    page = text_of(response.get_data(as_text=True))
    assert "What the public will miss" in page
    english = page[page.index(" English ") : page.index(" French ")]
    assert "The title." in english and "The summary." in english
    assert "1 document has no version in this language: “" in english
    assert "agenda item" not in english  # both items have an English title
    french = page[page.index(" French ") : page.index(" Spanish ")]
    assert "The title." not in french and "document" not in french
    assert "1 agenda item has no title: “Working session”." in french
    spanish = page[page.index(" Spanish ") :]
    assert "2 agenda items have no title: “" in spanish
    assert "; “Working session”." in spanish
    assert "1 delegation has no name: “" in spanish
    assert "No press contact." not in page and "No agenda." not in page
    assert "Publish anyway" in page


def test_an_empty_meeting_misses_organizers_press_and_agenda(editor, make_event):
    make_event(slug="readiness-empty", status=EventStatus.DRAFT)
    page = text_of(
        editor.get(PUBLISH.format(lang="en", slug="readiness-empty")).get_data(as_text=True)
    )
    for sentence in ("No host or organizer is named.", "No press contact.", "No agenda."):
        assert sentence in page


def test_a_complete_meeting_is_ready(app, editor, make_event):
    everywhere = {"en": "Meeting", "fr": "Réunion", "es": "Reunión"}
    event = make_event(
        slug="readiness-complete", status=EventStatus.DRAFT, title=Translated(everywhere),
        summary=Translated(everywhere),
    )  # fmt: skip
    parts = add_parts(app, event)
    with app.app_context():
        item = db.session.get(AgendaItem, parts.item_id)
        item.title = Translated(everywhere)
        from iom_events.delegations.models import Delegation
        from iom_events.documents.models import Document, DocumentFile

        db.session.get(Delegation, parts.delegation_id).name = Translated(everywhere)
        document = db.session.get(Document, parts.document_id)
        for lang in ("en", "es"):
            document.versions.append(
                DocumentFile(language=lang, sha256=lang[0] * 64, size=10,
                             media_type="application/pdf", original_filename=f"a-{lang}.pdf")
            )  # fmt: skip
        db.session.commit()
        db.session.remove()
    page = text_of(
        editor.get(PUBLISH.format(lang="en", slug="readiness-complete")).get_data(as_text=True)
    )
    assert "Ready in every language" in page
    assert "Publish anyway" not in page


def test_publishing_stays_allowed(app, editor, french_draft):
    response = confirm(editor, PUBLISH.format(lang="en", slug="readiness-draft"))
    assert response.status_code == 303
    assert stored(app, Event, french_draft.id).status == EventStatus.PUBLISHED


def test_in_french(editor, french_draft):
    page = text_of(
        editor.get(PUBLISH.format(lang="fr", slug="readiness-draft")).get_data(as_text=True)
    )
    assert "Ce qui manquera au public" in page
    assert "Espagnol" in page


def test_the_page_costs_a_fixed_number_of_queries(editor, french_draft, count_queries):
    """The user (1), the meeting (1), then the meeting with its organizers, agenda,
    delegations, documents and their files, press contacts (1 + 6)."""
    path = PUBLISH.format(lang="en", slug="readiness-draft")
    editor.get(path)
    with count_queries() as counter:
        editor.get(path)
    assert len(counter) == 9, counter.statements


def test_the_check_names_what_to_complete_five_at_most(app, editor, make_event):
    from iom_events.delegations.models import Delegation, DelegationKind

    event = make_event(slug="readiness-many", status=EventStatus.DRAFT)
    with app.app_context():
        for n in range(7):
            db.session.add(
                Delegation(
                    event_id=event.id,
                    kind=DelegationKind.OBSERVER,
                    name=Translated(en=f"Observer {n}"),
                    position=n,
                )
            )
        db.session.commit()
    page = text_of(
        editor.get(PUBLISH.format(lang="fr", slug="readiness-many")).get_data(as_text=True)
    )
    assert (
        "7 délégations n’ont pas de nom : « Observer 0 » ; « Observer 1 » ; « Observer 2 » ; "
        "« Observer 3 » ; « Observer 4 » et 2 autres."
        in page.replace("\u00a0", " ").replace("\u202f", " ")
    )
