"""The WSGI entry point: `flask --app app run`, `gunicorn app:app`."""

from iom_events import create_app

app = create_app()
