"""The inputs of the benchmarks, made once under bench/.work/ and reused: audio files and a job's JSON."""

from __future__ import annotations

import json
import random
import struct
import time
from pathlib import Path

import httpx

PATTERN = bytes(range(256)) * 4096  # 1 MiB of non-zero bytes: the body of the large WAV
_VERSION = "1"  # bump when what a fixture holds changes, so an old copy is made again
_WORDS = [
    "the",
    "of",
    "and",
    "to",
    "a",
    "in",
    "that",
    "is",
    "was",
    "he",
    "for",
    "it",
    "with",
    "as",
    "his",
    "on",
    "be",
    "at",
    "by",
    "had",
    "not",
    "are",
    "but",
    "from",
    "or",
    "have",
    "an",
    "they",
    "which",
    "one",
    "you",
    "were",
    "her",
    "all",
    "she",
    "there",
    "would",
    "their",
    "we",
    "him",
    "been",
    "has",
    "when",
    "who",
    "will",
    "more",
    "no",
    "if",
    "out",
    "so",
    "said",
    "what",
    "up",
    "its",
    "about",
    "into",
    "than",
    "them",
    "can",
    "only",
    "other",
    "new",
    "some",
    "could",
    "time",
    "these",
    "two",
    "may",
    "then",
    "do",
    "first",
    "any",
    "my",
    "now",
    "such",
    "like",
    "our",
    "over",
    "man",
    "me",
    "even",
    "most",
    "made",
    "after",
    "also",
    "did",
    "many",
    "before",
    "must",
    "through",
    "back",
    "years",
    "where",
    "much",
    "your",
    "way",
    "well",
    "down",
    "should",
    "because",
    "each",
    "just",
    "those",
    "people",
    "how",
    "too",
    "little",
    "state",
    "good",
    "very",
    "make",
    "world",
    "still",
    "own",
    "see",
    "men",
    "work",
    "long",
    "get",
    "here",
    "between",
    "both",
    "life",
    "being",
    "under",
    "never",
    "day",
    "same",
    "another",
    "know",
    "while",
    "last",
    "might",
    "us",
    "great",
    "old",
    "year",
    "off",
    "come",
    "since",
    "against",
    "go",
    "came",
    "right",
    "used",
    "take",
    "three",
    "meeting",
    "budget",
    "quarter",
    "customer",
    "product",
    "release",
    "team",
    "roadmap",
    "question",
    "answer",
    "number",
    "report",
]


def _header(data_bytes: int, *, rate: int, channels: int, width: int) -> bytes:
    return (
        b"RIFF"
        + struct.pack("<I", 36 + data_bytes)
        + b"WAVEfmt "
        + struct.pack("<IHHIIHH", 16, 1, channels, rate, rate * channels * width, channels * width, 8 * width)
        + b"data"
        + struct.pack("<I", data_bytes)
    )


def _current(marker: Path, stamp: str) -> bool:
    return marker.is_file() and marker.read_text() == stamp


def big_wav(path: Path, size: int) -> Path:
    """A 48 kHz stereo 16-bit WAV of exactly `size` bytes (1 GiB lasts 93 minutes)."""
    if path.is_file() and path.stat().st_size == size:
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".part")
    with partial.open("wb") as file:
        file.write(_header(size - 44, rate=48_000, channels=2, width=2))
        left = size - 44
        while left > 0:
            piece = PATTERN[: min(left, len(PATTERN))]
            file.write(piece)
            left -= len(piece)
    partial.replace(path)
    return path


def warm(path: Path) -> None:
    """Read a file once, so every contender reads it from the page cache."""
    with path.open("rb") as file:
        while file.read(8 * 1024 * 1024):
            pass


def small_wav(path: Path, seconds: float, *, seed: int = 0, rate: int = 16_000) -> Path:
    """A mono 16-bit WAV of `seconds` of noise that depends on `seed` (so each file is distinct)."""
    data = random.Random(seed).randbytes(round(seconds * rate) * 2)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(_header(len(data), rate=rate, channels=1, width=2) + data)
    return path


def batch_wavs(directory: Path, count: int) -> Path:
    """`count` distinct WAVs of 0.2 to 0.5 seconds."""
    marker = directory / ".made"
    stamp = f"{_VERSION} {count}"
    if _current(marker, stamp):
        return directory
    directory.mkdir(parents=True, exist_ok=True)
    for old in directory.glob("*.wav"):
        old.unlink()
    for index in range(count):
        small_wav(directory / f"clip-{index:04d}.wav", 0.2 + 0.05 * (index % 7), seed=index)
    marker.write_text(stamp)
    return directory


def silent_wav(path: Path, seconds: float, *, rate: int = 8_000) -> Path:
    """A mono 16-bit WAV of `seconds` of silence."""
    data = round(seconds * rate) * 2
    if not (path.is_file() and path.stat().st_size == 44 + data):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(_header(data, rate=rate, channels=1, width=2) + bytes(data))
    return path


def speech(minutes: float, *, words_per_minute: int = 166, seed: int = 7) -> str:
    """Made-up English of `minutes` of speech: sentences of 4 to 22 words, with commas and questions."""
    rng = random.Random(seed)
    total = round(minutes * words_per_minute)
    sentences = []
    while total > 0:
        length = min(total, rng.randint(4, 22))
        words = [rng.choice(_WORDS) for _ in range(length)]
        if length > 8 and rng.random() < 0.4:
            cut = rng.randint(3, length - 3)
            words[cut] += ","
        words[0] = words[0].capitalize()
        sentences.append(" ".join(words) + ("?" if rng.random() < 0.15 else "."))
        total -= length
    return " ".join(sentences)


def job_json(path: Path, minutes: float, api_key: str) -> Path:
    """The body of `GET /v2/pre-recorded/{id}` for a finished job of `minutes` of speech, from the emulator.

    The job goes through an in-process emulator (a fixture, not a measurement), so the JSON is exactly
    what a spec-faithful server sends: metadata, request params, and every word with its timing.
    """
    marker = path.with_suffix(".made")
    stamp = f"{_VERSION} {minutes}"
    if path.is_file() and _current(marker, stamp):
        return path
    from gladia.testing import emulator  # noqa: PLC0415  (the runner has the emulator extra)

    url = "https://audio.example/long-meeting.wav"
    with emulator(api_keys=(api_key,), max_audio_seconds=minutes * 60 + 60) as emu:
        emu.transcripts.add(url, speech(minutes), duration=minutes * 60)
        with httpx.Client(base_url=emu.url, headers={"x-gladia-key": api_key}, timeout=120) as http:
            body = {"audio_url": url, "language_config": {"languages": ["en"]}}
            job = http.post("/v2/pre-recorded", json=body).raise_for_status().json()
            deadline = time.monotonic() + 300
            while True:
                response = http.get(f"/v2/pre-recorded/{job['id']}").raise_for_status()
                status = json.loads(response.content)["status"]
                if status in ("done", "error"):
                    break
                if time.monotonic() > deadline:
                    raise RuntimeError("the emulator did not finish the fixture job")
                time.sleep(0.2)
    if status != "done":
        raise RuntimeError(f"the fixture job ended in {status}")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(response.content)
    marker.write_text(stamp)
    return path
