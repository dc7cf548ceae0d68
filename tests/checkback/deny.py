"""The words a neutral text must never hold: the offense, the justice system, the law's numbers.

Whoever sees a lock screen, a shared calendar or an envelope learns nothing from "check your
papers"; they learn a great deal from "court", "cannabis" or "11359". In English the words match
at a word's start ("convict" catches "convicted"; `\b` ends a whole word: "plea", not "please"); in the other ten languages, the translations
of these words in translations/glossary/<lang>.md match anywhere (no spaces between words in
Chinese; case endings in Russian and Armenian).
"""

import re
from functools import cache
from pathlib import Path

GLOSSARY = Path(__file__).resolve().parents[2] / "translations" / "glossary"

ENGLISH = (
    "cannabis",
    "marijuana",
    "marihuana",
    "weed",
    r"pot\b",
    "drug",
    "narcotic",
    "hashish",
    "court",
    "judge",
    "convict",
    "arrest",
    "offense",
    "offence",
    "crime",
    "criminal",
    "felon",
    "misdemeanor",
    "infraction",
    "charge",
    "dismiss",
    "expunge",
    "sentence",
    "probation",
    "parole",
    "prison",
    "jail",
    "police",
    "sheriff",
    "justice",
    "prosecut",
    "district attorney",
    "public defender",
    "lawyer",
    "attorney",
    "legal",
    "guilty",
    r"plea\b",
    "record",
    "rap sheet",
    "relief",
    "seal",
    "prop 64",
    "proposition",
    "county",
    "11357",
    "11358",
    "11359",
    "11360",
    "11361",
    "1203",
    "health and safety",
    "penal",
    r"hs\b",
    r"pc\b",
)
# Glossary entries whose English term holds one of these are offense words in that language.
GLOSSARY_TOPICS = re.compile(
    r"\b(?:convict|conviction|criminal|record|dismiss|felony|misdemeanor|infraction|sentence|"
    r"probation|parole|court|prosecut|offen[cs]e|arrest|cannabis|marijuana|crime|jail|prison|"
    r"public defender|lawyer|attorney|legal|seal|county|relief|charge|plea|guilty)",
    re.I,
)


CHINESE = re.compile(r"[\u4e00-\u9fff]")


@cache
def glossary_words(language):
    """The translations, in `language`'s glossary, of every offense-topic English term."""
    path = GLOSSARY / f"{language}.md"
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) < 2 or not GLOSSARY_TOPICS.search(cells[0]) or set(cells[1]) <= set("-: "):
            continue
        # "定罪 / 定罪记录", "撤销（定罪）", "condena; sentencia": every piece counts.
        for piece in re.split(r"[/;,，、()（）]| or | o ", cells[1]):
            piece = re.sub(r"^\s*short:", "", piece).strip(" *\"'`«»“”「」")
            # One Chinese character is a word (县, county), two Korean syllables are (검사).
            if len(piece) >= (3 if piece.isascii() else 1 if CHINESE.match(piece) else 2):
                words.add(piece.lower())
    return frozenset(words)


def offense_words_in(text, language="en"):
    """Every deny-listed word found in `text` (English always; the language's glossary too)."""
    lowered = f" {text.lower()} "
    found = [word for word in ENGLISH if re.search(r"(?<![a-z])" + word, lowered)]
    if language != "en":
        found += [
            word
            for word in glossary_words(language)
            if (
                re.search(r"(?<![a-z])" + re.escape(word), lowered)
                if word.isascii()
                else word in lowered
            )
        ]
    return found
