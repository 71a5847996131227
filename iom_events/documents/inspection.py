"""Active content inside the formats uploads are accepted in: what libmagic's type cannot tell.

libmagic says a file is a PDF or a Word document; it does not say whether that PDF runs a
script when opened, doubles as a web page, or whether that Word file unpacks to a gigabyte.
`active_content` looks, without running or unpacking anything:

- a PDF must begin with its header ("%PDF-", ISO 32000-1 §7.5.2) at byte 0: readers tolerate
  up to a kilobyte of anything before it, which is how PDF/HTML polyglots start with a web page;
- a PDF must hold no HTML tag that runs or loads code (`<script`, `<html`, `<iframe`, `<svg`,
  `<img`... written as a tag, closed by `>` within printable text: a browser that took the file
  for a page would run it). The tag must be complete, so that the random bytes of compressed
  streams do not trip the rule (about one chance in 10^5 for a 50 MB file);
- a PDF is read by pypdf, and every object reachable from its trailer is looked at: JavaScript
  (`/JS`, `/JavaScript`, `/AA` automatic actions, XFA forms, rich media), `/Launch` actions,
  embedded files (`/EmbeddedFile`, `/EF`, `/EmbeddedFiles`, file attachment annotations) are
  refused; so is a PDF pypdf cannot read, or one locked by a password (it cannot be checked);
- an Office Open XML or OpenDocument file is a zip: the unpacked size its central directory
  announces is bounded (`unpack_limit`), as is its compression ratio (`MAX_RATIO` past
  `RATIO_FROM` bytes): documents compress about 3 to 20 times, zip bombs a thousand. The
  announced sizes are then checked by inflating each entry into nothing, counting, and
  stopping past the limit: a zip that lies about its sizes is refused too.
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from pathlib import Path

from flask_babel import LazyString
from flask_babel import lazy_gettext as _l
from pypdf import PdfReader
from pypdf.errors import PyPdfError
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

from iom_events.documents.models import format_name
from iom_events.formatting import number

PDF = "application/pdf"
PACKAGES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.spreadsheet",
    "application/vnd.oasis.opendocument.presentation",
}
"""The accepted formats that are zip packages (documents.models.FORMATS)."""

MB = 1024 * 1024
UNPACKED_FLOOR = 100 * MB
MAX_RATIO = 100
RATIO_FROM = 10 * MB

HTML_TAG = re.compile(
    rb"<(?:!doctype\s+html|html|head|body|script|iframe|frame|frameset|object|embed|applet|svg"
    rb"|math|img|image|video|audio|meta|link|style|base|form|input|button|template)"
    rb"(?:[\s/][\x20-\x7e\t\r\n]{0,512}?)?>",
    re.IGNORECASE,
)
"""An HTML tag a browser would act on, written out whole (as in `<svg onload=...>`)."""

SCRIPTS = _l(
    "This PDF contains scripts (JavaScript) or automatic actions that run when it is opened. "
    "Export or print it again as a PDF without them, then upload that file."
)
LAUNCH = _l(
    "This PDF contains an action that starts other programs. Export or print it again as a "
    "PDF without it, then upload that file."
)
EMBEDDED = _l(
    "This PDF carries other files inside it. Upload a PDF without attachments, and each "
    "attached file as a document of its own if it is needed."
)
DAMAGED_PDF = _l(
    "This PDF is damaged: the site cannot read its structure. Export it again from the "
    "program that made it, then upload that file."
)
LOCKED_PDF = _l(
    "This PDF is protected by a password, so the site cannot check what it contains. Upload "
    "a version without a password."
)
NOT_AT_START = _l(
    "This file does not begin as a PDF must: something was put before the PDF, a trick that "
    "makes one file readable as two kinds. Export it again as a PDF, then upload that file."
)
HTML_INSIDE = _l(
    "This PDF also contains web page code (HTML), a trick that makes one file readable as two "
    "kinds. Export it again as a PDF, then upload that file."
)


class ActiveContent(ValueError):
    """What was found, `message` in the reader's language, `detail` for the logs."""

    def __init__(self, message, detail: str):
        super().__init__(f"{message} [{detail}]")
        self.message = message
        self.detail = detail


