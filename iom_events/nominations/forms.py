"""The forms of the nomination cycle: staff inviting a delegation, a focal point listing its
members, staff returning a nomination with a message."""

from __future__ import annotations

import hashlib
import re
import secrets
import unicodedata
from collections.abc import Callable
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

from iom_events.delegations.imports import folded
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

    def prepare(
        self,
        delegations: list[tuple[str, str]],
        timezone: str,
        zone_words: str,
        listed: Callable[[], set[str]] = set,
    ) -> None:
        """The delegations not invited yet, named in the page's language; `timezone` (the
        meeting's, IANA) is the one the deadline is read in, `zone_words` says it to staff
        ("Buenos Aires time (UTC−3)"); `listed` gives the folded names of every delegation of
        the meeting (delegations.imports.folded), read only when a new one is named."""
        self.timezone = timezone
        self.listed = listed
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

    def validate_new_delegation_name(self, field) -> None:
        """A new delegation named as one already at the meeting would list it twice."""
        if field.data and not self.delegation.data and folded(field.data) in self.listed():
            raise ValidationError(
                _("The delegation “%(name)s” is already at this meeting.", name=field.data)
            )

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

    def validate_new_delegation_name(self, field) -> None:
        """A new delegation named as one already at the meeting would list it twice."""
        if field.data and not self.delegation.data and folded(field.data) in self.listed():
            raise ValidationError(
                _("The delegation “%(name)s” is already at this meeting.", name=field.data)
            )

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

    def validate(self, extra_validators=None) -> bool:
        """A row marked for removal is not checked: what it holds is not saved."""
        if self.remove.data and self.key.data:
            for row_field in self:
                row_field.errors = []
            return True
        return super().validate(extra_validators)

    def validate_name(self, field) -> None:
        if not field.data and not self.remove.data and not self.is_blank():
            raise ValidationError(_l("Enter the person's name."))

    def identity(self) -> str:
        """The person's name as two rows naming the same person write it, give or take case,
        spacing and accents' composition."""
        return " ".join(unicodedata.normalize("NFC", self.name.data or "").casefold().split())


class NominationForm(Form):
    """The members of a delegation, a credentials letter, and the version it was filled from."""

    based_on = HiddenField(filters=[to_int])
    draft = HiddenField(filters=[strip])
    """A random key of the form as it was loaded: the members added in it get keys made from it
    (`members_data`), so that the same form sent twice (a double click, a reload that posts
    again) lists them once."""
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
                key = self._new_key(row.id)
            if key in seen:
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

    def _new_key(self, row: str) -> str:
        """The key of a member added in row `row` of this form: the same each time this form is
        sent; a random one for a form without its draft key."""
        draft = self.draft.data or ""
        if not KEY.fullmatch(draft):
            return secrets.token_hex(16)
        return hashlib.sha256(f"{draft}:{row}".encode()).hexdigest()[:32]

    def validate_members(self, field) -> None:
        listed = [row for row in field if not row.form.remove.data and not row.form.is_blank()]
        if not listed:
            raise ValidationError(
                _l("List at least one member. If your delegation will not come, decline below.")
            )

    def validate(self, extra_validators=None) -> bool:
        """The fields, then no one listed twice: the later row says whom it repeats."""
        valid = super().validate(extra_validators)
        first: dict[str, int] = {}
        repeated = False
        for number, row in enumerate(self.members, start=1):
            member = row.form
            identity = member.identity()
            if member.remove.data or member.is_blank() or not identity:
                continue
            if identity in first:
                member.name.errors = [
                    *member.name.errors,
                    _(
                        "This person is already listed as member %(number)s.",
                        number=first[identity],
                    ),
                ]
                repeated = True
            else:
                first[identity] = number
        if repeated:
            # The list's errors as the rows now hold them (FieldList keeps its own copy).
            own = [error for error in self.members.errors if not isinstance(error, dict)]
            self.members.errors = [row.errors for row in self.members] + own
        return valid and not repeated

    def error_list(self) -> list[tuple[str | None, str]]:
        """Every error of the form, each with the id of the input it is about: a member's
        named by its number and name ("Member 2 (Aminata Diallo), E-mail: …")."""
        listed = [(None, str(error)) for error in self.form_errors]
        listed += [(None, str(error)) for error in self.csrf_token.errors]
        first_row = self.members[0].form.name.id if self.members.entries else None
        listed += [
            (first_row, str(error)) for error in self.members.errors if not isinstance(error, dict)
        ]
        for number, row in enumerate(self.members, start=1):
            member = row.form
            for row_field in member:
                for error in row_field.errors:
                    if member.name.data:
                        who = _(
                            "Member %(number)s (%(name)s)", number=number, name=member.name.data
                        )
                    else:
                        who = _("Member %(number)s", number=number)
                    listed.append(
                        (
                            row_field.id,
                            _(
                                "%(member)s, %(field)s: %(error)s",
                                member=who,
                                field=row_field.label.text,
                                error=error,
                            ),
                        )
                    )
        for error in self.credentials.errors:
            listed.append(
                (
                    self.credentials.id,
                    _("%(field)s: %(error)s", field=self.credentials.label.text, error=error),
                )
            )
        return listed

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
