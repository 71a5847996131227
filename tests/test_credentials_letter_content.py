"""The credentials letter a focal point uploads is checked as meeting documents are
(documents/service.py): a file whose content is not what its name says is refused with a
message in the link's language, and nothing is saved."""

import io

import pytest
from test_nominations import (  # noqa: F401  (`meeting`: a fixture)
    invited,
    meeting,
    member,
    minimal_pdf,
    nominate,
    versions,
)

from pages import text_of


def unspaced(html: str) -> str:
    return text_of(html).replace("\u202f", " ").replace("\u00a0", " ")


@pytest.mark.parametrize(
    ("filename", "content", "said"),
    [
        (
            "carta.pdf",
            b"Carta de credenciales\n",
            # Not the documents' advice ("or rename it .txt"): a letter is a PDF only.
            "El contenido de este archivo no es un PDF: envíe la carta de credenciales en "
            "formato PDF.",
        ),
        (
            "carta.docx",
            None,  # a real PDF
            "El nombre de este archivo termina en .docx, pero su contenido es de otro tipo (PDF).",
        ),
    ],
    ids=["text-named-pdf", "pdf-named-docx"],
)
def test_a_credentials_letter_whose_content_is_not_what_its_name_says_is_refused(
    app,
    editor,
    mailbox,
    meeting,  # noqa: F811
    filename,
    content,
    said,
):
    link = invited(editor, mailbox, meeting, lang="es")
    assert link.startswith("/es/")
    focal_point = app.test_client()
    letter = (io.BytesIO(content if content is not None else minimal_pdf()), filename)
    response = nominate(focal_point, link, [member(name="Ana")], credentials=letter)
    assert response.status_code == 400
    assert said in unspaced(response.get_data(as_text=True))
    assert versions(app, meeting) == []
    # The same letter, named for what it is, is taken.
    if content is None:
        named = (io.BytesIO(minimal_pdf()), "carta.pdf")
        saved = nominate(focal_point, link, [member(name="Ana")], credentials=named)
        assert saved.status_code == 303
        assert versions(app, meeting)[-1].credentials_filename == "carta.pdf"
