"""New delegations and participants of a meeting, many at once: rows checked, then created in
one transaction.

Both ways of entering many people use it: the rows form (`bulk`) and a pasted or uploaded list
(`imports`). A row is text under `imports.COLUMNS`; `check` says, per row and column, what is
wrong in the page's language, and resolves what is right (a country's name to its ISO code, a
national phone number to E.164, a delegation's name to the meeting's delegation); `create`
writes the good rows, all or nothing. Rows only ever create: existing records are changed on
their own form, where a colleague's change meanwhile is merged, never overwritten.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from babel import Locale
from email_validator import EmailNotValidError, validate_email
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy.exc import SQLAlchemyError

from iom_events import phones
from iom_events.country_names import other_names
from iom_events.delegations.imports import CELL_LIMIT, folded
from iom_events.delegations.models import Delegation, DelegationKind, Participant, ParticipantRole
from iom_events.extensions import db
from iom_events.fields import phone_message
from iom_events.formatting import country_choices, country_name
from iom_events.settings import LANGUAGES
from iom_events.translated import Translated

PERSON_COLUMNS = ("name", "function", "affiliation", "role", "email", "phone")
"""A row with any of these is a participant; one with only a delegation (and its country and
kind) is a delegation."""

LIMITS = {"name": 200, "email": 254}
"""The columns' sizes (`Participant`); every other cell holds at most `CELL_LIMIT`."""


@dataclass
class Row:
    """One row as typed (`values`, kept for the page), what is wrong with it (`errors`: column
    → messages, "" for the row as a whole) and, when nothing is, what it creates."""

    line: int
    values: dict[str, str]
    errors: dict[str, list[str]] = field(default_factory=dict)
    country: str | None = None
    kind: DelegationKind | None = None
    role: ParticipantRole = ParticipantRole.DELEGATE
    email: str | None = None
    phone: str | None = None
    delegation: Delegation | None = None
    """An existing delegation of the meeting the row belongs to."""
    new_delegation: str | None = None
    """The folded name of a delegation the list creates, which the row belongs to."""
    creates_delegation: bool = False
    """The first good row naming a new delegation creates it."""
    is_public: bool = True
    """Whether the participant is shown on public pages (the "Public" column; yes when empty,
    as on the participant's own form)."""

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def is_person(self) -> bool:
        return any(self.values.get(column) for column in PERSON_COLUMNS)

    def refuse(self, column: str, message: str) -> None:
        self.errors.setdefault(column, []).append(message)


class ImportFailed(Exception):
    """The database refused a row while the list was written: nothing of it was kept."""


def check(event, lines: Iterable[tuple[int, dict[str, str]]], *, delegation=None) -> list[Row]:
    """The non-empty rows of `lines` ((line number, {column: text})), checked against each
    other and against the meeting: `delegation`, when given, is the one every row's person
    joins (the rows form of one delegation).

    Refused, each with its reason: a missing name; a country neither an ISO 3166-1 code nor a
    name in English, French or Spanish; an unknown role or kind; an e-mail address that is not
    one, or that is twice in the list or already a participant's at the meeting; a phone that
    cannot be read with its country code or, without, as a number of the meeting's country
    (issue 16, items 2 and 7); a delegation already at the meeting named in a row of its own.
    """
    words = _Words(event)
    rows: list[Row] = []
    emails: dict[str, int] = {}
    delegations: dict[str, int] = {}
    for line, values in lines:
        if not any(values.values()):
            continue
        row = Row(line, values)
        rows.append(row)
        for column, text in values.items():
            limit = LIMITS.get(column, CELL_LIMIT)
            if len(text) > limit:
                row.refuse(column, _("At most %(max)s characters.", max=limit))
        _check_delegation(row, words, delegation, delegations)
        if row.is_person:
            _check_person(row, words, emails)
        elif delegation is not None:
            row.refuse("name", _("Enter the person's name."))
    _creators(rows)
    return rows


def _creators(rows: list[Row]) -> None:
    """The first good row naming a new delegation creates it (a bad row creates nothing)."""
    created: set[str] = set()
    for row in rows:
        row.creates_delegation = False
        if row.ok and row.new_delegation and row.new_delegation not in created:
            created.add(row.new_delegation)
            row.creates_delegation = True


