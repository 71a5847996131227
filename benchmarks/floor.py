"""The floor: a bare Flask "hello world", run by the benchmark under the same gunicorn settings
as the site (same workers, same bind). What the site does per request is read as a fraction of
what Flask and gunicorn alone reach on the same machine in the same run (benchmarks/run.py)."""

from flask import Flask

app = Flask(__name__)


@app.get("/")
def hello() -> str:
    return "Hello, World!"
