"""Fill a database with many realistic meetings, deterministically from a seed.

    python -m benchmarks.generate --meetings 5000 --seed 1 \
        [--database-url URL] [--blob-dir DIR]   (default: SQLite and blobs in benchmarks/data/)

Meetings spread over 20 years and every office, each with an agenda, delegations, participants,
documents in one to three languages and press contacts; plus one very large meeting
(`bench-large-meeting`: 400 agenda items, 200 delegations, 2,000 participants, 300 documents in
3 languages) and a 20 MB document to download. Rows go in with bulk INSERTs (SQLAlchemy Core):
the point is the data, not the ORM's speed at writing it.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from pathlib import Path

from flask_migrate import upgrade
from sqlalchemy import func, insert, select

from iom_events import create_app
from iom_events.agenda.models import AgendaItem, agenda_speaker
from iom_events.delegations.models import Delegation, Participant
from iom_events.demo.load import load_demo
from iom_events.demo.pdf import title_page
from iom_events.documents.models import Document, DocumentFile
from iom_events.documents.storage import BlobStore
from iom_events.events.models import Event, EventOrganizer
from iom_events.extensions import db
from iom_events.offices.models import Office
from iom_events.press.models import PressContact

DATA = Path(__file__).resolve().parent / "data"
DEFAULT_DATABASE = f"sqlite:///{DATA / 'bench.sqlite3'}"
DEFAULT_BLOBS = str(DATA / "blobs")
LARGE = "bench-large-meeting"
BIG_FILE_BYTES = 20 * 1024 * 1024

TOPICS = [
    ("labour migration", "migration de main-d’œuvre", "migración laboral"),
    ("migrant health", "santé des migrants", "salud de los migrantes"),
    ("border management", "gestion des frontières", "gestión de fronteras"),
    ("climate and mobility", "climat et mobilité", "clima y movilidad"),
    ("counter-trafficking", "lutte contre la traite", "lucha contra la trata"),
    ("diaspora engagement", "engagement des diasporas", "participación de las diásporas"),
    ("return and reintegration", "retour et réintégration", "retorno y reintegración"),
    ("migration data", "données migratoires", "datos sobre migración"),
]
FORMATS = [
    (
        "Regional consultation on {}",
        "Consultation régionale sur la {}",
        "Consulta regional sobre la {}",
    ),
    ("Workshop on {}", "Atelier sur la {}", "Taller sobre la {}"),
    ("Expert meeting on {}", "Réunion d’experts sur la {}", "Reunión de expertos sobre la {}"),
    (
        "Ministerial conference on {}",
        "Conférence ministérielle sur la {}",
        "Conferencia ministerial sobre la {}",
    ),
]
SESSIONS = [
    ("Opening session", "Séance d’ouverture", "Sesión de apertura"),
    ("Panel discussion", "Table ronde", "Mesa redonda"),
    ("Working groups", "Groupes de travail", "Grupos de trabajo"),
    ("Country presentations", "Présentations des pays", "Presentaciones de los países"),
    ("Coffee break", "Pause café", "Pausa café"),
    ("Closing remarks", "Remarques de clôture", "Palabras de clausura"),
]
DOCUMENT_TITLES = [
    ("Agenda", "Ordre du jour", "Orden del día", "agenda"),
    ("Concept note", "Note conceptuelle", "Nota conceptual", "overview"),
    ("Final report", "Rapport final", "Informe final", "report"),
    ("Presentation", "Présentation", "Presentación", "presentation"),
    ("Background paper", "Document de référence", "Documento de antecedentes", "additional"),
]
COUNTRIES = [
    "TH",
    "AR",
    "SN",
    "KE",
    "AT",
    "BE",
    "EG",
    "ZA",
    "CR",
    "CH",
    "DE",
    "JP",
    "CO",
    "MX",
    "PH",
]
ZONES = {
    "TH": "Asia/Bangkok",
    "SN": "Africa/Dakar",
    "KE": "Africa/Nairobi",
    "AT": "Europe/Vienna",
    "BE": "Europe/Brussels",
    "EG": "Africa/Cairo",
    "ZA": "Africa/Johannesburg",
    "CR": "America/Costa_Rica",
    "CH": "Europe/Zurich",
    "DE": "Europe/Berlin",
    "JP": "Asia/Tokyo",
    "CO": "America/Bogota",
    "PH": "Asia/Manila",
    "AR": "America/Argentina/Buenos_Aires",
    "MX": "America/Mexico_City",
}
LANGUAGE_SETS = [("en",), ("en", "fr"), ("en", "fr", "es"), ("en", "es"), ("fr",)]
KINDS = ["conference", "rcp_meeting", "workshop", "side_event", "press_briefing", "other"]


class Ids:
    """Primary keys handed out here, so related rows can be written in bulk."""

    def __init__(self, model) -> None:
        self.next = (db.session.scalar(select(func.max(model.id))) or 0) + 1

    def __call__(self) -> int:
        self.next += 1
        return self.next - 1


def texts(triple, *args) -> dict:
    return {lang: text.format(*args) for lang, text in zip(("en", "fr", "es"), triple, strict=True)}


def generate(meetings: int, seed: int, store: BlobStore, report=print) -> dict:
    rng = random.Random(seed)
    started = time.monotonic()
    offices = list(db.session.scalars(select(Office.id)))
    now = datetime(2026, 1, 1, tzinfo=UTC)
    blobs = [store.put(title_page(f"Document {n}", "Benchmark", "en", now)) for n in range(12)]
    big = store.put(b"%PDF-1.4\n" + rng.randbytes(BIG_FILE_BYTES - 9))
    ids = {m: Ids(m) for m in (Event, AgendaItem, Delegation, Participant, Document, DocumentFile)}
    rows: dict = {
        name: []
        for name in (
            "event",
            "organizer",
            "item",
            "speaker",
            "delegation",
            "participant",
            "document",
            "file",
            "press",
        )
    }

    def uid() -> str:
        return str(uuid.UUID(int=rng.getrandbits(128), version=4))

    def meeting(
        slug: str,
        *,
        items: int,
        delegations: int,
        people: int,
        documents: int,
        languages=None,
        days=None,
    ) -> int:
        event_id = ids[Event]()
        country = rng.choice(COUNTRIES)
        start = date(2006, 1, 1) + timedelta(days=rng.randrange(20 * 365))
        length = days or rng.choice([1, 1, 2, 2, 3, 5])
        topic = rng.choice(TOPICS)
        title = {
            lang: pattern.format(topic[i])
            for i, (lang, pattern) in enumerate(
                zip(("en", "fr", "es"), rng.choice(FORMATS), strict=True)
            )
        }
        rows["event"].append(
            dict(
                id=event_id,
                uid=uid(),
                slug=slug,
                kind=rng.choice(KINDS),
                status="published" if rng.random() > 0.05 else "draft",
                original_language="en",
                title=title,
                summary={"en": f"A meeting on {topic[0]}."},
                description=None,
                starts_on=start,
                ends_on=start + timedelta(days=length - 1),
                timezone=ZONES[country],
                city={"en": "Capital"},
                country=country,
                participant_count=rng.randrange(20, 400),
                created_at=now,
                updated_at=now,
                version=1,
                sequence=0,
            )
        )
        for position, office in enumerate(rng.sample(offices, rng.randint(1, 3))):
            rows["organizer"].append(
                dict(
                    event_id=event_id,
                    role="organizer",
                    office_id=office,
                    position=position,
                    version=1,
                )
            )
        delegation_ids = []
        for n in range(delegations):
            delegation_ids.append(ids[Delegation]())
            rows["delegation"].append(
                dict(
                    id=delegation_ids[-1],
                    event_id=event_id,
                    kind="member_state",
                    name={"en": f"Delegation {n + 1}", "fr": f"Délégation {n + 1}"},
                    country=rng.choice(COUNTRIES),
                    position=n,
                    version=1,
                )
            )
        person_ids = []
        for n in range(people):
            person_ids.append(ids[Participant]())
            rows["participant"].append(
                dict(
                    id=person_ids[-1],
                    event_id=event_id,
                    position=n,
                    version=1,
                    delegation_id=delegation_ids[n % len(delegation_ids)]
                    if delegation_ids
                    else None,
                    name=f"Participant {n + 1}",
                    function={"en": "Delegate", "fr": "Délégué"},
                    role="delegate",
                    is_public=rng.random() > 0.1,
                    email=f"p{n}@example.org",
                )
            )
        for n in range(items):
            item_id = ids[AgendaItem]()
            day = start + timedelta(days=n % length)
            timed = rng.random() > 0.3
            starts = clock(8 + (n // length) % 10, rng.choice([0, 30])) if timed else None
            rows["item"].append(
                dict(
                    id=item_id,
                    uid=uid(),
                    event_id=event_id,
                    day=day,
                    starts_at=starts,
                    ends_at=None,
                    kind="session",
                    title=texts(rng.choice(SESSIONS)),
                    position=n,
                    version=1,
                    sequence=0,
                    updated_at=now,
                )
            )
            for person in rng.sample(person_ids, min(len(person_ids), rng.randint(0, 2))):
                rows["speaker"].append(dict(agenda_item_id=item_id, participant_id=person))
        for n in range(documents):
            document_id = ids[Document]()
            en, fr, es, category = rng.choice(DOCUMENT_TITLES)
            rows["document"].append(
                dict(
                    id=document_id,
                    event_id=event_id,
                    category=category,
                    position=n,
                    version=1,
                    title={"en": f"{en} {n + 1}", "fr": f"{fr} {n + 1}", "es": f"{es} {n + 1}"},
                )
            )
            for language in languages or rng.choice(LANGUAGE_SETS):
                blob = rng.choice(blobs)
                rows["file"].append(
                    dict(
                        id=ids[DocumentFile](),
                        document_id=document_id,
                        language=language,
                        sha256=blob.sha256,
                        size=blob.size,
                        media_type="application/pdf",
                        original_filename=f"document-{n}-{language}.pdf",
                        uploaded_at=now,
                    )
                )
        for n in range(rng.randint(0, 2)):
            rows["press"].append(
                dict(
                    event_id=event_id,
                    name=f"Press officer {n + 1}",
                    email="press@example.org",
                    phone="+41227179111",
                    languages=["en"],
                    position=n,
                    version=1,
                )
            )
        return event_id

    large = meeting(
        LARGE,
        items=400,
        delegations=200,
        people=2000,
        documents=300,
        languages=("en", "fr", "es"),
        days=5,
    )
    rows["event"][-1]["status"] = "published"
    big_document = ids[Document]()
    rows["document"].append(
        dict(
            id=big_document,
            event_id=large,
            category="report",
            position=300,
            version=1,
            title={"en": "Twenty megabytes"},
        )
    )
    big_file = ids[DocumentFile]()
    rows["file"].append(
        dict(
            id=big_file,
            document_id=big_document,
            language="en",
            sha256=big.sha256,
            size=big.size,
            media_type="application/pdf",
            original_filename="big.pdf",
            uploaded_at=now,
        )
    )
    for n in range(meetings):
        meeting(
            f"bench-meeting-{seed}-{n}",
            items=rng.randint(3, 25),
            delegations=rng.randint(2, 30),
            people=rng.randint(2, 90),
            documents=rng.randint(1, 12),
        )

    for model, name in (
        (Event, "event"),
        (EventOrganizer, "organizer"),
        (Delegation, "delegation"),
        (Participant, "participant"),
        (AgendaItem, "item"),
        (agenda_speaker, "speaker"),
        (Document, "document"),
        (DocumentFile, "file"),
        (PressContact, "press"),
    ):
        for chunk in range(0, len(rows[name]), 5000):
            table = model if hasattr(model, "c") else model.__table__
            db.session.execute(insert(table), rows[name][chunk : chunk + 5000])
    db.session.commit()
    from iom_events.search.index import rebuild  # bulk INSERTs bypass the index's flush hook

    rebuild(db.session)
    db.session.commit()
    # Fresh statistics, as a live database has them: without them the planners guess badly.
    # (VACUUM on PostgreSQL also fills the visibility map that index-only scans need.)
    vacuum = "VACUUM ANALYZE" if db.engine.dialect.name == "postgresql" else "ANALYZE"
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql(vacuum)
    counts = {name: len(values) for name, values in rows.items()}
    report(f"generated in {time.monotonic() - started:.1f} s: {counts}")
    return {
        "large_meeting": LARGE,
        "big_document": big_document,
        "big_file_sha256": big.sha256,
        "counts": counts,
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--meetings", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--database-url", default=DEFAULT_DATABASE)
    parser.add_argument("--blob-dir", default=DEFAULT_BLOBS)
    args = parser.parse_args(argv)
    DATA.mkdir(exist_ok=True)
    app = create_app({"SQLALCHEMY_DATABASE_URI": args.database_url, "BLOB_DIR": args.blob_dir})
    with app.app_context():
        upgrade()
        if db.session.scalar(select(Event.id).where(Event.slug == LARGE)):
            print("the database already holds benchmark data", file=sys.stderr)
            return 1
        load_demo(BlobStore(args.blob_dir))
        generate(args.meetings, args.seed, BlobStore(args.blob_dir))
    return 0


if __name__ == "__main__":
    sys.exit(main())
