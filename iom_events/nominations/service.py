"""The nomination cycle on the write side: invite, nominate, accredit or return, and the
e-mails each step sends, each in the language of the person who reads it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from flask import current_app, g, url_for
from flask_babel import force_locale, get_locale
from flask_babel import gettext as _
from sqlalchemy import select

from iom_events import mail
from iom_events.columns import utcnow
from iom_events.delegations.imports import folded
from iom_events.delegations.models import Delegation, DelegationKind
from iom_events.extensions import db
from iom_events.formatting import long_date, time_zone
from iom_events.nominations import merge
from iom_events.nominations.models import (
    Invitation,
    NominationVersion,
    new_nonce,
)
from iom_events.nominations.tokens import token_of
from iom_events.settings import LANGUAGES
from iom_events.translated import Translated

MEMBER_FIELDS = NominationVersion.MEMBER_FIELDS


# --- words ------------------------------------------------------------------------------------


@contextmanager
def written_in(lang: str) -> Iterator[None]:
    """Messages, dates and names in `lang`, whatever the language of the page that sends the
    e-mail: Babel's locale and the site's page language (which picks the date patterns,
    formatting.long_date) both move, and come back after."""
    before = g.get("lang")
    g.lang = lang
    try:
        with force_locale(lang):
            yield
    finally:
        g.lang = before


def deadline_text(invitation: Invitation) -> str:
    """The deadline in the meeting's time zone, in the current locale: "31 January 2030,
    18:00, Geneva time (UTC+1)"."""
    event = invitation.event
    local = invitation.deadline.astimezone(ZoneInfo(event.timezone))
    city = in_language(event.city, str(get_locale()), event.original_language)
    zone = time_zone(event.timezone, local.date(), city or None, event.country)
    return f"{long_date(local.date())}, {local:%H:%M}, {zone}"


def in_language(value: Translated | None, lang: str, original: str) -> str:
    """A text in `lang`, else in the meeting's original language, else in any: what an e-mail
    written in `lang` (whatever the page it was sent from) names things with."""
    if not value:
        return ""
    return value.get(lang) or value.get(original) or next(iter(value.values()))


def meeting_title(invitation: Invitation, lang: str | None = None) -> str:
    """The meeting's title in `lang` (default: the focal point's language)."""
    event = invitation.event
    lang = lang or invitation.language
    return in_language(event.title, lang, event.original_language) or event.slug


def delegation_name(invitation: Invitation, lang: str | None = None) -> str:
    lang = lang or invitation.language
    return in_language(invitation.delegation.name, lang, invitation.event.original_language)


def link(invitation: Invitation) -> str:
    """The private link of the invitation, in the focal point's language."""
    return url_for(
        "nominations.show",
        lang=invitation.language,
        token=token_of(invitation),
        _external=True,
    )


# --- invitations -----------------------------------------------------------------------------


def listed_names(event) -> set[str]:
    """The folded names (delegations.imports.folded) of every delegation of the meeting, each
    of its names and short names in every language: a new delegation named so is one of them."""
    names = set()
    for name, short_name in db.session.execute(
        select(Delegation.name, Delegation.short_name).where(Delegation.event_id == event.id)
    ):
        names.update(
            folded(text) for text in (*(name or {}).values(), *(short_name or {}).values())
        )
    return names


def invite(event, form, user) -> Invitation:
    """An invitation (and the delegation, when the form names a new one) added to the session;
    the caller commits, then sends it (`send_invitation`)."""
    delegation = None
    if form.delegation.data:
        delegation = db.session.scalar(
            select(Delegation).where(
                Delegation.event_id == event.id, Delegation.id == int(form.delegation.data)
            )
        )
    if delegation is None:
        delegation = Delegation(
            event_id=event.id,
            kind=DelegationKind(form.new_delegation_kind.data),
            name=Translated({form.language.data: form.new_delegation_name.data}),
        )
        db.session.add(delegation)
    invitation = Invitation(
        event=event,
        delegation=delegation,
        focal_point_name=form.focal_point_name.data,
        focal_point_email=form.focal_point_email.data,
        language=form.language.data,
        deadline=form.deadline_utc,
        nonce=new_nonce(),
        invited_by_id=user.id,
    )
    db.session.add(invitation)
    return invitation


