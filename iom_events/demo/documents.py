"""What each reference document says, taken from its meeting's demo data (that is, from the seed):
the agenda from the meeting's agenda, the overview from its texts, its RCPs and its named
participants; nothing for a document the seed only lists (its PDF says so: `pdf.reproduction`).

Seed 002: "Ordre du jour (anglais | français | espagnol)", "Aperçu général (anglais | français |
espagnol)", "Aperçu des principaux PCR (en anglais)"; the meeting's two days ("4 juin 2009",
"5 juin 2009"), its RCPs ("Environ 60 personnes ont participé à la réunion, principalement des
représentants ... des principaux PCR du monde entier, comme suit : ...").
"""

from __future__ import annotations

from babel.dates import format_date

from iom_events.demo.pdf import Section
from iom_events.text import plain_text

HEADINGS = {
    "rcps": {
        "en": "Regional consultative processes represented",
        "fr": "Processus consultatifs régionaux représentés",
        "es": "Procesos consultivos regionales representados",
    },
    "participants": {
        "en": "Participants named in the source",
        "fr": "Participants nommés dans la source",
        "es": "Participantes nombrados en la fuente",
    },
    "speakers": {
        "en": "Speakers",
        "fr": "Intervenants",
        "es": "Oradores",
    },
}
DAY_FORMATS = {
    "en": ("EEEE d MMMM y", "en_GB"),
    "fr": ("EEEE d MMMM y", "fr"),
    "es": ("EEEE d 'de' MMMM 'de' y", "es"),
}
"""A day as IOM editors write it: "Thursday 4 June 2009" (British English), "jeudi 4 juin
2009", "jueves 4 de junio de 2009"."""


def sections(content: str | None, meeting: dict, language: str) -> list[Section] | None:
    """The sections of a demo document in `language` (en, fr or es): `content` is the document's
    `"content"` key in the demo data ("agenda", "overview", "rcps"), None when the seed gives no
    content (then None: the PDF says its text is not reproduced). A text missing in `language`
    is read in the meeting's original language."""
    if content is None:
        return None
    return {"agenda": _agenda, "overview": _overview, "rcps": _rcps}[content](meeting, language)


def _text(value: dict | None, meeting: dict, language: str) -> str:
    if not value:
        return ""
    original = meeting["original_language"]
    chosen = value.get(language) or value.get(original) or next(iter(value.values()))
    return plain_text(chosen)


def _agenda(meeting: dict, language: str) -> list[Section]:
    people = {p["key"]: p for p in meeting["participants"]}
    days: dict = {}
    for item in meeting["agenda"]:
        days.setdefault(item["day"], []).append(item)
    result = []
    for day, items in days.items():
        pattern, locale = DAY_FORMATS[language]
        when = format_date(day, pattern, locale=locale)
        result.append(Section(when[:1].upper() + when[1:]))
        for item in items:
            paragraphs = [_text(item["description"], meeting, language)]
            speakers = [
                f"{people[key]['name']}, {_text(people[key]['function'], meeting, language)}"
                for key in item.get("speakers", ())
            ]
            if speakers:
                colon = "\u00a0: " if language == "fr" else ": "  # French: no-break space
                semicolon = "\u00a0; " if language == "fr" else "; "
                paragraphs.append(HEADINGS["speakers"][language] + colon + semicolon.join(speakers))
            result.append(
                Section(_text(item["title"], meeting, language), [p for p in paragraphs if p])
            )
    return result


def _overview(meeting: dict, language: str) -> list[Section]:
    description = _text(meeting["description"], meeting, language)
    return [
        Section(None, description.split("\n\n")),
        *_rcps(meeting, language),
        _participants(meeting, language),
    ]


def _rcps(meeting: dict, language: str) -> list[Section]:
    items = []
    for delegation in meeting["delegations"]:
        name = _text(delegation["name"], meeting, language)
        short = _text(delegation["short_name"], meeting, language)
        region = _text(delegation["region"], meeting, language)
        line = f"{name} ({short})" if short and short != name else name
        items.append(f"{line} – {region}" if region else line)
    return [Section(HEADINGS["rcps"][language], items=items)]


def _participants(meeting: dict, language: str) -> Section:
    items = [
        f"{p['name']}, {_text(p['function'], meeting, language)}" if p["function"] else p["name"]
        for p in meeting["participants"]
    ]
    return Section(HEADINGS["participants"][language], items=items)
