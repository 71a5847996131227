"""Words and numbers as the page's locale writes them: texts with their fallback, languages,
countries, dates, times, counts, file sizes (Babel's CLDR data)."""

from __future__ import annotations

import functools
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import icu
import pycountry
from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.dates import get_timezone_location
from babel.units import format_unit
from flask_babel import format_date, format_decimal, format_time, get_locale, to_user_timezone
from flask_babel import gettext as _

from iom_events.country_names import UN_NAMES
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
    """The name of a language (a BCP 47 tag) in the page's language: "anglais", "inglés"; a
    code that names no language Babel knows (sent by hand: "A", "zz") is returned as it is."""
    locale = _locale()
    try:
        return Locale.parse(code, sep="-").get_display_name(locale) or code
    except (ValueError, LookupError, TypeError, UnknownLocaleError):
        return code


def autonym(code: str) -> str:
    """A language's name in itself, for the switcher: "English", "Français", "Español"."""
    name = Locale.parse(code, sep="-").get_display_name(code) or code
    return name[:1].upper() + name[1:]


def official_rank(code: str) -> int:
    """Sort key that puts IOM's official languages first, in their usual order."""
    return LANGUAGES.index(code) if code in LANGUAGES else len(LANGUAGES)


def country_name(code: str | None, lang: str | None = None) -> str:
    """The name of a country (ISO 3166-1 alpha-2) in the page's language (or `lang`):
    "Thaïlande"; the UN's short name where it differs from CLDR's ("Republic of Korea",
    `country_names.UN_NAMES`)."""
    if not code:
        return ""
    code = code.upper()
    lang = lang or current_lang()
    return UN_NAMES.get(lang, {}).get(code) or _territories(lang).get(code, code)


@functools.cache
def _territories(lang: str) -> dict[str, str]:
    return dict(Locale.parse(lang).territories)


# ISO 3166-1 territories with no permanent population: Antarctica, Bouvet Island, Heard Island
# and McDonald Islands, the US Minor Outlying Islands, the French Southern Territories, South
# Georgia and the South Sandwich Islands. No meeting is held there.
UNINHABITED = frozenset({"AQ", "BV", "HM", "UM", "TF", "GS"})


@functools.cache
def _host_countries() -> frozenset[str]:
    """Assigned ISO 3166-1 alpha-2 codes (pycountry's table), less the uninhabited ones. CLDR's
    own codes are not in it: AC, CP, DG, EA, IC, TA (parts of countries), XK (not in ISO
    3166-1), EU, EZ, UN, QO, ZZ (groupings, unknown)."""
    return frozenset(country.alpha_2 for country in pycountry.countries) - UNINHABITED


def country_choices(keep: str | None = None) -> list[tuple[str, str]]:
    """The states and territories that can host a meeting (assigned ISO 3166-1 alpha-2 codes,
    uninhabited ones left out), named as `country_name` names them in the page's language, in
    the order of that language (`by_name`).

    `keep`, the code a record already has, stays a choice even when it is no longer offered
    (saved before this list was narrowed): its form shows it and saves it unchanged."""
    territories = _territories(current_lang())
    codes = {code for code in _host_countries() if code in territories}
    if keep and keep not in codes:
        codes.add(keep)
    return by_name((code, country_name(code)) for code in codes)


@functools.cache
def _collator(lang: str) -> icu.Collator:
    return icu.Collator.createInstance(icu.Locale(lang))


@functools.cache
def _primary_collator(lang: str) -> icu.Collator:
    """Compares base letters only: "Sénégal" and "senegal" are the same name."""
    collator = icu.Collator.createInstance(icu.Locale(lang))
    collator.setStrength(icu.Collator.PRIMARY)
    return collator


def collation_key(text: str) -> bytes:
    """What to sort a name by in the page's language (ICU's collation for it, CLDR's rules):
    "Égypte" after "Dominique", not after "Zimbabwe"; "Bélgica" before "Belice" (issue 17)."""
    return _collator(current_lang()).getSortKey(str(text))


def by_name(pairs) -> list[tuple[str, str]]:
    """(key, name) pairs in the order of their names in the page's language."""
    return sorted(pairs, key=lambda pair: collation_key(pair[1]))


def languages_by_name(codes) -> list[str]:
    """The names of languages (BCP 47 tags) in the page's language, in that language's order:
    "anglais, arabe, espagnol, français" (a press contact's languages)."""
    return [name for _code, name in by_name((code, language_name(code)) for code in codes)]


def language_choices(codes) -> list[tuple[str, str]]:
    """(tag, name) pairs for a form's select, named and ordered in the page's language."""
    return by_name((code, language_name(code)) for code in codes)


def language_order(code: str) -> tuple[int, bytes]:
    """Sort key for versions and downloads: IOM's official languages first, in their usual
    order (English, French, Spanish), then the others as the page's language sorts their names."""
    return official_rank(code), collation_key(language_name(code))


