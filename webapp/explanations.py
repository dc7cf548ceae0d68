"""The engine's stable codes -> plain, translatable words for the result page.

The engine holds no translations: it returns codes (outcomes, reasons, actions); this module
gives each one its words. tests/webapp checks every code in rules.REASON_CODES has an entry.
"""
from flask_babel import format_currency, format_date
from flask_babel import lazy_gettext as _l

from rules import law

OUTCOMES = {
    "dismiss": _l("Dismissed and sealed"),
    "reduce_to_misdemeanor": _l("Reduced to a misdemeanor"),
    "reduce_to_infraction": _l("Reduced to an infraction"),
    "not_eligible": _l("Not eligible under Prop 64"),
    "not_covered": _l("Prop 64 cannot change this conviction"),
    "already_granted": _l("Already changed under Prop 64"),
    "needs_review": _l("A lawyer needs to look at this"),
}

OUTCOME_MEANING = {
    "dismiss": _l("Under today's law this would not be a crime, so the conviction can be dismissed and the record sealed."),
    "reduce_to_misdemeanor": _l("Under today's law this would be a misdemeanor, so the felony can be reduced to a misdemeanor."),
    "reduce_to_infraction": _l("Under today's law this would be an infraction, so it can be reduced to an infraction."),
    "not_eligible": _l("Prop 64 does not change this conviction. Another kind of relief below may still help."),
    "not_covered": _l("Prop 64 only lets California state courts change California convictions. A lawyer can tell you what the court that convicted you allows."),
    "already_granted": _l("Your record already shows this conviction was changed under Prop 64."),
    "needs_review": _l("Something that decides the result is not known or the law is unclear. A lawyer can find out from your record."),
}

POSSIBLE = _l("Possible results: %(outcomes)s")

AUTOMATIC = {
    # Never "you do not need to do anything": the record may not have been updated (issue 15).
    "yes": _l("This should already have happened: the State reviewed cases like this and sent them to the court (HS 11361.9)."),
    "unknown": _l("This may already have happened: cases from before %(review_date)s were reviewed automatically (HS 11361.9)."),
    "no": _l("This does not happen automatically. You can ask the court for it."),
}

PROCEDURE = {
    "application": _l("Because your sentence is finished, you file an \"application\". There is usually no hearing unless you or the prosecutor ask for one (HS 11361.8(e)–(f))."),
    "petition": _l("Because you are still serving the sentence, you file a \"petition\" to recall or dismiss it (HS 11361.8(a)–(b))."),
    "unknown": _l("If your sentence is finished you file an \"application\" (HS 11361.8(e)–(f)); if you are still serving it, a \"petition\" (HS 11361.8(a)–(b)). Both use the same form."),
    "none": None,
}

ACTIONS = {
    "check_record": {
        "title": _l("Check your record"),
        "steps": [
            _l("Ask the California Department of Justice for a copy of your record (record review, PC 11123). It costs %(fee)s. If you have a low income or get public benefits such as CalFresh or Medi-Cal, you can ask for a fee waiver first."),
            _l("In California, take form BCIA 8016RR to a Live Scan fingerprint site and ask for a \"Record Review\". Outside California, send form BCIA 8705 with a fingerprint card."),
            _l("If your record is wrong, send form BCIA 8706 (claim of inaccuracy) to the Department of Justice."),
        ],
    },
    "file_cr400": {
        "title": _l("Ask the court yourself"),
        "steps": [
            _l("Fill in form CR-400 (Petition/Application, Health and Safety Code section 11361.8)."),
            _l("File it at %(court)s."),
            _l("There is no deadline, and the court must presume you are eligible unless the prosecutor proves otherwise."),
        ],
    },
    "get_legal_help": {
        "title": _l("Get free legal help"),
        "steps": [
            _l("Contact the public defender's office of the county where you were convicted, or a legal aid organization near you. Their help with this is free."),
        ],
    },
}

