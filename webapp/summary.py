"""The result as cards (one per conviction) and as a plain-text summary.

Everything here is read from the engine's determination; nothing decides eligibility.
"""

from flask_babel import format_date
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from . import explanations as words
from .i18n import either
from .labels import COUNTIES
from .worker import paste

ACTION_ORDER = ("check_record", "file_cr400", "file_jv744", "get_legal_help")


PICK_UP_TITLE = _l("To pick up later")
PICK_UP_TEXT = _l(
    "These lines are your convictions written the way Fresh Start's legal aid worker mode reads them: paste them there, or give them to a legal aid worker, to start again without typing every answer. Anyone who holds this paper or this text can read them."
)
PICK_UP_LEFT_OUT = _l(
    "Not listed: convictions from a court other than a California adult court, or without a code section. Enter them by hand."
)
PICK_UP = {"title": PICK_UP_TITLE, "text": PICK_UP_TEXT, "left_out": PICK_UP_LEFT_OUT}


def county_name(answers):
    county = answers.get("k")
    return None if not county or county == "u" else COUNTIES[int(county) - 1]


def paste_line(case_conviction, answers):
    """The conviction as one worker-mode paste line, or None when worker mode could not take it
    back as it is (paste rows are California adult convictions with a code section)."""
    if case_conviction["court"] != "california_adult" or case_conviction["offense"] == "unknown":
        return None
    return paste.write_line(
        case_conviction["offense"],
        case_conviction["level"],
        case_conviction.get("offense_date"),
        case_conviction.get("conviction_date"),
        county_name(answers),
    )


def court_for(case_conviction, answers):
    county = answers.get("k")
    if not county or county == "u":
        return str(words.COURT_UNKNOWN_COUNTY)
    name = COUNTIES[int(county) - 1]
    if case_conviction.get("court") == "california_juvenile":
        return str(words.JUVENILE_COURT) % {"county": name}
    return str(words.SUPERIOR_COURT) % {"county": name}


def steps_for(code, court):
    action = words.ACTIONS[code]
    return {
        "code": code,
        "title": str(action["title"]),
        "steps": [words.law_words(step, court=court) for step in action["steps"]],
    }


def cards(case, determination, stored):
    by_id = {c["id"]: c for c in case["convictions"]}
    answers_by_id = {f"c{c['i']}": c for c in stored}
    out = []
    for place, result in enumerate(determination["convictions"], start=1):
        cid, prop64 = result["id"], result["prop64"]
        conviction, answers = by_id[cid], answers_by_id.get(cid, {})
        court = court_for(conviction, answers)
        codes = [a["code"] for a in determination["actions"] if cid in a["conviction_ids"]]
        codes = [c for c in ACTION_ORDER if c in codes or c == "get_legal_help"]
        outcome = prop64["outcome"]
        out.append(
            {
                "id": cid,
                "place": place,
                "offense": (
                    str(words.OFFENSE_UNKNOWN)
                    if conviction["offense"] == "unknown"
                    else conviction["offense"]
                ),
                "outcome": outcome,
                "outcome_title": str(words.OUTCOMES[outcome]),
                "meaning": str(words.OUTCOME_MEANING[outcome]),
                "possible": [str(words.OUTCOMES[o]) for o in prop64["possible_outcomes"]]
                if outcome == "needs_review"
                else [],
                "automatic": prop64["automatic"],
                "automatic_text": words.law_words(words.AUTOMATIC[prop64["automatic"]])
                if outcome
                in ("dismiss", "reduce_to_misdemeanor", "reduce_to_infraction", "needs_review")
                else None,
                "procedure_text": str(words.PROCEDURE[prop64["procedure"]])
                if ("file_cr400" in codes or "file_jv744" in codes)
                and words.PROCEDURE.get(prop64["procedure"])
                else None,
                "actions": [steps_for(code, court) for code in codes],
                "reasons": [(words.reason_text(r), r["citation"]) for r in prop64["reasons"]],
                "assumptions": [
                    (words.reason_text(r), r["citation"]) for r in prop64.get("assumptions", [])
                ],
                "citations": prop64["citations"],
                "effects": str(words.RELIEF_EFFECTS[outcome])
                if outcome in words.RELIEF_EFFECTS
                else None,
                "limits": str(words.RELIEF_LIMITS),
                "other": [other_path(p) for p in result["other_paths"]],
                "paste_line": paste_line(conviction, answers),
            }
        )
    return out


def other_path(path):
    known = words.OTHER_PATHS.get(path["path"])
    title = (
        str(known["title"])
        if known
        else str(words.OTHER_PATH_FALLBACK_TITLE) % {"path": path["path"]}
    )
    return {
        "path": path["path"],
        "outcome": path["outcome"],
        "automatic": path["automatic"],
        "title": title,
        "text": str(known["outcome"][path["outcome"]]) if known else path["outcome"],
        "limits": str(known["limits"]) if known and path["outcome"] != "not_eligible" else None,
        "reasons": [(words.reason_text(r), r["citation"]) for r in path.get("reasons", [])],
        "citations": path["citations"],
    }


def plain_text(result_cards, day):
    """A copyable summary: dated and marked "not legal advice"."""
    lines = [
        _("Fresh Start: Prop 64 summary"),
        _("Date: %(date)s", date=format_date(day, "long")),
        _("This is not legal advice."),
        "",
    ]
    for card in result_cards:
        lines.append(
            _(
                "Conviction %(number)s (%(offense)s): %(outcome)s",
                number=card["place"],
                offense=card["offense"],
                outcome=card["outcome_title"],
            )
        )
        if card["possible"]:
            lines.append("  " + str(words.POSSIBLE) % {"outcomes": either(card["possible"])})
        if card["automatic_text"]:
            lines.append("  " + card["automatic_text"])
        for action in card["actions"]:
            lines.append("  " + action["title"] + ":")
            lines.extend(f"    {n}. {step}" for n, step in enumerate(action["steps"], start=1))
        lines.append(
            "  "
            + _(
                "Why: %(reasons)s",
                reasons="; ".join(f"{text} ({citation})" for text, citation in card["reasons"]),
            )
        )
        for other in card["other"]:
            lines.append(f"  {other['title']}: {other['text']}")
        lines.append("")
    lines.append(str(PICK_UP_TITLE))
    lines.append(str(PICK_UP_TEXT))
    lines.extend(card["paste_line"] for card in result_cards if card["paste_line"])
    if any(not card["paste_line"] for card in result_cards):
        lines.append(str(PICK_UP_LEFT_OUT))
    lines.append("")
    return "\n".join(lines)
