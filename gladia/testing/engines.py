"""Transcription engines for the Gladia emulator: the interface, and the deterministic engine tests use.

An engine turns one stored audio file into utterances (with their words) and the languages heard. The
emulator does everything around it: the job lifecycle, `metadata`, subtitles, sentences, custom spelling,
and an add-on error block for each requested add-on the engine did not produce. So an engine is small:

    class MyEngine:
        def transcribe(self, audio: AudioInput, options: Mapping[str, Any]) -> Transcription:
            ...

`transcribe` is synchronous and runs in a worker thread, so it may block (a real speech model will). To
fail the job, raise `EngineError(message, code=...)`: the job ends in `error` with that code.

`DeterministicEngine` never listens to the audio. The transcript of each file or URL is given by the test
(`Transcripts.add`), or by a sidecar `.txt` file next to the audio; the engine spreads its words over the
audio's real duration, with confidences derived from the words, so the same input always gives the same
result. Audio nothing was registered for ends the job in `error`: the engine never invents text.

A transcript can say who speaks: lines starting `Speaker N:` (in the text or the sidecar), or a list of
`(speaker, text)` pairs. With `diarization` requested, each utterance then carries its speaker's number.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import attrs

from gladia.testing._schema import is_http_url
from gladia.testing._schema import problems as schema_problems

__all__ = [
    "AudioInput",
    "Word",
    "Utterance",
    "Transcription",
    "Engine",
    "EngineError",
    "Registration",
    "Transcripts",
    "DeterministicEngine",
    "RegisteredFirst",
    "speaker_turns",
]

DEFAULT_LANGUAGE = "en"
# Sentence ends: Latin punctuation needs the space after it; CJK full stops do not.
_SENTENCE_END = re.compile(r"(?<=[.!?\u2026])\s+|(?<=[\u3002\uff01\uff1f])")
# A transcript line that names its speaker: `Speaker 1: Hello there.`
_SPEAKER_LINE = re.compile(r"\s*speaker\s*(\d+)\s*:(.*)", re.IGNORECASE)

#: A stretch of a transcript said by one speaker (None when the transcript does not say who).
Turn = tuple[int | None, str]


def _tuple_of_words(items: Iterable[Word]) -> tuple[Word, ...]:
    return tuple(items)


def _tuple_of_utterances(items: Iterable[Utterance]) -> tuple[Utterance, ...]:
    return tuple(items)


def _tuple_of_strings(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


@attrs.frozen(kw_only=True)
class AudioInput:
    """The audio of one job, as the emulator stored it."""

    path: Path
    sha256: str
    filename: str
    duration: float
    channels: int
    url: str | None = None
    """The `audio_url` the job was created with."""
    source: str | None = None
    """The URL the file was downloaded from, when it was."""


@attrs.frozen(kw_only=True)
class Word:
    """One word with its timing; `word` keeps the leading space Gladia puts before every word but the first."""

    word: str
    start: float
    end: float
    confidence: float

    def to_dict(self) -> dict[str, Any]:
        return {"word": self.word, "start": self.start, "end": self.end, "confidence": self.confidence}


@attrs.frozen(kw_only=True)
class Utterance:
    """A stretch of speech on one channel, as in Gladia's `utterances`."""

    text: str
    start: float
    end: float
    confidence: float
    language: str
    words: tuple[Word, ...] = attrs.field(converter=_tuple_of_words)
    channel: int = 0
    speaker: int | None = None

    def to_dict(self) -> dict[str, Any]:
        found: dict[str, Any] = {
            "text": self.text,
            "language": self.language,
            "start": self.start,
            "end": self.end,
            "confidence": self.confidence,
            "channel": self.channel,
        }
        if self.speaker is not None:  # Gladia leaves the key out when diarization did not run
            found["speaker"] = self.speaker
        found["words"] = [word.to_dict() for word in self.words]
        return found


