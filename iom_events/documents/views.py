"""Public downloads: one language version of a document, or all of a meeting's in one zip."""

from flask import Blueprint, Response, abort

from iom_events.documents import queries
from iom_events.documents.archive import zip_stream
from iom_events.documents.delivery import send_stored_file
from iom_events.documents.storage import blob_store
from iom_events.languages import LANG
from iom_events.slugs import slug as make_slug

bp = Blueprint("documents", __name__, url_prefix=f"{LANG}/events/<slug>/documents")

# A replaced version answers at the same address: clients revalidate with the ETag.
MAX_AGE = 300


@bp.get("/<int:document_id>/<language>")
def download(slug: str, document_id: int, language: str):
    version = queries.public_version(slug, document_id, language) or abort(404)
    store = blob_store()
    path = store.path(version.sha256)
    if not path.is_file():
        abort(404)
    # This address serves whichever version is current, and an older one can be current again
    # (restored from the trash): no date here is a monotonic last change, so the content's
    # SHA-256 alone validates (If-None-Match gives 304, If-Range and Range give 206).
    return send_stored_file(
        path,
        store.relative_path(version.sha256),
        mimetype=version.media_type,
        download_name=queries.download_name(version),
        etag=version.sha256,
        max_age=MAX_AGE,
    )


@bp.get("/<language>.zip")
def archive(slug: str, language: str):
    """Every document of the meeting in one language, zipped on the fly with flat memory.

    A file missing from the store (`blobs check` reports it) is left out before the first byte
    is sent: past that point an error could only cut the zip short."""
    store = blob_store()
    versions = [
        version
        for version in queries.public_versions_in(slug, language)
        if store.exists(version.sha256)
    ]
    if not versions:
        abort(404)
    entries = [(queries.download_name(v), store.path(v.sha256), v.uploaded_at) for v in versions]
    name = f"{slug}_{make_slug(language)}.zip"
    response = Response(zip_stream(entries), mimetype="application/zip")
    response.headers.set("Content-Disposition", "attachment", filename=name)
    return response
