"""Reading a list of delegations and participants from a spreadsheet: an uploaded CSV or XLSX
file, or tab-separated text pasted from Excel or LibreOffice.

Only reading happens here: the result is a `Table` of text cells under the columns this site
knows (`COLUMNS`), whatever language the sheet's headings are in. What the rows mean, and
whether they are right, is `people.check`'s job; nothing here touches the database.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field

import magic
from flask import current_app
from flask_babel import format_number
from flask_babel import lazy_gettext as _l
from itsdangerous import BadSignature, URLSafeSerializer
from openpyxl import load_workbook

from iom_events.forms import one_line, without_control_characters

COLUMNS = ("delegation", "kind", "country", "name", "function", "affiliation", "role", "email",
           "phone", "public")  # fmt: skip
"""The columns a list may have, in the order the preview shows them."""

HEADINGS: dict[str, tuple[str, ...]] = {
    "delegation": ("delegation", "délégation", "delegación", "party", "partie", "parte"),
    "kind": ("kind", "type", "type of delegation", "type de délégation", "tipo",
             "tipo de delegación"),
    "country": ("country", "pays", "país", "state", "état", "estado"),
    "name": ("name", "full name", "participant", "person", "nom", "nom complet", "nombre",
             "nombre completo", "participante", "nom et prénom", "nombre y apellido"),
    "function": ("function", "title", "job title", "position", "fonction", "titre", "poste",
                 "cargo", "puesto"),
    "affiliation": ("affiliation", "organization", "organisation", "institution", "organismo",
                    "organización", "institución"),
    "role": ("role", "rôle", "rol", "función", "papel"),
    "email": ("email", "e-mail", "mail", "email address", "courriel", "adresse électronique",
              "adresse e-mail", "correo", "correo electrónico", "correo-e"),
    "phone": ("phone", "telephone", "téléphone", "tel", "tél", "mobile", "portable",
              "teléfono", "móvil", "celular"),
    "public": ("public", "is public", "on public pages", "show on public pages", "publique",
               "sur les pages publiques", "público", "pública", "en las páginas públicas",
               "visible"),
}  # fmt: skip
"""Headings accepted for each column, in English, French and Spanish (compared without case,
accents, spaces or punctuation: "Téléphone", "TELEPHONE" and "tele-phone" are one)."""

MAX_ROWS = 2_000
"""The longest list one import takes: a large conference's delegations, or the participants of
a regional consultation many times over. A longer one is split, or not a list of people."""

CELL_LIMIT = 300
"""The longest text a cell may hold (a delegation's name, a function: `TranslatedField`'s
single-line limit); longer is a paste gone wrong."""

MAX_BYTES = 5 * 1024 * 1024
"""The largest list file read: 2,000 rows of a spreadsheet take well under 1 MB."""

XLSX_MAGIC = b"PK\x03\x04"
"""An XLSX file is a zip archive (ECMA-376 part 2): read by its content, not its name."""


def folded(text: str) -> str:
    """A heading or a name as compared: without case, accents, spaces or punctuation."""
    text = unicodedata.normalize("NFKD", text.casefold())
    return re.sub(r"[\W_]+", "", "".join(c for c in text if not unicodedata.combining(c)))


_BY_HEADING = {folded(heading): column for column, names in HEADINGS.items() for heading in names}


class UnreadableTable(ValueError):
    """The input is no table this site can read; `str()` says why, in the page's language."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return str(self.message)


@dataclass
class Table:
    """A list as read: one dict per line under `COLUMNS` (text, "" when empty), with its line
    number in the sheet (the heading is line 1); the headings that matched no column."""

    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)


def read_upload(data: bytes) -> Table:
    """A CSV or XLSX file's bytes as a `Table`; raises `UnreadableTable`."""
    if len(data) > MAX_BYTES:
        raise UnreadableTable(_l("This file is too large for a list: split it."))
    if data.startswith(XLSX_MAGIC):
        return _table(_xlsx_lines(data))
    if not _maybe_text(data):
        raise UnreadableTable(NOT_A_TABLE)
    return read_text(_decoded(data))


NOT_A_TABLE = _l("This file is neither a CSV file nor an Excel workbook (.xlsx).")

_TEXT_TYPES = frozenset({"application/csv", "application/octet-stream", "application/x-empty"})
"""Besides text/*: what libmagic calls a CSV, a text it cannot name, or nothing."""


