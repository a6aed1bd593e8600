"""`gladia transcribe` flags to Gladia's transcription options, exactly as Gladia's docs spell them.

Pure: no I/O except reading the `--options-json` file. The flags are laid over that file (a flag wins;
objects merge key by key; a list given by a flag replaces the file's). The result is checked by the SDK
(`InvalidOptionsError` lists every problem) before anything is sent.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from gladia.cli._errors import usage_error


@attrs.frozen(kw_only=True)
class Flags:
    """The option flags of one `gladia transcribe`, as parsed by click."""

    languages: Sequence[str] = ()
    code_switching: bool = False
    diarization: bool = False
    speakers: int | None = None
    min_speakers: int | None = None
    max_speakers: int | None = None
    vocabulary: Sequence[str] = ()
    subtitles: Sequence[str] = ()
    """Formats; each item may hold several, comma-separated (`srt,vtt`)."""
    translate: Sequence[str] = ()
    summarize: str | None = None
    """The summary type; None: no summary."""
    sentences: bool = False
    metadata: Sequence[str] = ()
    """`key=value` items."""
    callback_url: str | None = None
    callback_method: str | None = None


def options_from_flags(flags: Flags, base: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Gladia's options for `flags`, laid over `base` (the `--options-json` content).

    Raises:
        CliError: (exit 2) flags that contradict each other.
    """
    return merge(dict(base or {}), _flag_options(flags))


def _flag_options(flags: Flags) -> dict[str, Any]:
    options: dict[str, Any] = {}
    language_config: dict[str, Any] = {}
    if flags.languages:
        language_config["languages"] = list(flags.languages)
    if flags.code_switching:
        language_config["code_switching"] = True
    if language_config:
        options["language_config"] = language_config

    speakers = {
        "number_of_speakers": flags.speakers,
        "min_speakers": flags.min_speakers,
        "max_speakers": flags.max_speakers,
    }
    speakers = {name: value for name, value in speakers.items() if value is not None}
    if flags.speakers is not None and len(speakers) > 1:
        raise usage_error("--speakers gives the exact count: leave out --min-speakers and --max-speakers")
    # A speaker count means nothing without diarization, so asking for one turns it on.
    if flags.diarization or speakers:
        options["diarization"] = True
    if speakers:
        options["diarization_config"] = speakers

    if flags.vocabulary:
        options["custom_vocabulary"] = True
        options["custom_vocabulary_config"] = {"vocabulary": list(flags.vocabulary)}

    formats = [part.strip() for item in flags.subtitles for part in item.split(",") if part.strip()]
    if flags.subtitles and not formats:
        raise usage_error("--subtitles needs at least one format, such as srt or srt,vtt")
    if formats:
        options["subtitles"] = True
        options["subtitles_config"] = {"formats": list(dict.fromkeys(formats))}

    if flags.translate:
        options["translation"] = True
        options["translation_config"] = {"target_languages": list(dict.fromkeys(flags.translate))}

    if flags.summarize is not None:
        options["summarization"] = True
        options["summarization_config"] = {"type": flags.summarize}

    if flags.sentences:
        options["sentences"] = True

    if flags.metadata:
        options["custom_metadata"] = _metadata(flags.metadata)

    if flags.callback_method is not None and flags.callback_url is None:
        raise usage_error("--callback-method needs --callback-url")
    if flags.callback_url is not None:
        options["callback"] = True
        callback = {"url": flags.callback_url}
        if flags.callback_method is not None:
            callback["method"] = flags.callback_method.upper()
        options["callback_config"] = callback
    return options


def _metadata(items: Sequence[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise usage_error(f"--metadata {item!r}: expected KEY=VALUE, such as --metadata team=sales")
        found[key.strip()] = value
    return found


def merge(base: Mapping[str, Any], top: Mapping[str, Any]) -> dict[str, Any]:
    """`top` laid over `base`: objects merge key by key, anything else in `top` replaces `base`'s value."""
    merged = dict(base)
    for key, value in top.items():
        below = merged.get(key)
        if isinstance(value, Mapping) and isinstance(below, Mapping):
            merged[key] = merge(below, value)
        else:
            merged[key] = value
    return merged


def read_options_json(path: str) -> dict[str, Any]:
    """The JSON object in `path` (`-` reads stdin).

    Raises:
        CliError: (exit 2) the file cannot be read or is not a JSON object.
    """
    try:
        text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise usage_error(f"--options-json {path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise usage_error(f"--options-json {path}: not UTF-8 text") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise usage_error(f"--options-json {path}: not valid JSON ({exc})") from None
    if not isinstance(data, dict):
        raise usage_error(
            f"--options-json {path}: expected a JSON object of Gladia options, got {type(data).__name__}"
        )
    return data
