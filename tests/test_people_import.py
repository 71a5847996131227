"""Many delegations and participants at once: a list pasted or uploaded (CSV, XLSX, text from a
spreadsheet), previewed with each bad row explained, imported only when confirmed, all or
nothing (issue 16, item 2)."""

import io
import re
from datetime import UTC, datetime

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from iom_events.audit.models import AuditEntry
from iom_events.delegations import people
from iom_events.delegations.models import Delegation, Participant
from iom_events.demo.pdf import title_page
from iom_events.extensions import db
from iom_events.translated import Translated

from pages import text_of
from staff import post_form

CSV = """Name,Delegation,Country,Role,E-mail,Phone,Shoe size
Awa Diop,Senegal,Senegal,Head of delegation,awa.diop@gouv.sn,77 123 45 67,38
Moussa Ndiaye,Senegal,,Delegate,m.ndiaye@gouv.sn,+221 33 869 62 00,44
Kwame Mensah,Ghana,GH,,kwame@mint.gov.gh,,
Jean Dupont,Atlantis,Atlantide,,jean@atlantis.org,,
Ana Gómez,Argentina,AR,,ana@cancilleria.gob.ar,12 34,
Fatou Sow,Senegal,SN,,AWA.DIOP@gouv.sn,,
,Mali,Mali,,,,
"""


def import_url(event, path="import"):
    return f"/en/manage/events/{event.slug}/delegations/{path}"


def preview(client, event, lang="en", **data):
    return post_form(client, import_url(event).replace("/en/", f"/{lang}/"), data)


def upload(client, event, name, content):
    return preview(client, event, upload=(io.BytesIO(content), name))


def confirm_form(html):
    match = re.search(r'name="rows" type="hidden" value="([^"]+)"', html)
    assert match, "no Import button"
    return {"rows": match.group(1)}


def counts(app, event):
    with app.app_context():
        delegations = db.session.scalar(
            select(func.count()).select_from(Delegation).where(Delegation.event_id == event.id)
        )
        participants = db.session.scalar(
            select(func.count()).select_from(Participant).where(Participant.event_id == event.id)
        )
        return delegations, participants


@pytest.fixture
def senegal(make_event):
    return make_event(country="SN", timezone="Africa/Dakar")


def test_a_csv_is_previewed_with_each_bad_row_explained_and_nothing_written(app, editor, senegal):
    response = upload(editor, senegal, "participants.csv", CSV.encode())
    assert response.status_code == 200
    page = text_of(response.get_data(as_text=True))
    assert "Preview: nothing is saved yet" in page
    assert "4 rows will be added." in page
    assert "3 rows have a problem and will be left out" in page
    assert "Country: Unknown country “Atlantide”: write its name or its two-letter code" in page
    assert (
        "Phone: Enter a phone number of Senegal, or one with its country code, "
        "e.g. +41 22 717 91 11." in page
    )
    assert "E-mail: This e-mail address is also on line 2." in page
    assert "Columns left out (their names are not known): Shoe size" in page
    assert "+221 77 123 45 67" in page  # the national number, read as a Senegalese one
    assert "Import 4 rows" in page
    assert counts(app, senegal) == (0, 0)


def test_a_confirmed_import_creates_the_good_rows_with_their_history(app, editor, senegal):
    html = upload(editor, senegal, "participants.csv", CSV.encode()).get_data(as_text=True)
    assert counts(app, senegal) == (0, 0)
    before = _entries(app)

    response = post_form(editor, import_url(senegal, "import/confirm"), confirm_form(html))
    assert response.status_code == 303
    listing = text_of(editor.get(response.headers["Location"]).get_data(as_text=True))
    assert "Added: 3 delegations and 3 participants." in listing
    assert counts(app, senegal) == (3, 3)
    with app.app_context():
        awa = db.session.scalar(select(Participant).where(Participant.name == "Awa Diop"))
        assert awa.phone == "+221771234567" and awa.role.value == "head_of_delegation"
        assert awa.delegation.country == "SN" and awa.delegation.kind.value == "member_state"
        mali = db.session.scalar(
            select(Delegation).where(Delegation.event_id == senegal.id, Delegation.country == "ML")
        )
        assert dict(mali.name) == {"en": "Mali"} and not mali.participants
    assert _entries(app) - before == 6  # one history entry per record created
    assert "+221 77 123 45 67" in listing