def check(path: Path, media_type: str, upload_limit: int) -> None:
    """Raise ActiveContent when the file at `path`, of an accepted `media_type`, carries
    something that runs, or unpacks past what a document needs; return None when it is clean.

    `upload_limit` (bytes) sets the unpacked limit of zip packages (`unpack_limit`)."""
    if media_type == PDF:
        _check_pdf_bytes(path)
        _check_pdf_objects(path)
    elif media_type in PACKAGES:
        _check_package(path, media_type, unpack_limit(upload_limit))


def unpack_limit(upload_limit: int) -> int:
    """The most a zip package may announce unpacked: 100 MB, or twice the upload limit when
    that is larger (a presentation full of photographs barely compresses)."""
    return max(UNPACKED_FLOOR, 2 * upload_limit)


# --- PDF -----------------------------------------------------------------------------------------

CHUNK = 1024 * 1024
OVERLAP = 600  # longer than any tag HTML_TAG matches


def _check_pdf_bytes(path: Path) -> None:
    with path.open("rb") as f:
        if f.read(5) != b"%PDF-":
            raise ActiveContent(NOT_AT_START, "no %PDF- at offset 0")
        f.seek(0)
        tail = b""
        while chunk := f.read(CHUNK):
            window = tail + chunk
            if found := HTML_TAG.search(window):
                raise ActiveContent(HTML_INSIDE, f"HTML tag {found.group(0)[:40]!r}")
            tail = window[-OVERLAP:]


SCRIPT_KEYS = {"/JS", "/JavaScript", "/AA", "/XFA"}
EMBEDDED_KEYS = {"/EF", "/EmbeddedFiles"}
ACTION_KINDS = {
    "/JavaScript": SCRIPTS,
    "/RichMediaExecute": SCRIPTS,
    "/Launch": LAUNCH,
    "/GoToE": EMBEDDED,
}
SUBTYPES = {"/RichMedia": SCRIPTS, "/FileAttachment": EMBEDDED}


def _check_pdf_objects(path: Path) -> None:
    try:
        reader = PdfReader(path, strict=False)
        if reader.is_encrypted and not _opened(reader):
            raise ActiveContent(LOCKED_PDF, "encrypted")
        _walk(reader)
    except ActiveContent:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, RecursionError) as error:
        raise ActiveContent(DAMAGED_PDF, f"pypdf: {type(error).__name__}: {error}") from error


def _opened(reader: PdfReader) -> bool:
    """A PDF locked only against editing opens with the empty password; one that needs a
    password to be read does not (nor, without `cryptography`, one encrypted with AES)."""
    try:
        return bool(reader.decrypt(""))
    except PyPdfError:
        return False


def _walk(reader: PdfReader) -> None:
    """Every object reachable from the trailer, once; raises at the first active one."""
    stack: list = [reader.trailer]
    seen: set[tuple[int, int]] = set()
    while stack:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            if (item.idnum, item.generation) in seen:
                continue
            seen.add((item.idnum, item.generation))
            item = item.get_object()
        if isinstance(item, DictionaryObject):
            _check_dictionary(item)
            stack.extend(dict.values(item))
        elif isinstance(item, ArrayObject):
            stack.extend(list.__iter__(item))


def _check_dictionary(dictionary: DictionaryObject) -> None:
    keys = set(dictionary.keys())
    if found := keys & SCRIPT_KEYS:
        raise ActiveContent(SCRIPTS, f"key {sorted(found)[0]}")
    if found := keys & EMBEDDED_KEYS:
        raise ActiveContent(EMBEDDED, f"key {sorted(found)[0]}")
    kind = str(dict.get(dictionary, "/S", ""))
    if kind in ACTION_KINDS:
        raise ActiveContent(ACTION_KINDS[kind], f"action {kind}")
    subtype = str(dict.get(dictionary, "/Subtype", ""))
    if subtype in SUBTYPES:
        raise ActiveContent(SUBTYPES[subtype], f"subtype {subtype}")
    if str(dict.get(dictionary, "/Type", "")) == "/EmbeddedFile":
        raise ActiveContent(EMBEDDED, "type /EmbeddedFile")


