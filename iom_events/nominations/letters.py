"""A credentials letter sent with a form that was not saved is held, not dropped.

A browser cannot be given a file back: when a focal point's save stops (a clash with another
focal point's save, a field to correct), the letter they chose would be lost with the request.
Instead it is placed in the blob store at once, and the form carries a signed note of it
(hidden input "letter": the invitation, the letter's SHA-256, its file name), so that the next
save of the same invitation attaches it without the file being chosen again.

Until a version references it, a held letter is an unreferenced blob: `blobs check --prune`
removes it after the grace period (`BLOB_GRACE_MINUTES`), and the note is not honoured past that
same time. A note older than that, or whose blob is gone, asks for the file again.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from flask import current_app
from itsdangerous import BadData, SignatureExpired, URLSafeTimedSerializer

from iom_events.documents.service import Accepted
from iom_events.documents.storage import blob_store
from iom_events.nominations.models import Invitation

SALT = "iom_events.nominations.held-letter"
FIELD = "letter"
"""The hidden input carrying the note."""


@dataclass(frozen=True)
class HeldLetter:
    """A letter received with a form not saved yet; `note` goes back in the form."""

    sha256: str
    filename: str
    note: str
    gone: bool = False
    """The note was genuine but the letter is no longer held: it must be chosen again."""


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=SALT)


def _grace_seconds() -> float:
    return current_app.config["BLOB_GRACE_MINUTES"] * 60


def hold(invitation: Invitation, letter: Accepted) -> HeldLetter:
    """Keep a received, checked letter in the store for the next save of `invitation`."""
    letter.incoming.publish()
    filename = (letter.filename or "")[:255]
    note = _serializer().dumps([invitation.id, letter.incoming.sha256, filename])
    return HeldLetter(letter.incoming.sha256, filename, note)


def held(invitation: Invitation, note: str | None) -> HeldLetter | None:
    """The letter a form's note names, for this invitation; None for no note or one that is not
    genuine (tampered, another invitation's). A genuine note whose letter can no longer be
    trusted to be there (past the grace period, or pruned) comes back `gone`."""
    if not note or len(note) > 1000:
        return None
    try:
        payload = _serializer().loads(note, max_age=_grace_seconds())
        expired = False
    except SignatureExpired as error:
        payload, expired = error.payload, True
        try:
            payload = _serializer().load_payload(payload)
        except BadData:
            return None
    except BadData:
        return None
    if (
        not isinstance(payload, list)
        or len(payload) != 3
        or payload[0] != invitation.id
        or not all(isinstance(part, str) for part in payload[1:])
    ):
        return None
    _id, sha256, filename = payload
    store = blob_store()
    if expired or not store.exists(sha256):
        return HeldLetter(sha256, filename, note, gone=True)
    # The prune's grace period counts from the last write: the letter is owed from here on.
    os.utime(store.path(sha256))
    return HeldLetter(sha256, filename, note)
