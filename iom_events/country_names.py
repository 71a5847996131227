"""Country names as the United Nations and IOM write them, where CLDR's differ (issue 17).

CLDR names countries as people say them ("South Korea", "Congo - Kinshasa", "St. Kitts &
Nevis"); the UN and IOM write the short names of the UN Terminology Database (UNTERM, "Country
names" of the Department for General Assembly and Conference Management): "Republic of Korea",
"Democratic Republic of the Congo", "Saint Kitts and Nevis". Only the names that differ are
here, per language; every other name is CLDR's. Imports read the other names a list may
use (`other_names`).

The UN short names that carry a parenthesis ("Bolivia (Plurinational State of)") are left as
CLDR writes them ("Bolivia"), as IOM does in running text: a place is written "La Paz
(Bolivia)", never with nested parentheses.
"""

import functools
import gettext

import pycountry

UN_NAMES: dict[str, dict[str, str]] = {
    "en": {
        "AG": "Antigua and Barbuda",
        "BA": "Bosnia and Herzegovina",
        "BL": "Saint Barthélemy",
        "BN": "Brunei Darussalam",
        "CD": "Democratic Republic of the Congo",
        "CG": "Congo",
        "CV": "Cabo Verde",
        "HK": "China, Hong Kong SAR",
        "KN": "Saint Kitts and Nevis",
        "KP": "Democratic People’s Republic of Korea",
        "KR": "Republic of Korea",
        "LA": "Lao People’s Democratic Republic",
        "LC": "Saint Lucia",
        "MD": "Republic of Moldova",
        "MM": "Myanmar",
        "MO": "China, Macao SAR",
        "PS": "State of Palestine",
        "RU": "Russian Federation",
        "PM": "Saint Pierre and Miquelon",
        "SH": "Saint Helena",
        "SJ": "Svalbard and Jan Mayen",
        "ST": "Sao Tome and Principe",
        "SY": "Syrian Arab Republic",
        "TC": "Turks and Caicos Islands",
        "TT": "Trinidad and Tobago",
        "TW": "Taiwan Province of China",
        "TZ": "United Republic of Tanzania",
        "US": "United States of America",
        "VA": "Holy See",
        "VC": "Saint Vincent and the Grenadines",
        "VI": "United States Virgin Islands",
        "VN": "Viet Nam",
        "WF": "Wallis and Futuna Islands",
    },
    "fr": {
        "BN": "Brunéi Darussalam",
        "BY": "Bélarus",
        "IQ": "Iraq",
        "KG": "Kirghizistan",
        "LR": "Libéria",
        "NG": "Nigéria",
        "SV": "El Salvador",
        "TW": "Taïwan, province de Chine",
        "CD": "République démocratique du Congo",
        "CG": "Congo",
        "CV": "Cabo Verde",
        "HK": "Chine, RAS de Hong Kong",
        "KP": "République populaire démocratique de Corée",
        "KR": "République de Corée",
        "LA": "République démocratique populaire lao",
        "MD": "République de Moldova",
        "MM": "Myanmar",
        "MO": "Chine, RAS de Macao",
        "PS": "État de Palestine",
        "RU": "Fédération de Russie",
        "SY": "République arabe syrienne",
        "TL": "Timor-Leste",
        "TR": "Türkiye",
        "TZ": "République-Unie de Tanzanie",
        "US": "États-Unis d’Amérique",
        "VA": "Saint-Siège",
        "VN": "Viet Nam",
    },
    "es": {
        "BD": "Bangladesh",
        "BH": "Bahrein",
        "BJ": "Benin",
        "BN": "Brunei Darussalam",
        "BW": "Botswana",
        "BY": "Belarús",
        "DJ": "Djibouti",
        "FJ": "Fiji",
        "GW": "Guinea-Bissau",
        "IQ": "Iraq",
        "KE": "Kenya",
        "KZ": "Kazajstán",
        "LS": "Lesotho",
        "MW": "Malawi",
        "NZ": "Nueva Zelandia",
        "PG": "Papua Nueva Guinea",
        "QA": "Qatar",
        "RW": "Rwanda",
        "SA": "Arabia Saudita",
        "SR": "Suriname",
        "TW": "Taiwán, provincia de China",
        "ZW": "Zimbabwe",
        "HK": "China, RAE de Hong Kong",
        "KP": "República Popular Democrática de Corea",
        "KR": "República de Corea",
        "LA": "República Democrática Popular Lao",
        "MD": "República de Moldova",
        "MM": "Myanmar",
        "MO": "China, RAE de Macao",
        "PS": "Estado de Palestina",
        "RU": "Federación de Rusia",
        "SY": "República Árabe Siria",
        "SZ": "Eswatini",
        "TR": "Türkiye",
        "TZ": "República Unida de Tanzanía",
        "US": "Estados Unidos de América",
        "VA": "Santa Sede",
        "VN": "Viet Nam",
    },
}
"""{language: {ISO 3166-1 alpha-2 code: name}}: the UN short name where CLDR's differs."""


@functools.cache
def _iso_catalog(lang: str) -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)


@functools.cache
def other_names(code: str) -> frozenset[str]:
    """What else a list may call the country `code` (ISO 3166-1 alpha-2), for imports to read:
    its alpha-3 code and ISO 3166-1's names (short, official, common: "Bolivia, Plurinational
    State of", "United Kingdom of Great Britain and Northern Ireland", "Czech Republic") in
    English, French and Spanish (pycountry's translations of the ISO table). Compared folded,
    so "Bolivia (Plurinational State of)" reads as "Bolivia, Plurinational State of"."""
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return frozenset()
    english = [
        name
        for name in (getattr(country, a, None) for a in ("name", "official_name", "common_name"))
        if name
    ]
    names = {country.alpha_3, *english}
    for lang in ("fr", "es"):
        names.update(_iso_catalog(lang).gettext(name) for name in english)
    return frozenset(names)
