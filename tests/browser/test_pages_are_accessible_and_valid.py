"""Every public and staff page, in English, French and Spanish: zero axe-core violations
(WCAG 2.2 AA and best practices) and valid HTML for the Nu HTML checker.

axe-core and vnu-jar come from the npm registry (package.json; `make install` runs npm); axe is
injected with page.evaluate, since the strict CSP blocks added script tags.
"""

import io
import json
import re
import subprocess
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from iom_events.accounts.models import User
from iom_events.agenda.models import AgendaItem, AgendaItemKind
from iom_events.delegations.models import Delegation, DelegationKind, Participant, ParticipantRole
from iom_events.demo.pdf import title_page
from iom_events.documents.models import Document, DocumentCategory
from iom_events.documents.service import Upload, add_version
from iom_events.documents.storage import blob_store
from iom_events.events.models import (
    Event,
    EventKind,
    EventOrganizer,
    EventStatus,
    OrganizerRole,
)
from iom_events.extensions import db
from iom_events.nominations.tokens import token_of
from iom_events.press.models import PressContact
from iom_events.translated import Translated

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
    "/{lang}/search",
    "/{lang}/search?q=reunion+mondiale",
    "/{lang}/search?q=migration&kind=picnic",
    "/{lang}/no-such-page",
]


@pytest.fixture(scope="module")
def complete_meeting(app):
    """A published meeting with one of every part, so that every staff page has something."""
    with app.app_context():
        event = Event(
            slug="every-part-meeting",
            kind=EventKind.WORKSHOP,
            status=EventStatus.PUBLISHED,
            original_language="en",
            title=Translated(en="Every part", fr="Chaque partie"),
            starts_on=date(2040, 5, 2),
            ends_on=date(2040, 5, 3),
            timezone="Europe/Zurich",
            country="CH",
        )
        delegation = Delegation(kind=DelegationKind.OBSERVER, name=Translated(en="Observers"))
        person = Participant(
            name="Ada Example",
            role=ParticipantRole.SPEAKER,
            delegation=delegation,
            email="ada@example.org",
        )
        event.delegations = [delegation]
        event.participants = [person]
        event.agenda = [
            AgendaItem(
                day=date(2040, 5, 2),
                kind=AgendaItemKind.OPENING,
                title=Translated(en="Opening"),
                speakers=[person],
            )
        ]
        event.organizers = [
            EventOrganizer(role=OrganizerRole.HOST, name=Translated(en="A host government"))
        ]
        event.press_contacts = [PressContact(name="Press Officer", email="press@example.org")]
        event.documents = [
            Document(category=DocumentCategory.AGENDA, title=Translated(en="Agenda"))
        ]
        db.session.add(event)
        db.session.commit()
        content = title_page("Agenda", "Every part", "en", event.created_at)
        add_version(
            event.documents[0], "en", Upload(io.BytesIO(content), "agenda.pdf"), blob_store(), None
        )
        invitation = nominated(event, delegation)
        return {
            "invitation_id": invitation.id,
            "token": token_of(invitation),
            "slug": event.slug,
            "item_id": event.agenda[0].id,
            "delegation_id": delegation.id,
            "participant_id": person.id,
            "contact_id": event.press_contacts[0].id,
            "organizer_id": event.organizers[0].id,
            "document_id": event.documents[0].id,
            "file_id": event.documents[0].files[0].id,
            "user_id": db.session.scalar(select(User.id).where(User.email == "admin@iom.test")),
        }


def nominated(event, delegation):
    """An invitation of the delegation with a list sent, reviewed, then changed (issue 19):
    its review page shows every part (changes, members, actions)."""
    from datetime import timedelta

    from iom_events.columns import utcnow
    from iom_events.nominations import accreditation, service
    from iom_events.nominations.models import Invitation

    invitation = Invitation(
        event=event,
        delegation=delegation,
        focal_point_name="Ana Pérez",
        focal_point_email="ana@example.org",
        language="es",
        deadline=utcnow() + timedelta(days=30),
    )
    db.session.add(invitation)
    ana = {
        "key": "a" * 32,
        "title": "H.E.",
        "name": "Ana Pérez",
        "function": "Envoy",
        "role": "head_of_delegation",
        "email": "ana@example.org",
        "phone": "",
        "public": True,
    }
    service.nominate(invitation, [ana], 0, {})
    db.session.commit()
    accreditation.accredit(invitation)
    db.session.commit()
    luis = {**ana, "key": "b" * 32, "title": "", "name": "Luis Gómez", "role": "adviser"}
    service.nominate(invitation, [{**ana, "function": "Ambassador"}, luis], 1, {})
    db.session.commit()
    return invitation


def staff_pages(app, values: dict) -> list[str]:
    """Every staff page there is to GET: the URL map, filled with the complete meeting's ids."""
    pages = []
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/<lang:lang>/manage") or "GET" not in rule.methods:
            continue
        if rule.rule.endswith(("/files/<int:file_id>", "/credentials/<int:number>")):
            continue  # a file to download, not a page
        args = {**values, "lang": "{lang}"}
        if rule.rule.startswith("/<lang:lang>/manage/offices"):
            args["slug"] = "bangkok"
        path = rule.rule
        for name in rule.arguments:
            path = re.sub(rf"<(?:[^:>]+:)?{name}>", str(args[name]), path)
        pages.append(path)
    return sorted(pages)


def check_page(page, url: str, pages_html: dict) -> list[str]:
    response = page.goto(url)
    assert response is not None
    assert response.status in (200, 400, 404), (url, response.status)
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


def test_every_page_in_every_language(
    app, page, base_url, staff_accounts, complete_meeting, tmp_path
):
    problems, pages_html = [], {}
    nomination = f"/{{lang}}/nominations/{complete_meeting['token']}"
    public = [*PUBLIC, "/{lang}/events/every-part-meeting/", nomination, f"{nomination}/decline"]
    for lang in LANGUAGES:
        for path in public:
            problems += check_page(page, path.format(lang=lang), pages_html)
    sign_in_page(page, staff_accounts["admin"], lang="en")
    staff = staff_pages(app, complete_meeting)
    assert len(staff) >= 30
    for lang in LANGUAGES:
        for path in staff:
            problems += check_page(page, path.format(lang=lang), pages_html)
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
