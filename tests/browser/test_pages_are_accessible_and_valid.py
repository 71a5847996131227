"""Every public and staff page, in English, French and Spanish: zero axe-core violations
(WCAG 2.2 AA and best practices) and valid HTML for the Nu HTML checker.

axe-core and vnu-jar come from the npm registry (package.json; `make install` runs npm); axe is
injected with page.evaluate, since the strict CSP blocks added script tags.
"""

import json
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select

from iom_events.documents.models import Document
from iom_events.events.models import Event
from iom_events.extensions import db

from browser_helpers import sign_in_page

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
ARTIFACTS = ROOT / "test-artifacts"
LANGUAGES = ("en", "fr", "es")

PUBLIC = [
    "/{lang}/",
    "/{lang}/events/",
    "/{lang}/events/?year=2009&kind=rcp_meeting",
    "/{lang}/events/rcp-bangkok-2009/",
    "/{lang}/events/bapa40-buenos-aires-2019/",
    "/{lang}/events/bapa40-venezuela-side-event/",
    "/{lang}/offices/",
    "/{lang}/offices/bangkok/",
    "/{lang}/offices/international-cooperation-and-partnerships/",
    "/{lang}/sign-in",
    "/{lang}/no-such-page",
]
STAFF = [
    "/{lang}/manage/",
    "/{lang}/manage/events/new",
    "/{lang}/manage/events/{slug}/",
    "/{lang}/manage/events/{slug}/edit",
    "/{lang}/manage/events/{slug}/history",
    "/{lang}/manage/events/{slug}/organizers/",
    "/{lang}/manage/events/{slug}/organizers/new",
    "/{lang}/manage/events/{slug}/agenda/",
    "/{lang}/manage/events/{slug}/agenda/new",
    "/{lang}/manage/events/{slug}/delegations/",
    "/{lang}/manage/events/{slug}/delegations/new",
    "/{lang}/manage/events/{slug}/delegations/participants/new",
    "/{lang}/manage/events/{slug}/press/",
    "/{lang}/manage/events/{slug}/press/new",
    "/{lang}/manage/events/{slug}/documents/",
    "/{lang}/manage/events/{slug}/documents/new",
    "/{lang}/manage/events/{slug}/documents/{document}/upload",
    "/{lang}/manage/events/{slug}/documents/{document}/versions",
    "/{lang}/manage/offices/",
    "/{lang}/manage/offices/new",
    "/{lang}/manage/offices/bangkok/edit",
    "/{lang}/manage/users/",
    "/{lang}/manage/users/new",
    "/{lang}/manage/trash/",
]


@pytest.fixture(scope="module")
def targets(app):
    with app.app_context():
        event = db.session.scalar(select(Event).where(Event.slug == "bapa40-buenos-aires-2019"))
        rcp = db.session.scalar(select(Event).where(Event.slug == "rcp-bangkok-2009"))
        document = db.session.scalar(select(Document.id).where(Document.event_id == rcp.id))
        return {"slug": event.slug, "rcp": rcp.slug, "document": document}


def check_page(page, url: str, pages_html: dict) -> list[str]:
    response = page.goto(url)
    assert response is not None
    assert response.status in (200, 404), (url, response.status)
    pages_html[url] = response.text()
    page.evaluate(AXE.read_text())
    result = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
    )
    return [
        f"{url}: {v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(node["target"][0] if node["target"] else "?" for node in v["nodes"][:3])
        for v in result
    ]


def validate(pages_html: dict, tmp_path: Path) -> list[str]:
    files = {}
    for n, (url, html) in enumerate(pages_html.items()):
        file = tmp_path / f"page-{n}.html"
        file.write_text(html)
        files[str(file)] = url
    run = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--exit-zero-always", *files],
        capture_output=True,
        text=True,
        timeout=600,
    )
    messages = json.loads(run.stderr or run.stdout)["messages"]
    errors = [m for m in messages if m["type"] == "error"]
    return [
        f"{files.get(m['url'].removeprefix('file:'), m['url'])}: line {m.get('lastLine')}: "
        f"{m['message']}"
        for m in errors
    ]


def test_every_page_in_every_language(page, base_url, staff_accounts, targets, tmp_path):
    problems, pages_html = [], {}
    for lang in LANGUAGES:
        for path in PUBLIC:
            problems += check_page(page, path.format(lang=lang), pages_html)
    sign_in_page(page, staff_accounts["admin"], lang="en")
    for lang in LANGUAGES:
        for path in STAFF:
            url = path.format(lang=lang, slug=targets["rcp"], document=targets["document"])
            problems += check_page(page, url, pages_html)
    problems += validate(pages_html, tmp_path)
    (ARTIFACTS).mkdir(exist_ok=True)
    (ARTIFACTS / "page-problems.txt").write_text("\n".join(problems))
    assert problems == [], "\n".join(problems)


def test_screenshots_of_the_meeting_page(browser, base_url):
    """Phone, desktop and print views of a meeting, for a reviewer (test-artifacts/, not kept)."""
    ARTIFACTS.mkdir(exist_ok=True)
    for name, size in (("phone", (390, 844)), ("desktop", (1366, 900))):
        context = browser.new_context(
            base_url=base_url, viewport={"width": size[0], "height": size[1]}
        )
        page = context.new_page()
        page.goto("/fr/events/rcp-bangkok-2009/")
        page.screenshot(path=ARTIFACTS / f"meeting-{name}.png", full_page=True)
        context.close()
    page = browser.new_context(base_url=base_url).new_page()
    page.goto("/fr/events/rcp-bangkok-2009/")
    page.emulate_media(media="print")
    page.screenshot(path=ARTIFACTS / "meeting-print.png", full_page=True)
    page.pdf(path=ARTIFACTS / "meeting-print.pdf", format="A4")
    assert (ARTIFACTS / "meeting-print.pdf").read_bytes().startswith(b"%PDF-")
