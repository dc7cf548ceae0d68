"""Text is read once, at the edge (non-negotiable 2): every value a form sends, and its name,
normalised before any view, form or reader sees it.

`rules.text.normalise_lines` turns any script's digits into ASCII ones, applies NFKC and drops
invisible and control characters, keeping each line and its spacing as sent (a pasted record
stays a record). Each field's own reader then squeezes and checks as before: normalising twice
changes nothing. Without this, a choice sent as "ca" plus a left-to-right mark was refused as an
unknown answer while the same mark in a text box was read, and a form shown again after an
error (post/redirect/get) could not tell the two apart.
"""

from flask import Request
from werkzeug.datastructures import ImmutableMultiDict

from rules.text import normalise_lines


class TypedRequest(Request):
    """Flask's request, whose `form` holds every value as `normalise_lines` reads it."""

    def _load_form_data(self) -> None:
        if "form" in self.__dict__:  # parsed already: the values are canonical
            return
        super()._load_form_data()
        sent = self.__dict__["form"]
        self.__dict__["form"] = ImmutableMultiDict(
            [(normalise_lines(name), normalise_lines(value)) for name, value in sent.items(True)]
        )
