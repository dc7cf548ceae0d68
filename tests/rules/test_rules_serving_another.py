"""PC 1203.4(a)(1), 1203.41(a), 1203.42(a): a dismissal is for a person not "serving a sentence
for any offense". A theft whose probation ended is dismissible on its own; the same theft beside
a conviction still being served is not, yet, with the reason said."""

import copy
import json
from pathlib import Path

import rules

EXAMPLES = Path(__file__).parent / "examples"


def theft_case():
    case = json.loads((EXAMPLES / "09-theft-probation-revoked-1203-4.case.json").read_text())
    case["convictions"][0]["sentence"]["probation_revoked"] = "no"
    return case


def pc1203_4(determination, conviction_id="theft"):
    conviction = next(c for c in determination["convictions"] if c["id"] == conviction_id)
    return next(p for p in conviction["other_paths"] if p["path"] == "PC 1203.4")


def test_a_completed_probation_alone_is_dismissed_when_asked():
    assert pc1203_4(rules.evaluate(theft_case()))["outcome"] == "eligible"


def test_another_sentence_still_being_served_bars_the_dismissal_with_its_reason():
    case = theft_case()
    serving = copy.deepcopy(case["convictions"][0])
    serving.update(id="dui", offense="VC 23152(a)", conviction_date="2026-06-01")
    serving["offense_date"] = "2026-05-01"
    serving["sentence"] = {"status": "serving", "kind": "probation"}
    case["convictions"].append(serving)
    path = pc1203_4(rules.evaluate(case))
    assert path["outcome"] == "not_eligible"
    assert "dismissal_serving_another_sentence" in [r["code"] for r in path["reasons"]]
    assert "file_cr180" not in [a["code"] for a in rules.evaluate(case)["actions"]]
