"""Staff's review of a nomination: what changed since the last review, accrediting the latest
version (its members become the delegation's participants), or returning it with a message
e-mailed to the focal point in their language."""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import select

from iom_events import mail
from iom_events.delegations.models import Participant
from iom_events.extensions import db
from iom_events.nominations.models import Invitation, NominationRole, ReviewOutcome
from iom_events.nominations.service import (
    MEMBER_FIELDS,
    deadline_text,
    delegation_name,
    latest,
    link,
    meeting_title,
    secretariat_address,
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


def changes(before: list[dict] | None, after: list[dict]) -> list[Change]:
    """Members added, removed and changed (which fields) from `before` to `after`."""
    old = {m["key"]: m for m in before or []}
    new = {m["key"]: m for m in after}
    found = []
    for key, member in new.items():
        if key not in old:
            found.append(Change(member, "added"))
        else:
            changed = tuple(f for f in MEMBER_FIELDS if old[key].get(f) != member.get(f))
            if changed:
                found.append(Change(member, "changed", changed))
    found += [Change(member, "removed") for key, member in old.items() if key not in new]
    return found


def accredit(invitation: Invitation) -> None:
    """The latest version's members become the delegation's participants: created, changed
    or removed (to the trash) to match it, keyed by member; the people staff entered
    themselves are left alone. Only accredited members ever reach a public page, and only
    those who may be listed publicly. The caller commits."""
    current = latest(invitation)
    event = invitation.event
    delegation = invitation.delegation
    existing = {
        p.nomination_key: p
        for p in db.session.scalars(
            select(Participant).where(
                Participant.delegation_id == delegation.id,
                Participant.nomination_key.is_not(None),
            )
        )
    }
    language = invitation.language
    for position, member in enumerate(current.members):
        person = existing.pop(member["key"], None)
        if person is None:
            person = Participant(
                event_id=event.id, delegation=delegation, nomination_key=member["key"]
            )
            db.session.add(person)
        name = " ".join(part for part in (member["title"], member["name"]) if part)
        role = NominationRole(member["role"]).participant_role
        function = Translated({language: member["function"]}) if member["function"] else None
        values = {
            "name": name[:200],
            "role": role,
            "function": function,
            "is_public": bool(member["public"]),
            "email": member["email"] or None,
            "phone": member["phone"] or None,
            "position": 1000 + position,
        }
        for attribute, value in values.items():
            if getattr(person, attribute) != value:
                setattr(person, attribute, value)
    for person in existing.values():
        person.remove()
    invitation.reviewed_number = current.number
    invitation.accredited_number = current.number
    invitation.review_outcome = ReviewOutcome.ACCREDITED
    invitation.review_message = None


def return_nomination(invitation: Invitation, message: str) -> None:
    """Mark the latest version returned and e-mail `message` to the focal point in their
    language (raises mail.MailNotSent after the commit: the return stands, staff are told)."""
    invitation.reviewed_number = invitation.latest_number
    invitation.review_outcome = ReviewOutcome.RETURNED
    invitation.review_message = message
    db.session.commit()
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
    mail.send(
        invitation.focal_point_email,
        subject,
        body + "\n",
        invitation.language,
        reply_to=secretariat_address(invitation),
    )