def _check_delegation(row: Row, words: _Words, fixed, seen: dict[str, int]) -> None:
    values = row.values
    if values.get("country"):
        row.country = words.countries.get(folded(values["country"]))
        if row.country is None:
            row.refuse(
                "country",
                _(
                    "Unknown country “%(value)s”: write its name or its two-letter code, e.g. SN.",
                    value=values["country"],
                ),
            )
    if values.get("kind"):
        row.kind = words.kinds.get(folded(values["kind"]))
        if row.kind is None:
            row.refuse(
                "kind",
                _(
                    "Unknown kind “%(value)s”: write one of these: %(choices)s.",
                    value=values["kind"],
                    choices=_listed(DelegationKind),
                ),
            )
    if fixed is not None:
        row.delegation = fixed
        return
    name = values.get("delegation", "")
    if not name:
        if not row.is_person:
            row.refuse("name", _("Enter the person's name, or the delegation's."))
        return
    key = folded(name)
    row.delegation = words.delegations.get(key)
    if row.delegation is not None:
        if not row.is_person:
            row.refuse(
                "delegation", _("The delegation “%(name)s” is already at this meeting.", name=name)
            )
        return
    row.new_delegation = key
    if key in seen:
        if not row.is_person:
            row.refuse("delegation", _("This delegation is also on line %(line)s.", line=seen[key]))
        return
    seen[key] = row.line


def _check_person(row: Row, words: _Words, seen: dict[str, int]) -> None:
    values = row.values
    if not values.get("name"):
        row.refuse("name", _("Enter the person's name."))
    if values.get("role"):
        role = words.roles.get(folded(values["role"]))
        if role is None:
            row.refuse(
                "role",
                _(
                    "Unknown role “%(value)s”: write one of these: %(choices)s.",
                    value=values["role"],
                    choices=_listed(ParticipantRole),
                ),
            )
        else:
            row.role = role
    if values.get("email"):
        try:
            address = validate_email(values["email"], check_deliverability=False).normalized
        except EmailNotValidError:
            row.refuse("email", _("Enter a valid e-mail address, e.g. name@example.org."))
        else:
            key = address.casefold()
            if key in seen:
                row.refuse(
                    "email", _("This e-mail address is also on line %(line)s.", line=seen[key])
                )
            elif key in words.emails:
                row.refuse(
                    "email",
                    _(
                        "This e-mail address is already used by %(name)s, a participant in "
                        "this meeting.",
                        name=words.emails[key],
                    ),
                )
            else:
                seen[key] = row.line
                row.email = address
    if values.get("phone"):
        try:
            row.phone = phones.to_e164(values["phone"], words.region)
        except ValueError:
            row.refuse("phone", str(phone_message(words.region, values["phone"])))
    if values.get("public"):
        public = words.answers.get(folded(values["public"]))
        if public is None:
            row.refuse(
                "public",
                _(
                    "Write “%(yes)s” to show the person on public pages, or “%(no)s”.",
                    yes=_("yes"),
                    no=_("no"),
                ),
            )
        else:
            row.is_public = public


class _Words:
    """What a row's text is compared with: the countries, kinds and roles by their names in the
    three languages (and codes), the meeting's delegations by their names and short names, its
    participants' e-mail addresses."""

    def __init__(self, event):
        self.region = event.country
        self.countries: dict[str, str] = {}
        self.kinds: dict[str, DelegationKind] = {}
        self.roles: dict[str, ParticipantRole] = {}
        for code, _name in country_choices():
            self.countries[folded(code)] = code
            for lang in LANGUAGES:
                self.countries.setdefault(folded(Locale.parse(lang).territories[code]), code)
                self.countries.setdefault(folded(country_name(code, lang)), code)
            for name in other_names(code):
                self.countries.setdefault(folded(name), code)
        for choice, table in ((DelegationKind, self.kinds), (ParticipantRole, self.roles)):
            for member in choice:
                table[folded(member.value)] = member
                for lang in LANGUAGES:
                    with force_locale(lang):
                        for label in spelled(str(member.label)):
                            table.setdefault(folded(label), member)
        self.delegations: dict[str, Delegation] = {}
        for delegation in event.delegations:
            for text in (
                *(delegation.name or {}).values(),
                *(delegation.short_name or {}).values(),
            ):
                if text:
                    self.delegations.setdefault(folded(text), delegation)
        self.emails = {
            person.email.casefold(): person.name for person in event.participants if person.email
        }
        self.answers = {folded(word): answer for answer, words in ANSWERS.items() for word in words}


