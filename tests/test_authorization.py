"""Every staff page refuses visitors; every admin page refuses editors. Walks the whole URL map,
so a new route that forgets its guard fails here."""

import re

import pytest

ADMIN_ONLY = ("/manage/offices", "/manage/users", "/manage/trash/empty")
SAMPLE_VALUES = {"lang": "en", "slug": "rcp-bangkok-2009", "kind": "event"}


def manage_routes(app):
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/<lang:lang>/manage"):
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                yield rule, method


def concrete(rule) -> str:
    def value(match):
        name = match.group(1).rpartition(":")[2]
        return SAMPLE_VALUES.get(name, "1")

    return re.sub(r"<([^>]+)>", value, rule.rule)


def test_there_are_manage_routes_to_check(app):
    assert len(list(manage_routes(app))) > 10


def test_every_manage_route_sends_visitors_to_sign_in(app):
    client = app.test_client()
    app.config["WTF_CSRF_ENABLED"] = False  # so that POSTs reach the guard, not the CSRF check
    try:
        for rule, method in manage_routes(app):
            response = client.open(concrete(rule), method=method)
            assert response.status_code == 302, (rule.rule, method, response.status_code)
            assert response.location.startswith("/en/sign-in?next="), (rule.rule, method)
    finally:
        app.config["WTF_CSRF_ENABLED"] = True


def test_every_admin_route_refuses_editors(app, editor):
    app.config["WTF_CSRF_ENABLED"] = False
    try:
        for rule, method in manage_routes(app):
            if rule.rule.removeprefix("/<lang:lang>").startswith(ADMIN_ONLY):
                response = editor.open(concrete(rule), method=method)
                assert response.status_code == 403, (rule.rule, method, response.status_code)
    finally:
        app.config["WTF_CSRF_ENABLED"] = True


@pytest.mark.parametrize("path", ["/en/manage/trash/", "/en/manage/offices/", "/en/manage/users/"])
def test_admins_reach_admin_pages(app, admin, path):
    """A 200 of the page itself: a redirect (to the sign-in page, say) is no success."""
    response = admin.get(path)
    assert response.status_code == 200, (path, response.status_code, response.location)
    assert 'action="/en/sign-in' not in response.get_data(as_text=True)
