"""The forms of the nomination cycle: staff inviting a delegation, a focal point listing its
members, staff returning a nomination with a message."""

from __future__ import annotations

import re
import secrets
from datetime import datetime
from zoneinfo import ZoneInfo

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from flask_wtf.i18n import translations
from wtforms import (
    BooleanField,
    EmailField,
    FieldList,
    FormField,
    HiddenField,
    StringField,
    TextAreaField,
)
from wtforms import Form as PlainForm
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from iom_events.delegations.models import DelegationKind
from iom_events.fields import ChoiceField, PhoneField, email_address, strip, to_int
from iom_events.formatting import language_name
from iom_events.forms import Form, one_line
from iom_events.labels import choices
from iom_events.nominations.models import NominationRole, NominationVersion
from iom_events.settings import LANGUAGES

DEADLINE_FORMAT = "%Y-%m-%dT%H:%M"
"""What `<input type="datetime-local">` sends."""

MAX_MEMBERS = 100
"""More rows than any delegation sends (UN meetings cap delegations far below)."""

KEY = re.compile(r"[0-9a-f]{32}")


class InvitationForm(Form):
    """Invite one delegation of a meeting: one already listed, or a new one named here."""

    delegation = ChoiceField(_l("Delegation"))
    new_delegation_name = StringField(
        _l("Name of the new delegation"),
        [Optional(), Length(max=200)],
        filters=[strip],
        description=_l("Only when the delegation is not listed yet."),
    )
    new_delegation_kind = ChoiceField(
        _l("Kind of the new delegation"), default=DelegationKind.MEMBER_STATE.value
    )
    focal_point_name = StringField(
        _l("Name of the focal point"),
        [DataRequired(_l("Enter the focal point's name.")), Length(max=200)],
        filters=[strip],
    )
    focal_point_email = EmailField(
        _l("E-mail of the focal point"),
        [
            DataRequired(_l("Enter the focal point's e-mail address.")),
            email_address,
            Length(max=254),
        ],
        filters=[strip],
    )
    language = ChoiceField(
        _l("Language of the focal point"),
        description=_l("The invitation, and every later e-mail, is written in this language."),
        default="en",
    )
    deadline = StringField(_l("Deadline"), filters=[strip])

    def prepare(self, delegations: list[tuple[str, str]], timezone: str, zone_words: str) -> None:
        """The delegations not invited yet, named in the page's language; `timezone` (the
        meeting's, IANA) is the one the deadline is read in, `zone_words` says it to staff
        ("Buenos Aires time (UTC−3)")."""
        self.timezone = timezone
        self.delegation.choices = [("", _l("A new delegation (name it below)")), *delegations]
        self.new_delegation_kind.choices = choices(DelegationKind)
        self.language.choices = [(lang, language_name(lang)) for lang in LANGUAGES]
        self.deadline.description = _(
            "Date and time in the meeting's time zone (%(zone)s): the link stops working then.",
            zone=zone_words,
        )

    def validate_delegation(self, field) -> None:
        if not field.data and not self.new_delegation_name.data:
            raise ValidationError(_l("Choose a delegation, or name a new one."))

    def validate_deadline(self, field) -> None:
        self.deadline_utc = read_deadline(field.data, self.timezone)


def read_deadline(text: str | None, timezone: str) -> datetime:
    """A deadline typed as `<input type="datetime-local">` sends it ("2030-01-31T18:00"), read
    in `timezone` (IANA); the instant in UTC. ValidationError (in the page's language) for
    a day that does not exist, one the zone cannot hold, or one already past."""
    try:
        local = datetime.strptime(text or "", DEADLINE_FORMAT)
        deadline = local.replace(tzinfo=ZoneInfo(timezone)).astimezone(ZoneInfo("UTC"))
    except (ValueError, OverflowError) as error:
        raise ValidationError(_l("Enter a date and time, e.g. 2030-01-31T18:00.")) from error
    if deadline <= datetime.now(ZoneInfo("UTC")):
        raise ValidationError(_l("Choose a deadline in the future."))
    return deadline


