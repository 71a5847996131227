"""Languages: the /<lang>/ prefix, texts written in several languages, and locale-aware formatting.

A translatable field holds one text per UI language in one JSON column (`TranslatedText`) and is
read with a fallback: the requested language, else the original language of the content, else any.
What comes out is a `Localized` string that remembers which language it is in, so that a page can
mark it (`lang` attribute) and say "available in French only".
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from urllib.parse import urlencode

from babel import Locale, negotiate_locale
from babel.dates import format_interval
from babel.units import format_unit
from flask import current_app, g, has_request_context, request, url_for
from flask_babel import format_date, format_decimal, format_time, get_locale
from sqlalchemy import JSON
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.types import TypeDecorator
from werkzeug.datastructures import MultiDict
from werkzeug.routing import AnyConverter

from iom_events.settings import LANGUAGES

DEFAULT_LANGUAGE = LANGUAGES[0]


class Translated(Mapping[str, str]):
    """An immutable set of texts keyed by language code; empty texts are dropped.

    Immutable on purpose: a change is a new value assigned to the attribute, which SQLAlchemy
    sees (an in-place change of a JSON value would be silently lost).
    """

    __slots__ = ("_texts",)

    def __init__(self, texts: Mapping[str, str | None] | None = None, /, **more: str | None):
        merged = {**(texts or {}), **more}
        self._texts = {lang: text.strip() for lang, text in merged.items() if text and text.strip()}

    def __getitem__(self, lang: str) -> str:
        return self._texts[lang]

    def __iter__(self) -> Iterator[str]:
        return iter(self._texts)

    def __len__(self) -> int:
        return len(self._texts)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Mapping) and dict(self._texts) == dict(other)

    def __hash__(self) -> int:
        return hash(frozenset(self._texts.items()))

    def __repr__(self) -> str:
        return f"Translated({self._texts!r})"

    def resolve(self, lang: str, original: str | None = None) -> Localized | None:
        """The text in `lang`, else in `original`, else in the first language that has one."""
        for candidate in (lang, original, *LANGUAGES, *self._texts):
            if candidate in self._texts:
                return Localized(self._texts[candidate], candidate, requested=lang)
        return None


class Localized(str):
    """A text together with the language it is written in and the language that was asked for."""

    lang: str
    requested: str

    def __new__(cls, text: str, lang: str, requested: str) -> Localized:
        value = super().__new__(cls, text)
        value.lang = lang
        value.requested = requested
        return value

    @property
    def is_fallback(self) -> bool:
        return self.lang != self.requested


class TranslatedText(TypeDecorator):
    """One column holding a `Translated` as a JSON object: `{"en": ..., "fr": ..., "es": ...}`."""

    impl = JSON
    cache_ok = True

    def load_dialect_impl(self, dialect):
        # none_as_null: a missing text is SQL NULL (so IS NULL and CHECKs see it), not JSON null.
        if dialect.name == "postgresql":
            return dialect.type_descriptor(JSONB(none_as_null=True))
        return dialect.type_descriptor(JSON(none_as_null=True))

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        return dict(Translated(value))

    def process_result_value(self, value, dialect):
        return None if value is None else Translated(value)


# --- the /<lang>/ prefix ------------------------------------------------------------------------

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
    """The language of the current page: its URL prefix, else the reader's browser, else English."""
    if not has_request_context():
        return DEFAULT_LANGUAGE  # a command, a test: messages in English
    lang = getattr(g, "lang", None)
    if lang is None:
        first = request.path.strip("/").split("/", 1)[0]
        lang = first if first in LANGUAGES else preferred_language()
        g.lang = lang
    return lang


def preferred_language() -> str:
    """The UI language the browser asks for: "fr-CH, en;q=0.5" gives fr; none gives English."""
    wanted = [tag for tag, _quality in request.accept_languages]
    return negotiate_locale(wanted, LANGUAGES, sep="-") or DEFAULT_LANGUAGE


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


# --- formatting ---------------------------------------------------------------------------------


def _locale() -> Locale:
    return get_locale() or Locale.parse(DEFAULT_LANGUAGE)


def translate(value: Translated | None, original: str | None = None) -> Localized | None:
    """Template filter `tr`: the text in the page's language, with the fallback rule."""
    if value is None:
        return None
    return value.resolve(current_lang(), original)


def language_name(code: str) -> str:
    """The name of a language (a BCP 47 tag) in the page's language: "anglais", "inglés"."""
    locale = _locale()
    try:
        return Locale.parse(code, sep="-").get_display_name(locale) or code
    except (ValueError, LookupError):
        return code


def autonym(code: str) -> str:
    """A language's name in itself, for the switcher: "English", "Français", "Español"."""
    name = Locale.parse(code, sep="-").get_display_name(code) or code
    return name[:1].upper() + name[1:]


def official_rank(code: str) -> int:
    """Sort key that puts IOM's official languages first, in their usual order."""
    return LANGUAGES.index(code) if code in LANGUAGES else len(LANGUAGES)


def country_name(code: str | None) -> str:
    """The name of a country (ISO 3166-1 alpha-2) in the page's language: "Thaïlande"."""
    if not code:
        return ""
    return _locale().territories.get(code.upper(), code)


# Babel's territories include regions and groupings (EU, UN, ZZ...) that are not countries.
_NOT_COUNTRIES = {"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB"}


def country_choices() -> list[tuple[str, str]]:
    """Every country (ISO 3166-1 alpha-2) with its name in the page's language, by name."""
    territories = _locale().territories
    codes = [c for c in territories if len(c) == 2 and c.isalpha() and c not in _NOT_COUNTRIES]
    return sorted(((code, territories[code]) for code in codes), key=lambda c: c[1])


def date_range(start: date, end: date | None = None) -> str:
    """A day or a span of days, as the page's locale writes it: "4 juin 2009", "20–22 mars 2019"."""
    if end is None or end == start:
        return format_date(start, "long")
    return format_interval(start, end, "yMMMMd", locale=_locale())


def place(event) -> str:
    """Where a meeting is: "Bangkok, Thaïlande" (venue, city, country, those that are known)."""
    parts = [
        translate(event.venue, event.original_language),
        translate(event.city, event.original_language),
    ]
    return ", ".join(
        [p for p in parts if p] + ([country_name(event.country)] if event.country else [])
    )


def long_day(day: date) -> str:
    """A day with its weekday, for agenda headings: "jeudi 4 juin 2009"."""
    return format_date(day, "full")


def time_of_day(value) -> str:
    """A wall-clock time in the page's locale: "9:00 AM", "09:00"."""
    return format_time(value, "short")


def number(value: int) -> str:
    """A count with the locale's grouping: "1,500", "1 500", "1500"."""
    return format_decimal(value)


def file_size(size: int) -> str:
    """A file's size as the locale writes it: "1.3 kB", "1,3 ko", "20,4 MB"."""
    for unit, factor in (("digital-megabyte", 1000**2), ("digital-kilobyte", 1000)):
        if size >= factor:
            return format_unit(round(size / factor, 1), unit, length="short", locale=_locale())
    # CLDR's short English form is "29 byte": the long one is what people write ("29 bytes").
    return format_unit(size, "digital-byte", length="long", locale=_locale())
