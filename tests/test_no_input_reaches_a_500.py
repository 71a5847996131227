"""No input reaches a 500: Hypothesis walks every rule of the URL map and posts every field of
the staff forms with hostile values, signed out and signed in as an administrator.

- Paths: each converter gets a value that exists (a demo meeting's slug, one of its agenda
  items' ids) or a hostile one (ints beyond the database's, negative, Unicode, NUL, control
  characters, "..", very long strings); query strings get the names that collide with URL
  building (`lang`, `endpoint`, `_anchor`...) and the site's own (`page`, `q`, `year`...).
- Forms: the fields a browser would post are read from the form's page (every input, select and
  text area, as a browser sees them), then some of them get hostile values (NUL, control
  characters, line breaks in one-line fields, 100,000 characters, huge and negative numbers,
  days 0001-01-01 and 9999-12-31, days that do not exist, a choice sent twice).

The property: the status is below 500 (in tests an exception reaches the test instead of a
500 page), and an HTML error page says something. The API has its own walk, driven by its
OpenAPI document (tests/test_api_contract.py).

How many examples: HYPOTHESIS_MAX_EXAMPLES (default below keeps each walk to some seconds on
either database); derandomized, so that a failure in CI happens again on a laptop, printed with
the request that caused it. HYPOTHESIS_PROFILE=explore draws new examples on every run.
"""

from __future__ import annotations

import contextlib
import os
import re
from datetime import date
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from werkzeug.datastructures import MultiDict

from iom_events.accounts.models import User
from iom_events.agenda.models import AgendaItem
from iom_events.delegations.models import Delegation, Participant
from iom_events.documents.models import Document, DocumentFile
from iom_events.events.models import Event, EventOrganizer
from iom_events.extensions import db
from iom_events.press.models import PressContact
from iom_events.settings import LANGUAGES
from iom_events.trash.service import KINDS

from pages import text_of
from staff import csrf_token

# The examples of one test share the test's `isolated` transaction (a function-scoped fixture,
# which Hypothesis warns about, deliberately suppressed): each example that posts runs in a
# savepoint of it, rolled back after the example (`undone`), so that one example's removal of
# the demo meeting does not turn the next ones into 404s; the test's end rolls back the rest.
_COMMON = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    "max_examples": int(os.environ.get("HYPOTHESIS_MAX_EXAMPLES") or 600),
}
settings.register_profile("ci", derandomize=True, database=None, **_COMMON)
settings.register_profile("explore", **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or "ci")

MEETING = "rcp-bangkok-2009"
OFFICE = "bangkok"

HOSTILE_TEXTS = [
    "",
    "..",
    "../../etc/passwd",
    "\x00",
    "a\x00b",
    "\x1b[31m",
    "\x7f",
    "line\nbreak",
    "\r\n",
    "\t",
    "\u202egnp.exe",
    "\ufeff",
    "é" * 400,
    "x" * 100_000,
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "%00",
    "%",
    "🙂",
    "\ud7ff",
]
HOSTILE_NUMBERS = [
    "-1",
    "0",
    "2147483647",
    "2147483648",
    "-2147483649",
    "9223372036854775807",
    "9223372036854775808",
    "99999999999999999999",
    "1e20",
    "NaN",
    " 7",
    "٣",  # an Arabic-Indic digit: str.isdigit() says yes, int() reads 3
]
HOSTILE_DAYS = ["0001-01-01", "9999-12-31", "2009-02-30", "2031-13-01", "0000-00-00", "2009-6-4"]
QUERY_NAMES = [
    "lang",
    "endpoint",
    "_anchor",
    "_scheme",
    "_method",
    "_external",
    "slug",
    "id",
    "page",
    "q",
    "year",
    "office",
    "kind",
    "country",
    "status",
    "next",
    "parent",
    "language",
    "delegation",
    "version",
    "person",
    "part",
    "from",
    "to",
    "per_page",
    "direction",
    "confirm",
]

