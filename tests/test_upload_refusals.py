"""A refused upload says, in the page's language, what the file is and what to send instead, in
words staff know (never a media type such as application/x-dosexec)."""

import io
import re
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

from iom_events.translated import Translated

from pages import text_of
from staff import post_form

ACCEPTED = {
    "en": "This kind of file is not accepted: upload a PDF, Word, Excel, PowerPoint, "
    "OpenDocument, plain text, CSV, PNG or JPEG file.",
    "fr": "Ce type de fichier n’est pas accepté : téléversez un fichier PDF, Word, Excel, "
    "PowerPoint, OpenDocument, texte brut, CSV, PNG ou JPEG.",
}


def windows_program() -> bytes:
    """The start of a PE file: "MZ", the offset of the PE header, the header of an i386 .exe."""
    image = bytearray(512)
    image[0:2] = b"MZ"
    struct.pack_into("<I", image, 0x3C, 0x80)
    image[0x80:0x84] = b"PE\0\0"
    struct.pack_into("<HH", image, 0x84, 0x14C, 1)
    struct.pack_into("<HH", image, 0x94, 0xE0, 0x0102)
    struct.pack_into("<H", image, 0x98, 0x10B)
    return bytes(image)


def zip_archive() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("agenda.txt", "Agenda")
    return buffer.getvalue()


def png_image() -> bytes:
    """A real 1×1 PNG: signature, IHDR, IDAT, IEND, each chunk with its CRC."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\0\xff\xff\xff")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


GIF = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00"
GIF += b",\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"

REFUSED = [
    (
        "report.pdf",
        Path("/bin/ls").read_bytes(),  # a Linux program (ELF), named like a PDF
        {
            "en": "This file is an executable program.",
            "fr": "Ce fichier est un programme exécutable.",
        },
    ),
    (
        "setup.docx",
        windows_program(),
        {
            "en": "This file is an executable program (.exe).",
            "fr": "Ce fichier est un programme exécutable (.exe).",
        },
    ),
    (
        "documents.pdf",
        zip_archive(),
        {
            "en": "This file is a compressed archive (.zip).",
            "fr": "Ce fichier est une archive compressée (.zip).",
        },
    ),
    (
        "logo.gif",
        GIF,
        {"en": "This file is an image (.gif).", "fr": "Ce fichier est une image (.gif)."},
    ),
    (
        "install.txt",
        b"#!/bin/sh\nrm -rf /tmp/x\n",
        {"en": "This file is a script (.sh).", "fr": "Ce fichier est un script (.sh)."},
    ),
    (
        "data.bin",
        bytes(range(7, 256)) * 8,
        {
            "en": "The site cannot tell what this file contains (.bin).",
            "fr": "Le site ne reconnaît pas le contenu de ce fichier (.bin).",
        },
    ),
]


@pytest.fixture
def meeting(make_event):
    return make_event(title=Translated(en="Upload refusals test meeting"))


def document(client, meeting, lang: str) -> str:
    """A new document of the meeting; the address of its upload page."""
    response = post_form(
        client,
        f"/{lang}/manage/events/{meeting.slug}/documents/new",
        {"title-en": "Agenda", "category": "agenda"},
        path_for_token=f"/{lang}/manage/",
    )
    assert response.status_code == 303, response.status_code
    return re.search(r"/[a-z]{2}/manage/.*/upload$", response.location).group(0)


def upload(client, path: str, content: bytes, filename: str, lang: str):
    return post_form(
        client,
        path,
        {"language": "fr", "file": (io.BytesIO(content), filename)},
        path_for_token=f"/{lang}/manage/",
        content_type="multipart/form-data",
    )


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize(("filename", "content", "said"), REFUSED, ids=[r[0] for r in REFUSED])
def test_a_refused_file_is_named_in_words_with_what_to_send(
    editor, meeting, lang, filename, content, said
):
    path = document(editor, meeting, lang)
    response = upload(editor, path, content, filename, lang)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    page = text_of(html)
    assert f"{said[lang]} {ACCEPTED[lang]}" in page
    assert not re.search(r"\b(application|image|text|audio|video)/[a-z]", page), page
    assert 'id="file-error"' in html


def test_an_accepted_image_is_not_refused(editor, meeting):
    path = document(editor, meeting, "en")
    response = upload(editor, path, png_image(), "map.png", "en")
    assert response.status_code == 303, text_of(response.get_data(as_text=True))


def test_a_file_claiming_an_accepted_format_is_told_apart(app):
    """A file of no kind the table knows, named like an accepted one, and one named otherwise."""
    from iom_events.documents.service import not_accepted

    with app.test_request_context("/en/"):
        assert not_accepted("application/x-unknown-thing", "agenda.pdf").startswith(
            "This file's name ends in .pdf, but its content is not of that kind. "
        )
        assert not_accepted("application/x-unknown-thing", "agenda.xyz").startswith(
            "This file is a .xyz file. "
        )
        assert not_accepted("application/x-unknown-thing", "agenda").startswith(
            "This kind of file is not accepted: "
        )


# --- accepted formats carrying active content (documents/inspection.py) ------------------------


def pdf(*tweaks) -> bytes:
    """A one-page PDF written by pypdf, changed by each of `tweaks(writer)` first."""
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    for tweak in tweaks:
        tweak(writer)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def action(kind: str, **entries) -> DictionaryObject:
    return DictionaryObject(
        {NameObject("/S"): NameObject(kind), **{NameObject(f"/{k}"): v for k, v in entries.items()}}
    )


def document_script(writer):
    """A document-level script, in the catalog's /Names /JavaScript tree."""
    script = writer._add_object(
        action("/JavaScript", JS=TextStringObject("app.alert('Welcome to the meeting');"))
    )
    tree = DictionaryObject({NameObject("/Names"): ArrayObject([TextStringObject("w"), script])})
    names = DictionaryObject({NameObject("/JavaScript"): writer._add_object(tree)})
    writer._root_object[NameObject("/Names")] = names


