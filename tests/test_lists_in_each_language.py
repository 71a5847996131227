"""Lists of countries, offices, delegations and languages in the order of the page's language
(ICU's collation), and a country picker of the states and territories that can host a meeting
(issue 17, "Language and typography")."""

import re

import pytest
from test_manage_events import NEW_MEETING, event_by_slug
from test_no_input_reaches_a_500 import fields_of

from iom_events.delegations.models import Delegation, DelegationKind
from iom_events.events.models import Event
from iom_events.extensions import db
from iom_events.offices.models import Office, OfficeKind
from iom_events.press.models import PressContact
from iom_events.translated import Translated

from pages import section, text_of
from staff import post_form


def options(html: str, name: str) -> list[tuple[str, str]]:
    """The (value, text) of each option of the select `name`, in the page's order."""
    start = html.index(f'name="{name}"')
    block = html[start : html.index("</select>", start)]
    return [
        (value, text.strip())
        for value, text in re.findall(r'<option[^>]*value="([^"]*)"[^>]*>([^<]*)</option>', block)
    ]


def names(html: str, name: str) -> list[str]:
    return [text for _value, text in options(html, name)]


def before(items: list[str], first: str, then: str) -> bool:
    return items.index(first) < items.index(then)


# --- the country picker ---------------------------------------------------------------------


def test_french_country_picker_sorts_as_french_does(editor):
    countries = names(editor.get("/fr/manage/events/new").get_data(as_text=True), "country")
    assert before(countries, "Dominique", "Égypte")
    assert before(countries, "Égypte", "Équateur")
    assert before(countries, "Équateur", "Zimbabwe")


def test_spanish_country_picker_sorts_as_spanish_does(editor):
    countries = names(editor.get("/es/manage/events/new").get_data(as_text=True), "country")
    assert before(countries, "Bélgica", "Belice")
    assert before(countries, "Perú", "Polonia")
    assert before(countries, "Santa Lucía", "Santo Tomé y Príncipe")


@pytest.mark.parametrize(
    ("lang", "un_names", "cldr_names"),
    [
        ("en", ["Republic of Korea", "Viet Nam", "Bosnia and Herzegovina", "Holy See"],
         ["South Korea", "Vietnam", "Bosnia & Herzegovina", "Vatican City"]),
        ("fr", ["République de Corée", "Fédération de Russie", "République démocratique du Congo"],
         ["Corée du Sud", "Russie", "Congo-Kinshasa"]),
        ("es", ["República de Corea", "Federación de Rusia", "Estado de Palestina"],
         ["Corea del Sur", "Rusia", "Territorios Palestinos"]),
    ],
)  # fmt: skip
def test_member_states_have_their_un_names(app, editor, client, make_event, lang, un_names,
                                           cldr_names):  # fmt: skip
    """The UN's short names where CLDR says it otherwise (UNTERM), in the picker and on the
    meeting page; never with a parenthesis that would nest in "City (Country)"."""
    countries = names(editor.get(f"/{lang}/manage/events/new").get_data(as_text=True), "country")
    assert set(un_names) <= set(countries)
    assert not set(cldr_names) & set(countries)
    event = make_event(country="KR", timezone="Asia/Seoul", city=Translated(en="Seoul"))
    page = text_of(client.get(f"/{lang}/events/{event.slug}/").get_data(as_text=True))
    assert un_names[0] in page


def test_a_list_may_name_a_country_as_the_un_or_as_people_do(app, editor, make_event):
    """Imports read the UN's names, CLDR's and ISO 3166-1's, formal or short, in the three
    languages: "Republic of Korea" and "South Korea" are KR, "Bolivia (Plurinational State
    of)" and "Estado Plurinacional de Bolivia" are BO."""
    event = make_event()
    written = {
        "KR": ["Republic of Korea", "Corée du Sud"],
        "BO": ["Bolivia (Plurinational State of)", "Estado Plurinacional de Bolivia"],
        "GB": ["United Kingdom of Great Britain and Northern Ireland", "Reino Unido"],
        "CZ": ["Czech Republic", "République tchèque", "Chequia"],
        "VE": ["Venezuela (Bolivarian Republic of)", "VEN"],
        "KZ": ["Kazajstán", "Kazakhstan"],
    }
    rows = [(code, name) for code, names in written.items() for name in names]
    pasted = "Name\tDelegation\tCountry\r\n" + "".join(
        f"Person {n}\t{code} delegation\t{name}\r\n" for n, (code, name) in enumerate(rows)
    )
    response = post_form(editor, f"/en/manage/events/{event.slug}/delegations/import",
                         {"pasted": pasted})  # fmt: skip
    assert f"{len(rows)} rows will be added." in text_of(response.get_data(as_text=True))


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_country_picker_offers_only_places_that_can_host_a_meeting(editor, lang):
    codes = {value for value, _text in options(
        editor.get(f"/{lang}/manage/events/new").get_data(as_text=True), "country"
    )}  # fmt: skip
    uninhabited = {"AQ", "BV", "HM", "UM", "TF", "GS"}
    not_iso = {"AC", "CP", "CQ", "DG", "EA", "IC", "TA", "XK", "EU", "EZ", "UN", "QO", "ZZ"}
    assert not codes & (uninhabited | not_iso)
    assert {"TH", "AR", "SN", "PS", "HK", "GL", "NC"} <= codes  # states and territories
    assert len(codes - {""}) == 249 - len(uninhabited)


