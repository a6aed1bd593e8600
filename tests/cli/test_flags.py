"""`gladia transcribe` flags to Gladia's option dict: a pure mapping, checked without any server."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from gladia.cli._errors import EXIT_USAGE, CliError
from gladia.cli._flags import Flags, merge, options_from_flags, read_options_json
from gladia.cli._transcribe import _summary_type
from gladia.prerecorded._options import PLACEHOLDER_AUDIO_URL, create_body


def test_no_flags_no_options() -> None:
    assert options_from_flags(Flags()) == {}


def test_every_flag_maps_to_gladias_names() -> None:
    flags = Flags(
        languages=("en", "fr"),
        code_switching=True,
        diarization=True,
        min_speakers=2,
        max_speakers=4,
        vocabulary=("Gladia", "Solaria"),
        subtitles=("srt,vtt",),
        translate=("de", "es"),
        summarize="bullet_points",
        sentences=True,
        metadata=("team=sales", "ticket=A=1"),
        callback_url="https://example.com/hook",
        callback_method="put",
    )
    options = options_from_flags(flags)
    assert options == {
        "language_config": {"languages": ["en", "fr"], "code_switching": True},
        "diarization": True,
        "diarization_config": {"min_speakers": 2, "max_speakers": 4},
        "custom_vocabulary": True,
        "custom_vocabulary_config": {"vocabulary": ["Gladia", "Solaria"]},
        "subtitles": True,
        "subtitles_config": {"formats": ["srt", "vtt"]},
        "translation": True,
        "translation_config": {"target_languages": ["de", "es"]},
        "summarization": True,
        "summarization_config": {"type": "bullet_points"},
        "sentences": True,
        "custom_metadata": {"team": "sales", "ticket": "A=1"},
        "callback": True,
        "callback_config": {"url": "https://example.com/hook", "method": "PUT"},
    }
    # What the flags make is exactly what the SDK accepts.
    assert create_body(options, audio_url=PLACEHOLDER_AUDIO_URL)["diarization"] is True


def test_a_speaker_count_turns_diarization_on() -> None:
    assert options_from_flags(Flags(speakers=3)) == {
        "diarization": True,
        "diarization_config": {"number_of_speakers": 3},
    }


def test_repeated_and_comma_separated_subtitle_formats_are_one_list() -> None:
    options = options_from_flags(Flags(subtitles=("srt", "vtt,srt")))
    assert options["subtitles_config"] == {"formats": ["srt", "vtt"]}


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (Flags(speakers=2, max_speakers=3), "--speakers gives the exact count"),
        (Flags(callback_method="PUT"), "--callback-method needs --callback-url"),
        (Flags(metadata=("no-equals-sign",)), "expected KEY=VALUE"),
        (Flags(metadata=("=value",)), "expected KEY=VALUE"),
        (Flags(subtitles=(",",)), "--subtitles needs at least one format"),
    ],
)
def test_contradictory_flags_are_usage_errors(flags: Flags, message: str) -> None:
    with pytest.raises(CliError, match=message) as caught:
        options_from_flags(flags)
    assert caught.value.exit_code == EXIT_USAGE


def test_flags_are_laid_over_the_options_file() -> None:
    base = {
        "language_config": {"languages": ["de"], "code_switching": True},
        "punctuation_enhanced": True,
        "subtitles_config": {"formats": ["vtt"], "maximum_characters_per_row": 30},
    }
    options = options_from_flags(Flags(languages=("en",), subtitles=("srt",)), base)
    assert options == {
        "language_config": {"languages": ["en"], "code_switching": True},  # the flag's list replaces
        "punctuation_enhanced": True,  # untouched by any flag
        "subtitles": True,
        "subtitles_config": {"formats": ["srt"], "maximum_characters_per_row": 30},  # objects merge
    }
    assert base["language_config"] == {"languages": ["de"], "code_switching": True}  # not mutated


def test_merge_replaces_what_is_not_an_object() -> None:
    assert merge({"a": {"b": 1}, "c": [1]}, {"a": 2, "c": [2]}) == {"a": 2, "c": [2]}


def test_options_json_is_read_from_a_file_or_stdin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "options.json"
    path.write_text(json.dumps({"sentences": True}), encoding="utf-8")
    assert read_options_json(str(path)) == {"sentences": True}
    monkeypatch.setattr("sys.stdin", io.StringIO('{"moderation": true}'))
    assert read_options_json("-") == {"moderation": True}


@pytest.mark.parametrize(
    ("content", "message"),
    [("{not json", "not valid JSON"), ("[1, 2]", "expected a JSON object"), (None, "No such file")],
)
def test_a_bad_options_file_is_a_usage_error(tmp_path: Path, content: str | None, message: str) -> None:
    path = tmp_path / "options.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(CliError, match=message) as caught:
        read_options_json(str(path))
    assert caught.value.exit_code == EXIT_USAGE


def test_summarize_gives_back_a_source_it_swallowed(tmp_path: Path) -> None:
    audio = tmp_path / "a.wav"
    audio.write_bytes(b"RIFF")
    # click reads `--summarize a.wav` as the type: the file goes back among the sources.
    assert _summary_type(str(audio), ()) == ("general", (str(audio),))
    assert _summary_type("https://example.com/a.mp3", ("b.wav",)) == (
        "general",
        ("https://example.com/a.mp3", "b.wav"),
    )
    assert _summary_type("concise", ("b.wav",)) == ("concise", ("b.wav",))
    assert _summary_type("nonsense", ()) == ("nonsense", ())  # left for the options check to name
    assert _summary_type(None, ("b.wav",)) == (None, ("b.wav",))
