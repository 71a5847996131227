"""A refused upload says, in the page's language, what the file is and what to send instead, in
words staff know (never a media type such as application/x-dosexec)."""

import io
import re
import struct
import zipfile
import zlib
from pathlib import Path

import pytest

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
