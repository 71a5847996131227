"""Old addresses keep working: a renamed meeting or office answers 301 at its former slug.

Pages, documents, the API and above all calendar subscriptions hold a meeting's or an office's
address; a client that gets 404 keeps its stale copy forever (issue: "Removed, unpublished or
renamed meetings answer 404"). When staff change a slug, the old one is kept
(`EventFormerSlug`, `OfficeFormerSlug`), reserved against reuse by another record, and any GET
on an address of the area that misses answers 301 to the same address with the current slug
(its query string kept).
"""

from __future__ import annotations

from flask import redirect, request, url_for
from sqlalchemy import select
from werkzeug.wrappers import Response

from iom_events.events.models import Event, EventFormerSlug
from iom_events.events.public import PUBLIC_STATUSES
from iom_events.extensions import db
from iom_events.languages import query_string
from iom_events.offices.models import Office, OfficeFormerSlug

OFFICE_ENDPOINTS = {"offices.show", "calendar.office", "api.office", "manage_offices.edit"}
"""The GET endpoints whose `slug` is an office's (every other `slug` is a meeting's)."""


def remember(record: Event | Office, old_slug: str | None) -> None:
    """Call when `record.slug` changes from `old_slug`: the old address now leads to the new
    one, and an address the record had before and takes again is its own again."""
    model, owner = _model_of(record)
    with db.session.no_autoflush:
        _remember(model, owner, record, old_slug)


def _remember(model: type, owner: str, record: Event | Office, old_slug: str | None) -> None:
    if old_slug and old_slug != record.slug:
        found = db.session.get(model, old_slug)
        if found is None:
            db.session.add(model(slug=old_slug, **{owner: record.id}))
        else:
            setattr(found, owner, record.id)
    back = db.session.get(model, record.slug)
    if back is not None:
        db.session.delete(back)


def reserved_by_another(
    record_type: type[Event | Office], slug: str, record_id: int | None
) -> bool:
    """Did another meeting (or office) have this address before? Reusing it would send that
    record's subscribers and links to a stranger."""
    model, owner = _model_of(record_type)
    found = db.session.get(model, slug)
    return found is not None and getattr(found, owner) != record_id


def redirect_if_moved() -> Response | None:
    """For a GET that found nothing: a 301 to the current address if the slug is a former one
    of a record the reader may see (a public meeting, an office not in the trash; anything, in
    the staff pages, where a form posted to the old address is sent on with a 308). A draft's
    new address is nobody else's business."""
    staff = (request.blueprint or "").startswith("manage_")
    # A form saved while a colleague renamed its meeting is sent on with what was typed (308
    # keeps the method and the body); its version check then tells what changed meanwhile.
    resend = staff and request.method == "POST"
    if (request.method not in ("GET", "HEAD") and not resend) or request.url_rule is None:
        return None
    slug = (request.view_args or {}).get("slug")
    if not isinstance(slug, str):
        return None
    if request.endpoint in OFFICE_ENDPOINTS or request.blueprint == "manage_offices":
        statement = select(Office.slug).join(OfficeFormerSlug).where(OfficeFormerSlug.slug == slug)
        if not staff:
            statement = statement.where(Office.removed_at.is_(None))
    else:
        statement = select(Event.slug).join(EventFormerSlug).where(EventFormerSlug.slug == slug)
        if not staff:
            statement = statement.where(
                Event.status.in_(PUBLIC_STATUSES), Event.removed_at.is_(None)
            )
    current = db.session.scalar(statement.execution_options(include_removed=True))
    if current is None or current == slug:
        return None
    target = url_for(request.endpoint, **{**request.view_args, "slug": current})
    if request.args:  # as it is: never as url_for's arguments (?lang=, ?_anchor=...)
        target += f"?{query_string(request.args)}"
    return redirect(target, 308 if resend else 301)


def redirect_office_filter(office: str | None) -> Response | None:
    """For a list, feed or search filtered by an office that is not found (`?office=old`): a
    301 to the same address with the office's current slug, if `office` is a former one."""
    if not office or request.method not in ("GET", "HEAD") or request.url_rule is None:
        return None
    current = db.session.scalar(
        select(Office.slug)
        .join(OfficeFormerSlug)
        .where(OfficeFormerSlug.slug == office, Office.removed_at.is_(None))
    )
    if current is None:
        return None
    query = request.args.copy()
    query.setlist("office", [current])
    target = url_for(request.endpoint, **(request.view_args or {}))
    return redirect(f"{target}?{query_string(query)}", 301)


def _model_of(record) -> tuple[type, str]:
    is_office = isinstance(record, Office) or record is Office
    return (OfficeFormerSlug, "office_id") if is_office else (EventFormerSlug, "event_id")