@attrs.frozen(kw_only=True)
class Transcription:
    """What an engine returns: the utterances in time order and the languages, most spoken first.

    `addons` holds the add-on result blocks the engine did produce, keyed as in the job's `result`
    (e.g. `{"diarization": {...}}`); every other requested add-on is reported as an add-on error.
    """

    utterances: tuple[Utterance, ...] = attrs.field(converter=_tuple_of_utterances)
    languages: tuple[str, ...] = attrs.field(converter=_tuple_of_strings)
    addons: Mapping[str, Mapping[str, Any]] = attrs.field(factory=dict)


class EngineError(Exception):
    """The engine cannot transcribe this audio; the job ends in `error` with `code`."""

    def __init__(self, message: str, *, code: int = 500) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


@runtime_checkable
class Engine(Protocol):
    """Turns stored audio into a transcription; see the module docstring."""

    def transcribe(self, audio: AudioInput, options: Mapping[str, Any]) -> Transcription:
        """Transcribe `audio` with the job's `request_params` as `options`.

        Raises:
            EngineError: to end the job in `error` with a chosen code and message.
        """
        ...


@attrs.frozen(kw_only=True)
class Registration:
    """What a test registered for one audio: a transcript, or a failure."""

    text: str | None = None
    turns: tuple[Turn, ...] = ()
    """The text by speaker, when the transcript says who speaks."""
    language: str = DEFAULT_LANGUAGE
    error_code: int | None = None
    message: str | None = None
    duration: float | None = None
    """For a URL the emulator does not fetch: the duration of the silent audio it stands in with."""


AudioKey = bytes | os.PathLike[str] | str


class Transcripts:
    """The transcripts (and failures) a test registered, by audio content or URL. Thread-safe.

    Audio is identified by the SHA-256 of its content (`bytes` or a `pathlib.Path`), or by its URL (`str`).
    """

    def __init__(self, default: str | None = None, default_language: str = DEFAULT_LANGUAGE) -> None:
        self.default = default
        """The transcript of audio nothing was registered for; None ends such jobs in `error`."""
        self.default_language = default_language
        self._lock = threading.Lock()
        self._entries: dict[str, Registration] = {}
        self._directories: dict[Path, str] = {}
        self._indexed: set[tuple[str, int, int]] = set()

    def add(
        self,
        audio: AudioKey,
        text: str | Sequence[tuple[int, str]] | None = None,
        *,
        language: str = DEFAULT_LANGUAGE,
        duration: float | None = None,
    ) -> None:
        """Register the transcript of `audio`.

        Args:
            audio: the audio's bytes, a path to it, or its http(s) URL.
            text: what is said; for a path, None reads the sidecar `.txt` next to it. Say who speaks with
                lines starting `Speaker N:`, or give a list of `(speaker, text)` pairs.
            language: the language code it is spoken in.
            duration: for a URL the emulator will not download, the length of the audio it stands in for;
                by default, long enough to say the text.

        Raises:
            ValueError: for an unknown language code or text missing where no sidecar can supply it.
            FileNotFoundError: when the sidecar `.txt` does not exist.
        """
        _check_language(language)
        if text is None:
            if isinstance(audio, (bytes, str)):
                raise ValueError("give the text of this audio; only a path can have a sidecar .txt")
            text = _sidecar(Path(audio))
        self._put(audio, _registration(text, language, duration))

    def fail(self, audio: AudioKey, *, error_code: int = 500, message: str | None = None) -> None:
        """Make every job for `audio` end in `error` with `error_code` (and `message` in the callback)."""
        if not 400 <= error_code <= 599:
            raise ValueError(f"error_code must be an HTTP error status (400-599), got {error_code}")
        message = message or f"Transcription failed (error {error_code} injected by the test)"
        self._put(audio, Registration(error_code=error_code, message=message))

    def add_directory(self, directory: os.PathLike[str] | str, *, language: str = DEFAULT_LANGUAGE) -> None:
        """Register every audio file in `directory` that has a sidecar `.txt`; files added later count too."""
        _check_language(language)
        path = Path(directory)
        if not path.is_dir():
            raise NotADirectoryError(f"{path} is not a directory")
        with self._lock:
            self._directories[path] = language
        self._scan()

    def clear(self) -> None:
        """Forget every registration and directory (the default transcript stays)."""
        with self._lock:
            self._entries.clear()
            self._directories.clear()
            self._indexed.clear()

    def find(self, audio: AudioInput) -> Registration | None:
        """The registration for this audio: by content first, then by its URL, then by its source URL."""
        keys = [_content_key(audio.sha256), *(_url_key(u) for u in (audio.url, audio.source) if u)]
        found = self._lookup(keys)
        if found is None and self._directories:
            self._scan()
            found = self._lookup(keys)
        return found

    def for_url(self, url: str) -> Registration | None:
        """The registration made for exactly this URL, if any."""
        return self._lookup([_url_key(url)])

    def _lookup(self, keys: list[str]) -> Registration | None:
        with self._lock:
            for key in keys:
                if key in self._entries:
                    return self._entries[key]
        return None

    def _put(self, audio: AudioKey, registration: Registration) -> None:
        key = _key(audio)
        with self._lock:
            self._entries[key] = registration

    def _scan(self) -> None:
        with self._lock:
            directories = dict(self._directories)
        for directory, language in directories.items():
            for path in sorted(directory.iterdir()):
                sidecar = path.with_suffix(".txt")
                if path.suffix == ".txt" or not path.is_file() or not sidecar.is_file():
                    continue
                stat = path.stat()
                seen = (str(path), stat.st_size, stat.st_mtime_ns)
                if seen in self._indexed:
                    continue
                self._put(path, _registration(_sidecar(path), language, None))
                with self._lock:
                    self._indexed.add(seen)


