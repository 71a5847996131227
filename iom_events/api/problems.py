"""The API's errors as RFC 9457 problem details, in the language of the answer.

`title` is the status's phrase (RFC 9110's) and `detail` what to do about it, both in the
language asked for (?lang=, else Accept-Language: `languages.current_lang`), with its quotation
marks and spaces (`typography.typeset`); Content-Language says which. RFC 9457 section 3.1.4
lets an "about:blank" problem's title be localized to suit the client's preferences.

A `detail` given where the error is raised ("slug: No meeting has the address “x”.") is kept;
an error with Werkzeug's own English description (an address the API does not have, a method
it does not take, a crash) gets the status's detail below.
"""

from __future__ import annotations

import json
import re

from flask import Response, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from werkzeug.exceptions import HTTPException

from iom_events.api.schemas import PROBLEM
from iom_events.languages import current_lang
from iom_events.typography import typeset

TITLES = {
    400: _l("Bad Request"),
    404: _l("Not Found"),
    405: _l("Method Not Allowed"),
    406: _l("Not Acceptable"),
    410: _l("Gone"),
    413: _l("Content Too Large"),
    415: _l("Unsupported Media Type"),
    422: _l("Unprocessable Content"),
    429: _l("Too Many Requests"),
    500: _l("Internal Server Error"),
    503: _l("Service Unavailable"),
}
"""RFC 9110's phrase of each status the API can answer with, to be translated."""

DETAILS = {
    400: _l("The request could not be read: check its address and its parameters."),
    406: _l("The API answers in JSON only."),
    410: _l("This is no longer available."),
    413: _l("The request is too large: the API reads addresses and parameters, not bodies."),
    415: _l("The API reads no request body: send the parameters in the address."),
    422: _l("The request could not be processed: check its parameters."),
    429: _l("Too many requests: wait a moment, then try again."),
    500: _l("Something went wrong on our side: try again in a moment."),
    503: _l("The service is unavailable for a moment: try again shortly."),
}
"""What to do, for an error raised with no detail of ours (404 and 405 are worded apart)."""

_PARAMETER = re.compile(r"[a-z_]+: ")
"""The name a `detail` starts with when a parameter is at fault ("year: "): a name, not text
to set in French."""


def problem_response(error: HTTPException, detail: str | None = None) -> Response:
    """The problem details of `error`, in the answer's language; `detail` overrides the error's."""
    lang = current_lang()
    status = error.code or 500
    body = {
        "type": "about:blank",
        "title": typeset(str(TITLES.get(status) or error.name), lang),
        "status": status,
        "detail": _typeset_detail(str(detail or _detail(error)), lang),
    }
    response = Response(
        json.dumps(body, ensure_ascii=False).encode(), status=status, mimetype=PROBLEM
    )
    response.content_language.add(lang)
    return response


def _detail(error: HTTPException) -> str:
    """The error's own detail, when it was given one; else the status's, in the language."""
    if error.description != type(error).description:
        return error.description
    if error.code == 404:
        return _(
            "The API has no such address: its addresses are listed at %(docs)s.",
            docs=url_for("api.docs", _external=True),
        )
    if error.code == 405:
        methods = ", ".join(sorted(getattr(error, "valid_methods", None) or ["GET"]))
        return _("This address takes only these methods: %(methods)s.", methods=methods)
    return str(DETAILS.get(error.code or 500, DETAILS[500]))


def _typeset_detail(detail: str, lang: str) -> str:
    parameter = _PARAMETER.match(detail)
    if parameter is None:
        return typeset(detail, lang)
    return parameter[0] + typeset(detail[parameter.end() :], lang)