def test_a_meeting_in_a_country_no_longer_offered_keeps_it(app, editor, client, make_event):
    """A meeting saved with a code the picker no longer offers (Kosovo's XK, CLDR's) shows it
    on its page and in its form, and saving the form unchanged keeps it: no data lost."""
    event = make_event(country="XK", timezone="Europe/Belgrade", city=Translated(en="Pristina"))
    assert "Pristina, Kosovo" in text_of(client.get(f"/en/events/{event.slug}/").get_data(True))
    assert "Pristina, Kosovo" in text_of(client.get(f"/fr/events/{event.slug}/").get_data(True))

    form = editor.get(f"/fr/manage/events/{event.slug}/edit").get_data(as_text=True)
    assert '<option selected value="XK">Kosovo</option>' in form
    sent = {name: values[0] for name, (values, _possible) in fields_of(form).items() if values}
    saved = post_form(editor, f"/fr/manage/events/{event.slug}/edit", sent)
    assert saved.status_code == 303, text_of(saved.get_data(as_text=True))
    assert event_by_slug(app, event.slug).country == "XK"
    # ...and it is offered to that meeting only: a new one cannot choose it.
    assert "XK" not in dict(options(editor.get("/fr/manage/events/new").get_data(True), "country"))


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("en", "Choose a country from the list."),
        ("fr", "Choisissez un pays dans la liste."),
        ("es", "Elija un país de la lista."),
    ],
)
@pytest.mark.parametrize("code", ["AQ", "XK", "ZZ", "E", "FRA", "\u00c9G"])
def test_a_bad_country_is_refused_in_the_page_language(app, editor, lang, message, code):
    title = f"Atelier refusé {lang} {code}"
    sent = post_form(
        editor,
        f"/{lang}/manage/events/new",
        {**NEW_MEETING, "title-fr": title, "country": code, "timezone": "Africa/Dakar"},
    )
    assert sent.status_code == 400
    html = sent.get_data(as_text=True)
    country = html[
        html.index('<label for="country"') : html.index('<label for="participant_count"')
    ]
    assert 'id="country-error"' in country
    assert message in text_of(country)
    with app.app_context():
        assert db.session.scalar(db.select(Event).where(Event.slug.contains("refuse"))) is None


# --- offices ---------------------------------------------------------------------------------


def test_french_office_directory_sorts_as_french_does(client):
    """By code point, "Division Médias et communication" came before "Division de la
    recherche" (a capital M sorts before every small letter)."""
    page = text_of(section(client.get("/fr/offices/").get_data(as_text=True), "headquarters"))
    assert (
        page.index("Division de la recherche sur la migration")
        < page.index("Division des organes directeurs")
        < page.index("Division Médias et communication")
        < page.index("Unité du droit")
    )


def test_spanish_office_directory_sorts_as_spanish_does(client):
    page = text_of(section(client.get("/es/offices/").get_data(as_text=True), "headquarters"))
    assert (
        page.index("División de Medios y Comunicación")
        < page.index("División de Órganos Rectores")
        < page.index("División de Relaciones con los Donantes")
    )


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_office_pickers_and_filter_sort_by_name(editor, admin, client, make_event, lang):
    event = make_event()
    pages = {
        "organizer": editor.get(f"/{lang}/manage/events/{event.slug}/organizers/new"),
        "press": editor.get(f"/{lang}/manage/events/{event.slug}/press/new"),
        "parent": admin.get(f"/{lang}/manage/offices/new"),
        "filter": client.get(f"/{lang}/events/"),
    }
    for field, page in pages.items():
        name = "office" if field in ("organizer", "press", "filter") else "parent"
        offices = names(page.get_data(as_text=True), name)[1:]
        assert offices == sorted(offices, key=_collation(lang)), field
        assert len(offices) > 20


def _collation(lang: str):
    import icu

    collator = icu.Collator.createInstance(icu.Locale(lang))
    return collator.getSortKey


# --- delegations ---------------------------------------------------------------------------


@pytest.fixture
def delegations_meeting(app, make_event):
    """Four Member States and an organization, entered in no particular order."""
    event = make_event(original_language="en")
    with app.app_context():
        for position, (kind, country, en, fr, es) in enumerate(
            [
                (DelegationKind.IGO, None, "African Union", "Union africaine", "Unión Africana"),
                (DelegationKind.MEMBER_STATE, "EG", "Egypt", "Égypte", "Egipto"),
                (DelegationKind.MEMBER_STATE, "BZ", "Belize", "Belize", "Belice"),
                (DelegationKind.MEMBER_STATE, "DM", "Dominica", "Dominique", "Dominica"),
                (DelegationKind.MEMBER_STATE, "BE", "Belgium", "Belgique", "Bélgica"),
                (DelegationKind.MEMBER_STATE, "SN", "Senegal", "Sénégal", "Senegal"),
            ]
        ):
            db.session.add(
                Delegation(
                    event_id=event.id,
                    kind=kind,
                    country=country,
                    name=Translated(en=en, fr=fr, es=es),
                    position=position,
                )
            )
        db.session.commit()
        db.session.remove()
    return event


