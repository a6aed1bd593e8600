"""Word error rate: hand-computed cases, and every normalisation step the module docstring promises."""

from __future__ import annotations

import pytest

from gladia.testing.wer import edit_distance, normalize, word_error_rate


@pytest.mark.parametrize(
    ("reference", "hypothesis", "expected"),
    [
        ("the cat sat", "the cat sat", 0.0),
        ("the cat sat", "the cat sat down", 1 / 3),  # one insertion
        ("the cat sat on the mat", "the bat sat on mat", 2 / 6),  # cat->bat, "the" deleted
        ("the cat sat on the mat", "cat sat on the mat the", 2 / 6),  # one deletion, one insertion
        ("a b c d", "", 1.0),  # four deletions
        ("yes", "yes yes yes", 2.0),  # insertions can take it above 1
        ("one two three four five", "one too three for five", 2 / 5),
    ],
)
def test_hand_computed_rates(reference: str, hypothesis: str, expected: float) -> None:
    assert word_error_rate(reference, hypothesis) == pytest.approx(expected)


def test_an_empty_reference() -> None:
    assert word_error_rate("", "") == 0.0
    assert word_error_rate("  ...  ", "") == 0.0
    assert word_error_rate("", "anything at all") == 1.0


def test_edit_distance_counts_each_kind_of_edit_once() -> None:
    assert edit_distance([], []) == 0
    assert edit_distance(["a"], []) == 1
    assert edit_distance([], ["a", "b"]) == 2
    assert edit_distance(["a", "b", "c"], ["a", "x", "c"]) == 1
    assert edit_distance(["a", "b", "c"], ["b", "c", "d"]) == 2
    assert edit_distance(["k", "i", "t", "t", "e", "n"], ["s", "i", "t", "t", "i", "n", "g"]) == 3


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # 1. case and Unicode forms
        ("Hello WORLD", ["hello", "world"]),
        ("\uff48\uff49", ["hi"]),  # full-width letters
        # 2. thousands separators
        ("1,250 and 1,000,000", ["1250", "and", "1000000"]),
        ("3,14", ["3", "14"]),  # not a thousands group
        # 3. symbols
        ("$1,250", ["1250", "dollars"]),
        ("€5 or £7", ["5", "euros", "or", "7", "pounds"]),
        ("10%", ["10", "percent"]),
        ("R&D", ["r", "and", "d"]),
        ("2.5", ["2", "point", "5"]),
        ("The end. 5", ["the", "end", "5"]),  # a full stop is not a decimal point
        # 4. apostrophes and other punctuation
        ("Let's go! It\u2019s fine.", ["lets", "go", "its", "fine"]),
        ("forty-two", ["42"]),
        ("7:45, well... (maybe)", ["7", "45", "well", "maybe"]),
        # 5. spelled-out numbers
        ("seven forty-five", ["7", "45"]),
        ("one thousand two hundred and fifty", ["1250"]),
        ("two thousand and five", ["2005"]),
        ("one hundred and one dalmatians", ["101", "dalmatians"]),
        ("ten percent", ["10", "percent"]),
        ("three point five", ["3", "point", "5"]),
        ("one million two hundred thousand", ["1200000"]),
        ("a hundred", ["a", "100"]),
        ("zero", ["0"]),
        ("one two three", ["1", "2", "3"]),
        ("twenty twenty", ["20", "20"]),
        ("eighteen sixty seven", ["18", "67"]),
        ("one in physics and one in chemistry", ["1", "in", "physics", "and", "1", "in", "chemistry"]),
        ("two and three", ["2", "and", "3"]),
        ("third", ["third"]),
    ],
)
def test_normalize(text: str, words: list[str]) -> None:
    assert normalize(text) == words


def test_writing_choices_a_listener_cannot_hear_are_not_errors() -> None:
    assert word_error_rate("We are ten percent under.", "we are 10% under") == 0.0
    assert word_error_rate("The total is 1,250 dollars.", "The total is $1,250.") == 0.0
    assert word_error_rate("It was forty-two.", "It was 42.") == 0.0
    assert word_error_rate("Let's start, Maria.", "lets start maria") == 0.0


def test_what_it_does_not_reconcile_counts() -> None:
    assert word_error_rate("we are ready", "we're ready") == pytest.approx(2 / 3)  # 1 sub + 1 del
    assert word_error_rate("in eighteen sixty seven", "in 1867") == pytest.approx(2 / 3)
