"""Word error rate: how far a transcript is from a reference text, in words.

    word_error_rate("Hello, world!", "hello word")  # 0.5: one substitution in two words

The two texts are normalised the same way first, so that writing choices a listener would not hear do not
count as errors. Exactly this is done, in this order (see `normalize`):

1. Unicode compatibility forms (NFKC) and case folding: "HELLO" is "hello", and a full-width h (U+FF48) is "h".
2. Thousands separators go: "1,250" is "1250".
3. Symbols are spelled out: "$5" is "5 dollars" ("€" euros, "£" pounds), "10%" is "10 percent", "&" is "and";
   a decimal point between digits is "point": "2.5" is "2 point 5".
4. Apostrophes are dropped ("let's" is "lets"); hyphens and every other punctuation mark separate words
   ("forty-two" is "forty two", "7:45" is "7 45").
5. Spelled-out cardinal numbers become digits: "forty two" is "42", "one thousand two hundred and fifty"
   is "1250", "a" is not a number. Words that cannot continue a number start a new one ("twenty twenty"
   is "20 20"), so years said in pairs ("eighteen sixty seven") and ordinals ("third") stay apart from
   "1867" and "3rd".

Nothing else is touched: no spelling variants ("colour"), contractions ("we're" against "we are") or
filler words are reconciled, so those count as errors.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["word_error_rate", "normalize", "edit_distance"]

_UNITS = {
    word: value
    for value, word in enumerate(
        (
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        )
    )
}
_TENS = {
    word: 10 * value
    for value, word in enumerate(
        ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"), 2
    )
}
_SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_CURRENCIES = {"$": "dollars", "€": "euros", "£": "pounds"}

_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_MONEY = re.compile(r"([$€£])\s?(\d+(?:\.\d+)?)")
_DECIMAL = re.compile(r"(?<=\d)\.(?=\d)")
_APOSTROPHES = re.compile(r"['\u2019\u02bc]")
_NOT_WORD = re.compile(r"[^\w]+|_")


def word_error_rate(reference: str, hypothesis: str) -> float:
    """(substitutions + deletions + insertions) / words in the reference, after `normalize` on both.

    Returns:
        0.0 for identical texts; it can exceed 1.0 when the hypothesis adds many words. With an empty
        reference: 0.0 if the hypothesis is empty too, else 1.0.
    """
    expected, heard = normalize(reference), normalize(hypothesis)
    if not expected:
        return 0.0 if not heard else 1.0
    return edit_distance(expected, heard) / len(expected)


def normalize(text: str) -> list[str]:
    """The words of `text` as `word_error_rate` compares them; the module docstring lists every step."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _THOUSANDS.sub("", text)
    text = _MONEY.sub(lambda m: f" {m[2]} {_CURRENCIES[m[1]]} ", text)
    text = text.replace("%", " percent ").replace("&", " and ")
    text = _DECIMAL.sub(" point ", text)
    text = _APOSTROPHES.sub("", text)
    return _numbers(_NOT_WORD.sub(" ", text).split())


def edit_distance(reference: list[str], hypothesis: list[str]) -> int:
    """The fewest word substitutions, deletions and insertions turning `reference` into `hypothesis`."""
    previous = list(range(len(hypothesis) + 1))
    for i, expected in enumerate(reference, 1):
        current = [i]
        for j, heard in enumerate(hypothesis, 1):
            current.append(
                min(
                    previous[j] + 1,  # deletion
                    current[j - 1] + 1,  # insertion
                    previous[j - 1] + (expected != heard),  # substitution, or a match
                )
            )
        previous = current
    return previous[-1]


def _numbers(words: list[str]) -> list[str]:
    """`words` with each run of spelled-out cardinal number words replaced by its digits."""
    found: list[str] = []
    number: _Number | None = None
    for index, word in enumerate(words):
        following = words[index + 1] if index + 1 < len(words) else ""
        if number is not None and word == "and" and number.takes_and(following):
            continue  # "one hundred and five": the "and" belongs to the number
        if number is not None and number.add(word):
            continue
        if number is not None:
            found.append(number.digits())
            number = None
        started = _Number()
        if started.add(word):
            number = started
        else:
            found.append(word)
    if number is not None:
        found.append(number.digits())
    return found


class _Number:
    """A cardinal number being read word by word: `add` says whether the word continues it."""

    def __init__(self) -> None:
        self._total = 0  # the part already multiplied by a scale ("two thousand")
        self._group = 0  # the part below the next scale ("three hundred forty")
        self._last = ""  # "unit", "tens", "hundred" or "scale": what the previous word was
        self._scale = 10**12  # the smallest scale used so far: a larger one cannot follow it

    def add(self, word: str) -> bool:
        if word in _UNITS:
            value = _UNITS[word]
            # After "forty" only 1-9 follow; after "hundred" or a scale, any unit or teen; else nothing.
            if (self._last == "tens" and 0 < value < 10) or self._last in ("", "hundred", "scale"):
                self._group += value
                self._last = "unit"
                return True
            return False
        if word in _TENS:
            if self._last in ("", "hundred", "scale"):
                self._group += _TENS[word]
                self._last = "tens"
                return True
            return False
        if word == "hundred":
            if self._last in ("", "unit") and self._group % 100 == self._group:
                self._group = (self._group or 1) * 100
                self._last = "hundred"
                return True
            return False
        if word in _SCALES:
            scale = _SCALES[word]
            if scale < self._scale and self._last != "scale":
                self._total += (self._group or 1) * scale
                self._group = 0
                self._scale = scale
                self._last = "scale"
                return True
            return False
        return False

    def takes_and(self, following: str) -> bool:
        return self._last in ("hundred", "scale") and (following in _UNITS or following in _TENS)

    def digits(self) -> str:
        return str(self._total + self._group)
