import json
from pathlib import Path

import pytest

HERE = Path(__file__).parent
ROOT = HERE.parent.parent
SCHEMAS = ROOT / "rules" / "schemas"


@pytest.fixture(scope="session")
def determination_validator():
    from jsonschema import Draft202012Validator

    return Draft202012Validator(json.loads((SCHEMAS / "determination.schema.json").read_text()))


@pytest.fixture(scope="session")
def case_validator():
    from jsonschema import Draft202012Validator

    return Draft202012Validator(json.loads((SCHEMAS / "case.schema.json").read_text()))
