import pytest
from rapsheets import v2_validator


@pytest.fixture(scope="session")
def case_v2_validator():
    return v2_validator()
