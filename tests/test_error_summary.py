"""The error summary at the top of a staff form lists every error, each a link to its field.

Issue 13, case 2: it said "The form has errors" and listed nothing when the messages were lazy
translation strings (most are), and focus stayed at the top of the page. The GOV.UK pattern: a
summary that takes the focus, every message a link to the input it is about.
"""

from __future__ import annotations

import re

from pages import text_of
from staff import post_form

BAD_MEETING = {
    "title-en": "",
    "title-fr": "",
    "title-es": "",
    "kind": "workshop",
    "original_language": "en",
    "starts_on": "2031-05-06",
    "ends_on": "2031-05-01",
    "timezone": "",
    "country": "SN",
    "website": "ftp://example.org",
}


def summary_of(html: str) -> str:
    match = re.search(r'<div class="error-summary"[^>]*>.*?</div>', html, flags=re.DOTALL)
    assert match, "no error summary on the page"
    return match.group(0)


def links_of(summary: str) -> dict[str, str]:
    """Each error's text -> the id its link leads to."""
    return {
        text_of(text): target
        for target, text in re.findall(r'<a href="#([^"]+)">(.*?)</a>', summary, re.DOTALL)
    }


def test_every_error_of_a_meeting_is_listed_with_a_link_to_its_field(editor):
    response = post_form(editor, "/en/manage/events/new", BAD_MEETING, "/en/manage/")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    summary = summary_of(html)
    links = links_of(summary)
    assert links["Title: Enter this in at least one language."] == "title-en"
    assert links["Last day: The last day cannot be before the first day."] == "ends_on"
    assert (
        links["Official website: Enter a web address starting with http:// or https://."]
        == "website"
    )
    for target in links.values():
        assert f'id="{target}"' in html  # every link leads to an input of the page
    assert 'tabindex="-1"' in summary and "autofocus" in summary  # it takes the focus
    assert html.index("error-summary") < html.index('<form method="post" class="stacked"')


def test_the_summary_speaks_french(editor):
    response = post_form(editor, "/fr/manage/events/new", BAD_MEETING, "/fr/manage/")
    assert response.status_code == 400
    summary = summary_of(response.get_data(as_text=True))
    assert "Le formulaire contient des erreurs" in text_of(summary)
    links = links_of(summary)
    assert links["Titre : Saisissez ce texte dans au moins une langue."] == "title-en"
    assert links["Dernier jour : Le dernier jour ne peut pas précéder le premier."] == "ends_on"


def test_an_agenda_item_lists_its_errors_too(editor, make_event):
    meeting = make_event()
    response = post_form(
        editor,
        f"/en/manage/events/{meeting.slug}/agenda/new",
        {"day": "2030-01-10", "kind": "session", "title-en": "", "ends_at": "10:00"},
        "/en/manage/",
    )
    assert response.status_code == 400
    links = links_of(summary_of(response.get_data(as_text=True)))
    assert links["Title: Enter this in at least one language."] == "title-en"
    assert links["End time: Enter a start time too, or no end time."] == "ends_at"


def test_a_form_level_error_is_listed_without_a_link(app):
    client = app.test_client()
    response = post_form(client, "/en/sign-in", {"email": "nobody@iom.test", "password": "x"})
    summary = summary_of(response.get_data(as_text=True))
    assert "This e-mail address and password do not match." in text_of(summary)
    assert "<a " not in summary


def test_a_valid_form_has_no_summary(editor):
    html = editor.get("/en/manage/events/new").get_data(as_text=True)
    assert "error-summary" not in html
