"""Error pages in the reader's language."""

from flask import Flask, render_template
from werkzeug.exceptions import HTTPException


def init_app(app: Flask) -> None:
    app.register_error_handler(404, page_not_found)


def page_not_found(error: HTTPException):
    return render_template("errors/404.html"), 404
