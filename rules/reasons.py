"""Every reason and assumption code the engine can emit, with its one plain-English sentence.

This is the one table of reason sentences. Codes are stable keys; `REASON_TEMPLATES` holds each
sentence once, marked with `N_` for Babel extraction (babel.cfg reads rules/ too), so a law
change edits one place: the web app translates the template by its code and fills the
placeholders with the same law values, formatted for the reader's language; the engine fills
them in English for each reason's `text` (`REASON_CODES`). The values come from `rules/law.py`.
A new code needs a sentence here (tests check every emitted code has one and every one is used).
"""

from __future__ import annotations

from datetime import date

from . import law


def N_(text: str) -> str:
    """Marks a sentence for translation (extracted with `pybabel -k N_`); translates nothing:
    rules/ imports nothing from Babel."""
    return text


# The law's values the sentences name (placeholder -> value), each read from rules/law.py.
LAW_VALUES: dict[str, date | int | float] = {
    "prop64_date": law.PROP64_EFFECTIVE.current,
    "review_date": law.AUTOMATIC_REVIEW_BEFORE.current,
    "limit_grams": law.LIMIT_CANNABIS_GRAMS.current,
    "limit_concentrated_grams": law.LIMIT_CONCENTRATED_GRAMS.current,
    "limit_plants": law.LIMIT_PLANTS.current,
    "import_concentrated_grams": law.IMPORT_EXPORT_CONCENTRATED_GRAMS.current,
    "hired_age": law.HIRED_PERSON_AGE_AT_MOST.current,
    "pc1203_425_earliest": law.PC1203_425_CONVICTED_ON_OR_AFTER.current,
    "felony_branch_date": law.PC1203_425_FELONY_BRANCH.entries[-1].in_force_from,
    "felony_wait_years": law.PC1203_425_WAIT_YEARS_FELONY.current,
    "realignment_date": law.REALIGNMENT.current,
    "split_wait_years": law.PC1203_41_WAIT_YEARS_SPLIT.current,
    "straight_wait_years": law.PC1203_41_WAIT_YEARS_STRAIGHT.current,
    "prison_wait_years": law.PC1203_42_WAIT_YEARS.current,
    "destruction_years": law.HS11361_5_KEEP_YEARS.current,
    "destruction_age": law.HS11361_5_KEEP_UNTIL_AGE.current,
    "destruction_from": law.HS11361_5_AUTOMATIC_FROM.current,
}


def english(value: date | float) -> str:
    """A law value as the engine's English `text` writes it: 9 November 2016, 28.5, 8."""
    if isinstance(value, date):
        return f"{value.day} {value:%B} {value.year}"
    return f"{value:g}"


