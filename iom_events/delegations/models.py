from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_pgettext
from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from iom_events.columns import choice
from iom_events.extensions import db
from iom_events.labels import Choice
from iom_events.records import Removable, Versioned
from iom_events.translated import Translated, TranslatedText

if TYPE_CHECKING:
    from iom_events.events.models import Event


class DelegationKind(Choice):
    MEMBER_STATE = "member_state", _l("Member State")
    RCP = "rcp", _l("Regional consultative process")
    IGO = "igo", _l("Intergovernmental organization")
    UN_ENTITY = "un_entity", _l("United Nations entity")
    CIVIL_SOCIETY = "civil_society", _l("Civil society")
    OBSERVER = "observer", _l("Observer")


class Delegation(Versioned, Removable, db.Model):
    """A party taking part in a meeting: a member state, a regional consultative process..."""

    __table_args__ = (CheckConstraint("length(country) = 2", name="country_iso"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    kind: Mapped[DelegationKind] = mapped_column(choice(DelegationKind))
    name: Mapped[Translated] = mapped_column(TranslatedText)
    short_name: Mapped[Translated | None] = mapped_column(TranslatedText)
    region: Mapped[Translated | None] = mapped_column(TranslatedText)
    country: Mapped[str | None] = mapped_column(String(2))
    position: Mapped[int] = mapped_column(default=0)

    event: Mapped[Event] = relationship(back_populates="delegations")
    participants: Mapped[list[Participant]] = relationship(
        back_populates="delegation",
        # Deleted with the delegation (emptying the trash), never when they leave it: a
        # participant moved out of a delegation stays at the meeting.
        cascade="all",
        order_by="(Participant.position, Participant.id)",
    )


class ParticipantRole(Choice):
    HEAD_OF_DELEGATION = "head_of_delegation", _l("Head of delegation")
    CO_CHAIR = "co_chair", lazy_pgettext("participant role", "Co-chair")  # a person, not a body
    SPEAKER = "speaker", _l("Speaker")
    DELEGATE = "delegate", _l("Delegate")
    OBSERVER = "observer", _l("Observer")
    SECRETARIAT = "secretariat", _l("Secretariat")


class Participant(Versioned, Removable, db.Model):
    """A person at a meeting. `email` and `phone` are private: never on a public page or feed."""

    PERSONAL_DATA: ClassVar[tuple[str, ...]] = ("email", "phone")
    """Erased from the history once the participant is deleted for good (audit/erasure.py)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    delegation_id: Mapped[int | None] = mapped_column(
        ForeignKey("delegation.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    function: Mapped[Translated | None] = mapped_column(TranslatedText)
    affiliation: Mapped[Translated | None] = mapped_column(TranslatedText)
    role: Mapped[ParticipantRole] = mapped_column(choice(ParticipantRole))
    is_public: Mapped[bool] = mapped_column(default=True)
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(20))
    position: Mapped[int] = mapped_column(default=0)

    event: Mapped[Event] = relationship(back_populates="participants")
    delegation: Mapped[Delegation | None] = relationship(back_populates="participants")