def _maybe_text(data: bytes) -> bool:
    """False for a file libmagic names as something else than text (a PDF, an image, a Word
    or an old Excel document): its bytes would otherwise be read as Windows-1252 text, and
    refused for a first line that names no column."""
    media_type = magic.from_buffer(data[:65536], mime=True)
    return media_type.startswith("text/") or media_type in _TEXT_TYPES


def read_text(text: str) -> Table:
    """Text pasted from a spreadsheet (tab-separated), or a CSV's text (comma or semicolon, as
    Excel writes it in locales with a decimal comma), as a `Table`; raises `UnreadableTable`."""
    text = text.lstrip("\ufeff")
    first = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first else ";" if first.count(";") > first.count(",") else ","
    try:
        lines = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as error:
        raise UnreadableTable(_l("This text cannot be read as a table.")) from error
    return _table(lines)


def _decoded(data: bytes) -> str:
    """UTF-8 (with or without Excel's byte-order mark), else Windows-1252: what Excel on
    Windows saves a "CSV" as."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError as error:
            raise UnreadableTable(NOT_A_TABLE) from error


def _xlsx_lines(data: bytes) -> list[list[str]]:
    """The first sheet's cells as text; numbers without a needless ".0" (a phone typed as a
    number in Excel).

    Any failure of the reader is "cannot be read": a damaged or crafted workbook fails in
    openpyxl's zip and XML layers in many ways (with defusedxml installed, entity expansion is
    one of them), and none of them is ours to tell apart."""
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            lines = []
            for row in book.worksheets[0].iter_rows(values_only=True):
                lines.append([_cell_text(value) for value in row])
                if len(lines) > MAX_ROWS + 1:
                    break
            return lines
        finally:
            book.close()
    except Exception as error:
        raise UnreadableTable(
            _l("This Excel workbook cannot be read: save it again as .xlsx.")
        ) from error


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _table(lines: list[list[str]]) -> Table:
    lines = [[_clean(cell) for cell in line] for line in lines]
    numbered = [(number, line) for number, line in enumerate(lines, 1) if any(line)]
    if not numbered:
        raise UnreadableTable(_l("The list is empty."))
    heading_line, headings = numbered[0]
    columns = [_BY_HEADING.get(folded(heading)) for heading in headings]
    if "name" not in columns and "delegation" not in columns:
        raise UnreadableTable(
            _l(
                "The first line must name the columns, among them “Name” or “Delegation” "
                "(in English, French or Spanish)."
            )
        )
    if len(numbered) == 1:
        raise UnreadableTable(_l("The list has only its headings: add the rows under them."))
    if len(numbered) - 1 > MAX_ROWS:
        raise UnreadableTable(
            _l("At most %(max)s lines at once: split the list.", max=format_number(MAX_ROWS))
        )
    table = Table(ignored=[h for h, c in zip(headings, columns, strict=True) if h and not c])
    for number, line in numbered[1:]:
        row = dict.fromkeys(COLUMNS, "")
        for column, cell in zip(columns, line, strict=False):
            if column and not row[column]:
                row[column] = cell
        table.rows.append((number - heading_line + 1, row))
    return table


def _clean(cell: str) -> str:
    """A cell on one line, without control characters (`forms`' rule for every input)."""
    return one_line(without_control_characters(cell or "")) or ""


SALT = "iom_events.delegations.imports"


def carried(rows: list[tuple[int, dict[str, str]]]) -> str:
    """Rows read from a list, signed for the preview's "Import" form: the confirmation sends
    them back, so nothing waits on the server between the preview and the import (a token
    cannot be lost to a restart, and cannot be changed by the browser)."""
    lines = [[line, *(values.get(column, "") for column in COLUMNS)] for line, values in rows]
    return URLSafeSerializer(current_app.secret_key, salt=SALT).dumps(lines)


def brought_back(token: str) -> list[tuple[int, dict[str, str]]] | None:
    """The rows `carried` signed, or None when the token is not one it signed."""
    try:
        lines = URLSafeSerializer(current_app.secret_key, salt=SALT).loads(token or "")
        return [
            (int(line), dict(zip(COLUMNS, map(str, cells), strict=True))) for line, *cells in lines
        ]
    except (BadSignature, TypeError, ValueError):
        return None
