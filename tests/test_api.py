"""The JSON API: public data only, in the language asked for, cacheable, with problem details."""

from datetime import date

import pytest
from test_query_budget import fill

from iom_events.agenda.models import AgendaItem, AgendaItemKind
from iom_events.delegations.models import Delegation, DelegationKind, Participant, ParticipantRole
from iom_events.events.models import Event, EventStatus
from iom_events.extensions import db
from iom_events.translated import Translated

RCP = "/api/v1/meetings/rcp-bangkok-2009"
PROBLEM = "application/problem+json"


def test_the_rcp_meeting_in_french(client):
    response = client.get(f"{RCP}?lang=fr")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    meeting = response.get_json()
    assert meeting["title"]["lang"] == "fr"
    assert meeting["title"]["text"].startswith("Réunion mondiale des présidents")
    assert meeting["starts_on"] == "2009-06-04"
    assert meeting["timezone"] == "Asia/Bangkok"
    assert meeting["country"] == "TH"
    assert len(meeting["delegations"]) == 13
    assert meeting["url"] == "http://localhost/fr/events/rcp-bangkok-2009/"
    assert meeting["feeds"]["ics"]["fr"] == "http://localhost/fr/events/rcp-bangkok-2009.ics"
    version = meeting["documents"][0]["versions"][0]
    assert version["media_type"] and version["size"] > 0
    download = client.get(version["url"].removeprefix("http://localhost"))
    assert download.status_code == 200
    assert len(download.data) == version["size"]


def test_accept_language_chooses_the_language_when_lang_is_absent(client):
    meeting = client.get(RCP, headers={"Accept-Language": "es-AR,es;q=0.9"}).get_json()
    assert meeting["title"]["lang"] == "es"
    assert client.get(RCP).get_json()["title"]["lang"] == "en"


def test_every_language_at_once(client):
    meeting = client.get(f"{RCP}?lang=all").get_json()
    assert set(meeting["title"]) == {"en", "fr", "es"}
    assert meeting["title"]["fr"].startswith("Réunion mondiale")
    assert set(meeting["delegations"][0]["name"]) <= {"en", "fr", "es"}


def test_a_fallback_names_the_language_served(client, make_event):
    event = make_event(original_language="fr", title=Translated(fr="Seulement en français"))
    meeting = client.get(f"/api/v1/meetings/{event.slug}?lang=en").get_json()
    assert meeting["title"] == {"text": "Seulement en français", "lang": "fr"}
    assert client.get(f"/api/v1/meetings/{event.slug}?lang=all").get_json()["title"] == {
        "fr": "Seulement en français"
    }


def test_the_list_filters_and_links_pages(client):
    response = client.get("/api/v1/meetings?per_page=1&kind=rcp_meeting&lang=fr")
    assert response.status_code == 200
    listing = response.get_json()
    assert listing["total"] == 1 and listing["next"] is None and listing["previous"] is None
    [item] = listing["items"]
    assert item["slug"] == "rcp-bangkok-2009"
    assert item["api_url"] == "http://localhost/api/v1/meetings/rcp-bangkok-2009"
    everything = client.get("/api/v1/meetings?per_page=1").get_json()
    assert everything["total"] > 1
    assert everything["next"].startswith("http://localhost/api/v1/meetings?")
    second = client.get(everything["next"].removeprefix("http://localhost")).get_json()
    assert second["previous"] and second["items"][0]["slug"] != everything["items"][0]["slug"]


def test_the_list_searches(client):
    listing = client.get("/api/v1/meetings?q=soderkoping").get_json()
    assert "rcp-bangkok-2009" in [item["slug"] for item in listing["items"]]
    assert client.get("/api/v1/meetings?q=zzzyyyxxx").get_json()["total"] == 0


@pytest.mark.parametrize(
    ("path", "parameter"),
    [
        ("/api/v1/meetings?kind=party", "kind"),
        ("/api/v1/meetings?year=next", "year"),
        ("/api/v1/meetings?country=Thailand", "country"),
        ("/api/v1/meetings?office=no-such-office", "office"),
        ("/api/v1/meetings?page=0", "page"),
        ("/api/v1/meetings?per_page=1000", "per_page"),
        ("/api/v1/meetings?lang=de", "lang"),
        (f"{RCP}?lang=xx", "lang"),
        ("/api/v1/offices?lang=de", "lang"),
    ],
)
def test_a_bad_parameter_is_a_problem_naming_it(client, path, parameter):
    response = client.get(path)
    assert response.status_code == 400
    assert response.mimetype == PROBLEM
    problem = response.get_json()
    assert problem["status"] == 400 and problem["type"] == "about:blank"
    assert problem["detail"].startswith(f"{parameter}: ")
    assert response.headers["Access-Control-Allow-Origin"] == "*"


