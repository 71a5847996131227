"""Error pages in the reader's language."""

from flask import Flask, current_app, render_template
from werkzeug.exceptions import HTTPException

from iom_events import former_slugs


def init_app(app: Flask) -> None:
    app.register_error_handler(404, page_not_found)
    app.register_error_handler(413, too_large)


def page_not_found(error: HTTPException):
    """The 404 page, unless the address is a renamed meeting's or office's: then a 301 to it."""
    return former_slugs.redirect_if_moved() or (render_template("errors/404.html"), 404)


def too_large(error: HTTPException):
    limit = current_app.config["UPLOAD_MAX_BYTES"] // (1024 * 1024)
    return render_template("errors/413.html", limit=limit), 413
