"""French typography on every page, feed and API answer (issue 17, "Language and typography"):
a no-break space before ":", narrow no-break spaces before "; ! ?", inside « » and in digit
groups, set once at render time; what staff typed is stored and edited exactly as typed."""

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from icalendar import Calendar

from iom_events.events.models import Event
from iom_events.extensions import db
from iom_events.translated import Translated
from iom_events.typography import french, spanish

from pages import text_of
from staff import post_form

NBSP, NNBSP = "\u00a0", "\u202f"


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("Questions : réponses", f"Questions{NBSP}: réponses"),
        ("Lieu: Bangkok", f"Lieu{NBSP}: Bangkok"),
        ("Lieu\u202f: Bangkok", f"Lieu{NBSP}: Bangkok"),
        ("Pourquoi ? Parce que !", f"Pourquoi{NNBSP}? Parce que{NNBSP}!"),
        ("Pourquoi? Parce que!", f"Pourquoi{NNBSP}? Parce que{NNBSP}!"),
        ("Quoi ?!", f"Quoi{NNBSP}?!"),
        ("d'abord ; ensuite", f"d'abord{NNBSP}; ensuite"),
        ("d'abord; ensuite", f"d'abord{NNBSP}; ensuite"),
        ("R&amp;D; ensuite", f"R&amp;D{NNBSP}; ensuite"),
        ("« Migration »", f"«{NNBSP}Migration{NNBSP}»"),
        ("«Migration»", f"«{NNBSP}Migration{NNBSP}»"),
        (f"«{NBSP}Migration{NBSP}»", f"«{NNBSP}Migration{NNBSP}»"),
        # Quoted inside guillemets: English quotation marks, no spaces (a title that quotes).
        (
            "Mettre « Présentation « MIDWA » » à la corbeille ?",
            f"Mettre «{NNBSP}Présentation “MIDWA”{NNBSP}» à la corbeille{NNBSP}?",
        ),
        ("« a « b « c » d » e »", f"«{NNBSP}a “b “c” d” e{NNBSP}»"),
        ("« un » et « deux »", f"«{NNBSP}un{NNBSP}» et «{NNBSP}deux{NNBSP}»"),
        # After a parenthesis or a quotation mark too (the tester's "(22:45); Titre").
        ("par X (22:45); Titre", f"par X (22:45){NNBSP}; Titre"),
        ("à Bangkok (UTC+7)? Oui", f"à Bangkok (UTC+7){NNBSP}? Oui"),
        ("Titre (anglais): Réunion", f"Titre (anglais){NBSP}: Réunion"),
        ("2 000 participants", f"2{NNBSP}000 participants"),
        ("1 250 000 migrants", f"1{NNBSP}250{NNBSP}000 migrants"),
        # Left alone: times, addresses, character references, dates, what needs no space.
        ("de 10:30 à 12:00", "de 10:30 à 12:00"),
        ("tél. +41 22 717 91 11", "tél. +41 22 717 91 11"),  # a phone number has no groups
        ("https://www.iom.int/fr?lang=fr", "https://www.iom.int/fr?lang=fr"),
        ("R&amp;D", "R&amp;D"),
        ("le 4 juin 2009", "le 4 juin 2009"),
        ("", ""),
    ],
)
def test_french_is_set_as_it_is_printed(typed, printed):
    assert french(typed) == printed
    assert french(printed) == printed  # setting twice changes nothing more


