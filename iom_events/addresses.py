"""What a request's address must be before any view reads it: a host that is a host name, a
path without control characters, a query string cleaned like a form.

- A `Host` that is not valid IDNA (`xn--`, `a..b`) makes Werkzeug fail wherever an absolute
  link is built (`request.host_url`, `url_for(..., _external=True)`): 400.
- A control character in the path (a NUL in a slug, which PostgreSQL refuses in the middle of a
  query): 400. No page, feed or API answer has one in its address, so this refuses no one.
- Query parameters follow the rule of every form field (`iom_events.forms`): control
  characters other than tab and line breaks are removed before any view reads them.
"""

from __future__ import annotations

import re

from flask import Flask, request
from flask_babel import lazy_gettext as _l
from werkzeug.datastructures import ImmutableMultiDict
from werkzeug.exceptions import BadRequest

from iom_events.forms import without_control_characters

CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
"""C0 controls and DEL: never part of an address (RFC 3986 has no place for them)."""


class BadHost(BadRequest):
    """The `Host` header names no site: no link can be built on it."""

    message = _l("This address does not name a valid web site.")


class BadAddress(BadRequest):
    """The path carries a control character."""

    message = _l(
        "This address contains a character that cannot be in a web address (a control "
        "character). Check the link, or type the address again."
    )


def valid_host(host: str) -> bool:
    """Is `host` (a `Host` header: name or IP, optional port) one links can be built on?

    The name must go both ways through IDNA 2003 (Python's codec, the one Werkzeug uses to read
    and to write host names): every label 1 to 63 characters, `xn--` labels valid Punycode.
    An IPv6 literal is taken as it is; control characters and spaces never."""
    if not host or CONTROL_CHARACTERS.search(host) or " " in host:
        return False
    if host.startswith("["):  # an IPv6 literal, with or without a port
        return "]" in host
    name = host.rsplit(":", 1)[0]
    try:
        name.encode("idna").decode("idna")
    except UnicodeError:
        return False
    return True


def has_control_characters(text: str) -> bool:
    return CONTROL_CHARACTERS.search(text) is not None


def check_address() -> None:
    """`before_request`: 400 for a host that is no host name or a path with a control character
    (the error handler says why in the page's language, `iom_events.errors`); the query
    parameters cleaned of control characters."""
    if not valid_host(request.host):
        raise BadHost(str(BadHost.message))
    if has_control_characters(request.path):
        raise BadAddress(str(BadAddress.message))
    if any(has_control_characters(name + value) for name, value in request.args.items(multi=True)):
        request.args = ImmutableMultiDict(
            [
                (without_control_characters(name), without_control_characters(value))
                for name, value in request.args.items(multi=True)
            ]
        )


class NormalHost:
    """WSGI middleware: the `Host` (and `X-Forwarded-Host`) as a host name is compared, lower
    case and without the root's trailing dot (RFC 4343; "MEETINGS.IOM.INT." is
    meetings.iom.int), before Werkzeug checks it against TRUSTED_HOSTS or builds links on it."""

    def __init__(self, wsgi_app) -> None:
        self.wsgi_app = wsgi_app

    def __call__(self, environ, start_response):
        for key in ("HTTP_HOST", "HTTP_X_FORWARDED_HOST"):
            if key in environ:
                environ[key] = normal_host(environ[key])
        return self.wsgi_app(environ, start_response)


def normal_host(host: str) -> str:
    """`host` (a name or IP, an optional port) in lower case, without a trailing dot."""
    if host.startswith("["):
        return host.lower()
    name, colon, port = host.rpartition(":") if host.count(":") == 1 else (host, "", "")
    return f"{name.lower().rstrip('.')}{colon}{port}"


def init_app(app: Flask) -> None:
    """Runs first of the `before_request` functions: nothing may read the address before it."""
    app.wsgi_app = NormalHost(app.wsgi_app)
    app.before_request_funcs.setdefault(None, []).insert(0, check_address)
