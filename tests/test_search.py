"""Site search: any language, accents and case ignored, kept in step with every edit."""

import re

import pytest

from iom_events.events.models import Event, EventStatus
from iom_events.extensions import db
from iom_events.translated import Translated

from pages import text_of
from staff import post_form

RCP = "/{lang}/events/rcp-bangkok-2009/"
BAPA = "/{lang}/events/bapa40-buenos-aires-2019/"


def hits(client, lang: str, query: str, **filters) -> list[str]:
    response = client.get(f"/{lang}/search", query_string={"q": query, **filters})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    return re.findall(r'<li class="result">\s*<a href="([^"]+)"', html)


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
@pytest.mark.parametrize(
    ("query", "meeting"),
    [
        ("reunion mondiale", RCP),
        ("soderkoping", RCP),
        ("abou dhabi", RCP),
        ("Panich Vikitsreth", RCP),
        ("universite de toronto", RCP),
        ("rapport final", RCP),
        ("GUTERRES", BAPA),
        ("cooperacion sur-sur", BAPA),
        ("buenos aires", BAPA),
    ],
)
def test_finds_the_reference_meetings_typed_without_accents(client, lang, query, meeting):
    assert meeting.format(lang=lang) in hits(client, lang, query)


def test_a_plural_finds_a_singular(client):
    assert RCP.format(lang="en") in hits(client, "en", "presentations delegations")


def test_the_matched_part_is_highlighted_in_the_readers_language(client):
    html = client.get("/es/search", query_string={"q": "soderkoping"}).get_data(as_text=True)
    assert "<mark>Söderköping</mark>" in html
    assert "Delegación" in text_of(html)


@pytest.mark.parametrize(
    "query", ['" OR 1=1 --', "NEAR(", "*", "x" * 10_000, "'; DROP TABLE event; --", "", "   "]
)
def test_hostile_or_empty_queries_get_a_normal_page(client, query):
    assert client.get("/fr/search", query_string={"q": query}).status_code == 200


def test_filters_combine_with_the_words(client):
    everywhere = hits(client, "en", "migration")
    in_argentina = hits(client, "en", "migration", country="AR")
    assert RCP.format(lang="en") in everywhere and BAPA.format(lang="en") in in_argentina
    assert in_argentina and all("/bapa40" in url for url in in_argentina)
    assert RCP.format(lang="en") not in hits(client, "en", "migration", year="2019")
    assert client.get("/en/search", query_string={"q": "x", "kind": "picnic"}).status_code == 400


def test_drafts_edits_removals_and_restores(app, client, editor, admin, make_event):
    draft = make_event(status=EventStatus.DRAFT, title=Translated(en="Zanzibar consultation"))
    assert hits(client, "en", "zanzibar") == []
    with app.app_context():
        stored = db.session.get(Event, draft.id)
        stored.status = EventStatus.PUBLISHED
        stored.title = Translated(en="Zanzibar consultation on Kilimanjaro")
        db.session.commit()
        version = stored.version
    assert hits(client, "en", "kilimanjaro") == [f"/en/events/{draft.slug}/"]
    post_form(editor, f"/en/manage/events/{draft.slug}/remove", {"version": version})
    assert hits(client, "en", "kilimanjaro") == []
    post_form(
        admin, f"/en/manage/trash/event/{draft.id}/restore", {}, path_for_token="/en/manage/trash/"
    )
    assert hits(client, "en", "kilimanjaro") == [f"/en/events/{draft.slug}/"]


LETTERS = [
    ("œuvre", "oeuvre"),
    ("Æbeltoft", "aebeltoft"),
    ("Søndre", "sondre"),
    ("Łódź", "lodz"),
    ("Đakovo", "dakovo"),
    ("Straßenkinder", "strassenkinder"),
    ("Þingvellir", "thingvellir"),
]
"""Latin letters with no Unicode decomposition (issue 17: "mise en oeuvre" finds "mise en
œuvre", in the index and the query alike)."""


@pytest.mark.parametrize(("letters", "plain"), LETTERS, ids=[plain for _, plain in LETTERS])
def test_every_latin_letter_is_found_by_its_base_letters_and_the_other_way(
    client, make_event, letters, plain
):
    written = make_event(title=Translated(en=f"Consultation of {letters}"))
    typed = make_event(title=Translated(en=f"Consultation of {plain}"))
    expected = {f"/en/events/{written.slug}/", f"/en/events/{typed.slug}/"}
    assert expected <= set(hits(client, "en", plain))
    assert expected <= set(hits(client, "en", letters))


def test_the_rebuild_command_indexes_everything_again(app, client, runner):
    result = runner.invoke(args=["search", "rebuild"])
    assert result.exit_code == 0 and "Indexed" in result.output
    assert RCP.format(lang="en") in hits(client, "en", "soderkoping")


@pytest.mark.parametrize(("query", "expected"), [("migration", 4), ("zzzz", 4)])
def test_search_costs_a_fixed_number_of_queries(client, count_queries, query, expected):
    with count_queries() as counter:
        client.get("/en/search", query_string={"q": query})
    assert len(counter) == expected, "\n\n".join(counter.statements)


def test_every_page_links_to_search(client):
    html = client.get("/fr/offices/").get_data(as_text=True)
    assert 'action="/fr/search"' in html and 'role="search"' in html


def test_staff_search_finds_drafts_too(client, editor, make_event):
    draft = make_event(status=EventStatus.DRAFT, title=Translated(fr="Séminaire confidentiel"))
    assert hits(client, "fr", "seminaire confidentiel") == []
    page = editor.get("/fr/manage/", query_string={"q": "seminaire"}).get_data(as_text=True)
    assert f'href="/fr/manage/events/{draft.slug}/"' in page
