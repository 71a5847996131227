"""The WSGI entry point: `flask --app app run`, `gunicorn app:app`."""

import gc

from iom_events import create_app

app = create_app()

# What the app is built of (mappers, templates, catalogs, settings) lives as long as the worker:
# frozen, Python's collector no longer walks it at each full collection. Building the page of a
# 400-item meeting creates enough objects to run several: 370 ms of CPU with it walked, 230 ms
# frozen (benchmarks/inprocess.py, which freezes the same way).
gc.freeze()
