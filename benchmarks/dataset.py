"""The benchmark's data: generated once (benchmarks/generate.py, deterministic from its seed)
into the database the run names, and the feed sizes measured on it."""

from __future__ import annotations

import httpx

from benchmarks.generate import LARGE


def ensure_data(database_url: str, blob_dir: str, meetings: int) -> dict:
    """Generate the benchmark data unless the database already holds it; describe it."""
    from flask_migrate import upgrade
    from sqlalchemy import select

    from benchmarks.generate import generate
    from iom_events import create_app
    from iom_events.demo.load import load_demo
    from iom_events.documents.models import Document, DocumentFile
    from iom_events.documents.storage import BlobStore
    from iom_events.events.models import Event
    from iom_events.extensions import db

    app = create_app({"SQLALCHEMY_DATABASE_URI": database_url, "BLOB_DIR": blob_dir})
    with app.app_context():
        upgrade()
        large = db.session.scalar(select(Event).where(Event.slug == LARGE))
        if large is None:
            load_demo(BlobStore(blob_dir))
            generate(meetings, 1, BlobStore(blob_dir))
        big = db.session.execute(
            select(Document.id, DocumentFile.sha256)
            .join(DocumentFile.document)
            .join(Document.event)
            .where(Event.slug == LARGE, DocumentFile.size > 10_000_000)
        ).one()
        total = db.session.scalar(select(db.func.count(Event.id)))
        db.engine.dispose()
    return {"big_document": big[0], "big_blob": BlobStore(blob_dir).path(big[1]), "meetings": total}


GOOGLE_FEED_LIMIT = 1_000_000
"""Google Calendar drops the events of a subscribed feed above about 1 MB, without a word."""


def feed_sizes(base: str) -> dict:
    """The size of the site feed, of every office's feed and of every year's archive (identity
    encoding: what a calendar stores), the largest of each kind, and whether all stay under
    Google's limit."""
    with httpx.Client(base_url=base, timeout=600, headers={"Accept-Encoding": "identity"}) as c:
        offices = [o["slug"] for o in c.get("/api/v1/offices").json()["items"]]
        years = sorted({m["starts_on"][:4] for m in _all_meetings(c)})
        measured = {"site": len(c.get("/en/events.ics").content)}
        measured.update(
            {f"office {s}": len(c.get(f"/en/offices/{s}.ics").content) for s in offices}
        )
        measured.update(
            {f"year {y}": len(c.get(f"/en/events.ics?year={y}").content) for y in years}
        )
    largest = {
        kind: max(((n, b) for n, b in measured.items() if n.startswith(kind)), key=lambda x: x[1])
        for kind in ("site", "office", "year")
        if any(n.startswith(kind) for n in measured)
    }
    return {
        "largest": {kind: {"feed": n, "bytes": b} for kind, (n, b) in largest.items()},
        "feeds_measured": len(measured),
        "all_under_1_mb": all(size < GOOGLE_FEED_LIMIT for size in measured.values()),
    }


def _all_meetings(client: httpx.Client) -> list[dict]:
    """Every public meeting's start day, from the API's pages."""
    meetings, page = [], 1
    while True:
        answer = client.get("/api/v1/meetings", params={"page": page, "per_page": 100}).json()
        meetings += answer["items"]
        if not answer["next"]:
            return meetings
        page += 1
