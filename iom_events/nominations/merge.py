"""Two focal points saving the same list at once never lose each other's entries.

The rules are those of staff editing (iom_events/editing.py), applied member by member, then
field by field: each form carries the version it was filled from (the base). When the list has a
newer version (theirs) by the time a form (mine) is saved, each member is compared on its own,
by its stable key:

- a member only one side added, changed or removed takes that side's change;
- both sides made the same change: no clash (the same person added by both, with the same
  details, is listed once);
- both changed the same member: merged field by field; only a field both changed to different
  values, or a member one side removed and the other changed, is a clash.

A clash saves nothing: the form comes back with everything typed, moved on to the latest
version, remembering the version it started from ("merge-base"), and asks per clashing member
"Keep theirs" or "Use mine" (radio "merge-<key>"). A choice counts only for a version the person
was shown; a clash left without a choice is asked again. (editing.py merges records through
their history; a nomination's versions are kept whole, so the comparison reads them directly.)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Member = dict[str, Any]

CHOICE = "merge-{}"


@dataclass(frozen=True)
class MemberClash:
    """One member both sides changed in ways that cannot both hold."""

    key: str
    theirs: Member | None
    """None: they removed the member."""
    mine: Member | None
    """None: I removed the member."""

    @property
    def choice(self) -> str:
        return CHOICE.format(self.key)


@dataclass
class Outcome:
    members: list[Member] = field(default_factory=list)
    clashes: list[MemberClash] = field(default_factory=list)
    merged: bool = False
    """Whether the other side's changes were merged in (the focal point is told)."""


def merge(
    base: list[Member],
    theirs: list[Member],
    mine: list[Member],
    fields: tuple[str, ...],
    choices: dict[str, str] | None = None,
) -> Outcome:
    """The list that keeps both sides' changes, or the clashes. `choices` maps a member's key
    to "theirs" or "mine" for clashes the person was shown and settled. Members keep the order
    of `mine`, those only they added coming after."""
    choices = choices or {}
    by_key = {
        name: {member["key"]: member for member in side}
        for name, side in (("base", base), ("theirs", theirs), ("mine", mine))
    }
    # The same person added by both sides, each under a key of its own: listed once (mine).
    mine_added = {_content(m, fields) for m in mine if m["key"] not in by_key["base"]}
    added_by_both = {
        t["key"]
        for t in theirs
        if t["key"] not in by_key["base"]
        and t["key"] not in by_key["mine"]
        and _content(t, fields) in mine_added
    }
    order = [m["key"] for m in mine] + [
        m["key"] for m in theirs if m["key"] not in by_key["mine"] and m["key"] not in added_by_both
    ]
    outcome = Outcome()
    for key in order:
        b, t, m = (by_key[side].get(key) for side in ("base", "theirs", "mine"))
        result, clash = _one(b, t, m, fields)
        if clash:
            choice = choices.get(key)
            if choice in ("theirs", "mine"):
                result = t if choice == "theirs" else m
            else:
                outcome.clashes.append(MemberClash(key, t, m))
                continue
        elif result != m:  # theirs, or merged with theirs
            outcome.merged = True
        if result is not None:
            outcome.members.append(result)
    return outcome


def _content(member: Member, fields: tuple[str, ...]) -> tuple:
    """What a member says, its key aside."""
    return tuple(str(member.get(name)) for name in fields)


def _one(
    b: Member | None, t: Member | None, m: Member | None, fields: tuple[str, ...]
) -> tuple[Member | None, bool]:
    """(the merged member or None for removed, whether it clashes)."""
    if m == b:
        return t, False
    if t in (b, m):
        return m, False
    if t is None or m is None or b is None:
        # One side removed what the other changed, or both added the same key differently.
        return None, True
    merged = {"key": b["key"]}
    for name in fields:
        base, their, my = b.get(name), t.get(name), m.get(name)
        if my == base:
            merged[name] = their
        elif their in (base, my):
            merged[name] = my
        else:
            return None, True
    return merged, False