def test_an_xlsx_with_french_headings_and_a_duplicate_of_the_meeting(app, editor, senegal):
    post_form(
        editor,
        f"/en/manage/events/{senegal.slug}/delegations/participants/new",
        {"name": "Awa Diop", "role": "delegate", "email": "awa.diop@gouv.sn", "is_public": "y"},
    )
    book = Workbook()
    sheet = book.active
    sheet.append(["Nom", "Délégation", "Pays", "Rôle", "Courriel", "Téléphone"])
    sheet.append(["Ousmane Ba", "Sénégal", "Sénégal", "Délégué", "o.ba@gouv.sn", 771234568])
    sheet.append(["Awa Diop", "Sénégal", "", "", "Awa.Diop@gouv.sn", None])
    sheet.append(["Inès Martin", "France", "FR", "Observateur", "", "33 1 23 45 67 89"])
    content = io.BytesIO()
    book.save(content)

    response = upload(editor, senegal, "liste.xlsx", content.getvalue())
    page = text_of(response.get_data(as_text=True))
    assert "1 row will be added." in page
    assert "This e-mail address is already used by Awa Diop, a participant in this meeting." in page
    assert "Phone: Enter a phone number of Senegal" in page  # a French number without +33
    assert counts(app, senegal) == (0, 1)

    post_form(
        editor, import_url(senegal, "import/confirm"), confirm_form(response.get_data(as_text=True))
    )
    assert counts(app, senegal) == (1, 2)
    with app.app_context():
        ousmane = db.session.scalar(select(Participant).where(Participant.name == "Ousmane Ba"))
        assert ousmane.phone == "+221771234568" and ousmane.delegation.country == "SN"


def test_rows_pasted_from_a_spreadsheet_with_spanish_headings(app, editor, senegal):
    pasted = (
        "Nombre\tDelegación\tPaís\tFunción\tCorreo electrónico\tTeléfono\r\n"
        "Lucía Fernández\tArgentina\tArgentina\tObservador\t"
        "lucia@cancilleria.gob.ar\t+54 11 4815 1035\r\n"
    )
    response = preview(editor, senegal, lang="es", pasted=pasted)
    page = text_of(response.get_data(as_text=True))
    assert response.status_code == 200
    assert "+54 11 4815-1035" in page
    assert "Vista previa: todavía no se ha guardado nada" in page
    assert "Se añadirá 1 fila." in page
    assert counts(app, senegal) == (0, 0)
    post_form(
        editor, import_url(senegal, "import/confirm"), confirm_form(response.get_data(as_text=True))
    )
    with app.app_context():
        lucia = db.session.scalar(select(Participant).where(Participant.name == "Lucía Fernández"))
        assert lucia.role.value == "observer" and lucia.delegation.country == "AR"


def test_a_failure_in_the_middle_leaves_nothing_half_imported(app, editor, senegal, monkeypatch):
    html = upload(editor, senegal, "participants.csv", CSV.encode()).get_data(as_text=True)
    made = people.new_delegation

    def second_one_breaks(event, row, position):
        delegation = made(event, row, position)
        if position > 0:  # after the first delegation and its people were added
            delegation.country = "XYZ"  # refused by the database's check on the country
        return delegation

    monkeypatch.setattr(people, "new_delegation", second_one_breaks)
    before = _entries(app)
    response = post_form(editor, import_url(senegal, "import/confirm"), confirm_form(html))
    assert response.status_code == 409
    assert "Nothing was saved: one of the rows could not be written." in text_of(
        response.get_data(as_text=True)
    )
    assert counts(app, senegal) == (0, 0)
    assert _entries(app) == before