ANSWERS = {
    True: ("yes", "y", "true", "1", "x", "public", "oui", "o", "vrai", "publique", "sí", "si",
           "s", "verdadero", "público", "pública"),
    False: ("no", "n", "false", "0", "private", "non", "faux", "privé", "privée", "falso",
            "privado", "privada"),
}  # fmt: skip
"""The "Public" column's answers, in English, French and Spanish (compared folded); the rows
form sends "yes" or "no"."""


def _listed(choice) -> str:
    """The labels of a choice (roles, kinds of delegation) in the page's language, for a
    message that says which a list may write: "Head of delegation, Co-chair, ..."."""
    return ", ".join(str(member.label) for member in choice)


GENDERED = re.compile(r"(\w+)\((\w+)\)")
"""A label written for both genders: "Délégué(e)", "Delegado(a)", "Jefe(a) de delegación"."""


FEMININE_ENDINGS = (
    ("ateur", "atrice"),  # Observateur, Orateur
    ("ador", "adora"),  # Observador
    ("ef", "effe"),  # Chef de délégation
    ("er", "ère"),  # Conseiller
    ("or", "ora"),  # Asesor
    ("o", "a"),  # Delegado
    ("é", "ée"),  # Délégué
    ("nt", "nte"),  # Intervenant, Coprésident
    ("e", "a"),  # Jefe, Presidente
)
"""How the first word of a role written in the masculine (the UN's generic form: "Délégué",
"Observador") is written for a woman, in French and Spanish: a list may use either."""


def spelled(label: str) -> set[str]:
    """The ways a list may write a label: as is, and for a label written for both genders
    ("Delegado(a)"), each gender ("Delegado", "Delegada"; "Délégué", "Déléguée"); for a label
    in the masculine ("Délégué", "Observador"), the feminine too ("Déléguée", "Observadora")."""
    masculine = GENDERED.sub(r"\1", label)
    feminine = GENDERED.sub(
        lambda m: m[1][:-1] + m[2] if m[1][-1] in "oe" and m[2] == "a" else m[1] + m[2], label
    )
    first, _, rest = masculine.partition(" ")
    for ending, female in FEMININE_ENDINGS:
        if first.endswith(ending):
            first = first[: -len(ending)] + female
            break
    return {label, masculine, feminine, " ".join(filter(None, (first, rest)))}


def create(event, rows: list[Row]) -> tuple[int, int]:
    """Write the rows' delegations and participants after the meeting's others, in one
    transaction (each record gets its history entry from the audit hook); returns (delegations,
    participants) created. Raises `ImportFailed`, with everything rolled back, when the
    database refuses any of it."""
    made: dict[str, Delegation] = {}
    delegation_at = max((d.position for d in event.delegations), default=-1) + 1
    person_at = max((p.position for p in event.participants), default=-1) + 1
    people = 0
    try:
        for row in rows:
            if row.creates_delegation:
                made[row.new_delegation] = new_delegation(event, row, delegation_at + len(made))
            if not row.is_person:
                continue
            joined = row.delegation or made.get(row.new_delegation)
            db.session.add(
                Participant(
                    event_id=event.id,
                    delegation=joined,
                    name=row.values["name"],
                    function=_text(event, row.values.get("function")),
                    affiliation=_text(event, row.values.get("affiliation")),
                    role=row.role,
                    is_public=row.is_public,
                    email=row.email,
                    phone=row.phone,
                    position=person_at + people,
                )
            )
            people += 1
        # One flush, at the commit: each flush brings the meeting's search entry up to date
        # (search/index.py), so a flush per row made a list of n rows cost n² work.
        db.session.commit()
    except SQLAlchemyError as error:
        db.session.rollback()
        raise ImportFailed from error
    return len(made), people


def new_delegation(event, row: Row, position: int) -> Delegation:
    """The delegation the first row naming it creates: a member state when it has a country,
    else an observer, unless the row says its kind; its name in the meeting's language."""
    kind = row.kind or (DelegationKind.MEMBER_STATE if row.country else DelegationKind.OBSERVER)
    delegation = Delegation(
        event_id=event.id,
        kind=kind,
        name=Translated({event.original_language: row.values["delegation"]}),
        country=row.country,
        position=position,
    )
    db.session.add(delegation)
    return delegation


def _text(event, text: str | None) -> Translated | None:
    return Translated({event.original_language: text}) if text else None
