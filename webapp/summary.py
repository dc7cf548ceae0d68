"""The result as cards (one per conviction) and as a plain-text summary.

Everything here is read from the engine's determination; nothing decides eligibility.
"""

from flask_babel import format_date
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from . import explanations as words
from .flow import BY_ID
from .i18n import either
from .labels import COUNTIES
from .worker import paste

ACTION_ORDER = ("check_record", "file_cr400", "file_jv744", "get_legal_help")
RELIEF = ("dismiss", "reduce_to_misdemeanor", "reduce_to_infraction")
OUTSIDE_CALIFORNIA = ("federal", "other_state")
FILING = ("file_cr400", "file_jv744")


PICK_UP_TITLE = _l("To pick up later")
PICK_UP_TEXT = _l(
    "These lines are your convictions written the way Fresh Start's legal aid worker mode reads them: paste them there, or give them to a legal aid worker, to start again without typing every answer. Anyone who holds this paper or this text can read them."
)
PICK_UP_LEFT_OUT = _l(
    "Not listed: convictions from a court other than a California adult court, or without a code section. Enter them by hand."
)
OFFENSE = BY_ID["conviction"]["offense"]
WORDS_FOR_SECTION = {code for code, section in OFFENSE.values.items() if section.startswith("HS")}
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


def steps_for(code, court, after_check=False, outside=None):
    """One action's heading and numbered steps. `after_check`: filing is the fallback if the
    record check shows no change; `outside`: "federal" or "other_state", whose help is not a
    California county's."""
    action = words.ACTIONS[code]
    title = str(words.FILE_IF_NOT_CHANGED if after_check else action["title"])
    if code == "get_legal_help" and outside:
        steps = [str(words.HELP_OUTSIDE_CALIFORNIA[outside])]
    else:
        steps = [words.law_words(step, court=court) for step in action["steps"]]
    return {"code": code, "title": title, "steps": steps}


def to_do(outcome, codes, after_check, outside):
    """Which one line says what to do, first on the card: read from the actions."""
    if outside:
        return outside
    if outcome == "needs_review":
        return "legal_help_first"
    if "file_jv744" in codes:
        return "check_then_file_juvenile" if after_check else "file_juvenile"
    if "file_cr400" in codes:
        return "check_then_file" if after_check else "file"
    if "check_record" in codes:
        return "check"
    return "nothing"


def ordered(codes, line):
    """The steps in the order the line names them: legal help first when it says so."""
    first = {
        "legal_help_first": "get_legal_help",
        "file": "file_cr400",
        "file_juvenile": "file_jv744",
    }.get(line)
    return ([first] if first else []) + [c for c in codes if c != first]


def cards(case, determination, stored):
    by_id = {c["id"]: c for c in case["convictions"]}
    answers_by_id = {f"c{c['i']}": c for c in stored}
    out = []
    for place, result in enumerate(determination["convictions"], start=1):
        cid, prop64 = result["id"], result["prop64"]
        conviction, answers = by_id[cid], answers_by_id.get(cid, {})
        court = court_for(conviction, answers)
        mine = {a["code"]: a for a in determination["actions"] if cid in a["conviction_ids"]}
        codes = [c for c in ACTION_ORDER if c in mine or c == "get_legal_help"]
        after_check = any(
            cid in mine.get(code, {}).get("only_if_record_not_updated", ()) for code in FILING
        )
        outcome = prop64["outcome"]
        court_kind = conviction.get("court")
        outside = court_kind if court_kind in OUTSIDE_CALIFORNIA else None
        line = to_do(outcome, codes, after_check, outside)
        out.append(
            {
                "id": cid,
                "place": place,
                "offense": offense_shown(conviction, answers),
                "outcome": outcome,
                "outcome_title": str(words.OUTCOMES[outcome]),
                "meaning": str(words.OUTCOME_MEANING[outcome]),
                "possible": [str(words.OUTCOMES[o]) for o in prop64["possible_outcomes"]]
                if outcome == "needs_review"
                else [],
                "automatic": prop64["automatic"],
                "to_do": str(words.TO_DO[line]),
                # needs_review: whether it is automatic is not the answer yet (legal help is).
                "automatic_text": words.law_words(words.AUTOMATIC[prop64["automatic"]])
                if outcome in RELIEF
                else None,
                "procedure_text": str(words.PROCEDURE[prop64["procedure"]])
                if any(code in codes for code in FILING)
                and words.PROCEDURE.get(prop64["procedure"])
                else None,
                "actions": [
                    steps_for(code, court, after_check and code in FILING, outside)
                    for code in ordered(codes, line)
                ],
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
    mark_shared_steps(out)
    return out


def offense_shown(conviction, answers):
    """The section as typed; an offense chosen in words names the section those words stand
    for, as a guess to check (issue 15: the record may say HS 11359 where they said selling)."""
    if conviction["offense"] == "unknown":
        return str(words.OFFENSE_UNKNOWN)
    if answers.get(OFFENSE.key) in WORDS_FOR_SECTION and not answers.get(OFFENSE.detail["key"]):
        return _("probably %(code)s, check your record", code=conviction["offense"])
    return conviction["offense"]


def mark_shared_steps(result_cards):
    """A step list word for word the same as on an earlier card gets `same_as` (that card's
    place): the printout and the summary give it once (issue 15: the same blocks per row)."""
    first: dict[tuple, int] = {}
    for card in result_cards:
        for action in card["actions"]:
            key = (action["title"], tuple(action["steps"]))
            action["same_as"] = first.setdefault(key, card["place"])
            if action["same_as"] == card["place"]:
                action["same_as"] = None


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


def same_steps(place):
    return _("The same steps as for conviction %(number)s, above.", number=place)


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
        lines.append("  " + _("What you need to do:") + " " + card["to_do"])
        if card["possible"]:
            lines.append("  " + str(words.POSSIBLE) % {"outcomes": either(card["possible"])})
        if card["automatic_text"]:
            lines.append("  " + card["automatic_text"])
        for action in card["actions"]:
            lines.append("  " + action["title"] + ":")
            if action["same_as"]:
                lines.append("    " + same_steps(action["same_as"]))
                continue
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
