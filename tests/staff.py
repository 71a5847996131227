"""Staff accounts in tests: the shared password and signing in like a browser does."""

import re

PASSWORD = "correct horse battery staple"


def csrf_token(client, path: str = "/en/sign-in") -> str:
    """The CSRF token of the client's session, read from a page's form."""
    html = client.get(path).get_data(as_text=True)
    match = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html)
    assert match, f"no CSRF token on {path}"
    return match.group(1)


def sign_in(client, email: str, password: str = PASSWORD):
    return client.post(
        "/en/sign-in",
        data={"email": email, "password": password, "csrf_token": csrf_token(client)},
    )


def post_form(client, path: str, data: dict, path_for_token: str = "/en/sign-in", **kwargs):
    """POST like a browser does: with the session's CSRF token."""
    token = csrf_token(client, path_for_token)
    return client.post(path, data={"csrf_token": token, **data}, **kwargs)


def confirm(client, path: str, **kwargs):
    """Open a confirmation page and press its button: POST its hidden fields, token included."""
    html = client.get(path).get_data(as_text=True)
    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html))
    assert "csrf_token" in fields, f"no confirmation form on {path}"
    return client.post(path, data=fields, **kwargs)