def test_a_changed_or_unreadable_list_writes_nothing(app, editor, senegal):
    response = post_form(editor, import_url(senegal, "import/confirm"), {"rows": "forged"})
    assert response.status_code == 400
    assert "The list could not be read back" in text_of(response.get_data(as_text=True))

    response = upload(editor, senegal, "list.xlsx", b"PK\x03\x04 not really a workbook")
    assert response.status_code == 400
    assert "This Excel workbook cannot be read" in text_of(response.get_data(as_text=True))

    response = preview(editor, senegal, pasted="Shoe size\tColour\n38\tblue\n")
    assert response.status_code == 400
    assert "The first line must name the columns" in text_of(response.get_data(as_text=True))

    response = preview(editor, senegal, pasted="")
    assert response.status_code == 400
    assert "Choose a file, or paste the rows." in text_of(response.get_data(as_text=True))
    assert counts(app, senegal) == (0, 0)


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_a_pdf_is_refused_as_no_list_in_the_pages_language(app, editor, senegal, lang):
    """A PDF (the list of participants as a meeting printed it) is named for what it is not,
    not read as Windows-1252 text whose "first line names no column"."""
    messages = {
        "en": "This file is neither a CSV file nor an Excel workbook (.xlsx).",
        "fr": "Ce fichier n’est ni un fichier CSV ni un classeur Excel (.xlsx).",
        "es": "Este archivo no es ni un archivo CSV ni un libro de Excel (.xlsx).",
    }
    pdf = title_page("List of participants", "A meeting", "en", datetime(2009, 6, 4, tzinfo=UTC))
    response = post_form(
        editor,
        import_url(senegal).replace("/en/", f"/{lang}/"),
        {"upload": (io.BytesIO(pdf), "participants.pdf")},
    )
    assert response.status_code == 400
    page = text_of(response.get_data(as_text=True)).replace("\u00a0", " ")
    assert messages[lang] in page, page[:2000]
    assert counts(app, senegal) == (0, 0)


def test_the_preview_speaks_french(editor, senegal):
    response = upload(editor, senegal, "participants.csv", CSV.encode())
    assert response.status_code == 200
    response = post_form(
        editor,
        import_url(senegal).replace("/en/", "/fr/"),
        {"upload": (io.BytesIO(CSV.encode()), "participants.csv")},
    )
    page = text_of(response.get_data(as_text=True))
    assert "Aperçu : rien n’est encore enregistré" in page  # text_of: no-break spaces as spaces
    assert "Pays inconnu « Atlantide » : saisissez son nom" in page


def _entries(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(AuditEntry))


def test_the_public_column_says_who_is_shown_and_refuses_what_it_cannot_read(app, editor, senegal):
    """The "Public" column, in any of the three languages: yes by default, as on the
    participant's form; an answer that is neither yes nor no is refused on its row."""
    pasted = (
        "Nom\tDélégation\tPublic\r\n"
        "Awa Diop\tSénégal\toui\r\n"
        "Moussa Ndiaye\tSénégal\tnon\r\n"
        "Kwame Mensah\tGhana\t\r\n"
        "Ana Gómez\tArgentine\tpeut-être\r\n"
    )
    response = preview(editor, senegal, lang="fr", pasted=pasted)
    html = response.get_data(as_text=True)
    page = text_of(html)
    assert "Public : Saisissez « oui » pour afficher la personne" in page
    assert "Nouveau participant · Privé" in page
    post_form(editor, import_url(senegal, "import/confirm"), confirm_form(html))
    with app.app_context():
        shown = dict(
            db.session.execute(
                select(Participant.name, Participant.is_public).where(
                    Participant.event_id == senegal.id
                )
            ).all()
        )
    assert shown == {"Awa Diop": True, "Moussa Ndiaye": False, "Kwame Mensah": True}


