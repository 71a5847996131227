"""What the public may not see stays unseen on every surface that shows a meeting.

One meeting holds one of each thing the public must never get: a participant's e-mail and
phone, a private participant who speaks, the members of a delegation in the trash (one of them
speaks), an agenda item in the trash, a draft side event, a replaced and a removed document
version; and a delegation's nomination (issue 19): its accredited members' e-mail and phone, a
member who asked not to be listed, a member sent after the accreditation (not accredited yet),
the credentials letter's name and content. Each surface (the page, the API, the meeting's feed,
search, the documents' zips, the printable agenda and the generated PDFs) is asked for it, and
each answer is checked for every secret. What the public may see is checked too, so that an
empty answer cannot pass.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from datetime import time

import pytest
from pypdf import PdfReader

from iom_events.agenda.models import AgendaItem, AgendaItemKind
from iom_events.columns import utcnow
from iom_events.delegations.models import Delegation, DelegationKind, Participant, ParticipantRole
from iom_events.documents import service
from iom_events.documents.models import Document, DocumentCategory
from iom_events.documents.storage import blob_store
from iom_events.events.models import Event, EventKind, EventStatus
from iom_events.extensions import db
from iom_events.translated import Translated

from pages import text_of

SECRETS = {
    "a participant's e-mail": "rufus@freedonia.test",
    "a participant's phone": "5551234",
    "a private participant who speaks": "Hidden Quietperson",
    "a member of a delegation in the trash": "Sylvanian Envoy",
    "the speaker of a delegation in the trash": "Trentino Ambassador",
    "a delegation in the trash": "Sylvania",
    "an agenda item in the trash": "Withdrawn Roundtable",
    "a draft side event": "Unannounced Side Event",
    "a replaced document version": "superseded wording",
    "a removed document version": "retracted wording",
    "a nominated member's e-mail": "groucho@marxonia.test",
    "a nominated member's phone": "5559876",
    "a nominated member not to be listed": "Zeppo Unlisted",
    "a member nominated after the accreditation": "Chico Pending",
    "a credentials letter's name": "marxonia-credentials.pdf",
    "a credentials letter's content": "credentials-letter-content",
}

SHOWN = ("Rufus Firefly", "Opening plenary", "Closing plenary")

ACCREDITED = "Groucho Nominee"
"""Accredited and listed publicly: on the page and in the API."""


@dataclass(frozen=True)
class Exposed:
    slug: str
    side_slug: str


@pytest.fixture
def exposed(app, make_event) -> Exposed:
    event = make_event(title=Translated(en="Open meeting"))
    side = make_event(
        title=Translated(en="Unannounced Side Event"),
        status=EventStatus.DRAFT,
        kind=EventKind.SIDE_EVENT,
    )
    with app.app_context():
        db.session.get(Event, side.id).parent_id = event.id
        freedonia = Delegation(
            event_id=event.id, kind=DelegationKind.MEMBER_STATE, name=Translated(en="Freedonia")
        )
        sylvania = Delegation(
            event_id=event.id, kind=DelegationKind.MEMBER_STATE, name=Translated(en="Sylvania")
        )
        rufus = Participant(
            event_id=event.id,
            delegation=freedonia,
            name="Rufus Firefly",
            role=ParticipantRole.HEAD_OF_DELEGATION,
            email="rufus@freedonia.test",
            phone="+41225551234",
        )
        hidden = Participant(
            event_id=event.id,
            delegation=freedonia,
            name="Hidden Quietperson",
            role=ParticipantRole.DELEGATE,
            is_public=False,
        )
        trentino = Participant(
            event_id=event.id,
            delegation=sylvania,
            name="Trentino Ambassador",
            role=ParticipantRole.HEAD_OF_DELEGATION,
        )
        envoy = Participant(
            event_id=event.id,
            delegation=sylvania,
            name="Sylvanian Envoy",
            role=ParticipantRole.DELEGATE,
        )
        day = event.starts_on
        items = [
            AgendaItem(
                event_id=event.id,
                day=day,
                position=0,
                starts_at=time(9, 0),
                kind=AgendaItemKind.OPENING,
                title=Translated(en="Opening plenary"),
                speakers=[rufus, hidden],
            ),
            AgendaItem(
                event_id=event.id,
                day=day,
                position=1,
                starts_at=time(17, 0),
                kind=AgendaItemKind.CLOSING,
                title=Translated(en="Closing plenary"),
                speakers=[rufus, trentino],
            ),
            AgendaItem(
                event_id=event.id,
                day=day,
                position=2,
                starts_at=time(11, 0),
                kind=AgendaItemKind.SESSION,
                title=Translated(en="Withdrawn Roundtable"),
                speakers=[rufus],
                removed_at=utcnow(),
            ),
        ]
        document = Document(
            event_id=event.id, category=DocumentCategory.AGENDA, title=Translated(en="Agenda")
        )
        db.session.add_all([freedonia, sylvania, rufus, hidden, trentino, envoy, *items, document])
        db.session.commit()
        for language, words in (
            ("en", "superseded wording"),
            ("en", "current wording"),
            ("fr", "retracted wording"),
        ):
            upload = service.Upload(io.BytesIO(f"{words}\n".encode()), f"{language}.txt")
            service.add_version(document, language, upload, blob_store(), None)
        retracted = next(v for v in document.versions if v.language == "fr")
        retracted.remove()
        sylvania.remove()  # its people go to the trash with it, as staff do it
        db.session.commit()
        nominated(event)
    return Exposed(event.slug, side.slug)


def nominated(event) -> None:
    """Marxonia, invited: version 1 (with a credentials letter) accredited, version 2 sent
    since. Only Groucho, accredited and listed publicly, may be seen."""
    from datetime import timedelta

    from iom_events.nominations import accreditation
    from iom_events.nominations import service as nominations
    from iom_events.nominations.models import Invitation

    marxonia = Delegation(
        event_id=event.id, kind=DelegationKind.MEMBER_STATE, name=Translated(en="Marxonia")
    )
    invitation = Invitation(
        event_id=event.id,
        delegation=marxonia,
        focal_point_name="Focal Point",
        focal_point_email="focal@marxonia.test",
        language="en",
        deadline=utcnow() + timedelta(days=5),
    )
    db.session.add_all([marxonia, invitation])
    letter = blob_store().put(b"%PDF-1.4 credentials-letter-content")
    groucho = {
        "key": "a" * 32, "title": "H.E.", "name": "Groucho Nominee", "function": "Envoy",
        "role": "head_of_delegation", "email": "groucho@marxonia.test",
        "phone": "+41225559876", "public": True,
    }  # fmt: skip
    zeppo = {**groucho, "key": "b" * 32, "title": "", "name": "Zeppo Unlisted",
             "role": "adviser", "email": "", "phone": "", "public": False}  # fmt: skip
    chico = {**zeppo, "key": "c" * 32, "name": "Chico Pending", "public": True}
    nominations.nominate(
        invitation, [groucho, zeppo], 0, {},
        credentials=(letter.sha256, "marxonia-credentials.pdf"),
    )  # fmt: skip
    db.session.commit()
    accreditation.accredit(invitation)
    db.session.commit()
    nominations.nominate(invitation, [groucho, zeppo, chico], 1, {})
    db.session.commit()


def page(client, exposed: Exposed) -> str:
    return text_of(client.get(f"/en/events/{exposed.slug}/").get_data(as_text=True))


def api(client, exposed: Exposed) -> str:
    return client.get(f"/api/v1/meetings/{exposed.slug}").get_data(as_text=True)


def feed(client, exposed: Exposed) -> str:
    return client.get(f"/en/events/{exposed.slug}.ics").get_data(as_text=True)


def search(client, exposed: Exposed) -> str:
    """The results of searching for every secret and for what is shown, one search each."""
    answers = []
    for words in (*SECRETS.values(), *SHOWN):
        html = client.get("/en/search", query_string={"q": words}).get_data(as_text=True)
        found = any(f"/en/events/{slug}/" in html for slug in (exposed.slug, exposed.side_slug))
        answers.append(f"{words}: {'found' if found else 'not found'}\n{text_of(html)}")
    return "\n".join(answers)


def zips(client, exposed: Exposed) -> str:
    """Every file of every language's zip, as text (a generated PDF's, extracted)."""
    contents = []
    for language in ("en", "fr", "es"):
        response = client.get(f"/en/events/{exposed.slug}/documents/{language}.zip")
        if response.status_code == 200:
            with zipfile.ZipFile(io.BytesIO(response.data)) as archive:
                contents += [_as_text(archive.read(name)) for name in archive.namelist()]
    return "\n".join(contents)


def _as_text(content: bytes) -> str:
    if content.startswith(b"%PDF-"):
        return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    return content.decode()


def official(client, exposed: Exposed) -> str:
    """The printable agenda, and the provisional agenda and list of participants as PDFs, in
    every language."""
    answers = []
    for language in ("en", "fr", "es"):
        base = f"/{language}/events/{exposed.slug}"
        answers.append(text_of(client.get(f"{base}/agenda").get_data(as_text=True)))
        for end in ("agenda.pdf", "participants.pdf"):
            response = client.get(f"{base}/{end}")
            assert response.status_code == 200
            answers.append(_as_text(response.data))
    return "\n".join(answers)


@pytest.mark.parametrize("surface", [page, api, feed, search, zips, official])
def test_nothing_private_or_withdrawn_reaches_any_public_surface(client, exposed, surface):
    answer = surface(client, exposed)
    if surface is search:
        leaks = [what for what, words in SECRETS.items() if f"{words}: found" in answer]
        assert [f"{words}: found" in answer for words in SHOWN] == [True] * len(SHOWN)
    else:
        leaks = [what for what, words in SECRETS.items() if words in answer]
    assert leaks == []
    if surface is zips:
        assert "current wording" in answer
    elif surface is not search:
        shown = [words for words in SHOWN if words in answer]
        assert shown == (["Opening plenary", "Closing plenary"] if surface is feed else list(SHOWN))
    if surface in (page, api):
        assert ACCREDITED in answer
