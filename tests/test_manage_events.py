"""Staff create, edit, publish, cancel and remove meetings; conflicts and history."""

import re

from sqlalchemy import select

from iom_events.audit.models import AuditEntry
from iom_events.events.models import Event, EventStatus
from iom_events.extensions import db

from conftest import post_form, sign_in
from pages import text_of

NEW_MEETING = {
    "title-en": "",
    "title-fr": "Atelier sur la migration de travail",
    "title-es": "",
    "kind": "workshop",
    "original_language": "fr",
    "starts_on": "2031-05-06",
    "ends_on": "2031-05-07",
    "timezone": "",
    "city-fr": "Dakar",
    "country": "SN",
    "website": "https://example.org/atelier",
}


def create(client, **changes):
    return post_form(client, "/fr/manage/events/new", {**NEW_MEETING, **changes})


def event_by_slug(app, slug):
    with app.app_context():
        event = db.session.scalar(
            select(Event).where(Event.slug == slug), execution_options={"include_removed": True}
        )
        db.session.expunge_all()
        return event


def test_sign_in_out_and_wrong_password(app, staff_accounts):
    client = app.test_client()
    wrong = sign_in(client, staff_accounts["editor"], "wrong password")
    assert wrong.status_code == 401
    assert "This e-mail address and password do not match." in wrong.get_data(as_text=True)
    unknown = sign_in(client, "nobody@iom.test", "wrong password")
    assert unknown.status_code == 401  # same answer: no account enumeration
    assert sign_in(client, staff_accounts["editor"]).status_code == 302
    assert client.get("/en/manage/").status_code == 200
    post_form(client, "/en/sign-out", {}, path_for_token="/en/manage/")
    assert client.get("/en/manage/").status_code == 302


def test_create_meeting_generates_slug_and_timezone_then_publish(app, editor):
    response = create(editor)
    assert response.status_code == 303
    slug = response.location.rstrip("/").rsplit("/", 1)[1]
    assert slug == "atelier-sur-la-migration-de-travail"
    event = event_by_slug(app, slug)
    assert event.status == EventStatus.DRAFT and event.timezone == "Africa/Dakar"
    assert app.test_client().get(f"/fr/events/{slug}/").status_code == 404  # not public
    assert "Brouillon — non public" in editor.get(f"/fr/events/{slug}/").get_data(as_text=True)

    post_form(
        editor,
        f"/fr/manage/events/{slug}/status",
        {"status": "published", "version": event.version},
    )
    page = text_of(editor.get(f"/en/events/{slug}/").get_data(as_text=True))
    assert "Atelier sur la migration de travail" in page and "Available in French only." in page

    second = create(editor, website="https://example.org/atelier-2")  # the same form: no second
    assert second.location.rstrip("/").endswith(f"{slug}-2")  # never a clash


def test_invalid_input_gets_messages_and_keeps_everything(app, editor):
    response = create(editor, **{"title-fr": "", "ends_on": "2031-05-01", "website": "ftp://x"})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "Saisissez ce texte dans au moins une langue." in html
    assert "Le dernier jour ne peut pas précéder le premier." in html
    assert "Saisissez une adresse web commençant par http:// ou https://." in html
    assert 'value="2031-05-01"' in html and 'value="ftp://x"' in html and 'value="Dakar"' in html


def test_country_with_several_time_zones_needs_one(editor):
    response = create(editor, country="AR", **{"title-fr": "Réunion à Buenos Aires"})
    assert response.status_code == 400


def test_csrf_missing_changes_nothing(app, editor):
    before = event_by_slug(app, "rcp-bangkok-2009")
    response = editor.post(
        "/en/manage/events/rcp-bangkok-2009/status",
        data={"status": "draft", "version": before.version},
    )
    assert response.status_code == 400
    assert event_by_slug(app, "rcp-bangkok-2009").status == EventStatus.PUBLISHED


