"""Country names as the United Nations and IOM write them, where CLDR's differ (issue 17).

CLDR names countries as people say them ("South Korea", "Congo - Kinshasa", "St. Kitts &
Nevis"); the UN and IOM write the short names of the UN Terminology Database (UNTERM, "Country
names" of the Department for General Assembly and Conference Management): "Republic of Korea",
"Democratic Republic of the Congo", "Saint Kitts and Nevis". Only the names that differ are
here, per language; every other name is CLDR's.

The UN short names that carry a parenthesis ("Bolivia (Plurinational State of)") are left as
CLDR writes them ("Bolivia"), as IOM does in running text: a place is written "La Paz
(Bolivia)", never with nested parentheses.
"""

UN_NAMES: dict[str, dict[str, str]] = {
    "en": {
        "AG": "Antigua and Barbuda",
        "BA": "Bosnia and Herzegovina",
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
        "ST": "Sao Tome and Principe",
        "SY": "Syrian Arab Republic",
        "TT": "Trinidad and Tobago",
        "TZ": "United Republic of Tanzania",
        "US": "United States of America",
        "VA": "Holy See",
        "VC": "Saint Vincent and the Grenadines",
        "VN": "Viet Nam",
    },
    "fr": {
        "BN": "Brunéi Darussalam",
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
        "BN": "Brunei Darussalam",
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
