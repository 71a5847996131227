"""A form that creates is saved once, however many times it is sent.

The browser's Back button brings a saved "new" form back filled in (staff pages are never
stored, so the page is fetched again and the browser puts back what was typed), and pressing
Save again, or a double click on a slow connection, sends it twice: each send used to create a
record of its own, silently. A hidden token cannot tell them apart (the page fetched again has a
new one), so a send is known by what it says: its `fingerprint` (who sends it, to which address,
every field and the names of its files). The save records the fingerprint (`FormSubmission`) in
the very transaction that creates; the same send again within `WINDOW` is answered with what the
first one created, and a message, instead of a second record. Two sends at the same instant
collide on the primary key: the second one's transaction fails and it is answered the same way.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import datetime, timedelta

from flask import request
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import String, delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column

from iom_events.columns import UTCDateTime, utcnow
from iom_events.extensions import db

WINDOW = timedelta(hours=1)
"""How long the same send is taken for a repeat: the Back button is pressed within minutes;
after an hour, the same form sent again is taken as meant (and the record it made may have been
removed since)."""

NOT_CONTENT = {"csrf_token", "another", "submit"}
"""Fields that say nothing about what is created."""


class FormSubmission(db.Model):
    """A form that created something: its fingerprint, when, and where what it created is."""

    fingerprint: Mapped[str] = mapped_column(String(64), primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    location: Mapped[str | None] = mapped_column(String(500))
    """The page of what it created (None until known: then the list it is on)."""


def fingerprint() -> str:
    """The SHA-256 (hex) of the request's sender, address and content."""
    user = current_user.get_id() if current_user.is_authenticated else None
    fields = sorted(
        (name, value) for name, value in request.form.items(multi=True) if name not in NOT_CONTENT
    )
    files = sorted(
        (name, upload.filename or "") for name, upload in request.files.items(multi=True)
    )
    content = json.dumps([user, request.path, fields, files], ensure_ascii=False)
    return hashlib.sha256(content.encode()).hexdigest()


def earlier() -> FormSubmission | None:
    """The record of the same send within `WINDOW`, if it created something."""
    statement = select(FormSubmission).where(
        FormSubmission.fingerprint == fingerprint(), FormSubmission.at >= utcnow() - WINDOW
    )
    return db.session.scalar(statement)


def hold() -> FormSubmission:
    """Record this send in the transaction that creates (call before its commit); the sends
    older than `WINDOW` are forgotten in the same transaction."""
    with db.session.no_autoflush:  # what the form is making reaches the database with its save
        db.session.execute(delete(FormSubmission).where(FormSubmission.at < utcnow() - WINDOW))
    submission = FormSubmission(fingerprint=fingerprint())
    db.session.add(submission)
    return submission


def locate(submission: FormSubmission, location: str) -> None:
    """Say where what the send created is shown, once it is committed."""
    submission.location = location
    db.session.commit()


SENT_AGAIN = _l(
    "This form had already been saved: it was not saved a second time. Here is what it created."
)


def once(create: Callable[[], str]) -> tuple[bool, str | None]:
    """Create what this send asks for, once: `create` adds the records to the session and
    returns the address of the page that shows them; the commit is here. Returns (True, that
    address) when this send created them, (False, the first send's address, None if unknown)
    when it is a repeat, and nothing was created."""
    first = earlier()
    if first is not None:
        return False, first.location
    submission = hold()
    location = create()
    try:
        db.session.commit()
    except IntegrityError:  # the same send, committed an instant earlier
        db.session.rollback()
        first = earlier()
        if first is None:
            raise
        return False, first.location
    locate(submission, location)
    return True, location
