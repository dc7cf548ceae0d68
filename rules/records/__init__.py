"""Reading records people hold: a California DOJ RAP sheet's text (worker mode, `read-record`)
and DOJ's bulk research file (`batch --input-format doj`). See rap-sheet.md in the shared notes.

Pure: text in, proposed rows out; nothing is kept, and nothing of the text but line numbers,
a birth year and masked case numbers reaches the output.
"""

from rules.records.rap_sheet import MAX_ROWS, NotARapSheet, read_rap_sheet

__all__ = ["read_rap_sheet", "NotARapSheet", "MAX_ROWS"]
