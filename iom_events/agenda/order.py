"""Which agenda items staff may move by hand (the order itself: `AgendaItem.agenda_order`).

Timed items follow their start times, so "Move up"/"Move down" only order items that share a
slot: the items of a day without a time, or those starting at the same time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from iom_events.agenda.models import AgendaItem


@dataclass(frozen=True)
class Movable:
    """Whether an item can go up or down among the items of its slot."""

    up: bool
    down: bool


def movable(items: Sequence[AgendaItem]) -> dict[int, Movable]:
    """For items in agenda order (one day or several), keyed by item id: each can move up when
    the item before it shares its slot, down when the item after it does."""
    answer = {}
    for n, item in enumerate(items):
        before = n > 0 and items[n - 1].slot == item.slot
        after = n + 1 < len(items) and items[n + 1].slot == item.slot
        answer[item.id] = Movable(up=before, down=after)
    return answer
