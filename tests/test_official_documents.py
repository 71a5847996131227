"""The printable agenda and the official PDFs (issue 19, items 3 and 5): the "Provisional agenda"
and the "List of participants" of a meeting, generated from its data in en, fr and es, laid out as
UN meeting documents, validated by what they show."""

import io
import re
import time
import zipfile

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from iom_events.delegations.models import Delegation, Participant, ParticipantRole
from iom_events.events.models import Event
from iom_events.extensions import cache, db
from iom_events.translated import Translated

from pages import section, text_of

RCP = "rcp-bangkok-2009"


def pdf_text(data: bytes) -> str:
    """The PDF's text, every page, whitespace (no-break spaces included) collapsed."""
    reader = PdfReader(io.BytesIO(data))
    text = " ".join(page.extract_text() for page in reader.pages)
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " "))


def pdf_text_of_page(page) -> str:
    text = page.extract_text().replace("\u00a0", " ").replace("\u202f", " ")
    return re.sub(r"\s+", " ", text)


def in_order(text: str, *parts: str) -> bool:
    positions = [text.find(part) for part in parts]
    return all(p >= 0 for p in positions) and positions == sorted(positions)


# --- the printable agenda ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "title", "day", "zone", "material"),
    [
        (
            "en",
            "Provisional agenda",
            "Thursday 4 June 2009",
            "Times are Bangkok time (UTC+7).",
            "Contribution of MIDWA (English | French)",
        ),
        (
            "fr",
            "Ordre du jour provisoire",
            "jeudi 4 juin 2009",
            "Heures indiquées : heure de Bangkok (UTC+7).",
            "Contribution du MIDWA (anglais | français)",
        ),
        (
            "es",
            "Programa provisional",
            "jueves 4 de junio de 2009",
            "Las horas corresponden a la hora de Bangkok (UTC+7).",
            "Contribución del MIDWA (inglés | francés)",
        ),
    ],
)
def test_the_printable_agenda_has_a_table_per_day_the_time_zone_and_materials(
    client, lang, title, day, zone, material
):
    response = client.get(f"/{lang}/events/{RCP}/agenda")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    text = text_of(html).replace("\u00a0", " ").replace("\u202f", " ")
    assert f'<html lang="{lang}">' in html
    assert html.count('<table class="day">') == 2  # 4 and 5 June
    assert title in text and day in text and zone in text
    # The MIDWA presentation sits in the row of "Presentations of the RCPs".
    rows = re.findall(r"<tr class=.*?</tr>", html, flags=re.DOTALL)
    midwa_rows = [row for row in rows if "MIDWA" in row]
    assert len(midwa_rows) == 1 and material in text_of(midwa_rows[0]).replace("\u00a0", " ")
    assert f'href="http://localhost/{lang}/events/{RCP}/documents/' in midwa_rows[0]
    for other in ("en", "fr", "es"):
        href = f"http://localhost/{other}/events/{RCP}/agenda"
        assert f'<link rel="alternate" hreflang="{other}" href="{href}">' in html
    assert 'href="/static/css/official.css"' in html
    assert f'href="/{lang}/events/{RCP}/agenda.pdf"' in html


