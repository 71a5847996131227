"""Invitations to a meeting, the nominations focal points send back, and their review.

An `Invitation` asks one delegation of a meeting for the names of its members, by a deadline,
through a private link (nominations/tokens.py) sent to the delegation's focal point. Each time the
focal point saves the list, a new `NominationVersion` is written, numbered 1, 2, 3...: nothing
they typed is overwritten. Staff review the latest version and accredit it (its members become
the delegation's `Participant`s, nominations/accreditation.py) or return it with a message.
"""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar

from flask_babel import lazy_gettext as _l
from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from iom_events.columns import UTCDateTime, choice, utcnow
from iom_events.delegations.models import ParticipantRole
from iom_events.extensions import db
from iom_events.labels import Choice

if TYPE_CHECKING:
    from iom_events.accounts.models import User
    from iom_events.delegations.models import Delegation
    from iom_events.events.models import Event


class NominationRole(Choice):
    """A member's place in a delegation, in the terms of UN lists of participants."""

    HEAD_OF_DELEGATION = "head_of_delegation", _l("Head of delegation")
    ALTERNATE = "alternate", _l("Alternate")
    DELEGATE = "delegate", _l("Delegate")
    ADVISER = "adviser", _l("Adviser")

    @property
    def participant_role(self) -> ParticipantRole:
        """The role an accredited member has among the meeting's participants: the same one
        (an adviser is listed as an adviser, as UN lists of participants do)."""
        return ParticipantRole(self.value)


class InvitationStatus(Choice):
    """Where an invitation stands, as the accreditation page lists it (`Invitation.status`)."""

    INVITED = "invited", _l("Invited")
    NOMINATED = "nominated", _l("Nominated")
    CHANGED = "changed", _l("Changed since review")
    ACCREDITED = "accredited", _l("Accredited")
    RETURNED = "returned", _l("Returned")
    DECLINED = "declined", _l("Declined")
    REVOKED = "revoked", _l("Link revoked")


class ReviewOutcome(Choice):
    """What staff decided about the version they last reviewed."""

    ACCREDITED = "accredited", _l("Accredited")
    RETURNED = "returned", _l("Returned")


def new_nonce() -> str:
    """A per-invitation secret carried by its link: a new one makes every older link void."""
    return secrets.token_hex(16)


class Invitation(db.Model):
    """One delegation asked to nominate its members for one meeting, through its focal point.

    `deadline` is an instant (UTC); the staff form reads it in the meeting's time zone. The link
    works until then, unless revoked (`revoked_at`, with a new `nonce`) or declined.
    """

    shown_publicly: ClassVar[bool] = False
    """No public page shows it: saving one is no change of the meeting's page."""

    __table_args__ = (UniqueConstraint("event_id", "delegation_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    delegation_id: Mapped[int] = mapped_column(
        ForeignKey("delegation.id", ondelete="CASCADE"), index=True
    )
    focal_point_name: Mapped[str] = mapped_column(String(200))
    focal_point_email: Mapped[str] = mapped_column(String(254))
    language: Mapped[str] = mapped_column(String(2))
    deadline: Mapped[datetime] = mapped_column(UTCDateTime)
    nonce: Mapped[str] = mapped_column(String(32), default=new_nonce)
    invited_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    declined_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    latest_number: Mapped[int] = mapped_column(default=0, server_default="0")
    """The number of the latest `NominationVersion` (0: none yet); kept with each version so
    that the accreditation page reads statuses from this table alone."""
    reviewed_number: Mapped[int | None]
    """The version staff last accredited or returned."""
    review_outcome: Mapped[ReviewOutcome | None] = mapped_column(choice(ReviewOutcome))
    review_message: Mapped[str | None] = mapped_column(Text)
    accredited_number: Mapped[int | None]
    """The version whose members are the delegation's participants now."""

    event: Mapped[Event] = relationship()
    delegation: Mapped[Delegation] = relationship()
    invited_by: Mapped[User | None] = relationship()
    versions: Mapped[list[NominationVersion]] = relationship(
        back_populates="invitation",
        cascade="all, delete-orphan",
        order_by="NominationVersion.number",
    )

    @property
    def status(self) -> InvitationStatus:
        """Read from this row alone (no version loaded): the accreditation page lists many."""
        if self.revoked_at is not None:
            return InvitationStatus.REVOKED
        if self.declined_at is not None:
            return InvitationStatus.DECLINED
        if not self.latest_number:
            return InvitationStatus.INVITED
        if self.reviewed_number == self.latest_number:
            return InvitationStatus(self.review_outcome.value)
        if self.reviewed_number is not None:
            return InvitationStatus.CHANGED
        return InvitationStatus.NOMINATED

    def is_open(self, now: datetime | None = None) -> bool:
        """Whether the focal point may still send or change the nomination."""
        now = now or utcnow()
        return self.revoked_at is None and self.declined_at is None and now < self.deadline


class NominationVersion(db.Model):
    """One list of members as a focal point sent it: never changed once written.

    `members` is a list of dicts, one per member, in the order of the form: key (a stable hex
    id, the same in every version), name, title, function, role (a `NominationRole` value),
    email, phone (E.164 or ""), public (bool). E-mail and phone are private (staff only).
    """

    shown_publicly: ClassVar[bool] = False

    __table_args__ = (UniqueConstraint("invitation_id", "number"),)

    MEMBER_FIELDS: ClassVar[tuple[str, ...]] = (
        "title",
        "name",
        "function",
        "role",
        "email",
        "phone",
        "public",
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    invitation_id: Mapped[int] = mapped_column(
        ForeignKey("invitation.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int]
    based_on: Mapped[int] = mapped_column(default=0)
    """The version the focal point's form was filled from (0: none)."""
    members: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    credentials_sha256: Mapped[str | None] = mapped_column(String(64), index=True)
    """The credentials letter (a PDF in the blob store): staff only, never public."""
    credentials_filename: Mapped[str | None] = mapped_column(String(255))
    sent_by: Mapped[str] = mapped_column(String(200))
    """The focal point who sent it (name and e-mail as invited: the link is theirs)."""
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    invitation: Mapped[Invitation] = relationship(back_populates="versions")