def send_invitation(invitation: Invitation) -> None:
    """E-mail the link to the focal point, in their language; records when it went. Raises
    mail.MailNotSent (the invitation stays: staff can send it again)."""
    with written_in(invitation.language):
        subject = _(
            "Invitation to nominate your delegation: %(meeting)s", meeting=meeting_title(invitation)
        )
        body = _(
            "Dear %(name)s,\n\n"
            "The secretariat invites %(delegation)s to send the names of the members of its "
            "delegation to %(meeting)s.\n\n"
            "Please list them, and attach the credentials letter, on this private page:\n"
            "%(link)s\n\n"
            "You can come back to change the list until %(deadline)s. Please do not share "
            "this link: anyone who has it can change your delegation's list.\n\n"
            "The secretariat",
            name=invitation.focal_point_name,
            delegation=delegation_name(invitation),
            meeting=meeting_title(invitation),
            link=link(invitation),
            deadline=deadline_text(invitation),
        )
    write_to_focal_point(invitation, subject, body)
    invitation.sent_at = utcnow()
    db.session.commit()


def revoke(invitation: Invitation) -> None:
    """Every link sent so far stops working (a new nonce); the caller commits."""
    invitation.nonce = new_nonce()
    invitation.revoked_at = utcnow()


def reopen(invitation: Invitation) -> None:
    """A revoked or declined invitation open again, with a link none sent before has (send it):
    staff sending the link again to a delegation that declined invite it anew."""
    if invitation.revoked_at is not None or invitation.declined_at is not None:
        invitation.revoked_at = None
        invitation.declined_at = None
        invitation.nonce = new_nonce()


def secretariat_address(invitation: Invitation) -> str | None:
    """Who hears of nominations: SECRETARIAT_EMAIL, else the staff member who invited."""
    configured = current_app.config.get("SECRETARIAT_EMAIL")
    if configured:
        return configured
    return invitation.invited_by.email if invitation.invited_by is not None else None


def secretariat_language(invitation: Invitation) -> str:
    """The language the secretariat reads its notices in: SECRETARIAT_LANGUAGE when the site
    sets one (a secretariat working in one language whatever the meeting), else the meeting's
    original language, the one its staff write the meeting in.

    Staff accounts keep no language of their own, and a notice is caused by a focal point's
    page (in the focal point's language), never by a staff page: so the meeting decides. A
    meeting in Buenos Aires drafted in Spanish tells its secretariat in Spanish; one in Geneva
    drafted in English, in English."""
    configured = current_app.config.get("SECRETARIAT_LANGUAGE")
    if configured in LANGUAGES:
        return configured
    return invitation.event.original_language


def write_to_focal_point(invitation: Invitation, subject: str, body: str) -> None:
    """Send an e-mail written in the focal point's language to them, answered to the
    secretariat: the one place every e-mail to a focal point goes through. Raises
    mail.MailNotSent (the caller has committed first, and tells staff)."""
    mail.send(
        invitation.focal_point_email,
        subject,
        body + "\n",
        invitation.language,
        reply_to=secretariat_address(invitation),
    )


def tell_secretariat(invitation: Invitation, write: Callable[[str], tuple[str, str]]) -> None:
    """E-mail the secretariat (secretariat_address) a notice about `invitation`, in
    `secretariat_language`: `write(lang)` returns its subject and body, written in that
    language. The one place every notice to the secretariat goes through; a relay down is
    logged, never shown to the focal point whose action caused it."""
    address = secretariat_address(invitation)
    if not address:
        return
    lang = secretariat_language(invitation)
    with written_in(lang):
        subject, body = write(lang)
    try:
        mail.send(address, subject, body + "\n", lang)
    except mail.MailNotSent as error:
        current_app.logger.warning("notice to the secretariat not sent: %s", error.reason)


# --- nominations -----------------------------------------------------------------------------


def latest(invitation: Invitation) -> NominationVersion | None:
    """The last version the focal point sent, or None before the first."""
    return invitation.versions[-1] if invitation.versions else None


def version(invitation: Invitation, number: int | None) -> NominationVersion | None:
    """Version `number` (from 1) of the invitation's list; None for 0, None or one not sent."""
    if not number:
        return None
    return next((v for v in invitation.versions if v.number == number), None)


@dataclass
class Saved:
    """What a focal point's save did: the new version, or the clashes that stopped it."""

    version: NominationVersion | None = None
    clashes: list[merge.MemberClash] | None = None
    merged: bool = False
    unchanged: NominationVersion | None = None
    """The latest version, when a form filled from an older one would repeat it exactly (the
    same form sent twice, by a double click or a reload): no new version then."""


