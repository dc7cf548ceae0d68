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

# The one ordered list of next steps, across every path of a conviction (decision-rules F):
# what should have happened by itself first, then the form to file, destruction, legal help.
ACTION_ORDER = (
    "check_record",
    "file_cr400",
    "file_jv744",
    "file_cr180",
    "request_record_destruction",
    "get_legal_help",
)
GOOD_PATH = ("eligible", "discretionary")
# The petitioned dismissals of decision-rules G: one form (CR-180), the court decides or must.
DISMISSALS = ("PC 1203.4", "PC 1203.4a", "PC 1203.41", "PC 1203.42")
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
    county = answers.get("county")
    return None if not county or county == "u" else COUNTIES[int(county) - 1]


def paste_line(case_conviction, answers):
    """The conviction as one worker-mode paste line, or None when worker mode could not take it
    back as it is (paste rows are California adult convictions with a code section)."""
    if case_conviction["court"] != "california_adult" or case_conviction["offense"] in (
        "unknown",
        "other",  # not for cannabis, and no code section given
    ):
        return None
    return paste.write_line(
        case_conviction["offense"],
        case_conviction["level"],
        case_conviction.get("offense_date"),
        case_conviction.get("conviction_date"),
        county_name(answers),
    )


def court_for(case_conviction, answers):
    county = answers.get("county")
    if not county or county == "u":
        return str(words.COURT_UNKNOWN_COUNTY)
    name = COUNTIES[int(county) - 1]
    if case_conviction.get("court") == "california_juvenile":
        return str(words.JUVENILE_COURT) % {"county": name}
    return str(words.SUPERIOR_COURT) % {"county": name}


def steps_for(code, court, after_check=False, outside=None, automatic=()):
    """One action's heading and numbered steps. `after_check`: filing is the fallback if the
    record check shows no change; `outside`: "federal" or "other_state", whose help is not a
    California county's; `automatic`: the names of the paths the record check looks for."""
    action = words.ACTIONS[code]
    title = str(words.FILE_IF_NOT_CHANGED if after_check else action["title"])
    if code == "get_legal_help" and outside:
        steps = [str(words.HELP_OUTSIDE_CALIFORNIA[outside])]
    else:
        steps = [words.law_words(step, court=court) for step in action["steps"]]
    if code == "check_record" and automatic:
        steps.insert(0, str(words.AUTOMATIC_PATHS) % {"paths": ", ".join(automatic)})
    return {"code": code, "title": title, "steps": steps}


def to_do(outcome, codes, after_check, outside, lines=(), cannabis=True):
    """Which one line says what to do, first on the card: read from the actions."""
    if outside:
        return outside
    good = any(line["good"] for line in lines)
    if outcome == "needs_review" or (
        not good and any(line["outcome"] == "needs_review" for line in lines)
    ):
        return "legal_help_first"
    if "file_jv744" in codes:
        return "check_then_file_juvenile" if after_check else "file_juvenile"
    if "file_cr400" in codes:
        return "check_then_file" if after_check else "file"
    if "file_cr180" in codes:
        return "file_cr180"
    if "request_record_destruction" in codes:
        return "check_then_destroy"
    if "check_record" in codes:
        return "check"
    return "nothing" if cannabis else "nothing_yet"


def ordered(codes, line):
    """The steps in the order the line names them: legal help first when it says so."""
    first = {
        "legal_help_first": "get_legal_help",
        "file": "file_cr400",
        "file_juvenile": "file_jv744",
        "file_cr180": "file_cr180",
    }.get(line)
    return ([first] if first else []) + [c for c in codes if c != first]


def prop64_line(prop64):
    """Prop 64 as the first of the card's paths: its outcome, whether it is automatic, what it
    does (the words the card always had)."""
    outcome = prop64["outcome"]
    return {
        "prop64": True,
        "path": "HS 11361.8",
        "outcome": outcome,
        "automatic": prop64["automatic"],
        "good": outcome in RELIEF,
        "title": str(words.PROP64_NAME),
        "text": str(words.OUTCOMES[outcome]),
        "meaning": str(words.OUTCOME_MEANING[outcome]),
        "possible": [str(words.OUTCOMES[o]) for o in prop64["possible_outcomes"]]
        if outcome == "needs_review"
        else [],
        # needs_review: whether it is automatic is not the answer yet (legal help is).
        "automatic_text": words.law_words(words.AUTOMATIC[prop64["automatic"]])
        if outcome in RELIEF
        else None,
        "effects": str(words.RELIEF_EFFECTS[outcome]) if outcome in words.RELIEF_EFFECTS else None,
        "limits": str(words.RELIEF_LIMITS),
    }


