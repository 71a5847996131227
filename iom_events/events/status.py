"""The moves a meeting's status may make, in one table: the page offers these and nothing else,
and the server refuses any other.

draft → published           publish: the public sees it
published → cancelled       it stays public, marked as cancelled (feeds say STATUS:CANCELLED)
published → draft           un-publish: it leaves the public site (feeds say it was withdrawn)
cancelled → published       reinstate: it takes place after all
cancelled → draft           allowed: a meeting cancelled by mistake, or to be rewritten before it
                            is announced again, can leave the public site like a published one

draft → cancelled is refused: a meeting the public never saw has nobody to tell that it is
cancelled, and the move would publish it (a cancelled meeting is public). Remove it instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from babel.lists import format_list
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from iom_events.events.models import EventStatus
from iom_events.labels import label


@dataclass(frozen=True)
class Move:
    """One allowed change of status, and how the pages speak of it."""

    to: EventStatus
    button: str
    question: str
    """With %(name)s, the meeting's title."""
    consequence: str
    done: str
    danger: bool = False


PUBLISH = Move(
    EventStatus.PUBLISHED,
    _l("Publish"),
    _l("Publish “%(name)s”?"),
    _l(
        "Everyone will see it on the site, in search and in the calendar feeds, with its agenda, "
        "documents, press contacts and the participants marked public."
    ),
    _l("The meeting is published."),
)
CANCEL = Move(
    EventStatus.CANCELLED,
    _l("Mark as cancelled"),
    _l("Mark “%(name)s” as cancelled?"),
    _l(
        "It stays on the public site, marked as cancelled, and calendar subscribers see it "
        "cancelled. You can reinstate it later."
    ),
    _l("The meeting is marked as cancelled."),
    danger=True,
)
UNPUBLISH = Move(
    EventStatus.DRAFT,
    _l("Back to draft"),
    _l("Take “%(name)s” back to draft?"),
    _l(
        "The public will no longer see it, and calendar subscribers see it withdrawn. You can "
        "publish it again later."
    ),
    _l("The meeting is back to draft: the public no longer sees it."),
    danger=True,
)
REINSTATE = Move(
    EventStatus.PUBLISHED,
    _l("Reinstate"),
    _l("Reinstate “%(name)s”?"),
    _l(
        "It is no longer marked as cancelled: the public and calendar subscribers see it as "
        "taking place."
    ),
    _l("The meeting is reinstated: it is no longer marked as cancelled."),
)

MOVES: dict[EventStatus, tuple[Move, ...]] = {
    EventStatus.DRAFT: (PUBLISH,),
    EventStatus.PUBLISHED: (CANCEL, UNPUBLISH),
    EventStatus.CANCELLED: (REINSTATE, UNPUBLISH),
}


def moves_from(status: EventStatus) -> tuple[Move, ...]:
    """What a meeting with this status may become, in the order the page offers it."""
    return MOVES[status]


def move(current: EventStatus, target: str) -> Move | None:
    """The allowed move from `current` to the status named `target`, or None."""
    return next((m for m in MOVES[current] if m.to.value == target), None)


def refusal(current: EventStatus, target: str) -> str:
    """Why a meeting with this status cannot become `target`, in the page's language."""
    if target not in {s.value for s in EventStatus}:
        return _("Unknown status.")
    allowed = [label(m.to) for m in MOVES[current]]
    return _(
        "A meeting that is “%(current)s” cannot become “%(target)s”: nothing was changed. "
        "It can become: %(allowed)s.",
        current=label(current),
        target=label(EventStatus(target)),
        allowed=format_list(allowed, locale=get_locale()),
    )
