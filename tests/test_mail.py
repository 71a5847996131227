"""E-mail goes out through SMTP, plain text in UTF-8, in the language it is written in; the
`mail test` command checks the settings against a real server (aiosmtpd, run by the suite)."""

from iom_events import mail


def test_mail_test_command_delivers_a_message_through_the_relay(runner, mailbox):
    result = runner.invoke(args=["mail", "test", "focal.point@example.org", "--lang", "fr"])

    assert result.exit_code == 0, result.output
    assert "sent to focal.point@example.org" in result.output
    (message,) = mailbox.messages
    assert message["To"] == "focal.point@example.org"
    assert message["From"] == "meetings@example.org"
    assert message["Content-Language"] == "fr"
    assert message.get_content_type() == "text/plain"
    assert message.get_content_charset() == "utf-8"
    assert message["Subject"] == "Message d’essai du site des réunions de l’OIM"
    assert "paramètres de messagerie" in message.get_content()
    assert mailbox.envelopes == [("meetings@example.org", ["focal.point@example.org"])]


def test_mail_test_command_says_why_when_the_relay_is_down(app, runner):
    closed = app.config["MAIL_PORT"], app.config["MAIL_HOST"]
    app.config.update(MAIL_HOST="127.0.0.1", MAIL_PORT=1)  # nothing listens on port 1
    try:
        result = runner.invoke(args=["mail", "test", "someone@example.org"])
    finally:
        app.config.update(MAIL_PORT=closed[0], MAIL_HOST=closed[1])
    assert result.exit_code == 1
    assert "not sent: 127.0.0.1:1" in result.output


def test_a_message_in_spanish_keeps_its_accents_and_says_its_language(app, mailbox):
    with app.test_request_context():
        mail.send("punto@example.org", "Invitación: reunión", "¿Señor Núñez?\n", "es")
    (message,) = mailbox.messages
    assert message["Subject"] == "Invitación: reunión"
    assert message["Content-Language"] == "es"
    assert message.get_content().replace("\r\n", "\n") == "¿Señor Núñez?\n"