def test_the_meeting_page_links_its_printable_agenda_and_pdfs(client):
    html = client.get(f"/fr/events/{RCP}/").get_data(as_text=True)
    assert f'href="/fr/events/{RCP}/agenda"' in html
    assert f'href="/fr/events/{RCP}/agenda.pdf"' in html
    assert f'href="/fr/events/{RCP}/participants.pdf"' in html
    # The documents list offers both as generated versions in the three languages: the
    # meeting's "Ordre du jour" is its provisional agenda; the list of participants is listed
    # as generated from the data.
    documents = text_of(section(html, "documents")).replace("\u202f", " ")
    assert "Ordre du jour (anglais | français | espagnol)PDF | PDF | PDF" in documents
    assert "Ordre du jour provisoire" not in documents  # not listed twice
    assert "Générés à partir des données de la réunion" in documents
    assert "Liste des participants (anglais | français | espagnol)" in documents
    for lang in ("en", "fr", "es"):
        for end in ("agenda.pdf", "participants.pdf"):
            href = f'href="/{lang}/events/{RCP}/{end}" hreflang="{lang}"'
            assert href in section(html, "documents")
            assert client.get(f"/{lang}/events/{RCP}/{end}").status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/fr/events/no-such-meeting/agenda",
        "/fr/events/no-such-meeting/agenda.pdf",
        "/fr/events/no-such-meeting/participants.pdf",
        f"/xx/events/{RCP}/agenda",
        f"/xx/events/{RCP}/participants.pdf",
    ],
)
def test_an_unknown_meeting_or_language_is_a_404_page(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response.mimetype == "text/html"


def test_a_draft_has_no_printable_agenda_nor_pdfs(client, make_event):
    from iom_events.events.models import EventStatus

    draft = make_event(status=EventStatus.DRAFT)
    for end in ("agenda", "agenda.pdf", "participants.pdf"):
        assert client.get(f"/en/events/{draft.slug}/{end}").status_code == 404


# --- the PDFs ----------------------------------------------------------------------------------


def test_the_provisional_agenda_pdf_is_the_printable_agenda_in_each_language(client):
    for lang, title, name, material in (
        ("en", "Provisional agenda", "provisional-agenda", "Contribution of MIDWA"),
        ("fr", "Ordre du jour provisoire", "ordre-du-jour-provisoire", "Contribution du MIDWA"),
        ("es", "Programa provisional", "programa-provisional", "Contribución del MIDWA"),
    ):
        response = client.get(f"/{lang}/events/{RCP}/agenda.pdf")
        assert response.status_code == 200
        assert response.mimetype == "application/pdf"
        assert response.headers["Content-Disposition"] == (
            f"attachment; filename={RCP}_{name}_{lang}.pdf"
        )
        text = pdf_text(response.data)
        assert title in text and material in text
        # On every page: the meeting's name and the page's address.
        html = client.get(f"/{lang}/events/{RCP}/agenda").get_data(as_text=True)
        name_html = re.search(r'<p class="meeting-name running-meeting">(.*?)</p>', html).group(1)
        meeting_name = text_of(name_html).replace("\u00a0", " ").replace("\u202f", " ")
        reader = PdfReader(io.BytesIO(response.data))
        assert len(reader.pages) >= 2
        address = f"http://localhost/{lang}/events/{RCP}/agenda"
        for page in reader.pages:
            page_text = pdf_text_of_page(page)
            assert address in page_text
            assert meeting_name in page_text


@pytest.fixture
def rcp_people(app):
    """Public members of three RCP delegations of the Bangkok meeting (each: a delegate listed
    before a head of delegation), a private one, and contact data on them all."""
    with app.app_context():
        event = db.session.scalars(select(Event).where(Event.slug == RCP)).one()
        delegations = {
            str(d.short_name.get("en") if d.short_name else d.name["en"]): d
            for d in db.session.scalars(select(Delegation).where(Delegation.event_id == event.id))
        }
        budapest = next(d for name, d in delegations.items() if "Budapest" in name)
        midwa = delegations["MIDWA"]
        puebla = delegations["Puebla Process"]
        people = []
        for delegation, delegate, head in (
            (budapest, "Bela Delegate", "Bianca Head"),
            (midwa, "Moussa Delegate", "Mariam Head"),
            (puebla, "Pedro Delegate", "Paula Head"),
        ):
            people += [
                Participant(
                    event_id=event.id,
                    delegation=delegation,
                    name=delegate,
                    role=ParticipantRole.DELEGATE,
                    position=0,
                    email=f"{delegate.split()[0].lower()}@example.org",
                    phone="+41227179111",
                ),
                Participant(
                    event_id=event.id,
                    delegation=delegation,
                    name=head,
                    role=ParticipantRole.HEAD_OF_DELEGATION,
                    function=Translated(en="Chair", fr="Président", es="Presidente"),
                    position=1,
                ),
            ]
        secret = Participant(
            event_id=event.id,
            delegation=midwa,
            name="Zed Private",
            role=ParticipantRole.DELEGATE,
            is_public=False,
            phone="+41227170000",
            email="zed@example.org",
        )
        db.session.add_all([*people, secret])
        db.session.commit()
        ids = {person.name: person.id for person in [*people, secret]}
        db.session.remove()
    return ids


def test_the_french_list_of_participants_orders_delegations_by_french_names_heads_first(
    client, rcp_people
):
    response = client.get(f"/fr/events/{RCP}/participants.pdf")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == (
        f"attachment; filename={RCP}_liste-des-participants_fr.pdf"
    )
    text = pdf_text(response.data)
    assert "Liste des participants" in text and "Organisations" in text
    # French names: Conférence régionale sur les migrations (Puebla), Dialogue sur la migration
    # pour l'Afrique de l'Ouest (MIDWA), Processus de Budapest; in English, Budapest Process
    # would come first, then Migration Dialogue for West Africa, then Regional Conference.
    assert in_order(
        text,
        "Conférence régionale sur les migrations",
        "Paula Head",
        "Pedro Delegate",
        "Dialogue sur la migration pour l’Afrique de l’Ouest",
        "Mariam Head",
        "Moussa Delegate",
        "Processus de Budapest",
        "Bianca Head",
        "Bela Delegate",
    ), text
    english = pdf_text(client.get(f"/en/events/{RCP}/participants.pdf").data)
    assert in_order(
        english,
        "Budapest Process",
        "Bianca Head",
        "Migration Dialogue for West Africa",
        "Mariam Head",
        "Regional Conference on Migration",
        "Paula Head",
    ), english
    for lang in ("en", "fr", "es"):
        text = pdf_text(client.get(f"/{lang}/events/{RCP}/participants.pdf").data)
        assert "Zed Private" not in text
        assert "@" not in text and "example.org" not in text
        assert "41 22" not in text and "+4122" not in text and "717" not in text


def test_the_list_of_participants_changes_only_when_what_it_shows_does(app, client, rcp_people):
    path = f"/fr/events/{RCP}/participants.pdf"
    first = client.get(path)
    etag = first.headers["ETag"]
    assert client.get(path, headers={"If-None-Match": etag}).status_code == 304

    # What the PDF does not show: a private participant's phone, a public one's e-mail.
    with app.app_context():
        db.session.get(Participant, rcp_people["Zed Private"]).phone = "+41227171234"
        db.session.get(Participant, rcp_people["Bela Delegate"]).email = "bela@example.net"
        db.session.commit()
    unchanged = client.get(path)
    assert unchanged.headers["ETag"] == etag and unchanged.data == first.data
    assert client.get(path, headers={"If-None-Match": etag}).status_code == 304

    # What it shows: a public participant's function.
    with app.app_context():
        person = db.session.get(Participant, rcp_people["Bela Delegate"])
        person.function = Translated(fr="Conseiller juridique", en="Legal adviser")
        db.session.commit()
    changed = client.get(path, headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed.headers["ETag"] != etag and changed.data != first.data
    assert "Bela Delegate, Conseiller juridique" in pdf_text(changed.data)

    # A private participant made public joins the list.
    with app.app_context():
        db.session.get(Participant, rcp_people["Zed Private"]).is_public = True
        db.session.commit()
    joined = client.get(path)
    assert joined.headers["ETag"] != changed.headers["ETag"]
    assert "Zed Private" in pdf_text(joined.data)


def test_the_agenda_pdf_is_validated_by_what_it_shows(app, client, rcp_people):
    path = f"/en/events/{RCP}/agenda.pdf"
    first = client.get(path)
    # New participants are not on the agenda (no speakers among them): same ETag.
    with app.app_context():
        db.session.get(Participant, rcp_people["Bela Delegate"]).name = "Bela Renamed"
        db.session.commit()
    assert client.get(path).headers["ETag"] == first.headers["ETag"]
    assert client.get(path, headers={"If-None-Match": first.headers["ETag"]}).status_code == 304


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_rendering_times(app, client, record_property, lang):
    """How long one PDF takes, cache cleared (reported in the run's summary)."""
    with app.app_context():
        cache.clear()
    start = time.perf_counter()
    response = client.get(f"/{lang}/events/{RCP}/participants.pdf")
    record_property("rcp_participants_pdf_seconds", round(time.perf_counter() - start, 3))
    assert response.status_code == 200
    assert response.data.startswith(b"%PDF-")


def test_the_zips_hold_the_generated_pdfs_of_their_language(client):
    """A zip in one language linked from a page in another: its generated PDFs are in the zip's
    language, the same bytes as at their own address."""
    import zipfile

    archive = zipfile.ZipFile(io.BytesIO(client.get(f"/fr/events/{RCP}/documents/es.zip").data))
    names = archive.namelist()
    agenda = f"{RCP}_programa-provisional_es.pdf"
    participants = f"{RCP}_lista-de-participantes_es.pdf"
    assert agenda in names and participants in names
    assert archive.read(agenda) == client.get(f"/es/events/{RCP}/agenda.pdf").data
    assert archive.read(participants) == client.get(f"/es/events/{RCP}/participants.pdf").data
    assert "Programa provisional" in pdf_text(archive.read(agenda))
    # The page that linked it is still French afterwards.
    assert '<html lang="fr">' in client.get(f"/fr/events/{RCP}/").get_data(as_text=True)


@pytest.mark.parametrize(
    ("lang", "date", "original"),
    [
        ("en", "4 June 2009", "Original: French"),
        ("fr", "4 juin 2009", "Original : français"),
        ("es", "4 de junio de 2009", "Original: francés"),
    ],
)
def test_both_generated_documents_carry_a_symbol_made_from_the_meeting(
    client, lang, date, original
):
    """As UN meeting documents: the provisional agenda is the meeting's document 1, the list of
    participants an information document; on the first page with the distribution, the date
    and the original language, then in every page's margin."""
    for document, symbol in (
        ("agenda", "RCP-BANGKOK-2009/1"),
        ("participants", "RCP-BANGKOK-2009/INF/1"),
    ):
        reader = PdfReader(io.BytesIO(client.get(f"/{lang}/events/{RCP}/{document}.pdf").data))
        first = pdf_text_of_page(reader.pages[0])
        assert in_order(first, symbol, "Distr.", date, original), first
        for page in reader.pages:
            assert symbol in page.extract_text()
    printable = text_of(client.get(f"/{lang}/events/{RCP}/agenda").get_data(as_text=True))
    assert "RCP-BANGKOK-2009/1" in printable


def test_a_symbol_staff_gave_a_generated_document_is_the_one_it_carries(app, client):
    from iom_events.documents.models import Document

    path = f"/fr/events/{RCP}/agenda.pdf"
    with app.app_context():
        event = db.session.scalars(select(Event).where(Event.slug == RCP)).one()
        agenda = db.session.scalars(
            select(Document).where(Document.event_id == event.id, Document.generated == "AGENDA")
        ).one()
        agenda.symbol = "MC/2281"
        db.session.commit()
    reader = PdfReader(io.BytesIO(client.get(path).data))
    for page in reader.pages:  # in the head, then in every page's margin
        assert "MC/2281" in page.extract_text()
    assert "RCP-BANGKOK-2009/1" not in pdf_text(client.get(path).data)
    # As the UN prints it in French: "Distr. générale", no colon (A/53/250).
    assert "Distr. générale" in pdf_text(client.get(path).data)
    assert "Original : français" in pdf_text(client.get(path).data)
    # The list of participants keeps its own.
    participants = pdf_text(client.get(f"/fr/events/{RCP}/participants.pdf").data)
    assert "RCP-BANGKOK-2009/INF/1" in participants and "MC/2281" not in participants


def test_the_generated_agendas_download_address_leads_to_its_pdf(app, client):
    from iom_events.documents.models import Document

    with app.app_context():
        event = db.session.scalars(select(Event).where(Event.slug == RCP)).one()
        agenda_id = db.session.scalars(
            select(Document.id).where(
                Document.event_id == event.id, Document.generated.is_not(None)
            )
        ).one()
    response = client.get(f"/fr/events/{RCP}/documents/{agenda_id}/es")
    assert response.status_code == 302
    assert response.location.endswith(f"/es/events/{RCP}/agenda.pdf")
    assert client.get(f"/fr/events/{RCP}/documents/{agenda_id}/de").status_code == 404
    other = "bapa40-buenos-aires-2019"
    assert client.get(f"/fr/events/{other}/documents/{agenda_id}/es").status_code == 404


def test_a_meeting_with_an_agenda_of_its_own_is_not_offered_a_second_one(app, client, make_event):
    """Staff uploaded the meeting's agenda: its documents list and its zips hold that one, not
    also a generated "Provisional agenda" under the same title; the list of participants is
    still offered. Without an agenda document, the generated one is offered."""
    from factories import add_parts

    with_own = make_event()
    add_parts(app, with_own)  # an agenda item, and an uploaded document of category Agenda
    html = client.get(f"/en/events/{with_own.slug}/").get_data(as_text=True)
    documents = text_of(section(html, "documents"))
    assert f"/en/events/{with_own.slug}/agenda.pdf" not in section(html, "documents")
    assert "Provisional agenda" not in documents
    zipped = zipfile.ZipFile(
        io.BytesIO(client.get(f"/en/events/{with_own.slug}/documents/en.zip").data)
    )
    assert not [name for name in zipped.namelist() if "provisional-agenda" in name]

    without = make_event()
    with app.app_context():
        from iom_events.agenda.models import AgendaItem, AgendaItemKind

        db.session.add(
            AgendaItem(
                event_id=without.id,
                day=without.starts_on,
                kind=AgendaItemKind.OPENING,
                title=Translated(en="Opening"),
            )
        )
        db.session.commit()
    html = client.get(f"/en/events/{without.slug}/").get_data(as_text=True)
    assert f'href="/en/events/{without.slug}/agenda.pdf"' in html


@pytest.mark.parametrize(
    ("lang", "second_day", "its_first_item"),
    [
        ("en", "Friday 5 June 2009", "Promoting more"),
        ("fr", "vendredi 5 juin 2009", "Promouvoir une gestion plus"),
        ("es", "viernes 5 de junio de 2009", "Promover una gestión más"),
    ],
)
def test_a_day_heading_of_the_agenda_pdf_never_ends_a_page_alone(
    client, lang, second_day, its_first_item
):
    response = client.get(f"/{lang}/events/{RCP}/agenda.pdf")
    pages = [pdf_text_of_page(page) for page in PdfReader(io.BytesIO(response.data)).pages]
    [with_the_day] = [text for text in pages if second_day in text]
    assert its_first_item in with_the_day


def test_the_list_of_participants_names_alternates_and_advisers_as_such(app, client, rcp_people):
    """An alternate and an adviser are told from the delegates, as on the meeting's page
    (roles of their own since migration 0017)."""
    with app.app_context():
        budapest = db.session.get(Participant, rcp_people["Bela Delegate"]).delegation
        db.session.add_all(
            [
                Participant(
                    event_id=budapest.event_id,
                    delegation=budapest,
                    name="Alma Alternate",
                    role=ParticipantRole.ALTERNATE,
                    position=2,
                ),
                Participant(
                    event_id=budapest.event_id,
                    delegation=budapest,
                    name="Ada Adviser",
                    role=ParticipantRole.ADVISER,
                    position=3,
                ),
            ]
        )
        db.session.commit()
        db.session.remove()
    for lang, head, alternate, adviser in (
        ("en", "Head of delegation", "Alternate", "Adviser"),
        ("fr", "Chef de délégation", "Suppléant", "Conseiller"),
        ("es", "Jefe de delegación", "Suplente", "Asesor"),
    ):
        text = pdf_text(client.get(f"/{lang}/events/{RCP}/participants.pdf").data)
        assert in_order(
            text,
            "Bianca Head, ",
            f"({head}) Bela Delegate Alma Alternate ({alternate}) Ada Adviser ({adviser})",
        ), text
