"""A refused form never loses what was typed.

When the CSRF check fails (a missing, wrong or expired token, a session that changed), the view
never runs: the answer is a page that says nothing was saved, shows each posted field, and
carries it in hidden inputs with a fresh token, so that one explicit click sends the same input
again to the same address. Staff who are no longer signed in get the same page with the sign-in
fields on it (`accounts.auth` signs them in and hands back to `resend_page`).
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from datetime import date

from flask import current_app, g, render_template, request
from flask_babel import gettext as _
from flask_wtf import FlaskForm
from flask_wtf.csrf import generate_csrf
from sqlalchemy import select
from wtforms import BooleanField, DateField, HiddenField, PasswordField, SelectFieldBase
from wtforms.fields.core import UnboundField

from iom_events import formatting
from iom_events.delegations.models import Delegation, Participant
from iom_events.events import staff
from iom_events.extensions import db
from iom_events.fields import TranslatedField, to_int
from iom_events.forms import without_control_characters
from iom_events.labels import labels_of
from iom_events.offices.models import Office
from iom_events.settings import LANGUAGES

RESEND = "_resend-"
"""The prefix of the inputs this module adds to a refused form; never part of the kept input."""
SIGN_IN_EMAIL = f"{RESEND}email"
SIGN_IN_PASSWORD = f"{RESEND}password"
FILE_CHOSEN = f"{RESEND}file:"
"""+ a file input's name: the file name chosen before the sign-in page (a file cannot be
carried; its name can, so that the page after signing in asks for it again)."""


@dataclass
class KeptField:
    """One posted field: its name, a label staff recognise, and every value sent."""

    name: str
    label: str
    values: list[str] = field(default_factory=list)
    hidden: bool = False
    """Sent back as it came, not shown (the record's version, a `next` address)."""
    secret: bool = False
    """A password: never put back in a page, typed again instead."""
    choices: dict[str, object] | None = None
    day: bool = False
    checkbox: bool = False

    @property
    def typed(self) -> bool:
        return any(value.strip() for value in self.values)

    @property
    def readable_values(self) -> list[str]:
        """The values as the form shows them: a choice's label rather than its code."""
        if self.day:
            return [_day(value) for value in self.values]
        if self.checkbox:  # a ticked box posts "y"; an unticked one nothing at all
            return [_("Yes") for _value in self.values]
        if self.choices is None:
            return self.values
        readable = []
        for value in self.values:
            if value in self.choices:
                readable.append(str(self.choices[value]))
                continue
            names = labels_of(value, self.name)
            readable.append(names.pop() if len(names) == 1 else self._named(value))
        return readable

    def _named(self, value: str) -> str:
        """Codes from the choices a page fills per request: countries and languages by name,
        a parent meeting by its title, a speaker by name (one query each, on an error page).
        A key is looked up as a form would read it, without control characters: PostgreSQL
        refuses a NUL in any text it is sent."""
        key = without_control_characters(value)
        if value and self.name == "country":
            return formatting.country_name(value) or value
        if value and self.name.endswith("language"):
            return formatting.language_name(value) or value
        if value and self.name == "day":  # the agenda's day: a select of the meeting's days
            return _day(value)
        if value and self.name == "languages":
            return formatting.language_name(value) or value
        if value and self.name == "delegation" and (number := to_int(value)) is not None:
            delegation = db.session.get(Delegation, number)
            return formatting.translate(delegation.name) if delegation is not None else value
        if value and self.name in ("office", "parent"):
            office = db.session.scalar(select(Office).where(Office.slug == key))
            return formatting.translate(office.name) if office is not None else value
        if value and self.name == "parent_slug":
            parent = staff.meeting(key)
            return formatting.translate(parent.title, parent.original_language) if parent else value
        if value and self.name == "speakers" and (number := to_int(value)) is not None:
            person = db.session.get(Participant, number)
            return person.name if person is not None else value
        return value


@dataclass
class KeptInput:
    """What a refused POST carried, ready to be shown and sent again."""

    fields: list[KeptField]
    files: list[KeptField]
    """File inputs: a browser cannot be given a file back, so they are chosen again."""

    @property
    def secrets(self) -> list[KeptField]:
        return [kept for kept in self.fields if kept.secret]

    @property
    def shown(self) -> list[KeptField]:
        return [kept for kept in self.fields if kept.typed and not kept.hidden and not kept.secret]


def has_input() -> bool:
    """The POST carries something besides its CSRF token."""
    token = current_app.config["WTF_CSRF_FIELD_NAME"]
    return any(name != token for name in request.form) or any(
        upload.filename for upload in request.files.values()
    )


def kept_input() -> KeptInput:
    """The posted fields, labelled from the form they most likely came from."""
    token = current_app.config["WTF_CSRF_FIELD_NAME"]
    names = [name for name in request.form if name != token and not name.startswith(RESEND)]
    chosen: dict[str, list[str]] = {}
    for name, upload in request.files.items(multi=True):
        if upload.filename:
            chosen.setdefault(name, []).append(upload.filename)
    for key in request.form:  # files named on the sign-in page, to be chosen once signed in
        if key.startswith(FILE_CHOSEN):
            chosen.setdefault(key.removeprefix(FILE_CHOSEN), []).extend(request.form.getlist(key))
    described = _describe(names + list(chosen))
    fields = []
    for name in names:
        kept = described[name]
        kept.values = [] if kept.secret else request.form.getlist(name)
        fields.append(kept)
    files = []
    for name, filenames in chosen.items():
        kept = described[name]
        kept.values = filenames
        files.append(kept)
    return KeptInput(fields, files)


def resend_page(*, signed_in_again: bool = False, status: int = 400):
    """The refused form's input, shown and ready to be sent again with a fresh token."""
    _fresh_token()
    return _no_store(
        render_template(
            "errors/form_refused.html",
            kept=kept_input(),
            action=_same_address(),
            signed_in_again=signed_in_again,
        ),
        status,
    )


def sign_in_to_resend_page(*, error: str | None = None, status: int = 401):
    """For staff no longer signed in: sign in here, the input stays with the page."""
    _fresh_token()
    return _no_store(
        render_template(
            "errors/sign_in_to_resend.html",
            kept=kept_input(),
            action=_same_address(),
            error=error,
            email=request.form.get(SIGN_IN_EMAIL, ""),
            email_field=SIGN_IN_EMAIL,
            password_field=SIGN_IN_PASSWORD,
            file_chosen=FILE_CHOSEN,
        ),
        status,
    )


def _fresh_token() -> None:
    """A token of the session as it is now (the one sent was refused, and signing in again
    gives the session a new one)."""
    g.pop(current_app.config["WTF_CSRF_FIELD_NAME"], None)
    generate_csrf()


def _same_address() -> str:
    """The address the form was posted to, as a path of this site (never "//host/...")."""
    query = request.query_string.decode("latin-1")
    return "/" + request.path.lstrip("/") + (f"?{query}" if query else "")


def _no_store(page: str, status: int):
    """What someone typed is not kept in any cache."""
    return page, status, {"Cache-Control": "no-store"}


# --- labels of posted fields ------------------------------------------------------------------


@dataclass(frozen=True)
class _Input:
    """An input a form's page posts, as the form describes it."""

    label: object
    lang: str | None = None
    hidden: bool = False
    secret: bool = False
    choices: dict[str, object] | None = None
    day: bool = False
    checkbox: bool = False


def _describe(names: list[str]) -> dict[str, KeptField]:
    """Each posted name with its label (in the page's language), taken from the form that knows
    most of the names; a name no form knows is made readable."""
    best: dict[str, _Input] = {}
    for form_class in _form_classes():
        known = _inputs_of(form_class)
        matched = {name: known[name] for name in names if name in known}
        if len(matched) > len(best):
            best = matched
    return {name: _kept(name, best.get(name) or _unknown(name)) for name in names}


def _kept(name: str, described: _Input) -> KeptField:
    label = str(described.label)
    if described.lang:
        label = f"{label} ({formatting.language_name(described.lang)})"
    return KeptField(
        name,
        label,
        hidden=described.hidden,
        secret=described.secret,
        choices=described.choices,
        day=described.day,
        checkbox=described.checkbox,
    )


def _form_classes() -> list[type[FlaskForm]]:
    found, pending = [], [FlaskForm]
    while pending:
        for subclass in pending.pop().__subclasses__():
            if subclass not in found:
                found.append(subclass)
                pending.append(subclass)
    return found


def _inputs_of(form_class: type[FlaskForm]) -> dict[str, _Input]:
    """The input names a form's page posts (a translated field posts one per language:
    title-en, title-fr...)."""
    inputs = {}
    for name, unbound in inspect.getmembers(form_class, lambda v: isinstance(v, UnboundField)):
        kind = unbound.field_class
        label = unbound.kwargs.get("label") or (unbound.args[0] if unbound.args else None)
        label = label or _readable(name)
        if issubclass(kind, TranslatedField):
            for lang in LANGUAGES:
                inputs[f"{name}-{lang}"] = _Input(label, lang)
        else:
            inputs[name] = _Input(
                label,
                hidden=issubclass(kind, HiddenField),
                secret=issubclass(kind, PasswordField),
                choices=_static_choices(unbound) if issubclass(kind, SelectFieldBase) else None,
                day=issubclass(kind, DateField),
                checkbox=issubclass(kind, BooleanField),
            )
    return inputs


def _static_choices(unbound: UnboundField) -> dict[str, object]:
    """The choices written in the form itself; choices set per request are not known here, and
    a value that is one of the domain's fixed choices reads as its label."""
    choices = unbound.kwargs.get("choices")
    if isinstance(choices, list | tuple):
        return {str(pair[0]): pair[1] for pair in choices if isinstance(pair, list | tuple)}
    return {}


def _unknown(name: str) -> _Input:
    """A name no form knows: "title-fr" reads "Title (French)"; anything else is what a button
    sent (direction=down, status=draft), sent again but not shown as typed."""
    base, _, lang = name.rpartition("-")
    if base and lang in LANGUAGES:
        return _Input(_readable(base), lang)
    return _Input(_readable(name), hidden=True, secret="password" in name.lower())


def _readable(name: str) -> str:
    words = name.replace("_", " ").replace("-", " ").strip()
    return words[:1].upper() + words[1:]


def _day(value: str) -> str:
    """A date as the page's locale writes it (the form posts it as YYYY-MM-DD)."""
    try:
        return formatting.long_date(date.fromisoformat(value))
    except ValueError:
        return value
