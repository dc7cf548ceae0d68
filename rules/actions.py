"""Part F: what the result page tells the person to do, with the convictions it is for."""

from __future__ import annotations

from typing import Any

from . import law
from .pc1203_4 import PATHS

RELIEF = ("dismiss", "reduce_to_misdemeanor", "reduce_to_infraction")
PETITIONS = frozenset(PATHS)
OPEN = ("eligible", "discretionary")


def actions(convictions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """`convictions` are the determination's entries; returns the actions in a stable order."""
    check_record: list[str] = []
    file_cr400: list[str] = []
    fallback: list[str] = []
    legal_help: list[str] = []
    file_jv744: list[str] = []
    jv_fallback: list[str] = []
    file_cr180: list[str] = []
    destruction: list[str] = []
    for conviction in convictions:
        cid, prop64, paths = conviction["id"], conviction["prop64"], conviction["other_paths"]
        automatic = prop64["automatic"] != "no" or any(path["automatic"] != "no" for path in paths)
        # check_record: whenever any relief is or may be automatic (DOJ record review, PC 11123).
        if automatic:
            check_record.append(cid)
        # file_cr400: a Prop 64 dismissal or reduction; when relief should have been automatic,
        # only as the fallback if the record was not updated (HS 11361.9 leaves CR-400 open).
        # Decision-rules C and F: adult -> CR-400; juvenile -> JV-744 (HS 11361.8(m)).
        if prop64["outcome"] in RELIEF:
            juvenile = prop64.get("court") == "juvenile"
            (file_jv744 if juvenile else file_cr400).append(cid)
            if prop64["automatic"] == "yes":
                (jv_fallback if juvenile else fallback).append(cid)
        outcomes = {path["path"]: path["outcome"] for path in paths}
        # file_cr180: "a path of G is `eligible` or `discretionary` and PC 1203.425 is not
        # `eligible` for that conviction (if it is, `check_record` comes first: it should happen
        # by itself)" (decision-rules F).
        if outcomes.get("PC 1203.425") != "eligible" and any(
            outcomes[path] in OPEN for path in PETITIONS.intersection(outcomes)
        ):
            file_cr180.append(cid)
        # request_record_destruction: "H applies" (eligible, or needs a lawyer's look).
        if outcomes.get("HS 11361.5") in ("eligible", "needs_review"):
            destruction.append(cid)
        # get_legal_help: any needs_review or discretionary (decision-rules F).
        if prop64["outcome"] == "needs_review" or any(
            path["outcome"] in ("needs_review", "discretionary") for path in paths
        ):
            legal_help.append(cid)
    result = []
    if check_record:
        # PC 11123: DOJ record review, a fee "not to exceed twenty-five dollars", waived for
        # indigency; Live Scan form BCIA 8016RR (out of state BCIA 8705); errors on BCIA 8706.
        result.append(
            {
                "code": "check_record",
                "conviction_ids": check_record,
                "fee_dollars": law.RECORD_REVIEW_FEE_DOLLARS.current,
                "forms": ["BCIA 8016RR", "BCIA 8705", "BCIA 8706"],
                "citation": law.RECORD_REVIEW_FEE_DOLLARS.citation,
            }
        )
    if file_cr400:
        result.append(
            {
                "code": "file_cr400",
                "conviction_ids": file_cr400,
                "only_if_record_not_updated": fallback,
                "citation": "HS 11361.8(a), (e) and Judicial Council form CR-400",
            }
        )
    if file_jv744:
        result.append(
            {
                "code": "file_jv744",
                "conviction_ids": file_jv744,
                "only_if_record_not_updated": jv_fallback,
                "citation": "HS 11361.8(m) and Judicial Council form JV-744",
            }
        )
    if file_cr180:
        # PC 1203.4(a)(1), 1203.4a(a), 1203.41(a), 1203.42(a): a petition to the superior court
        # of the county of conviction, on Judicial Council form CR-180 with the order CR-181.
        result.append(
            {
                "code": "file_cr180",
                "conviction_ids": file_cr180,
                "forms": ["CR-180", "CR-181"],
                "citation": "PC 1203.4, 1203.4a, 1203.41, 1203.42 and Judicial Council form CR-180",
            }
        )
    if destruction:
        # HS 11361.5(a)-(b): the records should be gone; check the record (PC 11123) and ask the
        # court and DOJ to destroy what remains (All of Us or None v. Hamrick (2021) 64
        # Cal.App.5th 751: courts failed to).
        result.append(
            {
                "code": "request_record_destruction",
                "conviction_ids": destruction,
                "citation": "HS 11361.5(a)-(b), HS 11361.7",
            }
        )
    # Offered everywhere (public defender of the county of conviction, legal aid); the ids are
    # the convictions that need a lawyer's look.
    result.append(
        {"code": "get_legal_help", "conviction_ids": legal_help, "citation": "decision-rules F"}
    )
    return result
