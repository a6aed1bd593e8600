"""A finished job as the text of an output file: `text`, `json`, `srt` or `vtt`.

Subtitles are Gladia's own when the job returned that format; otherwise they are built here from the
utterances with `gladia.subtitles`, laid out as the options' `subtitles_config` asks.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from gladia.subtitles import to_subtitles

if TYPE_CHECKING:
    from gladia_api.models.pre_recorded_response import PreRecordedResponse

FORMATS = ("text", "json", "srt", "vtt")
EXTENSIONS = {"text": ".txt", "json": ".json", "srt": ".srt", "vtt": ".vtt"}


def format_for_extension(suffix: str) -> str | None:
    """The format an output file name asks for (`.srt` -> `srt`), if any."""
    return next((fmt for fmt, ext in EXTENSIONS.items() if ext == suffix.lower()), None)


def render(job: PreRecordedResponse, fmt: str, subtitles_config: object = None) -> str:
    """The content of the output file for `job` in `fmt`."""
    if fmt == "json":
        return json.dumps(job.to_dict(), indent=2, ensure_ascii=False) + "\n"
    transcription = _transcription(job)
    if fmt == "text":
        return _text(transcription)
    for subtitle in _present(getattr(transcription, "subtitles", None)) or []:
        if str(getattr(subtitle.format_, "value", subtitle.format_)) == fmt:
            return str(subtitle.subtitles)
    utterances = _present(getattr(transcription, "utterances", None)) or []
    return to_subtitles(utterances, fmt, subtitles_config)


def result_value(job: PreRecordedResponse, fmt: str, subtitles_config: object = None) -> Any:
    """What `--json` reports as a source's `result`: the job's JSON object, or the rendered text."""
    return job.to_dict() if fmt == "json" else render(job, fmt, subtitles_config)


def _transcription(job: PreRecordedResponse) -> Any:
    result = _present(job.result)
    return _present(getattr(result, "transcription", None))


def _present(value: Any) -> Any:
    """`value`, or None where the generated model marks a field absent (Unset)."""
    # Imported here: the generated package pulls in httpx, which `gladia --help` does not need.
    from gladia_api.types import Unset  # noqa: PLC0415

    return None if isinstance(value, Unset) else value


def _text(transcription: Any) -> str:
    """The transcript; one `Speaker N: ...` line per turn when diarization told the speakers apart."""
    if transcription is None:
        return "\n"
    utterances = _present(getattr(transcription, "utterances", None)) or []
    turns: list[tuple[int, list[str]]] = []
    for utterance in utterances:
        speaker = _present(getattr(utterance, "speaker", None))
        if not isinstance(speaker, int):
            return f"{transcription.full_transcript}\n"
        if turns and turns[-1][0] == speaker:
            turns[-1][1].append(utterance.text.strip())
        else:
            turns.append((speaker, [utterance.text.strip()]))
    if len({speaker for speaker, _ in turns}) < 2:  # one voice (or a failed diarization): no labels
        return f"{transcription.full_transcript}\n"
    return "".join(f"Speaker {speaker}: {' '.join(texts)}\n" for speaker, texts in turns)
