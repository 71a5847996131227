"""Small, valid PDFs for the reference documents, so downloads work right after `make run`."""

from datetime import datetime

from fpdf import FPDF


def title_page(title: str, meeting: str, language: str, created: datetime) -> bytes:
    """A one-page PDF whose text is the document's title (and its meeting) in one language.

    The same arguments give the same bytes, so loading the demo twice stores each file once.
    """
    pdf = FPDF(format="A4")
    # The core fonts in cp1252 cover English, French and Spanish, typographic quotes included.
    pdf.core_fonts_encoding = "windows-1252"
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
