"""Shared fixtures: the Flask app and its test client (pallets tutorial style)."""

import sys
from pathlib import Path

import pytest

# pytest puts tests/ first on sys.path, where tests/webapp would shadow the real package as a
# namespace package: put the repository root first.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

sys.path.insert(1, str(Path(__file__).resolve().parent / "webapp"))  # webwalk helpers

from webwalk import TODAY  # noqa: E402

from webapp import create_app  # noqa: E402


@pytest.fixture(autouse=True)
def fixed_day(monkeypatch):
    """Every app made in a test, the browser tests' live server too, applies the law as of TODAY
    unless the test sets app.config["TODAY"] itself."""
    from webapp import pages

    monkeypatch.setattr(pages, "california_today", lambda: TODAY)
    return TODAY


@pytest.fixture
def app():
    # CSRF stays on in tests/webapp/test_security.py; most flow tests switch it off to keep
    # each POST a single line.
    return create_app({"TESTING": True, "WTF_CSRF_ENABLED": False, "SECRET_KEY": "test-key"})


@pytest.fixture
def client(app):
    return app.test_client()
