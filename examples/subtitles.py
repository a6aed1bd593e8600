"""Subtitles for a recording: an .srt and a .vtt file beside it.

    GLADIA_API_KEY=... python examples/subtitles.py talk.mp4        # writes talk.srt and talk.vtt

Gladia makes subtitles when asked (`subtitles: true`); this writes the ones it sent. Subtitles can also be
built here from any finished job's utterances with `gladia.subtitles` (standard SubRip and WebVTT, a caption
never spanning two utterances): `--local` does that instead, e.g. for a job created without subtitles.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from gladia import GladiaClient
from gladia.subtitles import to_srt, to_vtt
from gladia_api.types import Unset

FORMATS = ("srt", "vtt")


def write_subtitles(audio: Path, build_locally: bool) -> list[Path]:
    options = {} if build_locally else {"subtitles": True, "subtitles_config": {"formats": list(FORMATS)}}
    with GladiaClient() as client:
        job = client.prerecorded().transcribe(audio, options)
    transcription = job.result.transcription
    if build_locally or isinstance(transcription.subtitles, Unset):
        made = {"srt": to_srt(transcription.utterances), "vtt": to_vtt(transcription.utterances)}
    else:
        made = {str(sub.format_): sub.subtitles for sub in transcription.subtitles}
    written = []
    for fmt in FORMATS:
        target = audio.with_suffix(f".{fmt}")
        target.write_text(made[fmt], encoding="utf-8")
        written.append(target)
    return written


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Write .srt and .vtt subtitles beside a recording.")
    parser.add_argument("audio", type=Path)
    parser.add_argument("--local", action="store_true", help="build them here from the utterances")
    args = parser.parse_args()
    for path in write_subtitles(args.audio, args.local):
        print(path)