# The one line first on each card, "What you need to do", read from the actions the engine
# gives that conviction (decision-rules F). The steps below follow in the same order.
TO_DO = {
    "legal_help_first": _l("Get free legal help first. A lawyer can read your record and tell you what to do."),
    "check_then_file": _l("Check your record. Only if it was not changed, file form CR-400 at court."),
    "file": _l("File form CR-400 at court."),
    "check": _l("Check your record to make sure it was changed. You do not need to file anything."),
    "federal": _l("No California court can change a federal conviction. Ask a federal public defender or a legal aid lawyer what federal law allows."),
    "other_state": _l("No California court can change a conviction from another state. Ask a lawyer in that state what its law allows."),
    "nothing": _l("There is nothing to do for this conviction under Prop 64."),
}
# The court step, once the check says the record was not changed.
FILE_IF_NOT_CHANGED = _l("Only if your record was not changed: ask the court yourself")
# Help for convictions no California court can change (not the county public defender).
HELP_OUTSIDE_CALIFORNIA = {
    "federal": _l("For a federal conviction, contact the Federal Public Defender for the district where you were convicted, or a legal aid organization. A California court cannot help with it."),
    "other_state": _l("For a conviction from another state, contact a public defender or legal aid organization in that state. LawHelp.org lists free legal aid in every state."),
}

SUPERIOR_COURT = _l("the Superior Court of California, County of %(county)s")
JUVENILE_COURT = _l("the juvenile court of the Superior Court of California, County of %(county)s")
# The case says "unknown" when the person was not sure what the conviction was for.
OFFENSE_UNKNOWN = _l("offense not known")
COURT_UNKNOWN_COUNTY = _l("the Superior Court in the county where you were convicted")

RELIEF_EFFECTS = {
    "dismiss": _l("A dismissed conviction is treated as legally invalid, and the record is sealed."),
    "reduce_to_misdemeanor": _l("A felony reduced to a misdemeanor counts as a misdemeanor for all purposes (HS 11361.8(h))."),
    "reduce_to_infraction": _l("A conviction reduced to an infraction counts as an infraction for all purposes (HS 11361.8(h))."),
}
RELIEF_LIMITS = _l("Before owning a gun, or when an application for a job or license asks about convictions, ask a lawyer what you must say: federal law and some licences have their own rules.")

OTHER_PATHS = {
    "PC 1203.425": {
        "title": _l("Automatic clean slate (PC 1203.425)"),
        "outcome": {
            "eligible": _l("This conviction should be cleared automatically by the Department of Justice. You do not need to file anything."),
            "not_eligible": _l("Automatic clean-slate relief does not apply to this conviction."),
            "needs_review": _l("Automatic clean-slate relief may apply. A lawyer can check."),
        },
        "limits": _l("This relief treats the conviction as dismissed, but you must still tell about it when you apply for public office, a state or local license, a job as a peace officer, or a California State Lottery contract. It does not give back the right to own a gun."),
    },
}
OTHER_PATH_FALLBACK_TITLE = _l("Other relief (%(path)s)")

