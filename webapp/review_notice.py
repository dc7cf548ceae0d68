"""The honest line shown on every page whose catalog no qualified translator has reviewed yet.

The status of each catalog lives in translations/review-status.yaml, next to the catalogs, so a
translator who finishes a review changes one word there and the notice goes away.
"""

from functools import cache
from pathlib import Path

import yaml
from flask_babel import lazy_gettext as _l

STATUS_FILE = Path(__file__).resolve().parent.parent / "translations" / "review-status.yaml"

# One short line on a phone (issue 15), its link the English original of this page.
NOTICE = _l("Translated by computer, not checked yet.")
READ_IN_ENGLISH = _l("Read this page in English")


@cache
def review_status():
    """{language code: status} from translations/review-status.yaml."""
    with open(STATUS_FILE, encoding="utf-8") as handle:
        entries = yaml.safe_load(handle) or {}
    return {code: entry.get("status", "unreviewed") for code, entry in entries.items()}


def needs_notice(language_code):
    """True for every language but English whose catalog is not marked reviewed."""
    return language_code != "en" and review_status().get(language_code) != "reviewed"
