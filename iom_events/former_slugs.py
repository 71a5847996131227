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
from iom_events.extensions import db
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
    """For a GET that found nothing: a 301 to the current address if the slug is a former one."""
    if request.method not in ("GET", "HEAD") or request.url_rule is None:
        return None
    slug = (request.view_args or {}).get("slug")
    if not isinstance(slug, str):
        return None
    office = request.endpoint in OFFICE_ENDPOINTS or request.blueprint == "manage_offices"
    model = OfficeFormerSlug if office else EventFormerSlug
    owner = Office if model is OfficeFormerSlug else Event
    column = model.office_id if model is OfficeFormerSlug else model.event_id
    current = db.session.scalar(
        select(owner.slug)
        .join(model, column == owner.id)
        .where(model.slug == slug)
        .execution_options(include_removed=True)
    )
    if current is None or current == slug:
        return None
    values = {**request.view_args, "slug": current}
    target = url_for(request.endpoint, **values, **request.args.to_dict(flat=False))
    return redirect(target, 301)


def _model_of(record) -> tuple[type, str]:
    is_office = isinstance(record, Office) or record is Office
    return (OfficeFormerSlug, "office_id") if is_office else (EventFormerSlug, "event_id")
