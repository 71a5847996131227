"""Staff's review of a nomination: what changed since the last review, accrediting the latest
version (its members become the delegation's participants) and withdrawing that again, or
returning it with a message e-mailed to the focal point in their language."""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import select

from iom_events.delegations.models import Participant
from iom_events.extensions import db
from iom_events.nominations.models import (
    Invitation,
    NominationRole,
    NominationVersion,
    ReviewOutcome,
)
from iom_events.nominations.service import (
    MEMBER_FIELDS,
    deadline_text,
    delegation_name,
    latest,
    link,
    meeting_title,
    version,
    write_to_focal_point,
    written_in,
)
from iom_events.translated import Translated


@dataclass(frozen=True)
class Change:
    """What changed of one member between the last review and the latest version."""

    member: dict
    kind: str
    """"added", "removed" or "changed"."""
    fields: tuple[str, ...] = ()
    before: dict | None = None
    """The member as last reviewed (for "changed": each field's value then)."""


def changes(before: list[dict] | None, after: list[dict]) -> list[Change]:
    """Members added, removed and changed (which fields, and the member as reviewed) from
    `before` to `after`."""
    old = {m["key"]: m for m in before or []}
    new = {m["key"]: m for m in after}
    found = []
    for key, member in new.items():
        if key not in old:
            found.append(Change(member, "added"))
        else:
            changed = tuple(f for f in MEMBER_FIELDS if old[key].get(f) != member.get(f))
            if changed:
                found.append(Change(member, "changed", changed, old[key]))
    found += [Change(member, "removed") for key, member in old.items() if key not in new]
    return found


def letter_change(reviewed: NominationVersion | None, current: NominationVersion) -> str | None:
    """How the credentials letter changed since the reviewed version: "added" (there was none),
    "replaced" (another file), or None (the same letter, or nothing reviewed yet)."""
    if reviewed is None or current.credentials_sha256 == reviewed.credentials_sha256:
        return None
    if current.credentials_sha256 is None:
        return None  # a version keeps the letter before it: none is ever taken away
    return "replaced" if reviewed.credentials_sha256 else "added"


def accredit(invitation: Invitation) -> None:
    """The latest version's members become the delegation's participants: created, changed
    or removed (to the trash) to match it, keyed by member; the people staff entered
    themselves are left alone. Only accredited members ever reach a public page, and only
    those who may be listed publicly. The caller commits."""
    current = latest(invitation)
    event = invitation.event
    delegation = invitation.delegation
    existing = _nominated_participants(invitation, include_removed=True)
    language = invitation.language
    accredited = version(invitation, invitation.accredited_number)
    before = {
        member["key"]: _participant_values(member, language, position)
        for position, member in enumerate(accredited.members if accredited else [])
    }
    for position, member in enumerate(current.members):
        person = existing.pop(member["key"], None)
        if person is not None and person.removed_at is not None:
            person.restore()  # accredited again after a withdrawal: the same participant
        if person is None:
            person = Participant(
                event_id=event.id, delegation=delegation, nomination_key=member["key"]
            )
            db.session.add(person)
        unchanged = before.get(member["key"], {}) if person.id is not None else {}
        for attribute, value in _participant_values(member, language, position).items():
            if unchanged.get(attribute, _NOTHING) == value:
                continue  # not changed by the focal point: a correction by staff stays
            if getattr(person, attribute) != value:
                setattr(person, attribute, value)
    for person in existing.values():
        if person.removed_at is None:
            person.remove()
    invitation.reviewed_number = current.number
    invitation.accredited_number = current.number
    invitation.review_outcome = ReviewOutcome.ACCREDITED
    invitation.review_message = None


_NOTHING = object()


def _participant_values(member: dict, language: str, position: int) -> dict:
    """A member of a list as the participant it makes (the function in the focal point's
    language)."""
    name = " ".join(part for part in (member["title"], member["name"]) if part)
    return {
        "name": name[:200],
        "role": NominationRole(member["role"]).participant_role,
        "function": Translated({language: member["function"]}) if member["function"] else None,
        "is_public": bool(member["public"]),
        "email": member["email"] or None,
        "phone": member["phone"] or None,
        "position": 1000 + position,
    }


def _nominated_participants(invitation: Invitation, include_removed: bool = False) -> dict:
    """The delegation's participants that came from a nomination, by member key (a live one
    before one in the trash, when both are there)."""
    statement = select(Participant).where(
        Participant.delegation_id == invitation.delegation_id,
        Participant.nomination_key.is_not(None),
    )
    people = db.session.scalars(statement, execution_options={"include_removed": include_removed})
    found: dict[str, Participant] = {}
    for person in sorted(people, key=lambda p: (p.removed_at is None, p.id)):
        found[person.nomination_key] = person
    return found


def withdraw(invitation: Invitation) -> None:
    """Undo the accreditation: the participants it made go to the trash (with their history,
    as any removal; off the public pages), the people staff entered themselves stay. The
    reviewed version is to be reviewed again: "nominated" when it is the latest, "changed since
    review" (against it) when the focal point sent a newer one. The caller commits."""
    for person in _nominated_participants(invitation).values():
        person.remove()
    invitation.accredited_number = None
    accredited_latest = invitation.reviewed_number == invitation.latest_number
    if invitation.review_outcome == ReviewOutcome.ACCREDITED and accredited_latest:
        invitation.reviewed_number = None
        invitation.review_outcome = None


def return_letter(invitation: Invitation, message: str) -> tuple[str, str]:
    """The e-mail that returns the nomination with `message`, written in the focal point's
    language: its subject and body (staff see it before it goes)."""
    with written_in(invitation.language):
        subject = _(
            "Your nomination for %(meeting)s: changes requested", meeting=meeting_title(invitation)
        )
        body = _(
            "Dear %(name)s,\n\n"
            "The secretariat has returned the nomination of %(delegation)s with this "
            "message:\n\n%(message)s\n\n"
            "Please change the list on your private page, until %(deadline)s:\n%(link)s\n\n"
            "The secretariat",
            name=invitation.focal_point_name,
            delegation=delegation_name(invitation),
            message=message,
            deadline=deadline_text(invitation),
            link=link(invitation),
        )
    return subject, body


def return_nomination(invitation: Invitation, message: str) -> None:
    """Mark the latest version returned and e-mail `message` to the focal point in their
    language (raises mail.MailNotSent after the commit: the return stands, staff are told)."""
    invitation.reviewed_number = invitation.latest_number
    invitation.review_outcome = ReviewOutcome.RETURNED
    invitation.review_message = message
    db.session.commit()
    write_to_focal_point(invitation, *return_letter(invitation, message))
