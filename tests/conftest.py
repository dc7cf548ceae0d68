"""Shared fixtures: the Flask app and its test client (pallets tutorial style)."""
import sys
from pathlib import Path

import pytest

# pytest puts tests/ first on sys.path, where tests/webapp would shadow the real package as a
# namespace package: put the repository root first.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from webapp import create_app  # noqa: E402


@pytest.fixture
def app():
    # CSRF stays on in tests/webapp/test_security.py; most flow tests switch it off to keep
    # each POST a single line.
    return create_app({"TESTING": True, "WTF_CSRF_ENABLED": False, "SECRET_KEY": "test-key"})


@pytest.fixture
def client(app):
    return app.test_client()
