"""gladia.subtitles: SRT and WebVTT from utterances (pure functions, no server)."""

from __future__ import annotations

from typing import Any

import pytest

from gladia import subtitles
from gladia_api import models


def utterance(start: float, words: list[tuple[str, float, float]], text: str | None = None) -> dict[str, Any]:
    return {
        "start": start,
        "end": words[-1][2] if words else start,
        "text": text if text is not None else " ".join(w for w, _, _ in words),
        "channel": 0,
        "language": "en",
        "words": [{"word": w, "start": s, "end": e, "confidence": 1.0} for w, s, e in words],
    }


HELLO = utterance(0.5, [("Hello", 0.5, 0.9), (" world.", 1.0, 1.6)])
BYE = utterance(3.0, [("Goodbye", 3.0, 3.4), (" now.", 3.5, 3.9)])


def test_srt_numbers_cues_and_uses_commas() -> None:
    # The second cue lasts 0.9s: it is held to the default minimum of 1s.
    assert subtitles.to_srt([HELLO, BYE]) == (
        "1\n00:00:00,500 --> 00:00:01,600\nHello world.\n\n2\n00:00:03,000 --> 00:00:04,000\nGoodbye now.\n"
    )


def test_vtt_has_header_and_uses_dots() -> None:
    assert subtitles.to_vtt([HELLO]) == "WEBVTT\n\n1\n00:00:00.500 --> 00:00:01.600\nHello world.\n"


def test_no_utterances() -> None:
    assert subtitles.to_srt([]) == ""
    assert subtitles.to_vtt([]) == "WEBVTT\n"


@pytest.mark.parametrize(
    ("seconds", "srt", "vtt"),
    [
        (0, "00:00:00,000", "00:00:00.000"),
        (1.2345, "00:00:01,234", "00:00:01.234"),
        (59.9996, "00:01:00,000", "00:01:00.000"),
        (3725.004, "01:02:05,004", "01:02:05.004"),
        (-1, "00:00:00,000", "00:00:00.000"),
    ],
)
def test_timestamps(seconds: float, srt: str, vtt: str) -> None:
    assert subtitles.srt_timestamp(seconds) == srt
    assert subtitles.vtt_timestamp(seconds) == vtt


def long_utterance(count: int, step: float = 0.5) -> dict[str, Any]:
    return utterance(0.0, [(f" word{i}" if i else "word0", i * step, i * step + 0.4) for i in range(count)])


def test_rows_and_captions_respect_the_character_and_row_limits() -> None:
    cues = subtitles.captions(
        [long_utterance(12)], {"maximum_characters_per_row": 12, "maximum_rows_per_caption": 2}
    )
    assert all(len(row) <= 12 for cue in cues for row in cue.rows)
    assert all(len(cue.rows) <= 2 for cue in cues)
    assert " ".join(" ".join(cue.rows) for cue in cues) == " ".join(f"word{i}" for i in range(12))


def test_captions_are_cut_at_the_maximum_duration() -> None:
    cues = subtitles.captions(
        [long_utterance(20, step=1.0)], {"maximum_duration": 3, "maximum_characters_per_row": 200}
    )
    assert len(cues) > 1
    assert all(cue.end - cue.start <= 3 for cue in cues)


def test_short_captions_are_held_for_the_minimum_duration_but_not_over_the_next() -> None:
    first = utterance(0.0, [("Hi.", 0.0, 0.2)])
    second = utterance(0.5, [("Yes.", 0.5, 0.7)])
    cues = subtitles.captions([first, second], {"minimum_duration": 2})
    assert cues[0].end == 0.5  # held, but stopped where the next begins
    assert cues[1].end == pytest.approx(2.5)


def test_a_caption_never_spans_two_utterances() -> None:
    cues = subtitles.captions([HELLO, BYE], {"maximum_characters_per_row": 100, "maximum_duration": 30})
    assert [cue.text for cue in cues] == ["Hello world.", "Goodbye now."]


def test_a_word_longer_than_a_row_gets_its_own_row() -> None:
    cues = subtitles.captions(
        [utterance(0, [("a", 0, 0.1), (" incomprehensibilities", 0.2, 1.0)])],
        {"maximum_characters_per_row": 5},
    )
    assert [cue.rows for cue in cues] == [("a", "incomprehensibilities")]


def test_utterances_without_words_spread_their_text() -> None:
    translated = {"start": 1.0, "end": 3.0, "text": "Bonjour tout le monde", "words": []}
    cues = subtitles.captions(
        [translated], {"maximum_characters_per_row": 10, "maximum_rows_per_caption": 1, "minimum_duration": 0}
    )
    assert [cue.text for cue in cues] == ["Bonjour", "tout le", "monde"]
    assert cues[0].start == 1.0
    assert cues[-1].end == pytest.approx(3.0)


def test_accepts_generated_models_for_utterances_and_config() -> None:
    dtos = [models.UtteranceDTO.from_dict(HELLO), models.UtteranceDTO.from_dict(BYE)]
    config = models.SubtitlesConfigDTO.from_dict({"maximum_characters_per_row": 6})
    assert subtitles.to_srt(dtos, config) == subtitles.to_srt([HELLO, BYE], {"maximum_characters_per_row": 6})
    # unset fields of a model keep the defaults
    assert subtitles.SubtitleLayout.from_config(config).maximum_rows_per_caption == 2


def test_sorted_by_start() -> None:
    assert subtitles.to_vtt([BYE, HELLO]) == subtitles.to_vtt([HELLO, BYE])


def test_to_subtitles_dispatches_and_refuses_unknown_formats() -> None:
    assert subtitles.to_subtitles([HELLO], "srt") == subtitles.to_srt([HELLO])
    assert subtitles.to_subtitles([HELLO], models.SubtitlesFormatEnum("vtt")) == subtitles.to_vtt([HELLO])
    with pytest.raises(ValueError, match="unknown subtitle format"):
        subtitles.to_subtitles([HELLO], "ass")


def test_words_without_a_leading_space_continue_the_previous_word() -> None:
    from gladia.subtitles import to_srt

    utterance = {
        "start": 0.0,
        "end": 2.0,
        "text": "We are 10% under $1,250.",
        "words": [
            {"word": "We", "start": 0.0, "end": 0.2},
            {"word": " are", "start": 0.2, "end": 0.4},
            {"word": " 10", "start": 0.4, "end": 0.7},
            {"word": "%", "start": 0.7, "end": 0.8},
            {"word": " under", "start": 0.8, "end": 1.1},
            {"word": " $1", "start": 1.1, "end": 1.5},
            {"word": ",250.", "start": 1.5, "end": 2.0},
        ],
    }
    assert "We are 10% under $1,250." in to_srt([utterance])
    japanese = {
        "start": 0.0,
        "end": 1.0,
        "text": "日本語",
        "words": [{"word": "日本", "start": 0.0, "end": 0.5}, {"word": "語", "start": 0.5, "end": 1.0}],
    }
    assert "日本語" in to_srt([japanese])
