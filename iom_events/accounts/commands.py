"""`flask --app app users ...`: staff accounts from the command line."""

import sys

import click
from email_validator import EmailNotValidError, validate_email
from flask.cli import AppGroup
from sqlalchemy import func, select

from iom_events.accounts.auth import hash_password
from iom_events.accounts.forms import MIN_PASSWORD_LENGTH
from iom_events.accounts.models import User, UserRole
from iom_events.extensions import db

users_cli = AppGroup("users", help="Staff accounts.")


def _user(email: str) -> User:
    user = db.session.scalar(select(User).where(func.lower(User.email) == email.lower()))
    if user is None:
        raise click.ClickException(f"No account for {email}.")
    return user


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    if len(password) < MIN_PASSWORD_LENGTH:
        raise click.ClickException(f"The password needs at least {MIN_PASSWORD_LENGTH} characters.")
    return password


@users_cli.command("create")
@click.argument("email")
@click.option("--role", type=click.Choice([r.value for r in UserRole]), default="editor")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
def create(email: str, role: str, password_stdin: bool) -> None:
    """Create a staff account (the password is prompted twice, or read from stdin)."""
    try:
        email = validate_email(email, check_deliverability=False).normalized
    except EmailNotValidError as error:
        raise click.ClickException(str(error)) from error
    if db.session.scalar(select(User.id).where(func.lower(User.email) == email.lower())):
        raise click.ClickException(f"{email} already has an account.")
    password = _read_password(password_stdin)
    db.session.add(User(email=email, password_hash=hash_password(password), role=UserRole(role)))
    db.session.commit()
    click.echo(f"Created {email} ({role}).")


@users_cli.command("list")
def list_users() -> None:
    """Every account, with its role and whether it is active."""
    for user in db.session.scalars(select(User).order_by(User.email)):
        state = "active" if user.is_active else "disabled"
        click.echo(f"{user.email}\t{user.role.value}\t{state}")


@users_cli.command("set-role")
@click.argument("email")
@click.argument("role", type=click.Choice([r.value for r in UserRole]))
def set_role(email: str, role: str) -> None:
    user = _user(email)
    user.role = UserRole(role)
    db.session.commit()
    click.echo(f"{user.email} is now {role}.")


@users_cli.command("set-password")
@click.argument("email")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
def set_password(email: str, password_stdin: bool) -> None:
    user = _user(email)
    user.password_hash = hash_password(_read_password(password_stdin))
    db.session.commit()
    click.echo(f"Password of {user.email} changed; its open sessions are ended.")


@users_cli.command("disable")
@click.argument("email")
def disable(email: str) -> None:
    """Disable an account: it can no longer sign in, and its open sessions end."""
    user = _user(email)
    user.is_active = False
    db.session.commit()
    click.echo(f"{user.email} is disabled.")


@users_cli.command("enable")
@click.argument("email")
def enable(email: str) -> None:
    """Enable a disabled account again: it can sign in with its password."""
    user = _user(email)
    user.is_active = True
    db.session.commit()
    click.echo(f"{user.email} is active.")
