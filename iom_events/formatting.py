"""Words and numbers as the page's locale writes them: texts with their fallback, languages,
countries, dates, times, counts, file sizes (Babel's CLDR data)."""

from __future__ import annotations

from datetime import date

from babel import Locale
from babel.dates import format_interval
from babel.units import format_unit
from flask_babel import format_date, format_decimal, format_time, get_locale
from flask_babel import gettext as _

from iom_events.languages import DEFAULT_LANGUAGE, current_lang
from iom_events.settings import LANGUAGES
from iom_events.translated import Localized, Translated


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


def record_name(record) -> str:
    """What staff call a record in lists (the trash): its title or name, in the page's language."""
    document = getattr(record, "document", None)
    if document is not None:  # a document's language version: "Agenda (French)"
        return f"{record_name(document)} ({language_name(record.language)})"
    for attribute in ("title", "name"):
        value = getattr(record, attribute, None)
        if isinstance(value, Translated):
            return translate(value, getattr(record, "original_language", None)) or ""
        if value:
            return str(value)
    return f"#{record.id}"


def in_the_trash(name: str, record) -> str:
    """A choice's name, said to be in the trash when it is (a form keeps a link to it)."""
    if getattr(record, "removed_at", None) is None:
        return name
    return _("%(title)s (in the trash)", title=name)
