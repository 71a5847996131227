"""A reader prints the RCP meeting's agenda from Chromium (print media, A4): every printed page
carries the meeting's name and the page's address in its footer, and a day's heading never ends
a page without the day's first item."""

import io
import re

import pytest
from pypdf import PdfReader

RCP = "rcp-bangkok-2009"


def printed_pages(pdf: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(pdf))
    texts = (
        page.extract_text().replace("\u00a0", " ").replace("\u202f", " ") for page in reader.pages
    )
    return [re.sub(r"\s+", " ", text) for text in texts]


@pytest.mark.parametrize(
    ("lang", "meeting", "second_day", "its_first_item"),
    [
        (
            "en",
            "Global Meeting of Chairs and Secretariats of Regional Consultative Processes on"
            " Migration (RCPs)",
            "Friday 5 June 2009",
            "Promoting more",
        ),
        (
            "fr",
            "Réunion mondiale des présidents et secrétariats des processus consultatifs"
            " régionaux sur la migration (PCR)",
            "vendredi 5 juin 2009",
            "Promouvoir une gestion plus",
        ),
        (
            "es",
            "Reunión mundial de presidentes y secretarías de los procesos consultivos"
            " regionales sobre migración (PCR)",
            "viernes 5 de junio de 2009",
            "Promover una gestión más",
        ),
    ],
)
def test_every_printed_page_names_the_meeting_and_no_day_heading_ends_a_page(
    page, base_url, lang, meeting, second_day, its_first_item
):
    page.goto(f"/{lang}/events/{RCP}/agenda")
    page.emulate_media(media="print")
    pages = printed_pages(page.pdf(format="A4", prefer_css_page_size=True))

    assert len(pages) >= 2
    address = f"{base_url}/{lang}/events/{RCP}/agenda"
    for text in pages:
        assert meeting in text and address in text
    [with_the_day] = [text for text in pages if second_day in text]
    assert its_first_item in with_the_day