class DeterministicEngine:
    """Transcripts supplied by the test, laid out over the audio's real duration; see the module docstring."""

    def __init__(self, transcripts: Transcripts) -> None:
        self.transcripts = transcripts

    def transcribe(self, audio: AudioInput, options: Mapping[str, Any]) -> Transcription:
        registration = self.transcripts.find(audio)
        turns: Sequence[Turn]
        if registration is not None and registration.text is not None:
            turns, language = registration.turns or [(None, registration.text)], registration.language
        elif self.transcripts.default is not None:
            turns, language = speaker_turns(self.transcripts.default), self.transcripts.default_language
        else:
            raise EngineError(
                f"No transcript registered for this audio ({audio.filename}, sha256 {audio.sha256[:12]}...): "
                "the emulator's deterministic engine does not listen to audio. Register one with "
                "emu.transcripts.add(audio, text), put a .txt next to the file, or set default_transcript."
            )
        if options.get("diarization") is not True:
            turns = [(None, said) for _, said in turns]
        utterances = lay_out(turns, audio.duration, language)
        return Transcription(utterances=utterances, languages=(language,) if utterances else ())


class RegisteredFirst:
    """A speech engine behind the emulator's registered transcripts: those win, the engine hears the rest.

    What a test or `--transcripts` registered for an audio (`Transcripts.add`, a sidecar `.txt`) is that
    audio's transcript, laid out as `DeterministicEngine` does; any other audio goes to `engine`. The
    default transcript is not used: audio with nothing registered is what the engine is there for.
    """

    def __init__(self, engine: Engine, transcripts: Transcripts) -> None:
        self.engine = engine
        self.transcripts = transcripts

    def __repr__(self) -> str:
        return f"<RegisteredFirst {self.engine!r}>"

    def transcribe(self, audio: AudioInput, options: Mapping[str, Any]) -> Transcription:
        registration = self.transcripts.find(audio)
        if registration is None or registration.text is None:
            return self.engine.transcribe(audio, options)
        turns: Sequence[Turn] = registration.turns or [(None, registration.text)]
        if options.get("diarization") is not True:
            turns = [(None, said) for _, said in turns]
        utterances = lay_out(turns, audio.duration, registration.language)
        return Transcription(utterances=utterances, languages=(registration.language,) if utterances else ())


def serving_engine(engine: Engine | None, transcripts: Transcripts) -> Engine:
    """The engine an emulator runs: `engine` behind the registered transcripts, or the deterministic one."""
    if engine is None:
        return DeterministicEngine(transcripts)
    return RegisteredFirst(engine, transcripts)