def opening_script(writer):
    script = action("/JavaScript", JS=TextStringObject("app.launchURL('https://example.org');"))
    writer._root_object[NameObject("/OpenAction")] = script


def launch_on_open(writer):
    program = action("/Launch", F=TextStringObject("C:\\Windows\\System32\\cmd.exe"))
    writer._root_object[NameObject("/OpenAction")] = program


def page_opening_action(writer):
    page = writer.pages[0]
    page[NameObject("/AA")] = DictionaryObject({NameObject("/O"): action("/GoTo", D=ArrayObject())})


def attachment(writer):
    writer.add_attachment("annex.exe", windows_program())


def password(writer):
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")


def open_at_first_page(writer):
    """A common, harmless /OpenAction: show page 1, fitted to the window."""
    first = writer.pages[0].indirect_reference
    writer._root_object[NameObject("/OpenAction")] = ArrayObject([first, NameObject("/Fit")])


def editing_locked(writer):
    """Locked against editing only: it opens without a password, and can be checked."""
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")


def office_package(size: int, claimed: int | None = None) -> bytes:
    """A Word document (libmagic reads it as one) whose body is `size` zero bytes, deflated
    chunk by chunk; its central directory announces `claimed` bytes when given (a crafted
    directory: the zip bomb of the issue without spending a gigabyte of CPU on it)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", CONTENT_TYPES)
        package.writestr("_rels/.rels", "<Relationships/>")
        body = zipfile.ZipInfo("word/document.xml")
        body.compress_type = zipfile.ZIP_DEFLATED
        with package.open(body, "w", force_zip64=True) as out:
            chunk = bytes(4 * 1024 * 1024)
            for start in range(0, size, len(chunk)):
                out.write(chunk[: min(len(chunk), size - start)])
    data = bytearray(buffer.getvalue())
    if claimed is not None:
        entry = data.index(b"PK\x01\x02")
        for _ in range(2):  # the third central directory entry is the body
            entry = data.index(b"PK\x01\x02", entry + 4)
        struct.pack_into("<I", data, entry + 24, claimed)
    return bytes(data)


CONTENT_TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)

SCRIPTS = {
    "en": "This PDF contains scripts (JavaScript) or automatic actions that run when it is "
    "opened. Export or print it again as a PDF without them, then upload that file.",
    "fr": "Ce PDF contient des scripts (JavaScript) ou des actions automatiques qui s’exécutent "
    "à son ouverture. Exportez-le ou imprimez-le de nouveau en PDF sans eux, puis téléversez "
    "ce fichier.",
}
POLYGLOT = {
    "en": "Export it again as a PDF, then upload that file.",
    "fr": "Exportez-le de nouveau en PDF, puis téléversez ce fichier.",
}

ACTIVE = [
    ("scripted.pdf", pdf(document_script), SCRIPTS),
    ("opening-script.pdf", pdf(opening_script), SCRIPTS),
    ("automatic-action.pdf", pdf(page_opening_action), SCRIPTS),
    (
        "launcher.pdf",
        pdf(launch_on_open),
        {
            "en": "This PDF contains an action that starts other programs.",
            "fr": "Ce PDF contient une action qui lance d’autres programmes.",
        },
    ),
    (
        "with-annex.pdf",
        pdf(attachment),
        {
            "en": "This PDF carries other files inside it.",
            "fr": "Ce PDF contient des fichiers joints.",
        },
    ),
    (
        "locked.pdf",
        pdf(password),
        {
            "en": "This PDF is protected by a password, so the site cannot check what it contains.",
            "fr": "Ce PDF est protégé par un mot de passe : le site ne peut donc pas vérifier "
            "ce qu’il contient.",
        },
    ),
    (
        "page-first.pdf",
        b"<html><body><script>alert(document.cookie)</script><!--\n" + pdf(),
        {
            "en": "This file does not begin as a PDF must: something was put before the PDF, "
            "a trick that makes one file readable as two kinds. " + POLYGLOT["en"],
            "fr": "Ce fichier ne commence pas comme un PDF : quelque chose a été placé "
            "avant le PDF, une astuce qui rend un même fichier lisible comme deux types "
            "différents. " + POLYGLOT["fr"],
        },
    ),
    (
        "page-after.pdf",
        pdf() + b"<html><body><script>alert(document.cookie)</script></body></html>",
        {
            "en": "This PDF also contains web page code (HTML), a trick that makes one file "
            "readable as two kinds. " + POLYGLOT["en"],
            "fr": "Ce PDF contient aussi du code de page web (HTML), une astuce qui rend un même "
            "fichier lisible comme deux types différents. " + POLYGLOT["fr"],
        },
    ),
    (
        "svg-inside.pdf",
        pdf().replace(b"%PDF-1.3\n", b"%PDF-1.3\n%<svg onload=alert(1)>\n", 1),
        {"en": "This PDF also contains web page code (HTML)", "fr": "code de page web (HTML)"},
    ),
    (
        "damaged.pdf",
        b"%PDF-1.7\n" + b"1 0 obj << /Type /Catalog /Pages 2 0 R " * 50,
        {
            "en": "This PDF is damaged: the site cannot read its structure.",
            "fr": "Ce PDF est endommagé : le site ne parvient pas à lire sa structure.",
        },
    ),
    (
        "minutes.docx",
        office_package(4 * 1024 * 1024, claimed=1024**3),
        {
            "en": "Once opened, this Word file would unpack to 1,024 MB, more than the 100 MB "
            "the site accepts: files built this way (“zip bombs”) freeze the computers that "
            "open them.",
            "fr": "Une fois ouvert, ce fichier Word occuperait 1 024 Mo décompressé, plus "
            "que les 100 Mo acceptés par le site : les fichiers construits ainsi (« bombes de "
            "décompression ») bloquent les ordinateurs qui les ouvrent.",
        },
    ),
    (
        "agenda.docx",
        office_package(30 * 1024 * 1024),
        {
            "en": "This Word file is compressed 1,0",  # about a thousand times
            "fr": "Ce fichier Word est compressé 1 0",
        },
    ),
    (
        "liar.docx",
        office_package(8 * 1024 * 1024, claimed=1000),  # says 1,000 bytes: inflated, it is 8 MB
        {
            "en": "This Word file unpacks to more than it says it does: files built this way "
            "(“zip bombs”) freeze the computers that open them.",
            "fr": "Ce fichier Word occupe, décompressé, plus qu’il ne l’annonce : les fichiers "
            "construits ainsi (« bombes de décompression ») bloquent les ordinateurs qui les "
            "ouvrent.",
        },
    ),
    (
        "broken.docx",
        office_package(1000)[:-30],  # cut before the end of its central directory
        {
            "en": "This Word file is damaged: the site cannot read its contents.",
            "fr": "Ce fichier Word est endommagé : le site ne parvient pas à lire son contenu.",
        },
    ),
]


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize(("filename", "content", "said"), ACTIVE, ids=[r[0] for r in ACTIVE])
def test_active_content_is_refused_and_said_why(editor, meeting, lang, filename, content, said):
    path = document(editor, meeting, lang)
    response = upload(editor, path, content, filename, lang)
    assert response.status_code == 400
    page = text_of(response.get_data(as_text=True))
    assert said[lang] in page, page
    assert "pypdf" not in page and "/JavaScript" not in page


@pytest.mark.parametrize(
    ("filename", "content"),
    [
        ("opens-at-page-1.pdf", pdf(open_at_first_page)),
        ("editing-locked.pdf", pdf(editing_locked)),
        ("notes.docx", office_package(200_000)),
    ],
)
def test_documents_without_active_content_are_kept(editor, meeting, filename, content):
    path = document(editor, meeting, "en")
    response = upload(editor, path, content, filename, "en")
    assert response.status_code == 303, text_of(response.get_data(as_text=True))


# --- a name that says another kind than the content (documents/service.py, `misnamed`) ---------

MISNAMED = [
    (
        "agenda.pdf",
        b"Provisional agenda\n1. Opening\n",
        {
            "en": "This file's name ends in .pdf, but its content is of another kind (plain "
            "text). Upload the real .pdf file, or rename this one so that its name ends in .txt.",
            "fr": "Le nom de ce fichier se termine par .pdf, mais son contenu est d’une autre "
            "nature (texte brut). Téléversez le vrai fichier .pdf, ou renommez celui-ci pour que "
            "son nom se termine par .txt.",
        },
    ),
    (
        "report.docx",
        pdf(),
        {
            "en": "This file's name ends in .docx, but its content is of another kind (PDF). "
            "Upload the real .docx file, or rename this one so that its name ends in .pdf.",
            "fr": "Le nom de ce fichier se termine par .docx, mais son contenu est d’une autre "
            "nature (PDF). Téléversez le vrai fichier .docx, ou renommez celui-ci pour que son "
            "nom se termine par .pdf.",
        },
    ),
    (
        "map.JPG",
        png_image(),
        {
            "en": "This file's name ends in .jpg, but its content is of another kind (PNG).",
            "fr": "Le nom de ce fichier se termine par .jpg, mais son contenu est d’une autre "
            "nature (PNG).",
        },
    ),
]


def unspaced(html: str) -> str:
    return text_of(html).replace("\u202f", " ").replace("\u00a0", " ")


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize(("filename", "content", "said"), MISNAMED, ids=[m[0] for m in MISNAMED])
def test_a_file_whose_content_is_not_what_its_name_says_is_refused(
    app, editor, meeting, lang, filename, content, said
):
    path = document(editor, meeting, lang)
    before = stored(app)
    response = upload(editor, path, content, filename, lang)
    assert response.status_code == 400
    assert said[lang] in unspaced(response.get_data(as_text=True))
    assert 'id="file-error"' in response.get_data(as_text=True)
    assert stored(app) == before
    page = editor.get(path.removesuffix("upload").rsplit("/", 2)[0] + "/").get_data(as_text=True)
    assert filename not in page  # no version listed


def test_a_new_document_with_a_misnamed_file_is_refused_whole(app, editor, meeting):
    before = stored(app)
    response = post_form(
        editor,
        f"/fr/manage/events/{meeting.slug}/documents/new",
        {
            "title-en": "Agenda",
            "category": "agenda",
            "file-en": (io.BytesIO(pdf()), "agenda.pdf"),
            "file-fr": (io.BytesIO(b"Ordre du jour\n"), "ordre-du-jour.pdf"),
        },
        path_for_token="/fr/manage/",
        content_type="multipart/form-data",
    )
    assert response.status_code == 400
    assert MISNAMED[0][2]["fr"] in unspaced(response.get_data(as_text=True))
    assert stored(app) == before
    listing = editor.get(f"/fr/manage/events/{meeting.slug}/documents/").get_data(as_text=True)
    assert "Aucun document" in text_of(listing)


@pytest.mark.parametrize(
    ("filename", "content"),
    [
        ("agenda.pdf", pdf()),
        ("AGENDA.PDF", pdf()),
        ("notes.txt", b"Provisional agenda\n"),
        ("participants.csv", b"name,country\nAna,AR\nLuis,BR\n"),
        ("semicolons.csv", b"a;b\n1;2\n"),  # libmagic reads it as plain text
        ("participants.txt", b"name,country\nAna,AR\nLuis,BR\n"),
        ("notes.md", b"# Notes\n"),  # a name that says nothing libmagic could check
        ("notes", b"Provisional agenda\n"),
        ("map.png", png_image()),
    ],
)
def test_a_file_named_for_what_it_is_is_accepted(editor, meeting, filename, content):
    path = document(editor, meeting, "en")
    response = upload(editor, path, content, filename, "en")
    assert response.status_code == 303, text_of(response.get_data(as_text=True))


def stored(app) -> set[Path]:
    return {path for path in Path(app.config["BLOB_DIR"]).rglob("*") if path.is_file()}