def test_kind_problem_says_why(client):
    problem = client.get("/api/v1/meetings?kind=party").get_json()
    assert problem["detail"].startswith("kind: Expected one of: conference, ")


@pytest.mark.parametrize(
    ("path", "headers", "lang", "detail"),
    [
        ("/api/v1/meetings?year=1700&lang=fr", {}, "fr", "year: Une année de 1951 à 2100"),
        ("/api/v1/meetings?page=0&lang=es", {}, "es", "page: Se espera un número entero de 1 a"),
        ("/api/v1/meetings?kind=party", {"Accept-Language": "fr-CH"}, "fr", "kind: Valeurs"),
        ("/api/v1/meetings?lang=de", {"Accept-Language": "es"}, "es", "lang: Valores posibles"),
        ("/api/v1/meetings?country=th&lang=fr", {}, "fr", "country: Un code ISO 3166-1"),
        ("/api/v1/meetings?office=nowhere&lang=es", {}, "es", "office: Ninguna oficina"),
        ("/api/v1/meetings/no-such-meeting?lang=fr", {}, "fr", "slug: Aucune réunion n’a"),
        ("/api/v1/offices/nowhere", {"Accept-Language": "es"}, "es", "slug: Ninguna oficina"),
        ("/api/v1/meetings?year=1700", {}, "en", "year: Expected a year from 1951 to 2100."),
    ],
)
def test_a_problem_is_told_in_the_language_asked_for(client, path, headers, lang, detail):
    """?lang= names the language of the answer, errors included; else Accept-Language."""
    response = client.get(path, headers=headers)
    assert response.status_code in (400, 404)
    assert response.headers["Content-Language"] == lang
    assert response.get_json()["detail"].replace("\u00a0", " ").startswith(detail)


