"""Cheap fingerprints of what a page or a feed shows: one query of aggregates.

Their statements are built once and run on the session's connection (no ORM objects come
back, so the ORM's per-execution work is skipped): on a cached page, building the statement
cost more than running it.

Any edit raises a record's version and its change time; a removal, a restore or a draft going
public changes a count. So a fingerprint changes whenever the content it covers can have
changed, and is the key of HTTP validators (ETag) and of cached pages and feeds: nothing is
invalidated by hand, a new fingerprint is simply a new key.
"""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass

from sqlalchemy import Select, bindparam, func, literal, or_, select

from iom_events.agenda.models import AgendaItem
from iom_events.caching import Fingerprint
from iom_events.events.models import Event, EventFormerSlug
from iom_events.events.public import PUBLIC_STATUSES, office_versions
from iom_events.extensions import db
from iom_events.offices.models import Office
from iom_events.records import built_once


@dataclass(frozen=True)
class MeetingFeedFingerprint(Fingerprint):
    """A meeting feed's. For a meeting no longer public, only when it was withdrawn, and what
    its subscribers last saw (None if it never was public): nothing staff change in the draft
    afterwards may show, not even as a new ETag."""

    withdrawal: dict | None = None


def meeting_feed(slug: str) -> MeetingFeedFingerprint | None:
    """What a meeting's feed shows: the meeting, its agenda items, the organizing offices.

    A meeting no longer public is found too, at every address the public knew it by (its
    withdrawal keeps them), so that its subscribers learn it was withdrawn; None at any other
    address (a draft's new one, say). A public meeting is found at its current address only
    (a former one answers 301, iom_events/former_slugs.py)."""
    row = db.session.connection().execute(_meeting_feed_statement(), {"slug": slug}).first()
    if row is None:
        return None
    if row.status in PUBLIC_STATUSES and row.removed_at is None:
        return MeetingFeedFingerprint(tuple(row)) if row.slug == slug else None
    if not row.withdrawal or slug not in row.withdrawal.get("addresses", ()):
        return None
    return MeetingFeedFingerprint(
        (row.id, "withdrawn", row.withdrawal["at"]), False, row.withdrawal
    )


@functools.cache
def _meeting_feed_statement() -> Select:
    """Built once per process (see `public.fingerprint`); the slug is its parameter."""
    slug = bindparam("slug")
    items = select(AgendaItem).where(
        AgendaItem.event_id == Event.id, AgendaItem.removed_at.is_(None)
    )
    former = select(EventFormerSlug.event_id).where(EventFormerSlug.slug == slug)
    return (
        select(Event)
        .where(or_(Event.slug == slug, Event.id.in_(former)))
        .execution_options(include_removed=True)
        .with_only_columns(
            Event.id,
            Event.uid,  # SQLite gives a deleted meeting's id to the next one; never its UID
            Event.slug,
            Event.version,
            Event.updated_at,
            Event.status,
            Event.removed_at,
            Event.withdrawal,
            items.with_only_columns(func.count()).scalar_subquery(),
            items.with_only_columns(func.max(AgendaItem.updated_at)).scalar_subquery(),
            items.with_only_columns(
                func.coalesce(func.sum(AgendaItem.version), 0)
            ).scalar_subquery(),
            office_versions(),
        )
    )


LISTINGS_KEPT = 256
"""Aggregate statements kept built, by their list's key: the home page, the meetings list and
the feeds most asked for are built once; a flood of distinct filters only ever rebuilds its own
(least recently used forgotten first), never more than this many held."""

_listings: OrderedDict[Hashable, Select] = OrderedDict()
_listings_guard = threading.Lock()


def listing(
    key: Hashable, statement: Callable[[], Select], office_slug: str | None = None
) -> Fingerprint | None:
    """For a list of meetings (home, the list, a feed): count, last change, versions.

    `statement()` builds the list's query; `key` names it (every value it depends on: the
    filters as a query string, the day a feed's window starts...), so that the aggregate query
    is built once per key, not on every request of a cached page. With an office slug, the same
    query tells whether that office exists (None if not).
    """
    with _listings_guard:
        aggregates = _listings.get(key)
        if aggregates is not None:
            _listings.move_to_end(key)
    if aggregates is None:
        aggregates = _aggregates(statement(), office_slug)
        with _listings_guard:
            _listings[key] = aggregates
            while len(_listings) > LISTINGS_KEPT:
                _listings.popitem(last=False)
    row = db.session.connection().execute(aggregates).one()
    if not row[4]:
        return None
    return Fingerprint(tuple(row))


def _aggregates(statement: Select, office_slug: str | None) -> Select:
    office_exists = (
        select(func.count(Office.id)).where(Office.slug == office_slug).scalar_subquery()
        if office_slug is not None
        else literal(1)
    )
    # The same WHERE, aggregates instead of rows: no subquery to build or to plan around.
    aggregates = (
        statement.order_by(None)
        .limit(None)
        .offset(None)
        .with_only_columns(
            func.count(Event.id),
            func.max(Event.updated_at),
            func.coalesce(func.sum(Event.version), 0),
            office_versions(),
            office_exists,
        )
    )
    return built_once(aggregates)