REASON_TEMPLATES: dict[str, str] = {
    # Part A: coverage and which law applied
    "not_a_california_court": N_(
        "Prop 64 relief comes only from a California court; this conviction is from another state or a federal court."
    ),
    "prop64_relief_already_on_record": N_(
        "The record already shows Prop 64 relief for this conviction."
    ),
    "assumed_no_prop64_relief_yet": N_(
        "We assumed the court has not already granted Prop 64 relief for this conviction."
    ),
    "offense_not_prop64_section": N_(
        "Prop 64 relief covers only Health and Safety Code sections 11357, 11358, 11359 and 11360, and this conviction is for another offense."
    ),
    "offense_before_prop64": N_(
        "The offense happened before Prop 64 took effect on %(prop64_date)s, so the old law applied."
    ),
    "offense_on_or_after_prop64": N_(
        "The offense happened on or after %(prop64_date)s, when Prop 64 was already the law, so there is nothing for it to reduce."
    ),
    "offense_date_unknown": N_(
        "The offense date is not known, so we cannot tell whether the old law or Prop 64 applied."
    ),
    "offense_date_unknown_convicted_before_prop64": N_(
        "The offense date is not known, but the conviction came before %(prop64_date)s, so the offense was under the old law."
    ),
    "attempt_not_named_in_prop64": N_(
        "Prop 64 does not name attempts, and courts differ on whether an attempt can be reduced or dismissed."
    ),
    "offense_code_and_number_disagree": N_(
        "The record names another code with the number of a Prop 64 section (for example PC 11359), so it is not clear which offense it is."
    ),
    "current_law_subdivision": N_(
        "The subdivision on the record exists only in today's law, so the conviction was under the law Prop 64 made and there is nothing for it to reduce."
    ),
    "current_law_subdivision_inconsistent": N_(
        "The subdivision on the record exists only in today's law, but a date on the record is before Prop 64 took effect, so the record is inconsistent."
    ),
    "conspiracy_not_named_in_prop64": N_(
        "Prop 64 does not name conspiracy, and courts differ on whether a conspiracy conviction can be reduced or dismissed."
    ),
    # Part B: grades
    "level_unknown_read_as_felony": N_(
        "The level of the conviction is not known, but under the old law this offense was always a felony."
    ),
    "level_unknown_read_as_misdemeanor": N_(
        "The level of the conviction is not known, but under the old law this offense was a misdemeanor at that time."
    ),
    "level_unknown_read_as_infraction": N_(
        "The level of the conviction is not known, but under the old law this offense was an infraction at that time."
    ),
    "legal_today": N_("The same conduct is legal today, so the conviction can be dismissed."),
    "infraction_cannot_be_reduced": N_(
        "An infraction is already the lowest level, so there is nothing to reduce."
    ),
    "lesser_offense_today_infraction": N_(
        "The same conduct is only an infraction today, so the conviction can be reduced to an infraction."
    ),
    "lesser_offense_today_misdemeanor": N_(
        "The same conduct is only a misdemeanor today, so the conviction can be reduced to a misdemeanor."
    ),
    "same_grade_today": N_(
        "The same conduct is just as serious today, so Prop 64 does not change this conviction."
    ),
    "same_outcome_either_way": N_(
        "Some facts are not known, but the answer is the same whatever they turn out to be."
    ),
    "subdivision_not_recognised": N_(
        "The subdivision written on the record is not one we recognise for the old law, so we used the facts of the case instead."
    ),
    # B.1 HS 11357
    "old_11357a_implies_facts": N_("Old section 11357(a) was possession of concentrated cannabis."),
    "old_11357b_implies_facts": N_(
        "Old section 11357(b) was possession of %(limit_grams)s grams or less, not concentrated, away from a school."
    ),
    "old_11357c_implies_facts": N_(
        "Old section 11357(c) was possession of more than %(limit_grams)s grams."
    ),
    "old_11357d_implies_facts": N_(
        "Old section 11357(d) was possession of %(limit_grams)s grams or less on school grounds by a person 18 or older."
    ),
    "old_11357e_implies_facts": N_(
        "Old section 11357(e) was possession on school grounds by a person under 18."
    ),
    "under_18_infraction_today": N_(
        "For a person under 18 at the time, the same conduct is only an infraction today."
    ),
    "over_limit_misdemeanor_today": N_(
        "Possessing more than %(limit_grams)s grams of cannabis, or more than %(limit_concentrated_grams)s grams of concentrated cannabis, is still a misdemeanor for a person 18 or older."
    ),
    "school_grounds_misdemeanor_today": N_(
        "Possessing cannabis on the grounds of a K-12 school while it is open is still a misdemeanor for a person 18 or older."
    ),
    "within_limit_18_to_20_infraction_today": N_(
        "For a person aged 18 to 20, possessing up to %(limit_grams)s grams (%(limit_concentrated_grams)s grams concentrated) is only an infraction today."
    ),
    "within_limit_21_or_older_legal_today": N_(
        "For a person 21 or older, possessing up to %(limit_grams)s grams of cannabis, or %(limit_concentrated_grams)s grams of concentrated cannabis, is legal today."
    ),
    # B.6 priors and the conduct that keeps a felony a felony
    "assumed_no_prior_super_strike": N_(
        "We assumed there was no earlier conviction for a 'super strike' offense, as the law presumes unless the prosecution proves otherwise."
    ),
    "assumed_no_prior_290_offense": N_(
        "We assumed there was no earlier conviction for an offense requiring sex-offender registration, as the law presumes unless the prosecution proves otherwise."
    ),
    "assumed_not_two_priors_same_section": N_(
        "We assumed there were not two earlier convictions under the same section, as the law presumes unless the prosecution proves otherwise."
    ),
    "assumed_no_environmental_harm": N_(
        "We assumed the cultivation did not cause the environmental harm that keeps it a felony, as the law presumes unless the prosecution proves otherwise."
    ),
    "assumed_no_minor_involved": N_(
        "We assumed no one under 18 was sold, offered or given cannabis, as the law presumes unless the prosecution proves otherwise."
    ),
    "assumed_no_employed_minor": N_(
        "We assumed no one %(hired_age)s or younger was hired or used in the offense, as the law presumes unless the prosecution proves otherwise."
    ),
    "assumed_no_import_export_over_limit": N_(
        "We assumed the cannabis was not brought into California or taken out of it for sale in amounts over the limit, as the law presumes unless the prosecution proves otherwise."
    ),
    "prior_super_strike": N_(
        "An earlier conviction for a 'super strike' offense keeps this offense a felony today."
    ),
    "prior_290_offense": N_(
        "An earlier conviction for an offense requiring sex-offender registration keeps this offense a felony today."
    ),
    "two_priors_same_section": N_(
        "Two or more earlier convictions under the same section keep this offense a felony today."
    ),
    "environmental_harm": N_(
        "Cultivation that caused the listed environmental harm can still be a felony today."
    ),
    "minor_involved": N_(
        "Selling, offering or giving cannabis to a person under 18 can still be a felony today."
    ),
    "employed_minor": N_(
        "For a person 21 or older, hiring or using a person %(hired_age)s or younger can still be a felony today."
    ),
    "felony_factor_wobbler_today": N_(
        "Today the law says this offense may be punished as a felony or a misdemeanor, and whether that counts as a lesser offense is not settled, so a lawyer should look at it."
    ),
    "import_export_concentrated_4g_line": N_(
        "Bringing more than %(import_concentrated_grams)s grams of concentrated cannabis into California, or taking it out for sale, can still be a felony, and the amount is not known that precisely."
    ),
    "gift_to_18_to_20": N_(
        "Giving cannabis to a person aged 18 to 20 is not legal today (only gifts to people 21 or older are), but it is only an infraction."
    ),
    "give_away_concentrated_misdemeanor_today": N_(
        "For a person aged 18 to 20, giving away concentrated cannabis is a misdemeanor today."
    ),
    "import_export_over_limit": N_(
        "Bringing more than the legal amount into California, or taking it out of California for sale, can still be a felony today."
    ),
    # B.2 HS 11358
    "six_plants_or_fewer_21_or_older_legal_today": N_(
        "For a person 21 or older, growing %(limit_plants)s plants or fewer is legal today."
    ),
    "six_plants_or_fewer_18_to_20_infraction_today": N_(
        "For a person aged 18 to 20, growing %(limit_plants)s plants or fewer is only an infraction today."
    ),
    "over_six_plants_misdemeanor_today": N_(
        "Growing more than %(limit_plants)s plants is a misdemeanor today for a person 18 or older."
    ),
    # B.3 HS 11359
    "possession_for_sale_misdemeanor_today": N_(
        "Possessing cannabis for sale is a misdemeanor today for a person 18 or older."
    ),
    # B.4 HS 11360
    "old_11360b_implies_facts": N_(
        "Old section 11360(b) was giving away or transporting %(limit_grams)s grams or less, not for sale."
    ),
    "give_away_over_limit_misdemeanor_today": N_(
        "Giving away or transporting more than %(limit_grams)s grams is a misdemeanor today for a person 18 or older."
    ),
    "give_away_within_limit_21_or_older_legal_today": N_(
        "For a person 21 or older, transporting or giving away up to %(limit_grams)s grams without payment is legal today."
    ),
    "give_away_within_limit_under_21_infraction_today": N_(
        "For a person under 21, giving away or transporting up to %(limit_grams)s grams is only an infraction today."
    ),
    "sale_misdemeanor_today": N_(
        "Selling cannabis, or transporting it for sale, is a misdemeanor today for a person 18 or older."
    ),
    # Unknown facts that leave more than one outcome possible
    "court_unknown": N_(
        "We do not know whether the conviction is from a California court, and Prop 64 helps only with California convictions."
    ),
    "offense_unknown": N_(
        "We do not know which offense the conviction was for, and the answer depends on it."
    ),
    "attempt_coverage_uncertain": N_(
        "The law is unclear on attempts and conspiracies, so the answer could go either way."
    ),
    "age_at_offense_unknown": N_(
        "We do not know the person's age at the time of the offense, and the answer depends on it."
    ),
    "level_unknown": N_(
        "We do not know whether the conviction was a felony, a misdemeanor or an infraction, and the answer depends on it."
    ),
    "conduct_over_limit_unknown": N_(
        "We do not know whether the amount was over %(limit_grams)s grams (%(limit_concentrated_grams)s grams concentrated), and the answer depends on it."
    ),
    "conduct_plants_over_six_unknown": N_(
        "We do not know whether there were more than %(limit_plants)s plants, and the answer depends on it."
    ),
    "conduct_for_sale_unknown": N_(
        "We do not know whether the cannabis was for sale, and the answer depends on it."
    ),
    "conduct_gift_to_under_21_unknown": N_(
        "We do not know whether the cannabis was given to a person aged 18 to 20, and the answer depends on it."
    ),
    "conduct_concentrated_unknown": N_(
        "We do not know whether the cannabis was concentrated, and the answer depends on it."
    ),
    "felony_factor_lesser_offense_unsettled": N_(
        "Whether today's felony-or-misdemeanor offense is a lesser offense than the old felony is not settled by the courts."
    ),
    "record_subdivision_or_date_wrong": N_(
        "Either the subdivision or a date on the record is wrong, and the answer depends on which."
    ),
    "offense_code_unclear": N_(
        "It is not clear whether the record means the Health and Safety Code section, and the answer depends on it."
    ),
    "concentrated_amount_unknown": N_(
        "We do not know whether there were more than %(import_concentrated_grams)s grams of concentrated cannabis, and the answer depends on it."
    ),
    "sentence_completed_on_unknown": N_(
        "We do not know when the whole sentence ended, and the answer depends on it."
    ),
    "new_felony_since_unknown": N_(
        "We do not know whether there was a new felony conviction after the sentence ended, and the answer depends on it."
    ),
    "conduct_school_grounds_unknown": N_(
        "We do not know whether this happened on the grounds of a K-12 school, and the answer depends on it."
    ),
    # Part C: procedure
    "superior_court_county_of_conviction": N_(
        "The request goes to the superior court of the county where the conviction happened, on form CR-400."
    ),
    "juvenile_court_of_county": N_(
        "For a juvenile case, the request goes to the juvenile court of the county where the case was decided, on form JV-744 (with JV-744A when needed)."
    ),
    "serving_petition": N_(
        "While the sentence is still being served, the person files a petition; the court can refuse only for an unreasonable risk to public safety."
    ),
    "completed_application": N_(
        "Once the sentence is completed, the person files an application; the court must grant it, with no hearing unless one is asked for."
    ),
    "sentence_status_unknown_both_routes": N_(
        "We do not know whether the sentence is finished: if it is still being served the person files a petition, and if it is finished an application."
    ),
    # Part D: automatic review
    "automatic_review_check_record": N_(
        "This conviction was in the state's automatic review and may have been cleared without you doing anything, but the prosecutor could challenge it; check your record, and if it was missed or challenged, file yourself (there is no deadline)."
    ),
    "automatic_review_unknown": N_(
        "We cannot tell whether this conviction was in the state's automatic review, so check your record."
    ),
    "juvenile_not_in_automatic_review": N_(
        "Juvenile cases were not part of the state's automatic review."
    ),
    "not_in_automatic_review": N_("This conviction was not part of the state's automatic review."),
    "convicted_after_automatic_review": N_(
        "The conviction came after %(review_date)s, too late for the state's automatic review."
    ),
    "no_relief_so_no_automatic_review": N_(
        "There is no Prop 64 relief for this conviction, so there is nothing automatic to wait for."
    ),
    # Part E: PC 1203.425
    "pc1203_425_california_convictions_only": N_(
        "Automatic conviction relief covers only California convictions."
    ),
    "pc1203_425_not_for_juvenile_adjudications": N_(
        "Automatic conviction relief covers adult convictions, not juvenile cases."
    ),
    "already_dismissed_on_record": N_("The record already shows this conviction as dismissed."),
    "pc1203_425_must_register_290": N_(
        "A person who must register as a sex offender cannot get automatic conviction relief."
    ),
    "pc1203_425_under_supervision": N_(
        "A person on probation, parole or other supervision cannot get automatic conviction relief yet."
    ),
    "pc1203_425_pending_charges": N_(
        "A person with pending criminal charges cannot get automatic conviction relief yet."
    ),
    "pc1203_425_serving_sentence": N_(
        "Automatic conviction relief comes only after the sentence is finished."
    ),
    "pc1203_425_convicted_too_early": N_(
        "Automatic conviction relief covers only convictions from %(pc1203_425_earliest)s onwards."
    ),
    "pc1203_425_probation_completed": N_(
        "Probation was granted and completed without being revoked, so the state should clear this conviction automatically."
    ),
    "pc1203_425_probation_revoked": N_(
        "Probation was revoked, so automatic relief through completed probation does not apply."
    ),
    "pc1203_425_felony_branch_not_in_force": N_(
        "Automatic relief for felonies without completed probation started on %(felony_branch_date)s; on this date it was not yet the law."
    ),
    "pc1203_425_serious_violent_or_290": N_(
        "Automatic relief for felonies does not cover serious or violent felonies, or offenses that require sex-offender registration."
    ),
    "pc1203_425_felony_may_be_serious": N_(
        "Automatic relief for felonies does not cover serious or violent felonies, and whether this one is can depend on facts the code section does not show, so a lawyer should look at it."
    ),
    "pc1203_425_four_years_not_passed": N_(
        "Automatic relief for a felony comes %(felony_wait_years)s years after the whole sentence ended, and %(felony_wait_years)s years have not passed yet."
    ),
    "pc1203_425_new_felony_since": N_(
        "A new felony conviction after the sentence ended stops automatic relief for this felony."
    ),
    "pc1203_425_felony_four_years_passed": N_(
        "The whole sentence ended more than %(felony_wait_years)s years ago with no new felony, so the state should clear this felony automatically."
    ),
    "pc1203_425_prosecutor_may_object": N_(
        "The prosecutor or the probation department can ask the court to stop automatic relief."
    ),
    "pc1203_425_one_year_not_passed": N_(
        "Automatic relief for a misdemeanor or infraction comes one full year after the judgment, and that year has not passed yet."
    ),
    "pc1203_425_conviction_date_as_judgment": N_(
        "We counted the year from the conviction date, taken as the date of judgment."
    ),
    "pc1203_425_misdemeanor_one_year_passed": N_(
        "A misdemeanor or infraction without probation, finished and more than a year old, should be cleared by the state automatically."
    ),
    "pc1203_425_effects": N_(
        "Once cleared, the conviction counts as dismissed, but it must still be disclosed when applying for public office, a state licence, a peace-officer job or a state lottery contract, and it does not restore the right to have a gun."
    ),
    # Part G: dismissal by petition, PC 1203.4, 1203.4a, 1203.41, 1203.42
    "dismissal_california_convictions_only": N_(
        "Dismissal by petition under the Penal Code covers only California convictions."
    ),
    "dismissal_not_for_juvenile_adjudications": N_(
        "Dismissal by petition covers adult convictions; juvenile records are sealed in the juvenile court instead."
    ),
    "dismissal_serving_sentence": N_(
        "The court can dismiss a conviction only after the sentence is finished."
    ),
    "dismissal_serving_another_sentence": N_(
        "A person still serving a sentence for another conviction cannot ask for a dismissal yet."
    ),
    "dismissal_under_supervision": N_(
        "A person on probation, parole or other supervision cannot ask for a dismissal yet."
    ),
    "dismissal_pending_charges": N_(
        "A person charged with an offense cannot ask for a dismissal until the charge is over."
    ),
    "dismissal_court_unknown": N_(
        "We do not know whether the conviction is from a California court, and these paths cover only California convictions."
    ),
    "dismissal_under_supervision_unknown": N_(
        "We do not know whether the person is under supervision now, which would delay a dismissal."
    ),
    "dismissal_pending_charges_unknown": N_(
        "We do not know whether the person has pending charges, which would delay a dismissal."
    ),
    "realignment_date_unknown": N_(
        "We do not know whether this was before or after %(realignment_date)s, when felony sentences to county jail began, and the answer depends on it."
    ),
    "dismissal_petition_cr180": N_(
        "The person files a petition in the superior court of the county of conviction on form CR-180; the judge's order is form CR-181."
    ),
    "dismissal_effects": N_(
        "A dismissal must still be disclosed when applying for public office, a state licence or a state lottery contract, it does not restore the right to have a gun, and it still counts as a prior conviction in a later case."
    ),
    "pc1203_4_probation_not_granted": N_(
        "This dismissal is for convictions where probation was granted, and it was not."
    ),
    "pc1203_4_excluded_offense": N_("The law does not allow this dismissal for this offense."),
    "pc1203_4_offense_may_be_excluded": N_(
        "The law excludes some offenses from this dismissal, and we cannot tell from the code section whether this is one of them."
    ),
    "pc1203_4_not_for_infractions": N_("This dismissal is not for infractions."),
    "pc1203_4_probation_completed": N_(
        "Probation was completed without being revoked, so the court must dismiss the conviction when asked."
    ),
    "pc1203_4_probation_revoked": N_(
        "Probation was revoked, so the court may still dismiss the conviction but decides in the interests of justice."
    ),
    "pc1203_4a_misdemeanors_only": N_(
        "This dismissal is for misdemeanors and infractions, and this conviction is a felony."
    ),
    "pc1203_4a_probation_granted": N_(
        "This dismissal is for convictions without probation; with probation, the dismissal after probation applies instead."
    ),
    "pc1203_4a_one_year_not_passed": N_(
        "This dismissal can be asked for one full year after the judgment, and that year has not passed yet."
    ),
    "pc1203_4a_one_year_passed": N_(
        "More than a year has passed since the judgment, so the court dismisses the conviction when asked, after looking at whether the person has lived an honest and upright life since."
    ),
    "pc1203_41_state_prison_unsettled": N_(
        "A newer law may let people who served a state prison sentence ask for this dismissal, but its terms are not settled here, so a lawyer should look at it."
    ),
    "pc1203_41_county_jail_felonies_only": N_(
        "This dismissal is for felonies sentenced to county jail, and this conviction was not."
    ),
    "pc1203_41_before_realignment": N_(
        "Felony sentences to county jail began on %(realignment_date)s, and this offense came before that."
    ),
    "pc1203_41_two_years_passed": N_(
        "More than %(straight_wait_years)s years have passed since the sentence ended, so the person may ask and the court decides."
    ),
    "pc1203_41_split_or_straight_sentence": N_(
        "The wait is %(split_wait_years)s year after a split sentence and %(straight_wait_years)s years after a straight jail term; between the two, which kind of sentence it was decides."
    ),
    "pc1203_41_one_year_not_passed": N_(
        "The sentence ended less than %(split_wait_years)s year ago, too soon to ask."
    ),
    "pc1203_42_state_prison_only": N_(
        "This dismissal is for state prison sentences given before %(realignment_date)s, and this conviction was not one."
    ),
    "pc1203_42_sentenced_after_realignment": N_(
        "This dismissal is for state prison sentences given before %(realignment_date)s, and this sentence came later."
    ),
    "pc1203_42_not_1170h_offense": N_(
        "This dismissal is only for crimes that would be sentenced to county jail today, and a serious or violent felony, or one that requires sex-offender registration, is not one of them."
    ),
    "pc1203_42_offense_may_not_be_1170h": N_(
        "This dismissal is only for crimes that would be sentenced to county jail today, and we cannot tell from the code section whether this one is."
    ),
    "pc1203_42_two_years_passed": N_(
        "More than %(prison_wait_years)s years have passed since the sentence ended, so the person may ask and the court decides."
    ),
    "pc1203_42_two_years_not_passed": N_(
        "The person can ask %(prison_wait_years)s years after the sentence ended, and that time has not passed yet."
    ),
    # Part H: record destruction, HS 11361.5 and 11361.7
    "hs11361_5_subdivision_decides": N_(
        "Only some subdivisions of this section have their records destroyed, and the record does not show which one this was."
    ),
    "hs11361_5_before_1976_application": N_(
        "For a conviction before %(destruction_from)s the records are destroyed only when the person applies to the state Department of Justice."
    ),
    "hs11361_5_two_years_passed": N_(
        "The records of this conviction should have been destroyed %(destruction_years)s years after the conviction, without the person doing anything."
    ),
    "hs11361_5_two_years_not_passed": N_(
        "The records of this conviction are destroyed %(destruction_years)s years after the conviction, and that time has not passed yet."
    ),
    "hs11361_5_age_18_passed": N_(
        "The records of this conviction should have been destroyed when the person turned %(destruction_age)s, without the person doing anything."
    ),
    "hs11361_5_kept_until_age_18": N_(
        "The records of this conviction are kept until the person turns %(destruction_age)s, and we do not know whether that has happened."
    ),
    "hs11361_5_records_not_accurate": N_(
        "Records that should have been destroyed may not be treated as accurate or complete for any purpose, and no public agency may deny a licence, job or benefit because of them."
    ),
    "person_must_register_290_unknown": N_(
        "We do not know whether the person must register as a sex offender, which would block automatic relief."
    ),
    "person_under_supervision_unknown": N_(
        "We do not know whether the person is under supervision now, which would delay automatic relief."
    ),
    "person_pending_charges_unknown": N_(
        "We do not know whether the person has pending charges, which would delay automatic relief."
    ),
    "sentence_status_unknown": N_(
        "We do not know whether the sentence is finished, and the answer depends on it."
    ),
    "sentence_kind_unknown": N_(
        "We do not know what the sentence was (probation, jail, prison or a fine), and the answer depends on it."
    ),
    "sentence_probation_revoked_unknown": N_(
        "We do not know whether probation was revoked, and the answer depends on it."
    ),
    "conviction_date_unknown": N_(
        "We do not know the conviction date well enough, and the answer depends on it."
    ),
}


