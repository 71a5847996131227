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

from flask import current_app
from sqlalchemy import Select, bindparam, func, literal, or_, select

from iom_events.agenda.models import AgendaItem
from iom_events.caching import Fingerprint
from iom_events.events.models import Event, EventFormerSlug, ListingsVersion
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
"""Lists whose aggregate statement and last fingerprint are kept, by their list's key: the home
page, the meetings list and the feeds most asked for are built once; a flood of distinct filters
only ever rebuilds its own (least recently used forgotten first), never more than this many
held."""


@dataclass
class _Listing:
    aggregates: Select
    """count, last change, versions of the listed meetings; offices; the office filter's
    existence; and the listings version they were read at (one statement: one snapshot)."""
    seen: tuple[int, tuple] | None = None
    """(listings version, fingerprint values) of the last run."""


_listings_guard = threading.Lock()


def listing(
    key: Hashable, statement: Callable[[], Select], office_slug: str | None = None
) -> Fingerprint | None:
    """For a list of meetings (home, the list, a feed): count, last change, versions.

    `statement()` builds the list's query; `key` names it (every value it depends on: the
    filters as a query string, the day a feed's window starts...), so that the aggregate query
    is built once per key, not on every request of a cached page. With an office slug, the same
    query tells whether that office exists (None if not).

    The aggregates read the `event` and `office` tables only, and the database raises the
    listings version at every write to them (`ListingsVersion`): while it reads as it did, the
    last aggregates are returned without adding the meetings up again. A request costs one
    indexed read then, whatever the number of meetings (1.5 ms of scan for 5,000 on SQLite),
    and the fingerprint, like a list's bytes, still changes only when the list does.
    """
    # Each app's own: an app is one database, whose listings version means nothing to another.
    listings = current_app.extensions.setdefault("iom_events.listings", OrderedDict())
    with _listings_guard:
        entry = listings.get(key)
        if entry is not None:
            listings.move_to_end(key)
    if entry is None:
        entry = _Listing(_aggregates(statement(), office_slug))
        with _listings_guard:
            listings[key] = entry
            while len(listings) > LISTINGS_KEPT:
                listings.popitem(last=False)
    connection = db.session.connection()
    seen = entry.seen
    if seen is None or connection.execute(_version_statement()).scalar() != seen[0]:
        *values, version = connection.execute(entry.aggregates).one()
        seen = entry.seen = (version, tuple(values))
    values = seen[1]
    if not values[4]:
        return None
    return Fingerprint(values)


@functools.cache
def _version_statement() -> Select:
    return select(ListingsVersion.value).where(ListingsVersion.id == 1)


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
            _version_statement().scalar_subquery(),
        )
    )
    return built_once(aggregates)
