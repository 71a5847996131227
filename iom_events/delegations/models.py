from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar, TypeVar

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_pgettext, ngettext
from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from iom_events.columns import choice
from iom_events.extensions import db
from iom_events.formatting import collation_key, translate
from iom_events.labels import Choice
from iom_events.records import Removable, Versioned
from iom_events.translated import Translated, TranslatedText

if TYPE_CHECKING:
    from iom_events.events.models import Event

D = TypeVar("D")


class DelegationKind(Choice):
    MEMBER_STATE = "member_state", _l("Member State")
    RCP = "rcp", _l("Regional consultative process")
    IGO = "igo", _l("Intergovernmental organization")
    UN_ENTITY = "un_entity", _l("United Nations entity")
    CIVIL_SOCIETY = "civil_society", _l("Civil society")
    OBSERVER = "observer", _l("Observer")

    def heading(self, count: int) -> str:
        """The kind as the heading of `count` delegations on a meeting's page, agreeing in
        number with them: "10 Member States", "1 regional consultative process"."""
        if self is DelegationKind.MEMBER_STATE:
            return ngettext("%(num)d Member State", "%(num)d Member States", count)
        if self is DelegationKind.RCP:
            return ngettext(
                "%(num)d regional consultative process",
                "%(num)d regional consultative processes",
                count,
            )
        if self is DelegationKind.IGO:
            return ngettext(
                "%(num)d intergovernmental organization",
                "%(num)d intergovernmental organizations",
                count,
            )
        if self is DelegationKind.UN_ENTITY:
            return ngettext(
                "%(num)d United Nations entity", "%(num)d United Nations entities", count
            )
        if self is DelegationKind.CIVIL_SOCIETY:
            return ngettext(
                "%(num)d civil society organization",
                "%(num)d civil society organizations",
                count,
            )
        return ngettext("%(num)d observer", "%(num)d observers", count)


def in_reading_order(delegations: Iterable[D], original_language: str | None = None) -> list[D]:
    """Delegations as lists of participants order them: by kind (Member States, then regional
    consultative processes, organizations, civil society, observers: `DelegationKind`'s order),
    then by name as the page's language sorts ("Belgique" before "Égypte", "Bélgica" before
    "Belice"). Works on delegations and on what reads as one (a public `DelegationView`)."""
    kinds = list(DelegationKind)

    def key(delegation) -> tuple[int, bytes]:
        name = translate(delegation.name, original_language) or ""
        return kinds.index(delegation.kind), collation_key(str(name))

    return sorted(delegations, key=key)


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
    ALTERNATE = "alternate", _l("Alternate")
    CO_CHAIR = "co_chair", lazy_pgettext("participant role", "Co-chair")  # a person, not a body
    SPEAKER = "speaker", _l("Speaker")
    DELEGATE = "delegate", _l("Delegate")
    ADVISER = "adviser", _l("Adviser")
    OBSERVER = "observer", _l("Observer")
    SECRETARIAT = "secretariat", _l("Secretariat")

    def heading(self, count: int) -> str:
        """The role as the heading of `count` people on a meeting's page, agreeing in number
        with them: "2 speakers", "1 co-chair"."""
        if self is ParticipantRole.HEAD_OF_DELEGATION:
            return ngettext("%(num)d head of delegation", "%(num)d heads of delegation", count)
        if self is ParticipantRole.CO_CHAIR:
            return ngettext("%(num)d co-chair", "%(num)d co-chairs", count)
        if self is ParticipantRole.SPEAKER:
            return ngettext("%(num)d speaker", "%(num)d speakers", count)
        if self is ParticipantRole.ALTERNATE:
            return ngettext("%(num)d alternate", "%(num)d alternates", count)
        if self is ParticipantRole.DELEGATE:
            return ngettext("%(num)d delegate", "%(num)d delegates", count)
        if self is ParticipantRole.ADVISER:
            return ngettext("%(num)d adviser", "%(num)d advisers", count)
        if self is ParticipantRole.OBSERVER:
            return ngettext("%(num)d observer", "%(num)d observers", count)
        return ngettext(
            "%(num)d member of the secretariat", "%(num)d members of the secretariat", count
        )


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
    nomination_key: Mapped[str | None] = mapped_column(String(32))
    """The member of an accredited nomination this participant is (nominations/); None for a
    person staff entered, whom accreditation never touches."""

    event: Mapped[Event] = relationship(back_populates="participants")
    delegation: Mapped[Delegation | None] = relationship(back_populates="participants")