# The lists first (what broke the site before), then anything: one_of draws each branch alike.
hostile_text = st.one_of(
    st.sampled_from(HOSTILE_TEXTS),
    st.sampled_from(HOSTILE_TEXTS),
    st.text(max_size=40),
    st.text(st.characters(max_codepoint=0x1F), max_size=5),
)
hostile_value = st.one_of(
    hostile_text,
    st.sampled_from(HOSTILE_NUMBERS + HOSTILE_DAYS),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)).map(date.isoformat),
)
hostile_argument = st.one_of(hostile_text, st.sampled_from(HOSTILE_NUMBERS))
query_strings = st.lists(
    st.tuples(st.one_of(st.sampled_from(QUERY_NAMES), hostile_text), hostile_value), max_size=4
)


def known_values(app) -> dict[str, list[str]]:
    """Values that reach past the 404: the demo meeting's slug and its records' ids."""
    with app.app_context():
        event = db.session.scalar(select(Event).where(Event.slug == MEETING))

        def ids(model, *where) -> list[str]:
            statement = select(model.id).where(*where).limit(3)
            return [str(i) for i in db.session.scalars(statement)]

        values = {
            "lang": list(LANGUAGES),
            "language": ["en", "fr", "es"],
            "kind": list(KINDS),
            "item_id": ids(AgendaItem, AgendaItem.event_id == event.id),
            "delegation_id": ids(Delegation, Delegation.event_id == event.id),
            "participant_id": ids(Participant, Participant.event_id == event.id),
            "document_id": ids(Document, Document.event_id == event.id),
            "file_id": ids(
                DocumentFile,
                DocumentFile.document_id.in_(
                    select(Document.id).where(Document.event_id == event.id)
                ),
            ),
            "contact_id": ids(PressContact, PressContact.event_id == event.id),
            "organizer_id": ids(EventOrganizer, EventOrganizer.event_id == event.id),
            "user_id": ids(User),
        }
        values["record_id"] = values["item_id"] + values["participant_id"]
        return values


def rules_of(app, method: str) -> list:
    skipped = {"accounts.sign_out"}  # would end the walk's session: its own tests cover it
    return sorted(
        (r for r in app.url_map.iter_rules() if method in r.methods and r.endpoint not in skipped),
        key=lambda rule: rule.rule,
    )


def draw_path(data, rule, known: dict[str, list[str]]) -> str:
    """The rule's path with each argument a known value or a hostile one, percent-encoded as a
    client sends it."""
    values = {}
    for name in rule.arguments:
        choices = known.get(name) or []
        if name == "slug":
            choices = [OFFICE] if "/offices/" in rule.rule else [MEETING]
        # Mostly a value that exists, to reach the view behind the route; shrinks towards it.
        if name == "lang" or (choices and data.draw(st.integers(0, 2), label=f"{name}?") < 2):
            values[name] = data.draw(st.sampled_from(choices), label=name)
        else:
            values[name] = data.draw(hostile_argument, label=name)
    path = rule.rule
    for name, value in values.items():
        safe = "/" if rule._converters[name].__class__.__name__ == "PathConverter" else ""
        encoded = quote(value, safe=safe).replace("\\", "\\\\")
        path = re.sub(rf"<(?:[^:<>]+:)?{name}>", encoded, path)
    return path


def check(response, what: str) -> None:
    assert response.status_code < 500, what
    if response.status_code >= 400 and response.mimetype == "text/html" and response.data:
        assert text_of(response.get_data(as_text=True)), f"an empty error page: {what}"


@pytest.fixture
def walk(app):
    return rules_of(app, "GET"), known_values(app)


def get_walk(client, data, rules, known) -> None:
    rule = data.draw(st.sampled_from(rules), label="rule")
    path = draw_path(data, rule, known)
    query = data.draw(query_strings, label="query")
    method = data.draw(st.sampled_from(["GET", "HEAD"]), label="method")
    response = client.open(path, method=method, query_string=MultiDict(query))
    check(response, f"{method} {path} {query!r}")