# Reason codes from the engine (rules.REASON_CODES). Keep this in step with the engine:
# a test fails when a code has no words here.
REASONS = {
    "not_a_california_court": _l("Prop 64 relief comes only from a California court; this conviction is from another state or a federal court."),
    "prop64_relief_already_on_record": _l("The record already shows Prop 64 relief for this conviction."),
    "assumed_no_prop64_relief_yet": _l("We assumed the court has not already granted Prop 64 relief for this conviction."),
    "offense_not_prop64_section": _l("Prop 64 relief covers only Health and Safety Code sections 11357, 11358, 11359 and 11360, and this conviction is for another offense."),
    "offense_before_prop64": _l("The offense happened before Prop 64 took effect on %(prop64_date)s, so the old law applied."),
    "offense_on_or_after_prop64": _l("The offense happened on or after %(prop64_date)s, when Prop 64 was already the law, so there is nothing for it to reduce."),
    "offense_date_unknown": _l("The offense date is not known, so we cannot tell whether the old law or Prop 64 applied."),
    "offense_date_unknown_convicted_before_prop64": _l("The offense date is not known, but the conviction came before %(prop64_date)s, so the offense was under the old law."),
    "attempt_not_named_in_prop64": _l("Prop 64 does not name attempts, and courts differ on whether an attempt can be reduced or dismissed."),
    "conspiracy_not_named_in_prop64": _l("Prop 64 does not name conspiracy, and courts differ on whether a conspiracy conviction can be reduced or dismissed."),
    "level_unknown_read_as_felony": _l("The level of the conviction is not known, but under the old law this offense was always a felony."),
    "level_unknown_read_as_misdemeanor": _l("The level of the conviction is not known, but under the old law this offense was a misdemeanor at that time."),
    "level_unknown_read_as_infraction": _l("The level of the conviction is not known, but under the old law this offense was an infraction at that time."),
    "legal_today": _l("The same conduct is legal today, so the conviction can be dismissed."),
    "infraction_cannot_be_reduced": _l("An infraction is already the lowest level, so there is nothing to reduce."),
    "lesser_offense_today_infraction": _l("The same conduct is only an infraction today, so the conviction can be reduced to an infraction."),
    "lesser_offense_today_misdemeanor": _l("The same conduct is only a misdemeanor today, so the conviction can be reduced to a misdemeanor."),
    "same_grade_today": _l("The same conduct is just as serious today, so Prop 64 does not change this conviction."),
    "same_outcome_either_way": _l("Some facts are not known, but the answer is the same whatever they turn out to be."),
    "subdivision_not_recognised": _l("The subdivision written on the record is not one we recognise for the old law, so we used the facts of the case instead."),
    "old_11357a_implies_facts": _l("Old section 11357(a) was possession of concentrated cannabis."),
    "old_11357b_implies_facts": _l("Old section 11357(b) was possession of 28.5 grams or less, not concentrated, away from a school."),
    "old_11357c_implies_facts": _l("Old section 11357(c) was possession of more than 28.5 grams."),
    "old_11357d_implies_facts": _l("Old section 11357(d) was possession of 28.5 grams or less on school grounds by a person 18 or older."),
    "old_11357e_implies_facts": _l("Old section 11357(e) was possession on school grounds by a person under 18."),
    "under_18_infraction_today": _l("For a person under 18 at the time, the same conduct is only an infraction today."),
    "over_limit_misdemeanor_today": _l("Possessing more than 28.5 grams of cannabis, or more than 8 grams of concentrated cannabis, is still a misdemeanor for a person 18 or older."),
    "school_grounds_misdemeanor_today": _l("Possessing cannabis on the grounds of a K-12 school while it is open is still a misdemeanor for a person 18 or older."),
    "within_limit_18_to_20_infraction_today": _l("For a person aged 18 to 20, possessing up to 28.5 grams (8 grams concentrated) is only an infraction today."),
    "within_limit_21_or_older_legal_today": _l("For a person 21 or older, possessing up to 28.5 grams of cannabis, or 8 grams of concentrated cannabis, is legal today."),
    "assumed_no_prior_super_strike": _l("We assumed there was no earlier conviction for a 'super strike' offense, as the law presumes unless the prosecution proves otherwise."),
    "assumed_no_prior_290_offense": _l("We assumed there was no earlier conviction for an offense requiring sex-offender registration, as the law presumes unless the prosecution proves otherwise."),
    "assumed_not_two_priors_same_section": _l("We assumed there were not two earlier convictions under the same section, as the law presumes unless the prosecution proves otherwise."),
    "assumed_no_environmental_harm": _l("We assumed the cultivation did not cause the environmental harm that keeps it a felony, as the law presumes unless the prosecution proves otherwise."),
    "assumed_no_minor_involved": _l("We assumed no one under 18 was sold or offered cannabis and no one 20 or younger was hired or used, as the law presumes unless the prosecution proves otherwise."),
    "assumed_no_import_export_over_limit": _l("We assumed the cannabis was not brought into California or taken out of it for sale in amounts over the limit, as the law presumes unless the prosecution proves otherwise."),
    "prior_super_strike": _l("An earlier conviction for a 'super strike' offense keeps this offense a felony today."),
    "prior_290_offense": _l("An earlier conviction for an offense requiring sex-offender registration keeps this offense a felony today."),
    "two_priors_same_section": _l("Two or more earlier convictions under the same section keep this offense a felony today."),
    "environmental_harm": _l("Cultivation that caused the listed environmental harm can still be a felony today."),
    "minor_involved": _l("Selling or offering cannabis to a person under 18, or hiring or using a person 20 or younger, can still be a felony today."),
    "import_export_over_limit": _l("Bringing more than the legal amount into California, or taking it out of California for sale, can still be a felony today."),
    "six_plants_or_fewer_21_or_older_legal_today": _l("For a person 21 or older, growing six plants or fewer is legal today."),
    "six_plants_or_fewer_18_to_20_infraction_today": _l("For a person aged 18 to 20, growing six plants or fewer is only an infraction today."),
    "over_six_plants_misdemeanor_today": _l("Growing more than six plants is a misdemeanor today for a person 18 or older."),
    "possession_for_sale_misdemeanor_today": _l("Possessing cannabis for sale is a misdemeanor today for a person 18 or older."),
    "old_11360b_implies_facts": _l("Old section 11360(b) was giving away or transporting 28.5 grams or less, not for sale."),
    "give_away_over_limit_misdemeanor_today": _l("Giving away or transporting more than 28.5 grams is a misdemeanor today for a person 18 or older."),
    "give_away_within_limit_21_or_older_legal_today": _l("For a person 21 or older, transporting or giving away up to 28.5 grams without payment is legal today."),
    "give_away_within_limit_under_21_infraction_today": _l("For a person under 21, giving away or transporting up to 28.5 grams is only an infraction today."),
    "sale_misdemeanor_today": _l("Selling cannabis, or transporting it for sale, is a misdemeanor today for a person 18 or older."),
    "court_unknown": _l("We do not know whether the conviction is from a California court, and Prop 64 helps only with California convictions."),
    "offense_unknown": _l("We do not know which offense the conviction was for, and the answer depends on it."),
    "attempt_coverage_uncertain": _l("The law is unclear on attempts and conspiracies, so the answer could go either way."),
    "age_at_offense_unknown": _l("We do not know the person's age at the time of the offense, and the answer depends on it."),
    "level_unknown": _l("We do not know whether the conviction was a felony, a misdemeanor or an infraction, and the answer depends on it."),
    "conduct_over_limit_unknown": _l("We do not know whether the amount was over 28.5 grams (8 grams concentrated), and the answer depends on it."),
    "conduct_plants_over_six_unknown": _l("We do not know whether there were more than six plants, and the answer depends on it."),
    "conduct_for_sale_unknown": _l("We do not know whether the cannabis was for sale, and the answer depends on it."),
    "conduct_school_grounds_unknown": _l("We do not know whether this happened on the grounds of a K-12 school, and the answer depends on it."),
    "superior_court_county_of_conviction": _l("The request goes to the superior court of the county where the conviction happened, on form CR-400."),
    "juvenile_court_of_county": _l("For a juvenile case, the request goes to the juvenile court of the county where the case was decided."),
    "serving_petition": _l("While the sentence is still being served, the person files a petition; the court can refuse only for an unreasonable risk to public safety."),
    "completed_application": _l("Once the sentence is completed, the person files an application; the court must grant it, with no hearing unless one is asked for."),
    "sentence_status_unknown_both_routes": _l("We do not know whether the sentence is finished: if it is still being served the person files a petition, and if it is finished an application."),
    "automatic_review_check_record": _l("This conviction was in the state's automatic review, so it should have been cleared without doing anything; check your record, and file CR-400 yourself if it was not updated."),
    "automatic_review_unknown": _l("We cannot tell whether this conviction was in the state's automatic review, so check your record."),
    "juvenile_not_in_automatic_review": _l("Juvenile cases were not part of the state's automatic review."),
    "not_in_automatic_review": _l("This conviction was not part of the state's automatic review."),
    "convicted_after_automatic_review": _l("The conviction came after %(review_date)s, too late for the state's automatic review."),
    "no_relief_so_no_automatic_review": _l("There is no Prop 64 relief for this conviction, so there is nothing automatic to wait for."),
    "pc1203_425_california_convictions_only": _l("Automatic conviction relief covers only California convictions."),
    "pc1203_425_not_for_juvenile_adjudications": _l("Automatic conviction relief covers adult convictions, not juvenile cases."),
    "already_dismissed_on_record": _l("The record already shows this conviction as dismissed."),
    "pc1203_425_must_register_290": _l("A person who must register as a sex offender cannot get automatic conviction relief."),
    "pc1203_425_under_supervision": _l("A person on probation, parole or other supervision cannot get automatic conviction relief yet."),
    "pc1203_425_pending_charges": _l("A person with pending criminal charges cannot get automatic conviction relief yet."),
    "pc1203_425_serving_sentence": _l("Automatic conviction relief comes only after the sentence is finished."),
    "pc1203_425_convicted_too_early": _l("Automatic conviction relief covers only convictions from 1 January 1973 onwards."),
    "pc1203_425_probation_completed": _l("Probation was granted and completed without being revoked, so the state should clear this conviction automatically."),
    "pc1203_425_probation_revoked": _l("Probation was revoked, so automatic relief through completed probation does not apply."),
    "pc1203_425_felony_prong_uncertain": _l("For a felony without completed probation, automatic relief depends on rules whose dates are uncertain, so a lawyer should look at it."),
    "pc1203_425_effects": _l("Once cleared, the conviction counts as dismissed, but it must still be disclosed when applying for public office, a state licence, a peace-officer job or a state lottery contract, and it does not restore the right to have a gun."),
    "pc1203_425_one_year_not_passed": _l("Automatic relief for a misdemeanor or infraction comes one full year after the judgment, and that year has not passed yet."),
    "pc1203_425_misdemeanor_one_year_passed": _l("A misdemeanor or infraction without probation, finished and more than a year old, should be cleared by the state automatically."),
    "person_must_register_290_unknown": _l("We do not know whether the person must register as a sex offender, which would block automatic relief."),
    "person_under_supervision_unknown": _l("We do not know whether the person is under supervision now, which would delay automatic relief."),
    "person_pending_charges_unknown": _l("We do not know whether the person has pending charges, which would delay automatic relief."),
    "sentence_status_unknown": _l("We do not know whether the sentence is finished, and the answer depends on it."),
    "sentence_kind_unknown": _l("We do not know what the sentence was (probation, jail, prison or a fine), and the answer depends on it."),
    "sentence_probation_revoked_unknown": _l("We do not know whether probation was revoked, and the answer depends on it."),
    "conviction_date_unknown": _l("We do not know the conviction date well enough, and the answer depends on it."),
}


def reason_text(reason):
    words = REASONS.get(reason["code"])
    return law_words(words) if words is not None else reason.get("text", reason["code"])


def law_words(text, **extra):
    """`text` with the law's dates and amounts (rules/law.py) written the reader's way by Babel,
    and any `extra` placeholders filled."""
    text = str(text)
    if "%(" not in text:
        return text
    return text % {"prop64_date": format_date(law.PROP64_EFFECTIVE.current, "long"),
                   "review_date": format_date(law.AUTOMATIC_REVIEW_BEFORE.current, "long"),
                   "fee": format_currency(law.RECORD_REVIEW_FEE_DOLLARS.current, "USD"), **extra}