def parenthetical(text: str) -> str:
    """Text put in parentheses after another, its own parentheses made brackets, as editors
    nest them: "Yangon (Myanmar [Birmanie])", never "(… (…))" (issue 17)."""
    return f"({str(text).replace('(', '[').replace(')', ']')})"


def city_and_country(city: str | None, country: str | None) -> str:
    """Where an office is, as IOM's directory writes it: "Canberra (Australie)"; the city or
    the country alone when only one is known, and the country once when the city bears its
    name ("Singapour", not "Singapour (Singapour)")."""
    country_text = country_name(country)
    city_text = str(city or "")
    if not city_text or same_name(city_text, country_text):
        return country_text or city_text
    if not country_text:
        return city_text
    return f"{city_text} {parenthetical(country_text)}"


def same_name(one: str | None, other: str | None) -> bool:
    """Whether two names are the same to a reader (case and accents aside): a delegation
    called "Sénégal" from Senegal is not followed by "— Sénégal"."""
    if not one or not other:
        return False
    collator = _primary_collator(current_lang())
    return collator.getSortKey(str(one).strip()) == collator.getSortKey(str(other).strip())


def long_date(day: date) -> str:
    """A day as IOM's editors write it in running text: "4 June 2009" (British English: day
    first, full month), "1er juin 2009" (the French ordinal for the first), "4 de junio de 2009".
    CLDR's `en` is American ("June 4, 2009"), so the patterns are written here."""
    return f"{_day(day)} {_month_and_year(day)}"


def date_range(start: date, end: date | None = None) -> str:
    """A day or a span of days as IOM and UN editors write them, months never abbreviated:

    - en: "4–5 June 2009", "30 November – 2 December 2026", "30 December 2026 – 2 January 2027"
    - fr: "4–5 juin 2009", "30 novembre – 2 décembre 2026", "1er–3 juin 2009"
    - es: "4 y 5 de junio de 2009", "del 20 al 22 de marzo de 2019", "del 30 de noviembre al
      2 de diciembre de 2026" (issue 17).
    """
    if end is None or end == start:
        return long_date(start)
    if current_lang() == "es":
        if (start.year, start.month) == (end.year, end.month):
            if (end - start).days == 1:
                return f"{start.day} y {end.day} {_month_and_year(end)}"
            return f"del {start.day} al {end.day} {_month_and_year(end)}"
        if start.year == end.year:
            return f"del {start.day} de {_month(start)} al {long_date(end)}"
        return f"del {long_date(start)} al {long_date(end)}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{_day(start)}–{_day(end)} {_month_and_year(end)}"
    if start.year == end.year:
        return f"{_day(start)} {_month(start)} – {long_date(end)}"
    return f"{long_date(start)} – {long_date(end)}"


def _day(day: date) -> str:
    return "1er" if day.day == 1 and current_lang() == "fr" else str(day.day)


def _month(day: date) -> str:
    return format_date(day, "MMMM")


def _month_and_year(day: date) -> str:
    """ "June 2009", "juin 2009", "de junio de 2009": what follows the day."""
    if current_lang() == "es":
        return f"de {_month(day)} de {day.year}"
    return f"{_month(day)} {day.year}"


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
    """A day with its weekday, for agenda headings: "Thursday 4 June 2009", "jeudi 4 juin
    2009", "jueves 4 de junio de 2009" (no comma after the weekday, as IOM writes it)."""
    return f"{format_date(day, 'EEEE')} {long_date(day)}"


def time_of_day(value) -> str:
    """A wall-clock time in 24-hour form in every language (issue 17): "09:00", "14:30"."""
    return format_time(value, "HH:mm")


UTC_ZONE = "UTC"
"""Coordinated Universal Time, which some online meetings are set in: IANA's "UTC" (a link to
Etc/UTC, CLDR's name for it), a zone of no country."""

RENAMED_CITIES = {
    "Europe/Kyiv": {"en": "Kyiv", "fr": "Kyiv", "es": "Kyiv"},
    "Asia/Kolkata": {"en": "Kolkata", "fr": "Kolkata", "es": "Kolkata"},
}
"""Cities renamed that CLDR's English exemplar follows and its French and Spanish ones do not
yet ("Kiev", "Calcutta"/"Calcuta"): named as the UN now writes them in all three languages.
Keyed by the zone's current name; an old one ("Europe/Kiev") is read as it."""


def current_zone(name: str) -> str:
    """An IANA time zone under CLDR's current name: "Asia/Calcutta" is "Asia/Kolkata", "UTC"
    is "Etc/UTC"."""
    return get_global("zone_aliases").get(name, name)


def is_utc(name: str | None) -> bool:
    """Whether a zone is UTC itself (under any of its names), not one that is UTC+0 today."""
    return bool(name) and current_zone(name) == current_zone(UTC_ZONE)