class DeadlineForm(Form):
    """A new deadline for an invitation (the link already sent follows it)."""

    deadline = StringField(_l("Deadline"), filters=[strip])

    def prepare(self, timezone: str) -> None:
        self.timezone = timezone

    def validate_deadline(self, field) -> None:
        self.deadline_utc = read_deadline(field.data, self.timezone)


class MemberForm(PlainForm):
    """One member of a delegation (a row of the nomination form). No CSRF of its own: the
    nomination form's covers it. Input is cleaned by the nomination form (`forms.Form`)."""

    class Meta:
        def get_translations(self, form):
            return translations  # WTForms' own messages in the page's language, as FlaskForm

    key = HiddenField(filters=[strip])
    title = StringField(
        _l("Title"),
        [Length(max=50)],
        filters=[strip, one_line],
        description=_l("E.g. H.E., Mr, Ms, Dr."),
    )
    name = StringField(_l("Name"), [Length(max=200)], filters=[strip, one_line])
    function = StringField(
        _l("Function"),
        [Length(max=200)],
        filters=[strip, one_line],
        description=_l("E.g. Minister of the Interior."),
    )
    role = ChoiceField(_l("Role"), default=NominationRole.DELEGATE.value)
    email = EmailField(
        _l("E-mail"), [Optional(), email_address, Length(max=254)], filters=[strip, one_line]
    )
    phone = PhoneField(_l("Phone"))
    public = BooleanField(_l("May be listed publicly"), default=True)
    remove = BooleanField(_l("Remove from the list"))

    def is_blank(self) -> bool:
        """A spare row left empty: not a member."""
        phone = (self.phone.raw_data or [""])[0].strip() or self.phone.data
        typed = (self.title.data, self.name.data, self.function.data, self.email.data, phone)
        return not any(typed) and not self.key.data

    def validate_name(self, field) -> None:
        if not field.data and not self.remove.data and not self.is_blank():
            raise ValidationError(_l("Enter the person's name."))


class NominationForm(Form):
    """The members of a delegation, a credentials letter, and the version it was filled from."""

    based_on = HiddenField(filters=[to_int])
    members = FieldList(FormField(MemberForm), max_entries=MAX_MEMBERS)
    credentials = FileField(
        _l("Credentials letter (PDF)"),
        description=_l("Seen by the secretariat only. Leave empty to keep the letter sent before."),
    )

    def prepare(self, region: str | None, spare_rows: int = 3) -> None:
        """Spare rows to add members in; phone numbers without a country code read as the
        delegation's `region` (ISO 3166-1)."""
        while len(self.members) < MAX_MEMBERS and (
            sum(1 for row in self.members if row.form.is_blank()) < spare_rows
        ):
            self.members.append_entry()
        for row in self.members:
            row.form.role.choices = choices(NominationRole)
            row.form.phone.region = region

    def members_data(self) -> list[dict]:
        """The members the form lists, as a `NominationVersion` holds them; each keeps its key,
        a new one gets one (a key sent twice, or not a key, is a new member)."""
        seen: set[str] = set()
        members = []
        for row in self.members:
            member = row.form
            if member.remove.data or member.is_blank():
                continue
            key = member.key.data or ""
            if not KEY.fullmatch(key) or key in seen:
                key = secrets.token_hex(16)
            seen.add(key)
            members.append(
                {
                    "key": key,
                    "title": member.title.data or "",
                    "name": member.name.data or "",
                    "function": member.function.data or "",
                    "role": member.role.data,
                    "email": member.email.data or "",
                    "phone": member.phone.data or "",
                    "public": bool(member.public.data),
                }
            )
        return members

    @staticmethod
    def rows_of(members: list[dict]) -> dict:
        """The form's data filled from a version's members."""
        fields = ("key", *NominationVersion.MEMBER_FIELDS)
        return {"members": [{name: m.get(name) for name in fields} for m in members]}


class ReturnForm(Form):
    """Staff send a nomination back to its focal point with what to change."""

    message = TextAreaField(
        _l("Message to the focal point"),
        [DataRequired(_l("Say what the focal point should change.")), Length(max=5000)],
        filters=[strip],
    )
