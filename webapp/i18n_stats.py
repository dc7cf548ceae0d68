"""Per-language catalog completeness, for translators: `bash scripts/i18n.sh stats`."""

from pathlib import Path

from babel.messages.pofile import read_po

TRANSLATIONS = Path(__file__).resolve().parent.parent / "translations"


def catalog_stats(po_path):
    """(translated, untranslated, fuzzy) message counts of one .po file."""
    with open(po_path, "rb") as handle:
        catalog = read_po(handle)
    translated = untranslated = fuzzy = 0
    for message in catalog:
        if not message.id:
            continue  # the header
        if message.fuzzy:
            fuzzy += 1
        elif all(message.string) if isinstance(message.string, tuple) else message.string:
            translated += 1
        else:
            untranslated += 1
    return translated, untranslated, fuzzy


def main():
    print(f"{'language':10} {'translated':>10} {'missing':>8} {'fuzzy':>6}")
    for po_path in sorted(TRANSLATIONS.glob("*/LC_MESSAGES/messages.po")):
        translated, untranslated, fuzzy = catalog_stats(po_path)
        print(f"{po_path.parts[-3]:10} {translated:>10} {untranslated:>8} {fuzzy:>6}")


if __name__ == "__main__":
    main()
