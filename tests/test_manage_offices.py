"""Administrators keep the office directory: create, edit, move to the trash, restore."""

import re
import secrets

import pytest
from factories import organized_by
from sqlalchemy import select

from iom_events.extensions import db
from iom_events.offices.models import Office

from pages import section, text_of
from staff import post_form


def new_office(**changes) -> dict:
    """A country office in Togo with resource-mobilization functions, under a unique slug."""
    tag = secrets.token_hex(3)
    return {
        "slug": f"test-lome-{tag}",
        "kind": "country_office",
        "name-en": f"IOM Togo {tag}",
        "name-fr": f"OIM Togo {tag}",
        "name-es": "",
        "description-fr": "Appuie le **gouvernement** du Togo.",
        "city-en": "Lomé",
        "city-fr": "Lomé",
        "country": "TG",
        "resource_mobilization": "y",
        "position": "900",
        **changes,
    }


@pytest.fixture
def create(app):
    """Creates offices through the form; those it made are deleted for good when the test ends,
    so that the public directory stays as the other tests expect it."""
    created: list[str] = []

    def create_office(client, data):
        response = post_form(client, "/en/manage/offices/new", data)
        if response.status_code == 303:
            created.append(data["slug"])
        return response

    yield create_office
    with app.app_context():
        for slug in reversed(created):  # units before the office they belong to
            office = db.session.scalar(
                select(Office).where(Office.slug == slug),
                execution_options={"include_removed": True},
            )
            db.session.delete(office)
            db.session.flush()
        db.session.commit()


def office_by_slug(app, slug):
    with app.app_context():
        office = db.session.scalar(
            select(Office).where(Office.slug == slug), execution_options={"include_removed": True}
        )
        db.session.expunge_all()
        return office


def edit(client, app, slug, data):
    return post_form(
        client,
        f"/en/manage/offices/{slug}/edit",
        {**data, "version": office_by_slug(app, slug).version},
    )


def test_a_new_office_is_in_the_public_directory_and_has_its_page(app, admin, create):
    data = new_office()
    assert create(admin, data).status_code == 303
    listing = text_of(admin.get("/en/manage/offices/").get_data(as_text=True))
    assert data["name-en"] in listing and "Move to the trash" in listing

    directory = admin.get("/fr/offices/").get_data(as_text=True)
    assert data["name-fr"] in text_of(section(directory, "resources"))
    page = text_of(admin.get(f"/fr/offices/{data['slug']}/").get_data(as_text=True))
    assert data["name-fr"] in page and "Lomé, Togo" in page
    assert "Appuie le gouvernement du Togo." in page


def test_editing_the_french_name_shows_on_the_public_pages(app, admin, create):
    data = new_office()
    create(admin, data)
    form = admin.get(f"/fr/manage/offices/{data['slug']}/edit").get_data(as_text=True)
    assert f'value="{data["name-fr"]}"' in form and 'value="900"' in form

    response = edit(admin, app, data["slug"], {**data, "name-fr": "Bureau de pays à Lomé"})
    assert response.status_code == 303
    assert "Bureau de pays à Lomé" in text_of(admin.get("/fr/offices/").get_data(as_text=True))
    page = text_of(admin.get(f"/fr/offices/{data['slug']}/").get_data(as_text=True))
    assert "Bureau de pays à Lomé" in page and data["name-fr"] not in page


def test_a_division_is_shown_under_its_department(app, admin, create):
    data = new_office(
        kind="division", country="", parent="international-cooperation-and-partnerships"
    )
    assert create(admin, data).status_code == 303
    form = admin.get(f"/en/manage/offices/{data['slug']}/edit").get_data(as_text=True)
    assert '<option selected value="international-cooperation-and-partnerships">' in form
    department = admin.get("/en/offices/international-cooperation-and-partnerships/")
    assert data["name-en"] in text_of(section(department.get_data(as_text=True), "units"))


def test_an_office_cannot_be_part_of_itself_or_of_its_units(app, admin, create):
    department = new_office(kind="department")
    division = new_office(kind="division", parent=department["slug"])
    create(admin, department)
    create(admin, division)
    for parent in (department["slug"], division["slug"]):
        response = edit(admin, app, department["slug"], {**department, "parent": parent})
        assert response.status_code == 400
        assert "An office cannot be part of itself or of one of its units." in text_of(
            response.get_data(as_text=True)
        )
    assert office_by_slug(app, department["slug"]).parent_id is None


