"""The language of a page: the /<lang>/ prefix of every human page, the reader's browser, the
same page in the other languages."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlencode

from babel import negotiate_locale
from flask import current_app, g, has_request_context, request, url_for
from werkzeug.datastructures import MultiDict
from werkzeug.routing import AnyConverter

from iom_events.settings import LANGUAGES

DEFAULT_LANGUAGE = LANGUAGES[0]

LANG = "/<lang:lang>"
"""The URL prefix of every human page: only a UI language matches it (/robots.txt does not)."""


class LanguageConverter(AnyConverter):
    def __init__(self, url_map):
        super().__init__(url_map, *LANGUAGES)


def pull_lang(endpoint: str | None, values: dict | None) -> None:
    """URL value preprocessor: the language moves from the URL to `g.lang`."""
    if values is not None and "lang" in values:
        g.lang = values.pop("lang")


def add_lang(endpoint: str, values: dict) -> None:
    """URL defaults: links stay in the language of the current page unless told otherwise."""
    if "lang" not in values and current_app.url_map.is_endpoint_expecting(endpoint, "lang"):
        values["lang"] = current_lang()


def current_lang() -> str:
    """The language of the current page: its URL prefix; for an address without one (the API,
    a feed's redirect), `?lang=` when it names a UI language; else the reader's browser, else
    English."""
    if not has_request_context():
        return DEFAULT_LANGUAGE  # a command, a test: messages in English
    lang = getattr(g, "lang", None)
    if lang is None:
        first = request.path.strip("/").split("/", 1)[0]
        asked = request.args.get("lang", "").lower()
        lang = first if first in LANGUAGES else asked if asked in LANGUAGES else None
        g.lang = lang = lang or preferred_language()
    return lang


def preferred_language() -> str:
    """The UI language the browser asks for: "fr-CH, en;q=0.5" gives fr; none gives English.

    Tags are compared case-insensitively (RFC 4647, section 2): "FR" and "Fr-ch" are French.
    Babel answers with the tag as the browser wrote it, so the answer is read back as ours."""
    wanted = [tag for tag, _quality in request.accept_languages]
    found = negotiate_locale(wanted, LANGUAGES, sep="-")
    return found.lower() if found else DEFAULT_LANGUAGE


def alternate_urls() -> dict[str, str]:
    """The current page in each UI language (for the switcher and the `hreflang` links).

    The query string is appended as it is, never passed to `url_for` as arguments: a parameter
    named like one of url_for's own (`lang`, `_anchor`...) must not change the link or fail."""
    endpoint = request.endpoint
    args = dict(request.view_args or {})
    if request.url_rule is None or "lang" not in request.url_rule.arguments:
        endpoint, args = "events.home", {}
    # A cached page was built for its validated query only (iom_events/caching.py).
    query = g.canonical_query if "canonical_query" in g else request.args
    suffix = f"?{query_string(query)}" if query else ""
    return {
        lang: url_for(endpoint, **args, lang=lang, _external=True) + suffix for lang in LANGUAGES
    }


def query_string(query: Mapping[str, str] | MultiDict) -> str:
    """`query` encoded for a URL (every value of a repeated parameter)."""
    items = query.items(multi=True) if isinstance(query, MultiDict) else query.items()
    return urlencode(list(items))
