"""An agenda pasted from a spreadsheet: tab-separated text read into `batch.Row`s.

Excel and LibreOffice copy a selection as tab-separated lines, a cell with a line break or a
tab quoted (RFC 4180's rule, read by the standard `csv` reader). The columns are the day, the
start, the end, the title and the speakers; a first line naming them (in English, French or
Spanish, in any order) is read as the header, else the columns are taken in that order.
"""

from __future__ import annotations

import csv
from io import StringIO

from iom_events.agenda.batch import MAX_ROWS, Row, fold

HEADINGS = {
    "day": ("day", "date", "jour", "dia", "fecha"),
    "starts_at": (
        "start",
        "starts",
        "from",
        "debut",
        "heure de debut",
        "inicio",
        "hora de inicio",
        "de",
        "desde",
    ),
    "ends_at": ("end", "ends", "to", "fin", "heure de fin", "hora de fin", "a", "hasta"),
    "title": (
        "title",
        "titre",
        "intitule",
        "titulo",
        "item",
        "point",
        "punto",
        "tema",
        "session",
        "sesion",
    ),
    "speakers": (
        "speakers",
        "speaker",
        "intervenants",
        "intervenant",
        "orateurs",
        "oradores",
        "ponentes",
        "orador",
    ),
}
"""Column names as staff write them, folded (no accents, no case)."""

ORDER = ("day", "starts_at", "ends_at", "title", "speakers")


class TooManyRows(ValueError):
    """More than `batch.MAX_ROWS` lines."""


def read(text: str) -> tuple[list[Row], bool]:
    """The rows of a pasted table, and whether its first line was a header. Raises
    TooManyRows."""
    lines = [cells for cells in csv.reader(StringIO(text), delimiter="\t") if any(cells)]
    columns, header = ORDER, False
    if lines:
        named = [_column(cell) for cell in lines[0]]
        if "title" in named:
            columns, header, lines = named, True, lines[1:]
    if len(lines) > MAX_ROWS:
        raise TooManyRows(len(lines))
    rows = []
    for cells in lines:
        values = {
            name: value.strip()
            for name, value in zip(columns, cells, strict=False)
            if name is not None
        }
        rows.append(Row(**values))
    return rows, header


def _column(cell: str) -> str | None:
    heading = fold(cell).rstrip(":")
    for name, words in HEADINGS.items():
        if heading in words:
            return name
    return None
