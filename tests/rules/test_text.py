"""rules.text: digits of every script become ASCII, other number signs stay refusable,
invisible and bidi control characters go (issue 14)."""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rules.text import ascii_number, normalise, normalise_lines

RTL_MARKS = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad" + RTL_MARKS


@pytest.mark.parametrize(
    "typed",
    [
        "2013",
        "۲۰۱۳",
        "٢٠١٣",
        "２０１３",
        "२०१३",
        "\u200f۲۰۱۳\u200f",
        " 2013 ",
        "\u00a02013\u3000",
        "2\u200b013",
        "\ufeff2013",
    ],
)
def test_a_year_in_any_script_reads_as_ascii(typed):
    assert ascii_number(typed) == "2013"


@pytest.mark.parametrize(
    "typed", ["201²", "²⁰¹³", "2013½", "①②", "20 13", "2O13", "12.5", "", "-1", "\u200f", "٢٠١٣a"]
)
def test_anything_but_decimal_digits_is_not_a_number(typed):
    assert ascii_number(typed) is None


def test_free_text_loses_invisible_and_bidi_characters_and_keeps_its_letters():
    assert normalise("\u202eHS\u200b 11359\u202c") == "HS 11359"
    assert normalise("ＨＳ　１１３５９") == "HS 11359"
    assert normalise("نوشتن\u200c متن") == "نوشتن متن"  # ZWNJ goes: the words stay apart
    assert normalise("café") == normalise("cafe\u0301") == "café"


TYPED = st.text(
    st.characters(
        categories=("Nd", "No", "Cf", "Zs", "Ll", "Lu", "Lo", "Po", "Mn"),
        include_characters=RTL_MARKS + INVISIBLE,
    ),
    max_size=30,
)


@given(TYPED)
def test_normalised_text_is_canonical(text):
    clean = normalise(text)
    assert normalise(clean) == clean
    assert not any(unicodedata.category(c) in ("Cf", "Cc") for c in clean)
    assert all(c in "0123456789" for c in clean if unicodedata.category(c) == "Nd")
    assert clean == clean.strip() and "  " not in clean


@given(st.text(st.characters(categories=("Nd",)), min_size=1, max_size=8))
def test_every_decimal_digit_is_read_as_its_value(digits):
    assert ascii_number(digits) == "".join(str(unicodedata.decimal(c)) for c in digits)


@given(TYPED)
def test_a_number_is_ascii_digits_or_nothing(text):
    number = ascii_number(text)
    assert number is None or (number.isascii() and number.isdigit())
    if any(unicodedata.category(c) == "No" for c in text):
        assert number is None


def test_pasted_lines_end_only_where_a_line_ends():
    """A RAP sheet's form feeds stay for its reader to remove (no blank lines appear); Windows
    and old Mac line ends become one "\\n" each; each line is normalised, spacing kept."""
    assert normalise_lines("A  1\r\nB\fC\rD\n") == "A  1\nB\fC\nD\n"
    assert normalise_lines("\u200e۲۰۱۳\u2028x") == "2013\u2028x"
