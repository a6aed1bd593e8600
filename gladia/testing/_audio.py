"""What an audio file holds (container, duration, channels), read from its content and never its name.

WAV is read with the standard library's `wave`; everything else (and the WAV variants `wave` refuses, such as
float samples) with mutagen. Only headers are read, so probing a large file is cheap.
"""

from __future__ import annotations

import wave
from pathlib import Path

import attrs
import mutagen

# mutagen's class for each container, and the extension Gladia reports for it.
_EXTENSIONS = {
    "MP3": "mp3",
    "WAVE": "wav",
    "FLAC": "flac",
    "OggVorbis": "ogg",
    "OggOpus": "ogg",
    "OggFLAC": "ogg",
    "OggSpeex": "ogg",
    "OggTheora": "ogv",
    "AIFF": "aiff",
    "AAC": "aac",
    "AC3": "ac3",
    "ASF": "wma",
    "WavPack": "wv",
    "MonkeysAudio": "ape",
    "Musepack": "mpc",
    "TrueAudio": "tta",
    "OptimFROG": "ofr",
    "TAK": "tak",
    "DSF": "dsf",
    "DSDIFF": "dff",
}


@attrs.frozen
class AudioInfo:
    extension: str
    duration: float
    channels: int


class NotAudioError(Exception):
    """The file is not audio (or video) the emulator can read."""


def probe(path: Path) -> AudioInfo:
    """The container, duration and channel count of the audio at `path`.

    Raises:
        NotAudioError: when the content is not a readable audio or video file, or holds no sound.
    """
    with path.open("rb") as file:
        header = file.read(12)
    info = None
    if header[:4] == b"RIFF" and header[8:12] == b"WAVE":
        info = _probe_wav(path)
    if info is None:
        info = _probe_mutagen(path, header)
    if info.duration <= 0 or info.channels < 1:
        raise NotAudioError("the file holds no audio: its duration is 0")
    return info


def _probe_wav(path: Path) -> AudioInfo | None:
    try:
        with wave.open(str(path), "rb") as reader:
            frames, rate, channels = reader.getnframes(), reader.getframerate(), reader.getnchannels()
    except (wave.Error, EOFError, ValueError):
        return None  # e.g. float or extensible WAV before Python 3.12: mutagen reads those
    if rate <= 0:
        return None
    return AudioInfo("wav", round(frames / rate, 6), channels)


def _probe_mutagen(path: Path, header: bytes) -> AudioInfo:
    try:
        found = mutagen.File(path)
        if found is None and header[:2] in (b"\xff\xf1", b"\xff\xf9"):
            from mutagen.aac import AAC  # noqa: PLC0415  (raw ADTS is only recognised by its name otherwise)

            found = AAC(path)  # type: ignore[no-untyped-call]
    except Exception:  # noqa: BLE001  a parser failing on hostile bytes means "not audio", never a 500
        found = None
    info = getattr(found, "info", None)
    length = getattr(info, "length", None)
    # MIDI has a length but is a score, not a recording.
    if found is None or not isinstance(length, (int, float)) or type(found).__name__ == "SMF":
        raise NotAudioError(
            "the file is not an audio or video file the emulator can read "
            "(it reads WAV, MP3, FLAC, Ogg, M4A/MP4, AIFF, AAC and the other formats mutagen knows)"
        )
    name = type(found).__name__
    extension = _EXTENSIONS.get(name, name.lower())
    if name == "MP4":
        extension = "m4a" if _mp4_brand(path) in (b"M4A ", b"M4B ") else "mp4"
    channels = getattr(info, "channels", None)
    return AudioInfo(extension, round(float(length), 6), int(channels) if isinstance(channels, int) else 1)


def _mp4_brand(path: Path) -> bytes:
    with path.open("rb") as file:
        head = file.read(12)
    return head[8:12] if head[4:8] == b"ftyp" else b""