# --- zip packages (Office Open XML, OpenDocument) -------------------------------------------------


def _check_package(path: Path, media_type: str, limit: int) -> None:
    name = format_name(media_type)
    try:
        with zipfile.ZipFile(path) as package:
            entries = package.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as error:
        message = _l(
            "This %(format)s file is damaged: the site cannot read its contents. Save it again "
            "from the program that made it, then upload that file.",
            format=name,
        )
        raise ActiveContent(message, f"zip: {type(error).__name__}: {error}") from error
    unpacked = sum(entry.file_size for entry in entries)
    packed = sum(entry.compress_size for entry in entries)
    if unpacked > limit:
        message = _l(
            "Once opened, this %(format)s file would unpack to %(size)s MB, more than the "
            "%(limit)s MB the site accepts: files built this way (“zip bombs”) freeze the "
            "computers that open them. Save it again from the program that made it, then "
            "upload that file.",
            format=name,
            size=LazyString(number, unpacked // MB),
            limit=LazyString(number, limit // MB),
        )
        raise ActiveContent(message, f"unpacks to {unpacked} bytes")
    ratio = unpacked / max(packed, 1)
    if unpacked > RATIO_FROM and ratio > MAX_RATIO:
        message = _l(
            "This %(format)s file is compressed %(ratio)s times, far more than documents ever "
            "are: files built this way (“zip bombs”) freeze the computers that open them. Save "
            "it again from the program that made it, then upload that file.",
            format=name,
            ratio=LazyString(number, round(ratio)),
        )
        raise ActiveContent(message, f"compression ratio {ratio:.0f}")
    if not _sizes_are_true(path, entries, limit):
        message = _l(
            "This %(format)s file unpacks to more than it says it does: files built this way "
            "(“zip bombs”) freeze the computers that open them. Save it again from the program "
            "that made it, then upload that file.",
            format=name,
        )
        raise ActiveContent(message, "unpacked sizes differ from the declared ones")


def _sizes_are_true(path: Path, entries: list[zipfile.ZipInfo], limit: int) -> bool:
    """Whether every entry unpacks to exactly the size the zip declares, the whole to at most
    `limit` bytes. The declared sizes are the attacker's to write: each entry is inflated (in
    1 MB steps, kept nowhere) and counted, stopping as soon as the total passes `limit`, so
    the cost is bounded by `limit` whatever the file claims. An entry neither stored nor
    deflated, or encrypted, is no document's (APPNOTE.TXT 4.4.4, 4.4.5)."""
    total = 0
    with path.open("rb") as raw:
        for entry in entries:
            if entry.flag_bits & 0x1:
                return False
            raw.seek(entry.header_offset)
            header = raw.read(30)
            if len(header) < 30 or header[:4] != b"PK\x03\x04":
                return False
            name_length, extra_length = struct.unpack("<HH", header[26:30])
            raw.seek(entry.header_offset + 30 + name_length + extra_length)
            if entry.compress_type == zipfile.ZIP_STORED:
                size = entry.compress_size
            elif entry.compress_type == zipfile.ZIP_DEFLATED:
                size = _inflated_size(raw, entry.compress_size, limit - total)
            else:
                return False
            if size is None or size != entry.file_size:
                return False
            total += size
    return True


def _inflated_size(raw, packed: int, budget: int) -> int | None:
    """The size `packed` bytes of raw deflate data from `raw` inflate to; None past `budget`."""
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    size = 0
    while packed > 0:
        chunk = raw.read(min(packed, 1 << 16))
        if not chunk:
            return None
        packed -= len(chunk)
        while chunk:
            size += len(inflater.decompress(chunk, 1 << 20))
            if size > budget:
                return None
            chunk = inflater.unconsumed_tail
    size += len(inflater.flush())
    return size if size <= budget else None
