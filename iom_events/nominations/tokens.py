"""The private link of an invitation: a token signed with the site's key (itsdangerous).

The token carries the invitation's id and its nonce. It has no clock of its own: it works until
the invitation's deadline, read from the database on every use, so that staff moving the
deadline moves it for the link already sent. Revoking gives the invitation a new nonce: every
link made before then no longer matches.
"""

from __future__ import annotations

import hmac
from enum import Enum

from flask import current_app
from itsdangerous import BadData, URLSafeSerializer

from iom_events.columns import utcnow
from iom_events.extensions import db
from iom_events.nominations.models import Invitation

SALT = "iom_events.nominations.invitation"


class Refusal(Enum):
    """Why a link opens no nomination form; `status` is the HTTP status that says it."""

    UNKNOWN = "unknown"
    """Tampered, truncated, or of an invitation that no longer exists."""
    REVOKED = "revoked"
    EXPIRED = "expired"
    DECLINED = "declined"

    @property
    def status(self) -> int:
        """404 for a link that never was; 410 Gone for one that was and no longer works."""
        return 404 if self is Refusal.UNKNOWN else 410


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt=SALT)


def token_of(invitation: Invitation) -> str:
    """The token of the invitation's link as it stands (its current nonce)."""
    return _serializer().dumps([invitation.id, invitation.nonce])


def invitation_of(token: str) -> tuple[Invitation | None, Refusal | None]:
    """(the invitation, None) for a link that may be used now; (the invitation or None, why
    not) otherwise. A token whose signature, shape or nonce is wrong reads as unknown: a
    revoked link is told apart only while its invitation says it was revoked."""
    if len(token) > 200:
        return None, Refusal.UNKNOWN
    try:
        payload = _serializer().loads(token)
    except BadData:
        return None, Refusal.UNKNOWN
    if (
        not isinstance(payload, list)
        or len(payload) != 2
        or not isinstance(payload[0], int)
        or isinstance(payload[0], bool)
        or not 0 < payload[0] < 2**31
        or not isinstance(payload[1], str)
    ):
        return None, Refusal.UNKNOWN
    invitation = db.session.get(Invitation, payload[0])
    if invitation is None or invitation.delegation is None:  # its delegation in the trash
        return None, Refusal.UNKNOWN
    if not hmac.compare_digest(invitation.nonce.encode(), payload[1].encode()):
        if invitation.revoked_at is not None:
            return invitation, Refusal.REVOKED
        return None, Refusal.UNKNOWN
    if invitation.revoked_at is not None:
        return invitation, Refusal.REVOKED
    if invitation.declined_at is not None:
        return invitation, Refusal.DECLINED
    if utcnow() >= invitation.deadline:
        return invitation, Refusal.EXPIRED
    return invitation, None