def test_a_slug_already_taken_is_refused_and_the_input_kept(app, admin, create):
    response = create(admin, new_office(slug="bangkok", **{"city-fr": "Lomé-Port"}))
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "Another office already has this address." in text_of(html)
    assert 'value="Lomé-Port"' in html and 'value="900"' in html
    assert office_by_slug(app, "bangkok").country == "TH"  # the existing office is untouched


def test_bad_input_gets_messages_and_changes_nothing(app, admin, create):
    data = new_office(slug="Not A Slug", **{"name-en": "", "name-fr": ""})
    response = create(admin, data)
    assert response.status_code == 400
    page = text_of(response.get_data(as_text=True))
    assert "Enter this in at least one language." in page
    assert "Use lowercase letters, digits and single hyphens" in page
    html = response.get_data(as_text=True)
    assert 'value="not a slug"' in html and 'value="Lomé"' in html and 'value="900"' in html
    assert office_by_slug(app, "not a slug") is None


def test_an_office_that_organizes_a_meeting_stays(app, admin, make_event):
    # The demo meetings are organized by no IOM office (seed 002 names none): one of its own.
    organized_by(app, make_event(), "international-partnerships")
    office = office_by_slug(app, "international-partnerships")
    response = post_form(
        admin,
        "/en/manage/offices/international-partnerships/remove",
        {"version": office.version},
        follow_redirects=True,
    )
    assert "This office still organizes meetings" in text_of(response.get_data(as_text=True))
    assert office_by_slug(app, "international-partnerships").removed_at is None
    assert admin.get("/en/offices/international-partnerships/").status_code == 200


def test_an_office_with_units_stays(app, admin):
    slug = "international-cooperation-and-partnerships"
    response = post_form(
        admin,
        f"/en/manage/offices/{slug}/remove",
        {"version": office_by_slug(app, slug).version},
        follow_redirects=True,
    )
    assert "This office still has divisions or units" in text_of(response.get_data(as_text=True))
    assert office_by_slug(app, slug).removed_at is None


def test_a_removed_office_leaves_the_directory_and_is_restored_from_the_trash(app, admin, create):
    data = new_office()
    create(admin, data)
    office = office_by_slug(app, data["slug"])
    response = post_form(
        admin,
        f"/en/manage/offices/{data['slug']}/remove",
        {"version": office.version},
        follow_redirects=True,
    )
    assert "The office is in the trash." in text_of(response.get_data(as_text=True))
    assert data["name-fr"] not in text_of(admin.get("/fr/offices/").get_data(as_text=True))
    assert admin.get(f"/fr/offices/{data['slug']}/").status_code == 404

    again = create(admin, new_office(slug=data["slug"]))  # the trash keeps the address
    assert "Another office already has this address." in text_of(again.get_data(as_text=True))

    trash = admin.get("/en/manage/trash/").get_data(as_text=True)
    assert data["name-en"] in text_of(trash)
    post_form(
        admin,
        f"/en/manage/trash/office/{office.id}/restore",
        {},
        path_for_token="/en/manage/trash/",
    )
    assert data["name-fr"] in text_of(admin.get("/fr/offices/").get_data(as_text=True))
    assert admin.get(f"/fr/offices/{data['slug']}/").status_code == 200


def test_saving_from_a_stale_form_is_a_conflict_not_an_overwrite(app, admin, create):
    data = new_office()
    create(admin, data)
    stale = office_by_slug(app, data["slug"]).version
    path = f"/en/manage/offices/{data['slug']}/edit"
    first = post_form(admin, path, {**data, "version": stale, "city-en": "Lome (first)"})
    assert first.status_code == 303
    second = post_form(
        admin,
        path,
        {**data, "version": stale, "name-en": "IOM Lomé (second)", "city-en": "Lomé (second)"},
    )  # both changed the English city: a true clash
    assert second.status_code == 409
    html = second.get_data(as_text=True)
    assert "Someone else changed this while you were editing" in text_of(html)
    assert "Lome (first)" in text_of(html) and 'value="IOM Lomé (second)"' in html
    assert office_by_slug(app, data["slug"]).name["en"] == data["name-en"]
    version = re.search(r'name="version"[^>]*value="(\d+)"', html).group(1)
    third = post_form(admin, path, {**data, "version": version, "name-en": "IOM Lomé (second)"})
    assert third.status_code == 303
    assert office_by_slug(app, data["slug"]).name["en"] == "IOM Lomé (second)"


def test_editors_do_not_manage_offices(editor):
    assert editor.get("/en/manage/offices/new").status_code == 403
