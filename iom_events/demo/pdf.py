"""The reference documents as PDFs that do not pretend: each says, on every page and in its
metadata, that it is a reproduction made for demonstration, and which seed page it comes from.

Issue 17: "Generate each demo PDF from the seed's own content where the seed has it ... and mark
every demo file visibly, on the page and inside the PDF, as a reproduction made for
demonstration, with the seed's source." Where the seed only lists a document (the final report,
remarks, presentations), the PDF says that its content is not reproduced, rather than invent it.

The words of the mark are in the document's language (en, fr, es), as the demo data holds its
texts: a PDF is written once by `demo load`, not in the reader's language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from fpdf import FPDF

ENCODING = "windows-1252"
"""The core fonts' encoding: it covers English, French and Spanish, typographic quotes too."""

MARK = {
    "en": "Reproduction made for demonstration – not an IOM document",
    "fr": "Reproduction réalisée pour la démonstration – ce n’est pas un document de l’OIM",
    "es": "Reproducción realizada para la demostración – no es un documento de la OIM",
}
SOURCE = {
    "en": "Source: public web page of IOM (in French), kept as seed file {seed}",
    "fr": (
        "Source\u00a0: page web publique de l’OIM (en français), conservée comme fichier "
        "source {seed}"
    ),
    "es": (
        "Fuente: página web pública de la OIM (en francés), conservada como archivo fuente {seed}"
    ),
}
NOT_REPRODUCED = {
    "en": (
        "The source page lists this document without giving its content: "
        "its text is not reproduced here."
    ),
    "fr": (
        "La page source cite ce document sans en donner le contenu\u00a0: "
        "son texte n’est pas reproduit ici."
    ),
    "es": (
        "La página fuente menciona este documento sin dar su contenido: "
        "su texto no se reproduce aquí."
    ),
}


@dataclass
class Section:
    """A heading (or none) and its paragraphs; `items` are shown as a bulleted list."""

    heading: str | None
    paragraphs: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)


class _Reproduction(FPDF):
    def __init__(self, language: str, seed: str) -> None:
        super().__init__(format="A4")
        self.core_fonts_encoding = ENCODING
        self._mark = MARK[language]
        self._source = SOURCE[language].format(seed=seed)

    def header(self) -> None:
        self.set_font("helvetica", style="B", size=9)
        self.set_text_color(160, 0, 0)
        self.multi_cell(0, 5, _encodable(self._mark.upper()), align="C")
        self.set_text_color(0, 0, 0)
        self.ln(4)

    def footer(self) -> None:
        self.set_y(-18)
        self.set_font("helvetica", style="I", size=8)
        self.set_text_color(90, 90, 90)
        self.multi_cell(0, 4, _encodable(f"{self._mark}. {self._source}"), align="C")
        self.set_text_color(0, 0, 0)


def reproduction(
    title: str,
    meeting: str,
    language: str,
    created: datetime,
    seed: str,
    sections: list[Section] | None,
) -> bytes:
    """A PDF of one language version of a demo document: its title, its meeting, then the
    seed's content (`sections`), or, when the seed gives none (`sections` None), a sentence
    saying that the content is not reproduced. Every page carries the demonstration mark and
    the seed (`seed`: the seed file's name); the metadata too (title, subject, keywords).

    `language` is one of en, fr, es (KeyError otherwise). The same arguments give the same
    bytes, so loading the demo twice stores each file once."""
    pdf = _Reproduction(language, seed)
    pdf.set_lang(language)
    pdf.set_title(_encodable(f"{title} – {MARK[language]}"))
    pdf.set_subject(_encodable(f"{MARK[language]}. {SOURCE[language].format(seed=seed)}"))
    pdf.set_keywords("demonstration, reproduction, iom_events")
    pdf.set_creator("iom_events demo")
    pdf.set_creation_date(created)
    pdf.set_auto_page_break(auto=True, margin=22)
    pdf.add_page()
    pdf.set_font("helvetica", style="B", size=16)
    pdf.multi_cell(0, 8, _encodable(title))
    pdf.ln(2)
    pdf.set_font("helvetica", size=11)
    pdf.multi_cell(0, 6, _encodable(meeting))
    pdf.ln(4)
    if sections is None:
        pdf.set_font("helvetica", style="I", size=11)
        pdf.multi_cell(0, 6, _encodable(NOT_REPRODUCED[language]))
    for section in sections or ():
        if section.heading:
            pdf.set_font("helvetica", style="B", size=12)
            pdf.multi_cell(0, 7, _encodable(section.heading))
            pdf.ln(1)
        pdf.set_font("helvetica", size=10)
        for paragraph in section.paragraphs:
            pdf.multi_cell(0, 5, _encodable(paragraph))
            pdf.ln(2)
        for item in section.items:
            pdf.set_x(pdf.l_margin + 4)
            pdf.multi_cell(0, 5, _encodable(f"• {item}"))
        pdf.ln(3)
    return bytes(pdf.output())


def _encodable(text: str) -> str:
    """The text in the core fonts' encoding: no-break spaces of every width become the one it
    has (U+00A0), anything else it lacks a "?" rather than a failed load."""
    text = text.replace("\u202f", "\u00a0").replace("\u2009", " ")
    return text.encode(ENCODING, errors="replace").decode(ENCODING)


def title_page(title: str, meeting: str, language: str, created: datetime) -> bytes:
    """A small valid one-page PDF whose text is a title and a meeting's name, in one language:
    a file to upload in tests and fixtures, not a demo document (those are `reproduction`s).

    The same arguments give the same bytes."""
    pdf = FPDF(format="A4")
    pdf.core_fonts_encoding = ENCODING
    pdf.set_lang(language)
    pdf.set_title(title)
    pdf.set_creator("iom_events")
    pdf.set_creation_date(created)
    pdf.add_page()
    pdf.set_font("helvetica", style="B", size=18)
    pdf.multi_cell(0, 10, title)
    pdf.ln(6)
    pdf.set_font("helvetica", size=12)
    pdf.multi_cell(0, 7, meeting)
    return bytes(pdf.output())
