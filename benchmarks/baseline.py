"""The trivial page the app is measured against: one Flask route rendering one Jinja template,
served by the same gunicorn settings (`benchmarks.server`), so the ratio cancels out the
machine, gunicorn and the load tool."""

from flask import Flask, render_template
from jinja2 import DictLoader

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ title }}</title></head>
<body><h1>{{ title }}</h1><p>{{ text }}</p></body></html>
"""


def create_app():
    app = Flask(__name__)
    app.jinja_loader = DictLoader({"page.html": PAGE})

    @app.get("/")
    def page():
        return render_template("page.html", title="Baseline", text="A trivial template page.")

    return app