def nominate(
    invitation: Invitation,
    members: list[dict],
    based_on: int | None,
    choices: dict[str, str],
    started: int | None = None,
    credentials: tuple[str, str] | None = None,
) -> Saved:
    """Write the next version of the nomination, merged with any version saved since the form
    was filled (nominations/merge.py). `based_on`: the version the form shows; `started`: the
    one it was first filled from (before a clash moved it on). `credentials`: (SHA-256,
    file name) of a letter received with the form, else the latest version's letter is kept.
    Adds to the session; the caller commits (the unique (invitation, number) catches a save
    that raced this one)."""
    current = latest(invitation)
    current_number = current.number if current else 0
    seen = based_on if based_on is not None and 0 <= based_on <= current_number else 0
    start = started if started is not None and 0 <= started <= seen else seen
    result = members
    merged = False
    if current is not None and start != current_number:
        base = version(invitation, start)
        outcome = merge.merge(
            base.members if base else [],
            current.members,
            members,
            MEMBER_FIELDS,
            # A choice counts only when the person was shown the version it decides against.
            choices if seen == current_number else {},
        )
        if outcome.clashes:
            return Saved(clashes=outcome.clashes)
        result, merged = outcome.members, outcome.merged
    kept = (current.credentials_sha256, current.credentials_filename) if current else (None, None)
    letter = credentials or kept
    if (
        current is not None
        and start != current_number
        and (result, letter)
        == (
            current.members,
            kept,
        )
    ):
        return Saved(unchanged=current)
    new = NominationVersion(
        invitation=invitation,
        number=current_number + 1,
        based_on=start,
        members=result,
        credentials_sha256=letter[0],
        credentials_filename=letter[1],
        sent_by=f"{invitation.focal_point_name} <{invitation.focal_point_email}>",
    )
    invitation.latest_number = new.number
    db.session.add(new)
    return Saved(version=new, merged=merged)


def tell_the_secretariat(invitation: Invitation, new: NominationVersion) -> None:
    """Tell the secretariat that a nomination came in (tell_secretariat)."""

    def write(lang: str) -> tuple[str, str]:
        delegation = delegation_name(invitation, lang)
        subject = _(
            "Nomination received: %(delegation)s, %(meeting)s",
            delegation=delegation,
            meeting=meeting_title(invitation, lang),
        )
        review = url_for(
            "manage_nominations.review",
            lang=lang,
            slug=invitation.event.slug,
            invitation_id=invitation.id,
            _external=True,
        )
        body = _(
            "%(delegation)s sent version %(number)s of its nomination (%(count)s members).\n\n"
            "Review it: %(link)s",
            delegation=delegation,
            number=new.number,
            count=len(new.members),
            link=review,
        )
        return subject, body

    tell_secretariat(invitation, write)


def decline(invitation: Invitation) -> None:
    """The focal point's answer that the delegation will not come; the link closes with it.
    Committed, then the secretariat is told (tell_secretariat), and told too when a list of the
    delegation is still accredited (`still_accredited`): nothing public changes by itself."""
    invitation.declined_at = utcnow()
    db.session.commit()

    def write(lang: str) -> tuple[str, str]:
        delegation, meeting = delegation_name(invitation, lang), meeting_title(invitation, lang)
        subject = _(
            "Invitation declined: %(delegation)s, %(meeting)s",
            delegation=delegation,
            meeting=meeting,
        )
        body = _(
            "The focal point of %(delegation)s, %(name)s, has declined the invitation to "
            "%(meeting)s.",
            delegation=delegation,
            name=invitation.focal_point_name,
            meeting=meeting,
        )
        if invitation.accredited_number:
            body += "\n\n" + still_accredited(invitation)
        return subject, body

    tell_secretariat(invitation, write)


def still_accredited(invitation: Invitation) -> str:
    """What a decline leaves public, in the current language: a declined delegation whose list
    was accredited keeps its participants until staff withdraw the accreditation (a decline is
    the focal point's word, never a change to what the secretariat accredited)."""
    return _(
        "Version %(number)s of its list is still accredited: its members stay on the public "
        "pages until you withdraw the accreditation.",
        number=invitation.accredited_number,
    )
