"""Legal aid worker mode: a dense table for a whole printed record, then the public walk's
own follow-up questions (in the third person), engine and result page, addressed to the client.

Stores nothing more than the public walk: the rows are the same convictions in the same signed
cookie (state.py); rows being edited travel only in the form's POST body.
"""

from .views import bp

__all__ = ["bp"]
