"""Public downloads: one language version of a document, or all of a meeting's in one zip."""

from datetime import UTC, datetime
from pathlib import Path

from flask import Blueprint, Response, abort, redirect, url_for
from flask_login import current_user

from iom_events.documents import queries
from iom_events.documents.archive import zip_stream
from iom_events.documents.delivery import send_stored_file
from iom_events.documents.models import GENERATED_ENDPOINTS, DocumentFile
from iom_events.documents.storage import blob_store
from iom_events.events import official
from iom_events.languages import LANG
from iom_events.settings import LANGUAGES
from iom_events.slugs import slug as make_slug

bp = Blueprint("documents", __name__, url_prefix=f"{LANG}/events/<slug>/documents")


@bp.get("/<int:document_id>/<language>")
def download(slug: str, document_id: int, language: str):
    """One language version of a document, named as in the meeting's zip of that language (the
    meeting's other versions are read with it, in the same query, for a name none of them
    has)."""
    versions, preview = _versions_in(slug, language)
    version = next((v for v in versions if v.document_id == document_id), None)
    if version is None:
        return _generated_version(slug, document_id, language) or abort(404)
    store = blob_store()
    path = store.path(version.sha256)
    if not path.is_file():
        abort(404)
    # This address serves whichever version is current, and an older one can be current again
    # (restored from the trash): no date here is a monotonic last change, so the content's
    # SHA-256 alone validates (If-None-Match gives 304, If-Range and Range give 206).
    response = send_stored_file(
        path,
        store.relative_path(version.sha256),
        mimetype=version.media_type,
        download_name=queries.download_names(versions)[version.id],
        etag=version.sha256,
    )
    if preview:
        return _kept_private(response)
    # A replaced or removed version answers at the same address: kept, but checked at every
    # use (a 304 by its SHA-256), as every answer from the data (caching.respond).
    response.headers["Cache-Control"] = "public, no-cache"
    return response


@bp.get("/<language>.zip")
def archive(slug: str, language: str):
    """Every document of the meeting in one language, zipped on the fly with flat memory.

    A file missing from the store (`blobs check` reports it) is left out before the first byte
    is sent: past that point an error could only cut the zip short."""
    store = blob_store()
    found, preview = _versions_in(slug, language)
    versions = [version for version in found if store.exists(version.sha256)]
    names = queries.download_names(versions)
    entries: list[tuple[str, Path | bytes, datetime]] = [
        (names[v.id], store.path(v.sha256), v.uploaded_at) for v in versions
    ]
    if not preview:
        entries += _generated(slug, language, taken={name.casefold() for name in names.values()})
    if not entries:
        abort(404)
    name = f"{slug}_{make_slug(language)}.zip"
    response = Response(zip_stream(entries), mimetype="application/zip")
    response.headers.set("Content-Disposition", "attachment", filename=name)
    return _kept_private(response) if preview else response


def _generated_version(slug: str, document_id: int, language: str) -> Response | None:
    """A generated document of the public meeting (`Document.generated`) in one of the site's
    languages: a redirect to its PDF at that language's address (its only address: it is made
    from the data when asked for). None for anything else."""
    if language not in LANGUAGES:
        return None
    generated = queries.public_generated_document(slug, document_id)
    if generated is None:
        return None
    return redirect(url_for(GENERATED_ENDPOINTS[generated], slug=slug, lang=language), 302)


def _generated(slug: str, language: str, taken: set[str]) -> list[tuple[str, bytes, datetime]]:
    """The official documents generated from the public meeting's data (its provisional
    agenda when it has an agenda, its list of participants when it has public participants),
    in `language` when that is one of the site's languages: rendered now, or read from the
    cache when their HTML has not changed (iom_events/events/official.py). A name an uploaded
    file already has gets "-generated" before its extension."""
    if language not in LANGUAGES:
        return []
    entries = []
    with official.in_language(language):
        for document in official.GeneratedDocument:
            if not official.has_content(slug, document):
                continue
            source = official.source_html(slug, document)
            if source is None:
                return []
            name = source.file_name
            if name.casefold() in taken:
                name = name.removesuffix(".pdf") + "-generated.pdf"
            entries.append((name, official.pdf_of(source), datetime.now(UTC)))
    return entries


def _versions_in(slug: str, language: str) -> tuple[list[DocumentFile], bool]:
    """The public meeting's versions in `language`; for signed-in staff, when the meeting is
    not public (a draft they preview), its versions all the same, and True: the preview's
    download links work for them, and for them only (issue 16: the preview shows the page as
    it will be)."""
    versions = queries.public_versions_in(slug, language)
    if versions or not current_user.is_authenticated:
        return versions, False
    return queries.public_versions_in(slug, language, preview=True), True


def _kept_private(response: Response) -> Response:
    """A file of a meeting the public cannot see: stored by no cache, shared by none."""
    response.cache_control.public = False
    response.cache_control.private = True
    response.cache_control.no_store = True
    response.cache_control.max_age = None
    return response
