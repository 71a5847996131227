"""The UI catalogs are complete in French and Spanish and current with the code."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent


def catalog(lang: str):
    with open(ROOT / "translations" / lang / "LC_MESSAGES" / "messages.po", "rb") as f:
        return read_po(f, locale=lang)


def ids(messages) -> set[str]:
    return {m.id if isinstance(m.id, str) else m.id[0] for m in messages if m.id}


@pytest.fixture(scope="module")
def fresh_extract(tmp_path_factory) -> set[str]:
    """What `make extract` would find in the code today."""
    pot = tmp_path_factory.mktemp("pot") / "messages.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "-F",
            "babel.cfg",
            "-k",
            "_l",
            "-k",
            "lazy_gettext",
            "-k",
            "lazy_pgettext:1c,2",
            "-o",
            str(pot),
            "iom_events",
            "templates",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    with open(pot, "rb") as f:
        found = ids(read_po(f))
    assert {"Page not found", "Agenda", "Regional offices"} <= found, "extraction is broken"
    return found


@pytest.mark.parametrize("lang", ["fr", "es"])
def test_every_message_is_translated(lang):
    untranslated = [
        m.id
        for m in catalog(lang)
        if m.id and (not all(m.string) if isinstance(m.string, tuple) else not m.string)
    ]
    fuzzy = [m.id for m in catalog(lang) if m.id and m.fuzzy]
    assert untranslated == [], f"untranslated in {lang}: run `make extract` and translate them"
    assert fuzzy == [], f"fuzzy (unchecked) translations in {lang}"


@pytest.mark.parametrize("lang", ["fr", "es"])
def test_catalog_is_current_with_the_code(lang, fresh_extract):
    in_catalog = ids(catalog(lang))
    assert fresh_extract - in_catalog == set(), "new messages: run `make extract` and translate"
    assert in_catalog - fresh_extract == set(), "obsolete messages: run `make extract`"


@pytest.mark.parametrize("lang", ["fr", "es"])
def test_placeholders_survive_translation(lang):
    for message in catalog(lang):
        if not message.id or not message.python_format:
            continue
        originals = message.id if isinstance(message.id, tuple) else (message.id,)
        translations = message.string if isinstance(message.string, tuple) else (message.string,)
        names = {part for o in originals for part in _placeholders(o)}
        for translation in translations:
            assert _placeholders(translation) == names, (message.id, translation)


def _placeholders(text: str) -> set[str]:
    import re

    return set(re.findall(r"%\((\w+)\)", text))


def _translations(lang: str):
    """(English, translation) for every string of the catalog, plural forms included."""
    for message in catalog(lang):
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for string in strings:
            yield (message.id if isinstance(message.id, str) else message.id[0]), string


FRENCH_FAULTS = {
    "a plain space before a high punctuation mark": r" [:;!?»]",
    "a plain space after «": r"« ",
    "a colon glued to a word": r"[^\W\d_):]:(?:\s|$)",
    "a semicolon, question or exclamation mark glued to a word": r"[^\W_][;!?]",
    "no narrow no-break space before ; ! ? or inside « »": "\u00a0[;!?»]|«\u00a0",
    "a straight apostrophe where French prints ’": r"\w'\w",
}


def test_french_is_set_as_french_is_printed():
    """Imprimerie nationale's rules (see iom_events/typography.py): a no-break space before
    ":", a narrow one before "; ! ?" and inside « »; the typographic apostrophe."""
    faults = [
        (kind, english, french)
        for english, french in _translations("fr")
        for kind, pattern in FRENCH_FAULTS.items()
        if re.search(pattern, re.sub(r"%\(\w+\)[sd]|https?://\S+", "", french))
    ]
    assert faults == []


@pytest.mark.parametrize("lang", ["fr", "es"])
def test_no_parenthesis_nests_in_another(lang):
    """A label shown in parentheses beside a name ("Ana Pérez (Delegado)") must not hold one:
    "(Orador(a))" reads as a mistake. No translation writes a parenthesis inside another."""
    nested = [
        (english, text)
        for english, text in _translations(lang)
        if re.search(r"\([^()]*\(", re.sub(r"%\(\w+\)[sd]", "…", text))
    ]
    assert nested == []


def test_spanish_questions_open_and_no_space_precedes_a_colon():
    """Spanish opens a question and an exclamation with ¿ and ¡ (Ortografía de la lengua
    española, 2010, 3.4.5); neither Spanish nor English puts a space before ":"."""
    faults = [
        (english, spanish)
        for english, spanish in _translations("es")
        if re.search(r"\s[:;]", spanish)
        or (spanish.count("?") != spanish.count("¿"))
        or (spanish.count("!") != spanish.count("¡"))
    ]
    assert faults == []
    assert [english for english, _ in _translations("es") if re.search(r"\s[:;!?]", english)] == []