def speaker_turns(text: str) -> tuple[Turn, ...]:
    """`text` split where a line names its speaker (`Speaker 1: Hello.`); one turn of no one's when none does.

    A line without a name continues the turn before it.
    """
    turns: list[tuple[int | None, list[str]]] = []
    for line in text.splitlines():
        named = _SPEAKER_LINE.fullmatch(line)
        if named is not None:
            turns.append((int(named.group(1)), [named.group(2)]))
        elif turns:
            turns[-1][1].append(line)
        else:
            turns.append((None, [line]))
    found = tuple((speaker, " ".join(" ".join(lines).split())) for speaker, lines in turns)
    return tuple(turn for turn in found if turn[1]) or ((None, text),)


def lay_out(text: str | Sequence[Turn], duration: float, language: str) -> tuple[Utterance, ...]:
    """Utterances for `text`, one per sentence, its words spread evenly (by length) over `duration`.

    `text` is plain text, or turns (`(speaker, text)`): a sentence never spans two turns, and each utterance
    carries its turn's speaker.
    """
    turns: list[Turn] = [(None, text)] if isinstance(text, str) else list(text)
    sentences = [
        (speaker, s.split())
        for speaker, said in turns
        for s in _SENTENCE_END.split(" ".join(said.split()))
        if s.strip()
    ]
    words = [w for _, sentence in sentences for w in sentence]
    if not words or duration <= 0:
        return ()
    pause = 3  # the silence between two sentences, in the same units as a word's length
    weight = sum(len(w) + 1 for w in words) + pause * (len(sentences) - 1)
    margin = min(0.25, duration * 0.05)
    unit = (duration - 2 * margin) / weight
    clock = margin
    index = 0
    utterances = []
    for speaker, sentence in sentences:
        timed = []
        for word in sentence:
            slot = (len(word) + 1) * unit
            spelled = word if index == 0 else f" {word}"
            timed.append(
                Word(
                    word=spelled,
                    start=round(clock, 3),
                    end=round(clock + slot * 0.85, 3),
                    confidence=_confidence(index, word),
                )
            )
            clock += slot
            index += 1
        clock += pause * unit
        utterances.append(
            Utterance(
                text=" ".join(sentence),
                start=timed[0].start,
                end=timed[-1].end,
                confidence=round(sum(w.confidence for w in timed) / len(timed), 2),
                language=language,
                words=timed,
                speaker=speaker,
            )
        )
    return tuple(utterances)


def _confidence(index: int, word: str) -> float:
    digest = hashlib.sha256(f"{index}:{word}".encode()).digest()
    return round(0.8 + 0.2 * (int.from_bytes(digest[:4], "big") % 1000) / 999, 2)


def _registration(
    text: str | Sequence[tuple[int, str]], language: str, duration: float | None
) -> Registration:
    if isinstance(text, str):
        turns: tuple[Turn, ...] = speaker_turns(text)
    else:
        turns = tuple((int(speaker), str(said)) for speaker, said in text)
        if not turns:
            raise ValueError("give at least one (speaker, text) pair")
    named = any(speaker is not None for speaker, _ in turns)
    plain = " ".join(said for _, said in turns) if named or not isinstance(text, str) else text
    return Registration(text=plain, turns=turns if named else (), language=language, duration=duration)


def _key(audio: AudioKey) -> str:
    if isinstance(audio, bytes):
        return _content_key(hashlib.sha256(audio).hexdigest())
    if isinstance(audio, str):
        if not is_http_url(audio):
            raise ValueError(f"{audio!r} is not an http(s) URL; pass a pathlib.Path for a file, or its bytes")
        return _url_key(audio)
    return _content_key(file_sha256(Path(audio)))


def _content_key(sha256: str) -> str:
    return f"sha256:{sha256}"


def _url_key(url: str) -> str:
    return f"url:{url}"


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file's content, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for chunk in iter(lambda: file.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _sidecar(path: Path) -> str:
    sidecar = path.with_suffix(".txt")
    try:
        return sidecar.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FileNotFoundError(
            f"no transcript given for {path.name} and no sidecar file {sidecar} next to it"
        ) from None


def _check_language(language: str) -> None:
    problems = schema_problems(language, "TranscriptionLanguageCodeEnum")
    if problems:
        raise ValueError(problems[0].replace("the body: ", "language: ", 1))
