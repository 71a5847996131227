"""Signing in, and the forms administrators keep staff accounts with.

Passwords only ever go through `hash_password`: they are never put back in a page (a
PasswordField does not render its value), stored or logged in clear.
"""

from email_validator import EmailNotValidError, validate_email
from flask_babel import lazy_gettext as _l
from wtforms import EmailField, HiddenField, PasswordField
from wtforms.validators import DataRequired, Email, EqualTo, Length

from iom_events.accounts.auth import hash_password
from iom_events.accounts.models import UserRole
from iom_events.fields import ChoiceField, VersionField
from iom_events.forms import Form
from iom_events.labels import choices

MIN_PASSWORD_LENGTH = 12


class SignInForm(Form):
    email = EmailField(
        _l("E-mail"),
        validators=[DataRequired(_l("Enter your e-mail address.")), Length(max=254)],
    )
    password = PasswordField(_l("Password"), validators=[DataRequired(_l("Enter your password."))])
    next = HiddenField()


def normalized_email(value: str | None) -> str | None:
    """One spelling per address (e-mail addresses are compared in lowercase); left as typed
    when invalid, for the Email validator to explain."""
    value = value.strip() if value else value
    if not value:
        return value
    try:
        return validate_email(value, check_deliverability=False).normalized.lower()
    except EmailNotValidError:
        return value


def _password(label) -> PasswordField:
    return PasswordField(
        label,
        [
            DataRequired(_l("Enter a password.")),
            Length(
                min=MIN_PASSWORD_LENGTH,
                message=_l(
                    "The password needs at least %(count)d characters.", count=MIN_PASSWORD_LENGTH
                ),
            ),
        ],
        description=_l("At least %(count)d characters.", count=MIN_PASSWORD_LENGTH),
    )


def _password_again() -> PasswordField:
    return PasswordField(
        _l("The password again"),
        [EqualTo("password", _l("The two passwords are not the same."))],
    )


class NewPasswordForm(Form):
    """A password typed twice: an administrator sets it, then tells the person."""

    version = VersionField()
    password = _password(_l("New password"))
    password_again = _password_again()

    def populate_obj(self, obj):
        obj.password_hash = hash_password(self.password.data)


class RoleForm(Form):
    """What an account may do; its e-mail address is its identity and does not change."""

    version = VersionField()
    role = ChoiceField(_l("Role"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.role.choices = choices(UserRole)

    def populate_obj(self, obj):
        obj.role = UserRole(self.role.data)


class UserForm(RoleForm, NewPasswordForm):
    """A new staff account: its e-mail address, role and first password.

    The fields are declared again here only to come in the order of the page (errors included).
    """

    email = EmailField(
        _l("E-mail"),
        validators=[
            DataRequired(_l("Enter an e-mail address.")),
            Email(_l("Enter a valid e-mail address."), check_deliverability=False),
            Length(max=254),
        ],
        filters=[normalized_email],
    )
    role = ChoiceField(_l("Role"), default=UserRole.EDITOR.value)  # the least power by default
    password = _password(_l("Password"))
    password_again = _password_again()

    def populate_obj(self, obj):
        obj.email = self.email.data
        RoleForm.populate_obj(self, obj)
        NewPasswordForm.populate_obj(self, obj)