class _FrenchText(HTMLParser):
    """The text a reader sees in French on a page: text nodes and shown attributes whose
    element is in French, not form values, scripts or code."""

    SKIPPED = {"textarea", "script", "style", "pre", "code"}
    VOID = {"br", "img", "input", "meta", "link", "hr", "source", "wbr", "col", "area"}

    def __init__(self, lang: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []
        self.page_is_french = lang == "fr"
        self.parts: list[str] = []

    @property
    def french(self) -> bool:
        return self.stack[-1][1] if self.stack else self.page_is_french

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        french = attrs["lang"].startswith("fr") if attrs.get("lang") else self.french
        if french:
            for name in ("title", "alt", "aria-label", "placeholder"):
                if attrs.get(name):
                    self.parts.append(attrs[name])
        if tag not in self.VOID:
            self.stack.append((tag, french and tag not in self.SKIPPED))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if self.french:
            self.parts.append(data)


def french_text(html: str, lang: str = "fr") -> str:
    parser = _FrenchText(lang)
    parser.feed(html)
    return "\n".join(parser.parts)


def typography_faults(text: str) -> list[str]:
    """Each place where French text is not set: a plain space before a high punctuation mark
    or inside guillemets, or a colon, question or exclamation mark glued to a word."""
    faults = re.findall(r".{0,20}(?: [:;!?»]|« |[^\W\d_][!?:](?:\s|$)).{0,20}", text)
    return faults


def _links(html: str) -> list[str]:
    return re.findall(r'href="(/fr/[^"#]*)"', html)


def crawl(client, start: list[str], follow, limit: int) -> tuple[set[str], dict[str, list]]:
    """Read the French pages reachable from `start` by the links `follow` accepts (at most
    `limit`, files and signing out left alone): the paths read, and the typography faults of
    each page that has some."""
    seen: set[str] = set()
    queue = list(start)
    faults: dict[str, list[str]] = {}
    while queue and len(seen) < limit:
        path = queue.pop(0)
        if path in seen or "sign-out" in path or urlsplit(path).path.endswith(FILES):
            continue
        seen.add(path)
        response = client.get(path)
        if response.status_code != 200 or response.mimetype != "text/html":
            continue
        html = response.get_data(as_text=True)
        if found := typography_faults(french_text(html)):
            faults[path] = found
        queue.extend(link for link in _links(html) if follow(link))
    return seen, faults


FILES = (".pdf", ".zip", ".ics", ".csv")


def test_no_french_page_has_a_plain_space_before_a_colon(client):
    """Every public French page reachable from the home page, the demo's five meetings and
    offices included: their catalog texts, the content staff typed, names and dates."""
    seen, faults = crawl(
        client, ["/fr/", "/fr/search?q=migration"], lambda link: "/manage" not in link, 150
    )
    assert len(seen) > 20, seen
    assert faults == {}


@pytest.fixture
def typed(make_event):
    """A French meeting whose texts were typed as they come, with plain spaces."""
    return make_event(
        original_language="fr",
        title=Translated(fr="Migrations : enjeux et réponses"),
        summary=Translated(fr="Pourquoi? « Mobilité » ; 2 000 personnes", en="Why: mobility"),
        country="TH",
        timezone="Asia/Bangkok",
    )


def test_the_french_page_sets_what_staff_typed(client, typed):
    page = client.get(f"/fr/events/{typed.slug}/").get_data(as_text=True)
    assert f"Migrations{NBSP}: enjeux et réponses" in page
    assert f"Pourquoi{NNBSP}? «{NNBSP}Mobilité{NNBSP}»{NNBSP}; 2{NNBSP}000 personnes" in page
    assert typography_faults(french_text(page)) == []


def test_english_text_is_left_alone_and_french_text_on_an_english_page_is_set(client, typed):
    """The English page shows the English summary as typed and the French-only title, marked
    lang="fr", set as French."""
    page = client.get(f"/en/events/{typed.slug}/").get_data(as_text=True)
    assert "Why: mobility" in page
    assert f"Migrations{NBSP}: enjeux" in page
    assert "Migrations : enjeux" not in french_text(page, "en")


def test_the_french_feed_and_the_api_set_it_too(client, typed):
    feed = Calendar.from_ical(client.get(f"/fr/events/{typed.slug}.ics").data)
    (vevent,) = [c for c in feed.walk() if c.name == "VEVENT"]
    assert str(vevent["SUMMARY"]) == f"Migrations{NBSP}: enjeux et réponses"
    assert f"Pourquoi{NNBSP}?" in str(vevent["DESCRIPTION"])
    english = Calendar.from_ical(client.get(f"/en/events/{typed.slug}.ics").data)
    (vevent,) = [c for c in english.walk() if c.name == "VEVENT"]
    assert str(vevent["SUMMARY"]) == f"Migrations{NBSP}: enjeux et réponses"  # French, marked
    assert vevent["SUMMARY"].params["LANGUAGE"] == "fr"
    api = client.get(f"/api/v1/meetings/{typed.slug}?lang=fr").get_json()
    assert api["title"] == {"text": f"Migrations{NBSP}: enjeux et réponses", "lang": "fr"}
    every = client.get(f"/api/v1/meetings/{typed.slug}?lang=all").get_json()
    assert every["summary"]["en"] == "Why: mobility"


def test_the_edit_form_shows_and_saves_exactly_what_was_typed(app, editor, typed):
    """Typography is for reading: the French edit form holds the plain spaces typed, and saving
    it unchanged stores them unchanged (nothing typed is ever altered)."""
    path = f"/fr/manage/events/{typed.slug}/edit"
    html = editor.get(path).get_data(as_text=True)
    assert 'value="Migrations : enjeux et réponses"' in html
    fields = {}
    for tag in re.findall(r"<input[^>]*>", html):
        name, value = re.search(r'name="([^"]+)"', tag), re.search(r'value="([^"]*)"', tag)
        unchecked = re.search(r'type="(checkbox|radio)"', tag) and " checked" not in tag
        if name and value and not unchecked:
            fields[name[1]] = value[1]
    fields.update(re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>\n?([^<]*)</textarea>', html))
    assert fields["summary-fr"] == "Pourquoi? « Mobilité » ; 2 000 personnes"
    for name, value in re.findall(
        r'name="([^"]+)"[^>]*>\s*(?:<option[^>]*>[^<]*</option>\s*)*?<option[^>]*selected[^>]*'
        r'value="([^"]*)"',
        html,
    ):
        fields[name] = value
    fields = {
        name: value.replace("&amp;", "&").replace("&#39;", "'") for name, value in fields.items()
    }
    response = post_form(editor, path, fields)
    assert response.status_code == 303, text_of(response.get_data(as_text=True))[:1000]
    with app.app_context():
        saved = db.session.get(Event, typed.id)
        assert saved.title == Translated(fr="Migrations : enjeux et réponses")
        assert saved.summary["fr"] == "Pourquoi? « Mobilité » ; 2 000 personnes"


def test_no_french_staff_page_has_a_plain_space_before_a_colon(editor):
    """The staff pages too: lists, forms (their labels, help and choices; never the values
    typed in them), history, trash, reached from the staff home page by their links."""
    seen, faults = crawl(editor, ["/fr/manage/"], lambda link: link.startswith("/fr/manage"), 120)
    assert len(seen) > 40, seen
    assert faults == {}


def test_a_title_that_quotes_is_quoted_with_english_marks_inside_guillemets(make_event, editor):
    """« … « … » … » never: the confirmation quotes the meeting's title, which quotes a name."""
    event = make_event(
        original_language="fr", title=Translated(fr="Dialogue « Migration et climat »")
    )
    page = editor.get(f"/fr/manage/events/{event.slug}/remove").get_data(as_text=True)
    assert f"«{NNBSP}Dialogue “Migration et climat”{NNBSP}»" in page
    assert page.count("«") == page.count("»") and "« «" not in text_of(page)


# --- Spanish: guillemets, then English quotation marks inside them (RAE) ----------------------


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        (
            "«Proceso de Puebla «Conferencia Regional»»",
            "«Proceso de Puebla “Conferencia Regional”»",
        ),
        ("¿Mover «A «B» C»?", "¿Mover «A “B” C»?"),
        ("«uno» y «dos»", "«uno» y «dos»"),
        ("Hola: ¿qué tal?", "Hola: ¿qué tal?"),  # no French spacing in Spanish
    ],
)
def test_spanish_nests_quotation_marks_as_it_prints_them(typed, printed):
    assert spanish(typed) == printed
    assert spanish(printed) == printed


def test_the_spanish_confirmation_quotes_a_name_that_quotes(make_event, editor):
    """The tester saw «Proceso de Puebla «Conferencia Regional sobre Migración»» on a Spanish
    page; English marks inside, as in French."""
    event = make_event(original_language="es", title=Translated(es="Diálogo «Migración y clima»"))
    page = editor.get(f"/es/manage/events/{event.slug}/remove").get_data(as_text=True)
    assert "«Diálogo “Migración y clima”»" in page, text_of(page)[:600]
    english = editor.get(f"/en/manage/events/{event.slug}/remove").get_data(as_text=True)
    assert "Diálogo «Migración y clima»" in english  # a Spanish title on an English page: as typed
