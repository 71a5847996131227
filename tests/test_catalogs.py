"""The UI catalogs are complete in French and Spanish and current with the code."""

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