def delegation_names(html: str) -> list[str]:
    return re.findall(r"<strong>([^<]+)</strong>", section(html, "participants"))


def test_french_meeting_page_lists_member_states_then_organizations_in_french_order(
    client, delegations_meeting
):
    html = client.get(f"/fr/events/{delegations_meeting.slug}/").get_data(as_text=True)
    assert delegation_names(html) == [
        "Belgique",
        "Belize",
        "Dominique",
        "Égypte",
        "Sénégal",
        "Union africaine",
    ]
    text = text_of(section(html, "participants"))
    assert "6 délégations 5 États Membres Belgique" in text
    assert "1 organisation intergouvernementale Union africaine" in text


def test_spanish_meeting_page_lists_delegations_in_spanish_order(client, delegations_meeting):
    html = client.get(f"/es/events/{delegations_meeting.slug}/").get_data(as_text=True)
    assert delegation_names(html)[:5] == ["Bélgica", "Belice", "Dominica", "Egipto", "Senegal"]
    assert "5 Estados Miembros" in text_of(html)


def test_english_meeting_page_headings_agree_in_number(client, delegations_meeting):
    text = text_of(client.get(f"/en/events/{delegations_meeting.slug}/").get_data(True))
    assert "6 delegations 5 Member States Belgium" in text
    assert "1 intergovernmental organization African Union" in text


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_a_delegation_named_as_its_country_does_not_repeat_it(client, delegations_meeting, lang):
    text = text_of(client.get(f"/{lang}/events/{delegations_meeting.slug}/").get_data(True))
    senegal = {"en": "Senegal", "fr": "Sénégal", "es": "Senegal"}[lang]
    assert f"{senegal} — {senegal}" not in text
    assert f"{senegal} ({senegal})" not in text
    assert senegal in text


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fr", ["Belgique", "Belize", "Dominique", "Égypte", "Sénégal", "Union africaine"]),
        ("es", ["Bélgica", "Belice", "Dominica", "Egipto", "Senegal", "Unión Africana"]),
    ],
)
def test_delegation_pickers_sort_by_name(editor, delegations_meeting, lang, expected):
    """The participant's and the document's delegation, the agenda's new speaker's: each
    picker lists the meeting's delegations as the page's language sorts them."""
    slug = delegations_meeting.slug
    for path, field in (
        ("delegations/participants/new", "delegation"),
        ("documents/new", "delegation"),
        ("agenda/new", "new_speaker_delegation"),
    ):
        page = editor.get(f"/{lang}/manage/events/{slug}/{path}").get_data(as_text=True)
        assert names(page, field)[1:] == expected, path


# --- languages ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "Languages: Arabic, English, French, Spanish"),
        ("fr", "Langues : anglais, arabe, espagnol, français"),  # text_of: U+00A0 as a space
        ("es", "Idiomas: árabe, español, francés, inglés"),
    ],
)
def test_a_press_contacts_languages_are_in_the_page_language_order(
    app, client, make_event, lang, expected
):
    event = make_event()
    with app.app_context():
        db.session.add(
            PressContact(event_id=event.id, name="Ada", languages=["fr", "es", "ar", "en"])
        )
        db.session.commit()
        db.session.remove()
    assert expected in text_of(client.get(f"/{lang}/events/{event.slug}/").get_data(True))


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fr", ["anglais", "arabe", "chinois", "espagnol", "français", "portugais", "russe"]),
        ("es", ["árabe", "chino", "español", "francés", "inglés", "portugués", "ruso"]),
    ],
)
def test_press_contact_language_choices_sort_by_name(editor, make_event, lang, expected):
    event = make_event()
    page = editor.get(f"/{lang}/manage/events/{event.slug}/press/new").get_data(as_text=True)
    offered = re.findall(
        r'name="languages" type="checkbox" value="\w+"> <label[^>]*>([^<]+)<', page
    )
    assert offered == expected


# --- offices named as their country ------------------------------------------------------------


def test_an_office_named_as_its_country_does_not_repeat_it(app, client):
    with app.app_context():
        db.session.add(
            Office(
                slug="iom-senegal-test",
                kind=OfficeKind.COUNTRY_OFFICE,
                name=Translated(en="Senegal", fr="Sénégal", es="Senegal"),
                city=Translated(en="Dakar", fr="Dakar", es="Dakar"),
                country="SN",
            )
        )
        db.session.commit()
        db.session.remove()
    for lang, name in (("en", "Senegal"), ("fr", "Sénégal"), ("es", "Senegal")):
        text = text_of(section(client.get(f"/{lang}/offices/").get_data(True), "country"))
        assert f"{name} — Dakar" in text
        assert f"Dakar ({name})" not in text
