"""`flask users ...`: the accounts an operator manages from the command line."""

import secrets

from staff import sign_in

PASSWORD = "a password from the terminal"


def new_email() -> str:
    return f"cli.{secrets.token_hex(3)}@iom.int"


def elsewhere(app):
    """A client from an address of its own: its refused sign-ins slow down no other test."""
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = "192.0.2.44"
    return client


def users(runner, *args, password: str | None = None):
    return runner.invoke(args=["users", *args], input=None if password is None else f"{password}\n")


def listed(runner) -> str:
    return users(runner, "list").output


def create(runner, email: str, role: str = "editor"):
    result = users(runner, "create", email, "--role", role, "--password-stdin", password=PASSWORD)
    assert result.exit_code == 0, result.output
    return result


def test_create_then_sign_in(app, runner):
    email = new_email()
    assert f"Created {email} (admin)." in create(runner, email, "admin").output
    assert f"{email}\tadmin\tactive" in listed(runner)
    client = app.test_client()
    assert sign_in(client, email, PASSWORD).status_code == 302
    assert client.get("/en/manage/users/").status_code == 200


def test_the_password_can_be_typed_twice_at_the_prompt(app, runner):
    email = new_email()
    result = runner.invoke(args=["users", "create", email], input=f"{PASSWORD}\n{PASSWORD}\n")
    assert result.exit_code == 0, result.output
    assert sign_in(app.test_client(), email, PASSWORD).status_code == 302


def test_a_short_password_creates_nothing(runner):
    email = new_email()
    result = users(runner, "create", email, "--password-stdin", password="too short")
    assert result.exit_code != 0
    assert "The password needs at least 12 characters." in result.output
    assert email not in listed(runner)


def test_an_address_with_an_account_creates_nothing(runner):
    email = new_email()
    create(runner, email)
    before = listed(runner)
    result = users(runner, "create", email.upper(), "--password-stdin", password=PASSWORD)
    assert result.exit_code != 0
    assert "already has an account" in result.output
    assert listed(runner) == before


def test_an_invalid_address_creates_nothing(runner):
    before = listed(runner)
    result = users(runner, "create", "not-an-address", "--password-stdin", password=PASSWORD)
    assert result.exit_code != 0
    assert listed(runner) == before


def test_set_role(runner):
    email = new_email()
    create(runner, email)
    assert f"{email} is now admin." in users(runner, "set-role", email, "admin").output
    assert f"{email}\tadmin\tactive" in listed(runner)


def test_set_password_ends_the_open_sessions(app, runner):
    email = new_email()
    create(runner, email)
    client = app.test_client()
    sign_in(client, email, PASSWORD)
    assert client.get("/en/manage/").status_code == 200
    new_password = "a brand new password"
    result = users(runner, "set-password", email, "--password-stdin", password=new_password)
    assert result.exit_code == 0, result.output
    assert client.get("/en/manage/").status_code == 302  # back to the sign-in page
    assert sign_in(app.test_client(), email, new_password).status_code == 302


def test_disable_then_enable(app, runner):
    email = new_email()
    create(runner, email)
    client = app.test_client()
    sign_in(client, email, PASSWORD)
    assert f"{email} is disabled." in users(runner, "disable", email).output
    assert f"{email}\teditor\tdisabled" in listed(runner)
    assert client.get("/en/manage/").status_code == 302
    assert sign_in(elsewhere(app), email, PASSWORD).status_code == 401

    assert f"{email} is active." in users(runner, "enable", email).output
    assert f"{email}\teditor\tactive" in listed(runner)
    assert sign_in(app.test_client(), email, PASSWORD).status_code == 302


def test_an_unknown_account_is_an_error(runner):
    result = users(runner, "enable", "nobody.here@iom.int")
    assert result.exit_code != 0
    assert "No account for nobody.here@iom.int." in result.output