def exemplar_city(name: str) -> str:
    """The city a time zone is named after, in the page's language (CLDR's exemplar city, or
    `RENAMED_CITIES`'): "Zúrich", "Kyiv". LookupError for a name CLDR does not know."""
    renamed = RENAMED_CITIES.get(current_zone(name), {}).get(current_lang())
    return renamed or get_timezone_location(name, locale=_locale(), return_city=True)


def _utc_name() -> str:
    """CLDR's name of UTC in the page's language: "temps universel coordonné"."""
    names = _locale().time_zones.get(current_zone(UTC_ZONE), {})
    return names.get("long", {}).get("standard") or "Coordinated Universal Time"


def time_zone(name: str, day: date, city: str | None = None, country: str | None = None) -> str:
    """A time zone in words a reader knows, with its offset from UTC on `day` (summer time
    counted): "Bangkok time (UTC+7)", "heure de Buenos Aires (UTC−3)", "hora de Dakar (UTC)",
    never an IANA identifier (issue 17). The city is the meeting's own (`city`, "Geneva time")
    when the zone is one of its `country`'s (CLDR's territory zones), else the zone's
    `exemplar_city` in the page's language ("Zúrich"); UTC itself is "UTC (Coordinated
    Universal Time)"; an unknown name is returned as it is."""
    try:
        zone = ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return name
    if is_utc(name):
        return _("UTC (%(name)s)", name=_utc_name())
    zones = get_global("territory_zones").get(country.upper(), ()) if country else ()
    if not (city and current_zone(name) in zones):
        city = exemplar_city(name)
    offset = datetime.combine(day, time(12), zone).utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    hours, rest = divmod(abs(minutes), 60)
    sign = "+" if minutes > 0 else "−"
    utc = "UTC" if not minutes else f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")
    if current_lang() == "fr" and city[:1].lower() in "aeiouyhàâéèêîôû":
        return f"heure d’{city} ({utc})"  # elided, as French writes it: "heure d’Accra"
    return _("%(city)s time (%(utc)s)", city=city, utc=utc)


def zone_label(name: str) -> str:
    """An IANA time zone as a person picking one reads it, in the page's language:

    - UTC by its name: "UTC (temps universel coordonné)";
    - the zone of a country that has only one by the country alone: "Suisse", "Thaïlande"
      ("Suisse — Zurich" would hide Geneva, where the same clock is kept);
    - a zone of a country that has several by the country, then the zone's city:
      "Argentina — Córdoba", "Ukraine — Kyiv";
    - a zone of no country by its city alone; an unknown name as it is.
    """
    if is_utc(name):
        return f"UTC ({_utc_name()})"
    try:
        city = exemplar_city(name)
    except LookupError:
        return name
    country = get_global("zone_territories").get(current_zone(name))
    if not country or country == "001":
        return city
    if len(get_global("territory_zones").get(country, ())) == 1:
        return country_name(country)
    return f"{country_name(country)} — {city}"


def zone_choices(names) -> list[tuple[str, str]]:
    """(IANA name, `zone_label`) pairs for a time zone picker, in the order of their labels in
    the page's language (a country's zones together). Built once per language."""
    return list(_zone_choices(current_lang(), tuple(names)))


@functools.lru_cache(maxsize=8)
def _zone_choices(lang: str, names: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    return tuple(by_name((name, zone_label(name)) for name in names))


def clock(at: datetime) -> str:
    """The time of an instant (UTC, as stored) in the reader's time zone, 24-hour: "14:05"."""
    return format_time(at, "HH:mm")


def moment(at: datetime) -> str:
    """An instant (UTC, as stored) in the reader's time zone, for "changed at ...": "4 June
    2009, 14:05", "4 juin 2009, 14:05", "4 de junio de 2009, 14:05"."""
    return f"{long_date(to_user_timezone(at).date())}, {clock(at)}"


def number(value: int) -> str:
    """A count with the locale's grouping: "1,500", "1 500", "1500"."""
    return format_decimal(value)


def file_size(size: int) -> str:
    """A file's size (`size` in bytes) as the locale writes it: "1.3 kB", "1,3 ko", "20,4 MB"."""
    for unit, factor in (("digital-megabyte", 1000**2), ("digital-kilobyte", 1000)):
        if size >= factor:
            return _unit(round(size / factor, 1), unit, "short", str(_locale()))
    # CLDR's short English form is "29 byte": the long one is what people write ("29 bytes").
    return _unit(size, "digital-byte", "long", str(_locale()))


@functools.lru_cache(maxsize=4096)
def _unit(value: float, unit: str, length: str, locale: str) -> str:
    """Babel's `format_unit`, remembered: it reads CLDR's patterns anew at each call, and a
    meeting page lists hundreds of sizes (most of them repeated once rounded)."""
    return format_unit(value, unit, length=length, locale=locale)


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