def automatic_now(line):
    return line["good"] and (line["automatic"] == "yes" or line.get("procedure") == "automatic")


def in_order(lines):
    """Automatic relief first, then what the law grants when asked, what the court decides,
    what a lawyer must look at; what does not apply last (issue 16). Otherwise as the engine
    lists them, Prop 64 first."""

    def rank(line):
        if automatic_now(line):
            return 0
        if line["good"]:
            return 1 if line["outcome"] in ("eligible", *RELIEF) else 2
        return 3 if line["outcome"] == "needs_review" else 4

    return sorted(lines, key=rank)


def headline(prop64, lines):
    """The card's heading: Prop 64's outcome, unless Prop 64 does not help and another path does."""
    outcome = prop64["outcome"]
    if outcome != "not_eligible":
        return str(words.OUTCOMES[outcome])
    for line in in_order(lines):
        kind = "petition" if line["path"] in DISMISSALS else line["path"]
        for key in ((kind, line["outcome"]), ("any", line["outcome"])):
            if key in words.HEADLINES:
                return str(words.HEADLINES[key])
    return str(words.OUTCOMES[outcome])


def cards(case, determination, stored):
    by_id = {c["id"]: c for c in case["convictions"]}
    answers_by_id = {f"c{c['number']}": c for c in stored}
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
        others = [other_path(p) for p in result["other_paths"]]
        lines = in_order([prop64_line(prop64), *others])
        cannabis = not any(r["code"] == "offense_not_prop64_section" for r in prop64["reasons"])
        line = to_do(outcome, codes, after_check, outside, lines, cannabis)
        automatic = [item["title"] for item in lines if automatic_now(item)]
        out.append(
            {
                "id": cid,
                "place": place,
                "offense": offense_shown(conviction, answers),
                "outcome": outcome,
                "headline": headline(prop64, others),
                # Each path in one line: what applies first, what does not apply folded away.
                "paths": [item for item in lines if item["outcome"] != "not_eligible"],
                "paths_not_applying": [item for item in lines if item["outcome"] == "not_eligible"],
                "automatic": prop64["automatic"],
                "to_do": str(words.TO_DO[line]),
                "procedure_text": str(words.PROCEDURE[prop64["procedure"]])
                if any(code in codes for code in FILING)
                and words.PROCEDURE.get(prop64["procedure"])
                else None,
                "actions": [
                    steps_for(code, court, after_check and code in FILING, outside, automatic)
                    for code in ordered(codes, line)
                ],
                "reasons": [(words.reason_text(r), r["citation"]) for r in prop64["reasons"]],
                "assumptions": [
                    (words.reason_text(r), r["citation"]) for r in prop64.get("assumptions", [])
                ],
                "citations": prop64["citations"],
                "other": others,
                "paste_line": paste_line(conviction, answers),
            }
        )
    mark_shared_steps(out)
    mark_shared_limits(out)
    return out


def offense_shown(conviction, answers):
    """The section as typed; an offense chosen in words names the section those words stand
    for, as a guess to check (issue 15: the record may say HS 11359 where they said selling)."""
    if conviction["offense"] == "unknown":
        return str(words.OFFENSE_UNKNOWN)
    if answers.get("offense") in WORDS_FOR_SECTION and not answers.get("code_section"):
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


def shown_limits(item):
    """What a path's line says it does not do, when the line says it (Prop 64: with its
    effects)."""
    if item["prop64"] and not item["effects"]:
        return None
    return item["limits"]


def mark_shared_limits(result_cards):
    """What a path does not do, word for word as an earlier line on the page says it, gets
    `limits_same`: folded on screen, not printed again, one note in the summary. Three
    convictions had the same paragraph about disclosure, guns and priors five times over on
    a 320 px phone; the first stays whole, where it is read first."""
    seen = set()
    for card in result_cards:
        for item in card["paths"]:
            limits = shown_limits(item)
            item["limits_same"] = bool(limits) and limits in seen
            if limits:
                seen.add(limits)