REASON_CODES: dict[str, str] = {
    code: template % {name: english(value) for name, value in LAW_VALUES.items()}
    for code, template in REASON_TEMPLATES.items()
}

# Unknown questions the explorer branched on -> (reason code, citation, decision-rules part).
UNKNOWN_KEYS: dict[str, tuple[str, str, str]] = {
    "court": ("court_unknown", "HS 11361.8(a)", "A.1"),
    "offense": ("offense_unknown", "HS 11361.8(a)", "A.3"),
    "offense_date": ("offense_date_unknown", "HS 11361.8(a)", "A.5"),
    "law.attempt_covered": ("attempt_coverage_uncertain", "HS 11361.8(a), PC 664, PC 182", "A.4"),
    "age_at_offense": (
        "age_at_offense_unknown",
        "HS 11357(a), 11358, 11359(a), 11360(a) and HS 11362.1",
        "B",
    ),
    "level": ("level_unknown", "HS 11361.8(a), (e)", "B.5"),
    "conduct.over_limit": (
        "conduct_over_limit_unknown",
        "HS 11357(b), 11360(a)(2) and HS 11362.1(a)(1)-(2)",
        "B.1",
    ),
    "conduct.plants_over_six": (
        "conduct_plants_over_six_unknown",
        "HS 11358(c) and HS 11362.1(a)(3)",
        "B.2",
    ),
    "conduct.for_sale": ("conduct_for_sale_unknown", "HS 11360(a)(2), (c)", "B.4"),
    "conduct.school_grounds": ("conduct_school_grounds_unknown", "HS 11357(c)", "B.1"),
    "conduct.gift_to_under_21": (
        "conduct_gift_to_under_21_unknown",
        "HS 11362.1(a)(1), HS 11360(b)",
        "B.4",
    ),
    "conduct.concentrated": ("conduct_concentrated_unknown", "HS 11360(b)", "B.4"),
    "law.wobbler_is_lesser": ("felony_factor_lesser_offense_unsettled", "HS 11361.8(a), (e)", "B"),
    "law.record_inconsistent": ("record_subdivision_or_date_wrong", "HS 11361.8(a)", "A.6"),
    "offense.code": ("offense_code_unclear", "HS 11361.8(a)", "A.3"),
    "amount.concentrated_over_4g": ("concentrated_amount_unknown", "HS 11360(a)(3)(D)", "B.4"),
    "sentence.completed_on+4y": ("sentence_completed_on_unknown", "PC 1203.425 (SB 731)", "E"),
    "new_felony_since": ("new_felony_since_unknown", "PC 1203.425 (SB 731)", "E"),
    "person.must_register_290": (
        "person_must_register_290_unknown",
        "PC 1203.425(a)(1)(B)(i)",
        "E",
    ),
    "person.under_supervision": (
        "person_under_supervision_unknown",
        "PC 1203.425(a)(1)(B)(ii)",
        "E",
    ),
    "person.pending_charges": ("person_pending_charges_unknown", "PC 1203.425(a)(1)(B)(iii)", "E"),
    "sentence.status": ("sentence_status_unknown", "PC 1203.425(a)(1)(B)(iii)", "E"),
    "sentence.kind": ("sentence_kind_unknown", "PC 1203.425(a)(1)(B)(v)", "E"),
    "sentence.probation_revoked": (
        "sentence_probation_revoked_unknown",
        "PC 1203.425(a)(1)(B)(v)(I)",
        "E",
    ),
    "conviction_date<pc1203_425_earliest": (
        "conviction_date_unknown",
        "PC 1203.425(a)(1)(B)(v)",
        "E",
    ),
    "conviction_date+1y": ("conviction_date_unknown", "PC 1203.425(a)(1)(B)(v)(II)", "E"),
}
