"""Part C: what the person files, if anything, and in which court (decision-rules C)."""

from __future__ import annotations

from .facts import Reason, Values

RELIEF_OUTCOMES = ("dismiss", "reduce_to_misdemeanor", "reduce_to_infraction", "needs_review")

# Judicial Council forms, courts.ca.gov/prop64 [V, statutes.md]: "CR-400 Petition/Application
# (Health and Safety Code, § 11361.8)—Adult Crimes", served with "CR-401 Proof of Service";
# "JV-744 Request to Reduce Juvenile Marijuana Offense" (with "JV-744A Attachment" when needed).
FORMS = {
    "superior": ("CR-400", "CR-401"),
    "juvenile": ("JV-744",),
    "unknown": ("CR-400", "CR-401", "JV-744"),
}


def forms(court: str) -> list[str]:
    """The forms for the court `procedure` named (none when there is nothing to file)."""
    return list(FORMS.get(court, ()))


def procedure(values: Values, outcome: str) -> tuple[str, str, list[Reason]]:
    """(procedure, court, reasons) for one conviction's Prop 64 outcome."""
    if outcome not in RELIEF_OUTCOMES:
        return "none", "none", []
    reasons = []
    # HS 11361.8(m): the section applies "equally to juvenile delinquency adjudications" [M]:
    # those go to the juvenile court of the county; adults to the superior court that entered
    # the judgment (11361.8(a): "the trial court that entered the judgment of conviction").
    court = {"california_juvenile": "juvenile", "california_adult": "superior"}.get(
        values["court"], "unknown"
    )
    if court == "juvenile":
        reasons.append(Reason("juvenile_court_of_county", "HS 11361.8(m)", "C"))
    elif court == "superior":
        reasons.append(Reason("superior_court_county_of_conviction", "HS 11361.8(a)", "C"))
    status = values["sentence.status"]
    if status == "serving":
        # HS 11361.8(a)-(b): "A person currently serving a sentence ... may petition for a recall
        # or dismissal of sentence"; the court may refuse only for "an unreasonable risk of
        # danger to public safety" (PC 1170.18(c)) [V].
        reasons.append(Reason("serving_petition", "HS 11361.8(a)-(b), PC 1170.18(c)", "C"))
        return "petition", court, reasons
    if status == "completed":
        # HS 11361.8(e)-(f): a person who "has completed his or her sentence" may file an
        # application to have the conviction dismissed and sealed or redesignated; no
        # public-safety refusal; no hearing unless asked for (11361.8(g)) [M].
        reasons.append(Reason("completed_application", "HS 11361.8(e)-(g)", "C"))
        return "application", court, reasons
    reasons.append(Reason("sentence_status_unknown_both_routes", "HS 11361.8(a), (e)", "C"))
    return "unknown", court, reasons
