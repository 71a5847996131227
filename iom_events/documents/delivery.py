"""Sending a stored file: by the app itself, or by nginx when `X_ACCEL_REDIRECT` is set.

Behind nginx (deploy/nginx.conf), a sync worker must not spend minutes feeding a large file to
a slow client: the app answers with the file's headers and `X-Accel-Redirect:
<X_ACCEL_REDIRECT><ab/cd/sha256>`, and nginx sends the bytes from its `internal` location
mapped to BLOB_DIR (ranges included). The app still decides everything else: who may
download, the headers (type, attachment name, ETag, caching), and `304 Not Modified` (then no
X-Accel-Redirect, nginx passes the 304 on).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from flask import Response, current_app, request, send_file


def send_stored_file(
    path: Path,
    relative_path: str,
    *,
    mimetype: str,
    download_name: str,
    etag: str,
    max_age: int | None = None,
    last_modified: datetime | None = None,
) -> Response:
    """A download of the blob at `path` (`relative_path` below the store's root).

    Validated by `etag` (the content's SHA-256), and by `last_modified` only when given: without
    it the response has no Last-Modified at all, so that no date can ever answer "not
    modified". Conditional and range requests are answered by the app, or, for ranges, by
    nginx when the sending is handed to it.
    """
    response = send_file(
        path,
        mimetype=mimetype,
        as_attachment=True,
        download_name=download_name,
        conditional=False,
        etag=etag,
        max_age=max_age,
        last_modified=last_modified,
    )
    if last_modified is None:
        del response.headers["Last-Modified"]
    prefix = current_app.config.get("X_ACCEL_REDIRECT")
    if not prefix:
        return response.make_conditional(
            request, accept_ranges=True, complete_length=path.stat().st_size
        )
    response.close()  # the open file send_file wrapped: nginx reads it
    response.response = []
    response.direct_passthrough = False
    del response.headers["Content-Length"]
    response.make_conditional(request)
    if response.status_code == 200:
        response.headers["X-Accel-Redirect"] = prefix.rstrip("/") + "/" + relative_path
    return response
