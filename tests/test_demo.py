"""`flask --app app demo load`: the reference data, faithful to the seeds, loaded once."""

import pytest
from flask_migrate import upgrade
from sqlalchemy import func, select

from iom_events import create_app
from iom_events.demo.load import load_demo
from iom_events.documents.models import Document, DocumentFile
from iom_events.documents.storage import BlobStore, blob_store
from iom_events.events.models import Event
from iom_events.extensions import db
from iom_events.offices.models import Office, OfficeKind
from iom_events.press.models import PressContact

from conftest import fresh_database

MODELS = (Office, Event, Document, DocumentFile, PressContact)


def counts() -> dict:
    return {
        model.__name__: db.session.scalar(select(func.count()).select_from(model))
        for model in MODELS
    }


def test_loading_twice_changes_nothing(app, runner):
    with app.app_context():
        before = counts()
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output
    assert "Created 0" in result.output
    with app.app_context():
        assert counts() == before
    result = runner.invoke(args=["demo", "load", "--if-empty"])
    assert "already has data" in result.output


def test_rcp_meeting_is_faithful_to_its_source(session):
    rcp = session.scalars(select(Event).where(Event.slug == "rcp-bangkok-2009")).one()
    assert (rcp.starts_on.isoformat(), rcp.ends_on.isoformat()) == ("2009-06-04", "2009-06-05")
    assert rcp.timezone == "Asia/Bangkok" and rcp.country == "TH"
    assert rcp.starts_at is None and rcp.ends_at is None  # the source gives no time of day
    assert rcp.participant_count == 60
    assert len(rcp.delegations) == 13
    assert all(item.starts_at is None for item in rcp.agenda)
    assert {item.day.day for item in rcp.agenda} == {4, 5}
    versions = {d.title["fr"]: [f.language for f in d.public_versions] for d in rcp.documents}
    assert len(versions) == 13
    # The agenda is the provisional agenda generated from the data, in the three languages.
    assert versions["Ordre du jour"] == ["en", "fr", "es"]
    assert next(d for d in rcp.documents if d.title["fr"] == "Ordre du jour").generated == "AGENDA"
    assert versions["Rapport final"] == ["en"]
    assert versions["Contribution du MIDWA"] == ["en", "fr"]
    for text in (rcp.title, rcp.description, *(d.name for d in rcp.delegations)):
        assert set(text) == {"en", "fr", "es"}


def test_bapa40_has_its_side_events_and_press_contacts(session):
    bapa = session.scalars(select(Event).where(Event.slug == "bapa40-buenos-aires-2019")).one()
    assert bapa.timezone == "America/Argentina/Buenos_Aires"
    assert bapa.participant_count == 1500 and bapa.states_count == 193
    assert bapa.website == "https://www.unsouthsouth.org/bapa40"
    assert len(bapa.side_events) == 2
    assert [e.starts_on.day for e in bapa.side_events if e.starts_on == e.ends_on] == [21]
    phones = {c.name: (c.email, c.phone) for c in bapa.press_contacts}
    assert phones == {
        "Carolina Celi": ("cceli@iom.int", "+5491132321384"),
        "Débora Taicz": ("dtaicz@iom.int", "+541148151035"),
    }


def test_offices_from_the_seeds(session):
    kinds = session.execute(select(Office.kind, func.count()).group_by(Office.kind)).all()
    assert dict(kinds)[OfficeKind.REGIONAL_OFFICE] == 9
    bangkok = session.scalars(select(Office).where(Office.slug == "bangkok")).one()
    assert bangkok.coordination and bangkok.coordination_area["fr"] == "Asie du Sud"
    department = session.scalars(
        select(Office).where(Office.slug == "international-cooperation-and-partnerships")
    ).one()
    assert len(department.units) == 6


def test_every_reference_document_has_a_valid_pdf_per_language(app):
    with app.app_context():
        store = blob_store()
        for version in db.session.scalars(select(DocumentFile)):
            data = store.path(version.sha256).read_bytes()
            assert data.startswith(b"%PDF-") and len(data) == version.size


def test_a_failed_load_leaves_no_row_and_no_file(tmp_path_factory, tmp_path, monkeypatch):
    with fresh_database(tmp_path_factory) as url:
        app = create_app({"SQLALCHEMY_DATABASE_URI": url, "TESTING": True})
        with app.app_context():
            upgrade()

            def broken_commit():
                raise RuntimeError("the database went away")

            monkeypatch.setattr(db.session, "commit", broken_commit)
            with pytest.raises(RuntimeError):
                load_demo(BlobStore(tmp_path / "blobs"))
            monkeypatch.undo()
            assert all(n == 0 for n in counts().values())
            assert not [p for p in (tmp_path / "blobs").rglob("*") if p.is_file()]
            db.session.remove()
            db.engine.dispose()