@pytest.mark.parametrize("size", [10, 100])
def test_a_confirmed_import_costs_the_same_statements_whatever_its_length(
    app, editor, make_event, count_queries, size
):
    """The rows are written in one flush: a flush per row brought the meeting's search entry up
    to date each time, and a list of 2,000 took minutes (n² work). Only the INSERTs grow with
    the list (one per record and history entry on SQLite; psycopg batches them); three of the
    others say the form was sent once (iom_events/submissions.py)."""
    event = make_event(country="SN", timezone="Africa/Dakar")
    lines = ["Name\tDelegation"] + [f"Person {n}\tDelegation {n % 5}" for n in range(size)]
    html = preview(editor, event, pasted="\n".join(lines)).get_data(as_text=True)
    with count_queries() as counter:
        response = post_form(editor, import_url(event, "import/confirm"), confirm_form(html))
    assert response.status_code == 303
    assert counts(app, event) == (5, size)
    others = [s for s in counter.statements if not s.startswith("INSERT INTO")]
    assert len(others) == 18, "\n".join(others)


def test_the_page_says_the_language_texts_are_saved_in_and_a_list_of_headings_only_is_refused(
    app, editor, make_event
):
    event = make_event(original_language="fr", title=Translated(fr="Réunion"))
    page = text_of(editor.get(import_url(event)).get_data(as_text=True))
    assert "are saved in French, the meeting's original language" in page
    response = upload(editor, event, "list.csv", b"Name,Country\r\n")
    assert response.status_code == 400
    assert "The list has only its headings: add the rows under them." in text_of(
        response.get_data(as_text=True)
    )
    assert counts(app, event) == (0, 0)


def test_a_number_with_its_country_code_is_refused_naming_that_country(editor, senegal):
    """A number "+229 12" has Benin's code: the message names Benin, not the meeting's Senegal."""
    response = preview(editor, senegal, pasted="Name\tPhone\nKoffi Agbo\t+229 12\n")
    page = text_of(response.get_data(as_text=True))
    assert "Phone: This is not a valid phone number of Benin: check its digits." in page


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("Déléguée", "delegate"),
        ("Observatrice", "observer"),
        ("Cheffe de délégation", "head_of_delegation"),
        ("Intervenante", "speaker"),
        ("Observadora", "observer"),
        ("Jefa de delegación", "head_of_delegation"),
        ("Copresidenta", "co_chair"),
    ],
)
def test_a_role_written_in_the_feminine_is_read_as_the_role(app, editor, senegal, role, expected):
    """The pages name roles in the UN's generic masculine ("Délégué", "Observador"); a list
    may write them for a woman, and is read the same."""
    pasted = f"Name\tDelegation\tRole\r\nAïssatou Fall\tSenegal\t{role}\r\n"
    response = preview(editor, senegal, pasted=pasted)
    assert "1 row will be added." in text_of(response.get_data(as_text=True))
    post_form(
        editor, import_url(senegal, "import/confirm"), confirm_form(response.get_data(as_text=True))
    )
    with app.app_context():
        person = db.session.scalar(select(Participant).where(Participant.name == "Aïssatou Fall"))
        assert person.role.value == expected


def test_an_unknown_role_is_refused_naming_the_roles_a_list_may_write(app, editor, senegal):
    pasted = "Nom\tDélégation\tRôle\r\nAïssatou Fall\tSénégal\tInterprète\r\n"
    page = text_of(preview(editor, senegal, lang="fr", pasted=pasted).get_data(as_text=True))
    assert (
        "Rôle inconnu « Interprète » : écrivez l’un de ceux-ci : Chef de délégation, Suppléant, "
        "Coprésident, Intervenant, Délégué, Conseiller, Observateur, Secrétariat." in page
    )


@pytest.mark.parametrize("written", ["Suppléante", "Conseillère", "Asesora", "Alternate"])
def test_alternates_and_advisers_are_read_in_the_feminine_too(app, editor, senegal, written):
    pasted = f"Nom\tDélégation\tRôle\r\nAïssatou Fall\tSénégal\t{written}\r\n"
    response = preview(editor, senegal, lang="fr", pasted=pasted)
    assert response.status_code == 200, text_of(response.get_data(as_text=True))[:800]
    assert counts(app, senegal) == (0, 0)