def other_path(path):
    """One path of PC 1203.425, G or H in one line: what happens, whether it is automatic, what
    the court decides, what it does not do."""
    known = words.OTHER_PATHS.get(path["path"])
    title = (
        str(known["title"])
        if known
        else str(words.OTHER_PATH_FALLBACK_TITLE) % {"path": path["path"]}
    )
    outcome, procedure = path["outcome"], path.get("procedure", "none")
    said = known["outcome"].get(outcome) if known else None
    good = outcome in GOOD_PATH
    limits = None
    if known and good and known["limits"]:
        limits = f"{known['limits']} {words.PRIOR_STILL_COUNTS}"
    automatic_text = None
    if good and path["path"] == "HS 11361.5" and procedure == "application":
        automatic_text = str(words.DESTRUCTION_BY_APPLICATION)
    elif good and procedure in words.PATH_PROCEDURE:
        forms = ", ".join(path.get("forms") or ()) or "CR-180, CR-181"
        automatic_text = str(words.PATH_PROCEDURE[procedure]) % {"forms": forms}
    return {
        "prop64": False,
        "path": path["path"],
        "outcome": outcome,
        "automatic": path["automatic"],
        "procedure": procedure,
        "good": good,
        "title": title,
        "text": str(said if said else words.PATH_OUTCOMES.get(outcome, outcome)),
        "automatic_text": automatic_text,
        "limits": limits,
        "reasons": [(words.reason_text(r), r["citation"]) for r in path.get("reasons", [])],
        "citations": path["citations"],
    }


PATHS_HEADING = _l("Ways to clear this conviction")
# A path's limits said word for word by an earlier line on the page (mark_shared_limits).
SAME_LIMITS = _l("What it does not do: the same as above.")
NOT_APPLYING = _l("Checked, does not apply")
STEPS_HEADING = _l("What to do, in order")


def path_sentence(item):
    """A path's line as plain text: the same words as the page."""
    if item["prop64"]:
        parts = [f"{item['title']}: {item['text']}.", item["meaning"]]
        if item["possible"]:
            parts.append(str(words.POSSIBLE) % {"outcomes": either(item["possible"])})
        parts += [item["automatic_text"], item["effects"]]
    else:
        parts = [f"{item['title']}: {item['text']}", item["automatic_text"]]
    limits = shown_limits(item)
    if limits:
        parts.append(str(SAME_LIMITS) if item.get("limits_same") else limits)
    return " ".join(part for part in parts if part)


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
                outcome=card["headline"],
            )
        )
        lines.append("  " + _("What you need to do:") + " " + card["to_do"])
        # The same as the page: one line per path, then the one ordered list of next steps.
        lines.append("  " + str(PATHS_HEADING) + ":")
        for item in card["paths"]:
            lines.append("    - " + path_sentence(item))
        if card["paths_not_applying"]:
            names = ", ".join(item["title"] for item in card["paths_not_applying"])
            lines.append("    - " + str(NOT_APPLYING) + ": " + names)
        lines.append("  " + str(STEPS_HEADING) + ":")
        for n, action in enumerate(card["actions"], start=1):
            lines.append(f"    {n}. {action['title']}:")
            if action["same_as"]:
                lines.append("       " + same_steps(action["same_as"]))
                continue
            lines.extend(f"       - {step}" for step in action["steps"])
        lines.append(
            "  "
            + _(
                "Why: %(reasons)s",
                reasons="; ".join(
                    f"{text} ({citation})"
                    for text, citation in card["reasons"]
                    + [r for other in card["other"] for r in other["reasons"]]
                ),
            )
        )
        lines.append("")
    lines.append(str(PICK_UP_TITLE))
    lines.append(str(PICK_UP_TEXT))
    lines.extend(card["paste_line"] for card in result_cards if card["paste_line"])
    if any(not card["paste_line"] for card in result_cards):
        lines.append(str(PICK_UP_LEFT_OUT))
    lines.append("")
    return "\n".join(lines)