@given(data=st.data())
def test_no_address_reaches_a_500_signed_out(client, walk, data):
    get_walk(client, data, *walk)


@given(data=st.data())
def test_no_address_reaches_a_500_signed_in(admin, walk, data):
    get_walk(admin, data, *walk)


# --- forms ------------------------------------------------------------------------------------

FIELD = re.compile(r"<(input|select|textarea)\b([^>]*)>", re.IGNORECASE)
ATTRIBUTE = re.compile(r'([a-z-]+)="([^"]*)"')
NOT_POSTED = {"csrf_token", "q"}  # the token is the walk's own; `q` is the header's search box


def fields_of(html: str) -> dict[str, tuple[list[str], list[str]]]:
    """The form fields of a page as a browser posts them: {name: (the values it would send, the
    values it could send)}; a select sends its selected options, a checkbox its value when
    checked."""
    fields: dict[str, tuple[list[str], list[str]]] = {}
    for match in FIELD.finditer(html):
        tag, attributes = match.group(1).lower(), dict(ATTRIBUTE.findall(match.group(2)))
        name, kind = attributes.get("name"), attributes.get("type", "")
        if not name or name in NOT_POSTED or kind in ("submit", "file"):
            continue
        if tag == "select":
            options = html[match.end() : html.find("</select>", match.end())]
            chosen = re.findall(r'<option selected value="([^"]*)"', options)
            fields[name] = (chosen, re.findall(r'<option[^>]* value="([^"]*)"', options))
        elif kind in ("checkbox", "radio"):
            value = attributes.get("value", "on")
            sent, possible = fields.setdefault(name, ([], []))
            possible.append(value)
            if "checked" in match.group(2):
                sent.append(value)
        else:
            value = attributes.get("value", "")
            fields[name] = ([value], [value])
    return fields


@pytest.fixture
def forms(app, admin):
    """The pages with a form, their fields (read once), and the session's CSRF token."""
    known = known_values(app)
    pages: dict[str, dict] = {}
    return rules_of(app, "POST"), known, pages, csrf_token(admin, "/en/manage/")


@contextlib.contextmanager
def undone(app):
    """What the app writes inside the block is rolled back at its end: a savepoint on the
    connection that `isolated` (tests/conftest.py) binds every session of the app to."""
    with app.app_context():
        connection = db.engine
    savepoint = connection.begin_nested()
    try:
        yield
    finally:
        savepoint.rollback()


@given(data=st.data())
def test_no_form_field_reaches_a_500(app, admin, forms, data):
    rules, known, pages, token = forms
    rule = data.draw(st.sampled_from(rules), label="rule")
    path = draw_path(data, rule, known)
    if path not in pages:
        page = admin.get(path) if "GET" in rule.methods else None
        pages[path] = fields_of(page.get_data(as_text=True)) if page is not None else {}
    fields = pages[path]
    posted: list[tuple[str, str]] = [("csrf_token", token)]
    hostile_names = (
        data.draw(st.sets(st.sampled_from(sorted(fields)), max_size=3), label="hostile fields")
        if fields
        else set()
    )
    # Every choice (a select's option, a checkbox) sent twice: the same speaker chosen twice.
    twice = data.draw(st.booleans(), label="every choice sent twice")
    for name, (sent, possible) in fields.items():
        if name in hostile_names:
            posted.append((name, data.draw(hostile_value, label=name)))
        elif twice and len(possible) > 1:
            chosen = data.draw(st.sampled_from(possible), label=name)
            posted.extend([(name, chosen), (name, chosen)])
        else:
            posted.extend((name, value) for value in sent)
    extra = data.draw(query_strings, label="extra fields")
    posted.extend(extra)
    with undone(app):
        response = admin.post(path, data=MultiDict(posted))
    check(response, f"POST {path} {posted!r}"[:2000])