def edit_form(client, slug):
    html = client.get(f"/en/manage/events/{slug}/edit").get_data(as_text=True)
    fields = dict(re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', html))
    for name, value in re.findall(
        r'name="([^"]+)"[^>]*>\s*<option[^>]*selected[^>]*value="([^"]*)"', html
    ):
        fields[name] = value
    return html, fields


def test_two_editors_saving_the_same_meeting_get_a_conflict_not_an_overwrite(app, editor, admin):
    slug = create(editor).location.rstrip("/").rsplit("/", 1)[1]
    data = {**NEW_MEETING, "timezone": "Africa/Dakar"}
    version = event_by_slug(app, slug).version
    first = post_form(
        editor,
        f"/en/manage/events/{slug}/edit",
        {**data, "version": version, "city-en": "Dakar (first editor)"},
    )
    assert first.status_code == 303
    second = post_form(  # both changed the English city: a true clash
        admin,
        f"/en/manage/events/{slug}/edit",
        {
            **data,
            "version": version,
            "city-en": "Dakar (second editor)",
            "title-en": "Labour migration workshop",
        },
    )
    assert second.status_code == 409
    html = second.get_data(as_text=True)
    assert "Someone else changed this while you were editing" in html
    assert "Dakar (first editor)" in html  # what the other changed
    assert 'value="Labour migration workshop"' in html  # their own input is kept
    assert event_by_slug(app, slug).city["en"] == "Dakar (first editor)"
    new_version = re.search(r'name="version"[^>]*value="(\d+)"', html).group(1)
    again = post_form(
        admin,
        f"/en/manage/events/{slug}/edit",
        {**data, "version": new_version, "title-en": "Labour migration workshop"},
    )
    assert again.status_code == 303
    assert event_by_slug(app, slug).title["en"] == "Labour migration workshop"


def test_edit_writes_field_level_history(app, editor):
    slug = create(editor).location.rstrip("/").rsplit("/", 1)[1]
    event = event_by_slug(app, slug)
    post_form(
        editor,
        f"/en/manage/events/{slug}/edit",
        {
            **NEW_MEETING,
            "timezone": "Africa/Dakar",
            "version": event.version,
            "ends_on": "2031-05-08",
        },
    )
    with app.app_context():
        entry = db.session.scalars(
            select(AuditEntry)
            .where(AuditEntry.object_type == "Event", AuditEntry.object_id == event.id)
            .order_by(AuditEntry.id.desc())
        ).first()
        assert entry.action == "update"
        assert entry.changes == {"ends_on": ["2031-05-07", "2031-05-08"]}
        assert entry.user.email == "editor@iom.test"
    history = editor.get(f"/en/manage/events/{slug}/history").get_data(as_text=True)
    assert '<th scope="row">Last day</th><td>7 May 2031</td><td>8 May 2031</td>' in history


def test_removed_meeting_leaves_public_pages_and_returns_intact(app, editor, admin):
    slug = "rcp-bangkok-2009"
    event = event_by_slug(app, slug)
    post_form(editor, f"/en/manage/events/{slug}/remove", {"version": event.version})
    assert app.test_client().get(f"/en/events/{slug}/").status_code == 404
    assert "In the trash — not public" in editor.get(f"/en/events/{slug}/").get_data(as_text=True)
    assert "Réunion mondiale" not in text_of(editor.get("/fr/events/").get_data(as_text=True))
    trash = admin.get("/en/manage/trash/").get_data(as_text=True)
    assert "Global Meeting of Chairs" in text_of(trash)
    post_form(
        admin, f"/en/manage/trash/event/{event.id}/restore", {}, path_for_token="/en/manage/trash/"
    )
    page = text_of(editor.get(f"/fr/events/{slug}/").get_data(as_text=True))
    assert "13 délégations" in page and "Rapport final (en anglais)" in page


def test_a_side_event_offers_no_side_event_of_its_own(app, editor, make_event):
    """Side events cannot have side events: the link would open a form that drops it."""
    main = make_event()
    side = make_event(kind="side_event")
    with app.app_context():
        db.session.get(Event, side.id).parent_id = main.id
        db.session.commit()
    assert "Add a side event" in editor.get(f"/en/manage/events/{main.slug}/").get_data(True)
    assert "Add a side event" not in editor.get(f"/en/manage/events/{side.slug}/").get_data(True)
