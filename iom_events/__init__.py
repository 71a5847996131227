"""The meetings site of IOM. `create_app` wires settings, extensions, blueprints and CLI."""

from pathlib import Path

from flask import Flask

from iom_events import languages, settings
from iom_events.extensions import babel, csrf, db, login, migrate

ROOT = Path(__file__).resolve().parent.parent


def create_app(config: dict | None = None) -> Flask:
    app = Flask(
        __name__,
        instance_path=str(ROOT / "instance"),
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
    )
    app.config.from_mapping(settings.from_environment(app.instance_path))
    app.config.update(
        BABEL_TRANSLATION_DIRECTORIES=str(ROOT / "translations"),
        BABEL_DEFAULT_LOCALE=languages.DEFAULT_LANGUAGE,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
    )
    if config:
        app.config.update(config)

    app.url_map.converters["lang"] = languages.LanguageConverter
    _register_models()
    db.init_app(app)
    # Batch mode lets later migrations alter tables on SQLite too.
    migrate.init_app(app, db, directory=str(ROOT / "migrations"), render_as_batch=True)
    babel.init_app(app, locale_selector=languages.current_lang)
    csrf.init_app(app)
    login.init_app(app)
    login.login_view = "accounts.sign_in"
    login.login_message = None

    from iom_events import addresses, caching, errors, saving, web
    from iom_events.accounts import sessions as _sessions  # noqa: F401  (the user loader)
    from iom_events.accounts.commands import users_cli
    from iom_events.accounts.manage import bp as manage_users_bp
    from iom_events.accounts.views import account as account_bp
    from iom_events.accounts.views import bp as accounts_bp
    from iom_events.agenda.manage import bp as manage_agenda_bp
    from iom_events.api import openapi as api
    from iom_events.audit.manage import bp as manage_history_bp
    from iom_events.calendar.views import bp as calendar_bp
    from iom_events.delegations.manage import bp as manage_delegations_bp
    from iom_events.demo.commands import demo_cli
    from iom_events.documents.commands import blobs_cli
    from iom_events.documents.manage import bp as manage_documents_bp
    from iom_events.documents.views import bp as documents_bp
    from iom_events.events.manage import bp as manage_events_bp
    from iom_events.events.organizers import bp as manage_organizers_bp
    from iom_events.events.printed import bp as printed_bp
    from iom_events.events.views import bp as events_bp
    from iom_events.mail import mail_cli
    from iom_events.nominations.manage import bp as manage_nominations_bp
    from iom_events.nominations.views import bp as nominations_bp
    from iom_events.offices.manage import bp as manage_offices_bp
    from iom_events.offices.views import bp as offices_bp
    from iom_events.press.manage import bp as manage_press_bp
    from iom_events.search.commands import search_cli
    from iom_events.search.views import bp as search_bp
    from iom_events.trash.views import bp as trash_bp

    app.url_map.converters["int"] = web.BoundedIntegerConverter  # before the blueprints
    app.url_value_preprocessor(languages.pull_lang)
    app.url_defaults(languages.add_lang)
    saving.install()
    caching.init_app(app)
    web.init_app(app)
    errors.init_app(app)
    addresses.init_app(app)
    for blueprint in (
        calendar_bp,
        events_bp,
        printed_bp,
        documents_bp,
        offices_bp,
        search_bp,
        nominations_bp,
        accounts_bp,
        account_bp,
        manage_events_bp,
        manage_organizers_bp,
        manage_agenda_bp,
        manage_delegations_bp,
        manage_nominations_bp,
        manage_press_bp,
        manage_documents_bp,
        manage_offices_bp,
        manage_users_bp,
        manage_history_bp,
        trash_bp,
    ):
        app.register_blueprint(blueprint)
    api.init_app(app)
    app.cli.add_command(demo_cli)
    app.cli.add_command(users_cli)
    app.cli.add_command(blobs_cli)
    app.cli.add_command(search_cli)
    app.cli.add_command(mail_cli)
    return app


def _register_models() -> None:
    """Import every model module, so that the metadata (and Alembic) knows all tables."""
    from iom_events.accounts import models as _accounts  # noqa: F401
    from iom_events.agenda import models as _agenda  # noqa: F401
    from iom_events.audit import models as _audit  # noqa: F401
    from iom_events.delegations import models as _delegations  # noqa: F401
    from iom_events.documents import models as _documents  # noqa: F401
    from iom_events.events import models as _events  # noqa: F401
    from iom_events.nominations import models as _nominations  # noqa: F401
    from iom_events.offices import models as _offices  # noqa: F401
    from iom_events.press import models as _press  # noqa: F401