@pytest.mark.parametrize("path", ["/api/v1/meetings/no-such-meeting", "/api/v1/offices/nowhere"])
def test_an_unknown_slug_is_a_404_problem(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response.mimetype == PROBLEM
    assert response.get_json()["status"] == 404
    assert "slug" in response.get_json()["detail"]


def test_a_draft_is_not_found(client, make_event):
    event = make_event(status=EventStatus.DRAFT)
    assert client.get(f"/api/v1/meetings/{event.slug}").status_code == 404
    listing = client.get("/api/v1/meetings?per_page=100").get_data(as_text=True)
    assert event.slug not in listing


def test_the_html_site_keeps_its_error_pages(client):
    response = client.get("/en/events/no-such-meeting/")
    assert response.status_code == 404 and response.mimetype == "text/html"


@pytest.mark.parametrize(
    "path", [RCP, "/api/v1/meetings", "/api/v1/offices", "/api/v1/offices/bangkok"]
)
def test_304_when_nothing_changed(client, path):
    first = client.get(path)
    assert first.status_code == 200
    assert first.headers["ETag"]
    assert "public" in first.headers["Cache-Control"]
    assert "no-cache" in first.headers["Cache-Control"]
    assert first.headers["Access-Control-Allow-Origin"] == "*"
    assert first.headers["Access-Control-Expose-Headers"] == "ETag"
    again = client.get(path, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304
    assert again.headers["Access-Control-Allow-Origin"] == "*"


def test_offices_link_their_meetings(client):
    offices = client.get("/api/v1/offices").get_json()["items"]
    bangkok = next(o for o in offices if o["slug"] == "bangkok")
    assert bangkok["meetings_url"] == "http://localhost/api/v1/meetings?office=bangkok"
    assert client.get("/api/v1/offices/bangkok").get_json()["slug"] == "bangkok"
    assert client.get("/api/v1/meetings?office=bangkok").status_code == 200


def _with_private_people(app, event_id: int) -> None:
    with app.app_context():
        delegation = Delegation(
            event_id=event_id, kind=DelegationKind.MEMBER_STATE, name=Translated(en="Freedonia")
        )
        public = Participant(
            event_id=event_id,
            delegation=delegation,
            name="Rufus T. Firefly",
            role=ParticipantRole.HEAD_OF_DELEGATION,
            email="rufus@freedonia.test",
            phone="+41225551234",
        )
        hidden = Participant(
            event_id=event_id,
            name="Hidden Person",
            role=ParticipantRole.SPEAKER,
            is_public=False,
            email="hidden@freedonia.test",
            phone="+41229876543",
        )
        item = AgendaItem(
            event_id=event_id,
            day=date(2030, 1, 10),
            kind=AgendaItemKind.SESSION,
            title=Translated(en="Opening"),
            speakers=[public, hidden],
        )
        db.session.add_all([delegation, public, hidden, item])
        db.session.commit()


def test_no_private_field_anywhere(client, app, make_event):
    event = make_event()
    _with_private_people(app, event.id)
    meeting = client.get(f"/api/v1/meetings/{event.slug}").get_json()
    assert meeting["delegations"][0]["members"][0]["name"] == "Rufus T. Firefly"
    assert [s["name"] for s in meeting["agenda"][0]["speakers"]] == ["Rufus T. Firefly"]

    bodies = []
    listing = client.get("/api/v1/meetings?per_page=100&lang=all").get_json()
    slugs = [item["slug"] for item in listing["items"]]
    assert event.slug in slugs and len(slugs) == listing["total"]
    offices = client.get("/api/v1/offices?lang=all").get_json()["items"]
    paths = [
        "/api/v1/meetings",
        "/api/v1/offices",
        *(f"/api/v1/offices/{o['slug']}" for o in offices),
        *(f"/api/v1/meetings/{slug}" for slug in slugs),
    ]
    for path in paths:
        for lang in ("en", "fr", "es", "all"):
            response = client.get(path, query_string={"lang": lang, "per_page": 100})
            assert response.status_code == 200, path
            bodies.append(response.get_data(as_text=True))
    for body in bodies:
        for secret in (
            "Hidden Person",
            "hidden@freedonia.test",
            "rufus@freedonia.test",
            "+41229876543",
            "+41225551234",
            "9876543",
            "5551234",
        ):
            assert secret not in body
    # The walk did cover the people who may be shown.
    assert any("Rufus T. Firefly" in body for body in bodies)


@pytest.mark.parametrize(
    "size",
    [
        {"agenda": 3, "delegations": 2, "documents": 2, "side_events": 1},
        {"agenda": 300, "delegations": 150, "documents": 200, "side_events": 5},
    ],
)
def test_meeting_query_count_does_not_grow(client, app, make_event, count_queries, size):
    event = make_event()
    with app.app_context(), db.session.no_autoflush:
        fill(event.id, **size)
    with count_queries() as counter:
        response = client.get(f"/api/v1/meetings/{event.slug}")
    assert response.status_code == 200
    meeting = response.get_json()
    assert len(meeting["agenda"]) == size["agenda"]
    assert len(meeting["delegations"]) == size["delegations"]
    assert len(meeting["documents"]) == size["documents"]
    assert len(meeting["side_events"]) == size["side_events"]
    # The fingerprint, then `public.meeting`'s eight.
    assert len(counter) == 9, "\n\n".join(counter.statements)
    with app.app_context():
        for side_event in db.session.get(Event, event.id).side_events:
            db.session.delete(side_event)
        db.session.commit()


def test_a_page_beyond_the_documented_maximum_is_a_problem_not_a_crash(client):
    # An OFFSET beyond the database's integers used to end in a 500 (OverflowError on SQLite).
    response = client.get("/api/v1/meetings?page=100000000000000000000")
    assert response.status_code == 400
    assert response.mimetype == PROBLEM
    assert response.get_json()["detail"].startswith("page:")


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [("POST", "/api/v1/meetings", 405), ("DELETE", "/api/v1/meetings/rcp-bangkok-2009", 405),
     ("GET", "/api/v1/", 404), ("GET", "/api/v1/meetings/", 404), ("GET", "/api/v2/meetings", 404)],
)  # fmt: skip
def test_what_the_api_does_not_have_is_a_problem_too(client, method, path, status):
    response = client.open(path, method=method)
    assert response.status_code == status
    assert response.mimetype == PROBLEM
    assert response.get_json()["status"] == status
    if status == 405:
        assert "GET" in response.headers["Allow"]
