"""E-mail through an SMTP relay: plain text, UTF-8, in one language, said in its headers.

The relay is set by MAIL_HOST, MAIL_PORT, MAIL_USE_TLS (STARTTLS) or MAIL_USE_SSL (TLS from the
first byte), MAIL_USERNAME and MAIL_PASSWORD, the sender by MAIL_SENDER (settings.py). The
standard library speaks SMTP (`smtplib`) and writes the message (`email.message.EmailMessage`,
RFC 5322 with RFC 6532 UTF-8 headers encoded for relays that want ASCII).
`flask --app app mail test you@example.org` sends one message, to check the settings.
"""

from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

import click
from flask import current_app
from flask.cli import AppGroup
from flask_babel import force_locale
from flask_babel import gettext as _


class MailNotSent(RuntimeError):
    """The relay could not be reached, refused the login or the message; `reason` says how
    (for the logs and the staff member's message, never for the public)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def message(to: str, subject: str, body: str, language: str, reply_to: str | None = None):
    """The e-mail as sent: From MAIL_SENDER, `Content-Language` (RFC 3282) `language` (a BCP 47
    tag), the body as plain text in UTF-8."""
    mail = EmailMessage()
    mail["From"] = current_app.config["MAIL_SENDER"]
    mail["To"] = to
    mail["Subject"] = subject
    mail["Date"] = formatdate(localtime=False)
    mail["Message-ID"] = make_msgid(domain=current_app.config["MAIL_SENDER"].rpartition("@")[2])
    if reply_to:
        mail["Reply-To"] = reply_to
    mail.set_content(body, charset="utf-8")
    mail["Content-Language"] = language  # after set_content, which clears every Content-*
    return mail


def send(to: str, subject: str, body: str, language: str, reply_to: str | None = None) -> None:
    """Send one plain-text e-mail in `language` to `to`; raises MailNotSent when the relay does
    not take it (nothing is retried: the caller says so, and the sender can send again)."""
    config = current_app.config
    mail = message(to, subject, body, language, reply_to)
    host, port, timeout = config["MAIL_HOST"], config["MAIL_PORT"], config["MAIL_TIMEOUT"]
    try:
        if config["MAIL_USE_SSL"]:
            context = ssl.create_default_context()
            smtp = smtplib.SMTP_SSL(host, port, timeout=timeout, context=context)
        else:
            smtp = smtplib.SMTP(host, port, timeout=timeout)
        with smtp:
            if config["MAIL_USE_TLS"] and not config["MAIL_USE_SSL"]:
                smtp.starttls(context=ssl.create_default_context())
            if config["MAIL_USERNAME"]:
                smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"] or "")
            smtp.send_message(mail)
    except (smtplib.SMTPException, OSError) as error:
        raise MailNotSent(f"{host}:{port}: {error}") from error


mail_cli = AppGroup("mail", help="E-mail through the SMTP relay of the settings.")


@mail_cli.command("test")
@click.argument("address")
@click.option("--lang", default="en", type=click.Choice(["en", "fr", "es"]), show_default=True)
def send_test(address: str, lang: str) -> None:
    """Send a test message to ADDRESS through the relay of the settings."""
    with force_locale(lang):
        subject = _("Test message from the IOM meetings site")
        body = _(
            "This message was sent to check the e-mail settings of the IOM meetings site. "
            "Nothing else is needed."
        )
    try:
        send(address, subject, body + "\n", lang)
    except MailNotSent as error:
        raise click.ClickException(f"not sent: {error.reason}") from error
    click.echo(f"sent to {address} through {current_app.config['MAIL_HOST']}")
