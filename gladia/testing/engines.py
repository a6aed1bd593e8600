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
import io
import json
import logging
import os
import re
import threading
import wave
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
#: How much of a live stream identifies a registered recording: its first second of samples.
STREAM_MATCH_SECONDS = 1.0
logger = logging.getLogger("gladia.testing")
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
    addons: Mapping[str, Any] = attrs.field(factory=dict)
    full_transcript: str | None = None
    """The transcript as one text, when it is not simply the utterances' texts joined (a saved job's)."""


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
    addons: Mapping[str, Any] = attrs.field(factory=dict)
    """Add-on results for this audio, by add-on name (`{"summarization": "..."}` or whole blocks)."""
    utterances: tuple[Utterance, ...] | None = None
    """The utterances of a whole job Gladia returned (saved with `gladia jobs get ID --json`): served as
    they are, words and times included, instead of laying out `text`."""
    languages: tuple[str, ...] = ()
    """The languages of that saved job."""

    @property
    def heard(self) -> bool:
        """Whether it says what the audio holds (a transcript or a saved job), not only add-on results."""
        return self.text is not None or self.utterances is not None

    def transcription(self, duration: float, diarization: bool) -> Transcription:
        """What the engine returns for this registration, over `duration` seconds of audio."""
        if self.utterances is not None:
            utterances = self.utterances
            if not diarization:
                utterances = tuple(attrs.evolve(u, speaker=None) for u in utterances)
            languages = self.languages or tuple(dict.fromkeys(u.language for u in utterances))
            return Transcription(
                utterances=utterances, languages=languages, addons=self.addons, full_transcript=self.text
            )
        turns: Sequence[Turn] = self.turns or [(None, self.text or "")]
        if not diarization:
            turns = [(None, said) for _, said in turns]
        utterances = lay_out(turns, duration, self.language)
        return Transcription(
            utterances=utterances, languages=(self.language,) if utterances else (), addons=self.addons
        )


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
        self._indexed: set[tuple[str, int, int, tuple[int, ...]]] = set()
        # Registered PCM WAV recordings by what a live stream of them starts with: (rate, channels, sample
        # width, bytes, sha256 of those bytes) -> (registration key, seconds of audio).
        self._streams: dict[tuple[int, int, int, int, str], tuple[str, float]] = {}

    def add(
        self,
        audio: AudioKey,
        text: str | Sequence[tuple[int, str]] | None = None,
        *,
        language: str = DEFAULT_LANGUAGE,
        duration: float | None = None,
        addons: Mapping[str, Any] | None = None,
    ) -> None:
        """Register the transcript of `audio`, and the results of its add-ons.

        Args:
            audio: the audio's bytes, a path to it, or its http(s) URL.
            text: what is said; for a path, None reads its sidecar: `NAME.txt`, or `NAME.json` (a whole
                job Gladia returned, saved with `gladia jobs get ID --json`; or add-on results, as `addons`).
                Say who speaks with lines starting `Speaker N:`, or give a list of `(speaker, text)` pairs.
            language: the language code it is spoken in.
            duration: for a URL the emulator will not download, the length of the audio it stands in for;
                by default, long enough to say the text.
            addons: add-on results by add-on name, served for every job (and live session) of this audio
                that asks for that add-on: a whole block (`{"success": True, ..., "results": ...}`) or just
                its `results` (`{"summarization": "A short meeting."}`). They win over computed ones and
                fixtures.

        Raises:
            ValueError: for an unknown language code, text missing where no sidecar can supply it, or a
                sidecar that is not what it should be.
            FileNotFoundError: when there is no sidecar.
        """
        _check_language(language)
        if text is None:
            if isinstance(audio, (bytes, str)):
                raise ValueError("give the text of this audio; only a path can have a sidecar .txt or .json")
            registration = _sidecar_registration(Path(audio), language)
        else:
            registration = _registration(text, language, duration)
        if addons:
            registration = attrs.evolve(registration, addons={**registration.addons, **_addon_map(addons)})
        self._put(audio, registration)

    def fail(self, audio: AudioKey, *, error_code: int = 500, message: str | None = None) -> None:
        """Make every job for `audio` end in `error` with `error_code` (and `message` in the callback)."""
        if not 400 <= error_code <= 599:
            raise ValueError(f"error_code must be an HTTP error status (400-599), got {error_code}")
        message = message or f"Transcription failed (error {error_code} injected by the test)"
        self._put(audio, Registration(error_code=error_code, message=message))

    def add_directory(self, directory: os.PathLike[str] | str, *, language: str = DEFAULT_LANGUAGE) -> None:
        """Register every audio file in `directory` that has a sidecar (`NAME.txt` and/or `NAME.json`, see
        `add`); files added later count too."""
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

    def for_stream(
        self, pcm: bytes, *, rate: int, channels: int, width: int
    ) -> tuple[Registration, float] | None:
        """The registration of the recording a live stream's first PCM bytes belong to, and its duration.

        `pcm` is the stream's first second of samples (or the whole stream, when it is shorter), without
        any WAV header; it matches a registered PCM WAV file of the same format whose samples start so.
        """
        if self._directories:
            self._scan()
        wanted = (rate, channels, width, len(pcm), hashlib.sha256(pcm).hexdigest())
        with self._lock:
            found = self._streams.get(wanted)
            registration = self._entries.get(found[0]) if found else None
        return (registration, found[1]) if registration is not None and found is not None else None

    def _put(self, audio: AudioKey, registration: Registration) -> None:
        key = _key(audio)
        stream = _stream_key(audio) if not isinstance(audio, str) else None
        with self._lock:
            self._entries[key] = registration
            if stream is not None:
                self._streams[stream[0]] = (key, stream[1])

    def _scan(self) -> None:
        with self._lock:
            directories = dict(self._directories)
        for directory, language in directories.items():
            for path in sorted(directory.iterdir()):
                sidecars = [path.with_suffix(s) for s in _SIDECARS if path.with_suffix(s).is_file()]
                if path.suffix in _SIDECARS or not path.is_file() or not sidecars:
                    continue
                stat = path.stat()
                sidecar_times = tuple(s.stat().st_mtime_ns for s in sidecars)
                seen = (str(path), stat.st_size, stat.st_mtime_ns, sidecar_times)
                if seen in self._indexed:
                    continue
                try:
                    registration = _sidecar_registration(path, language)
                except (ValueError, FileNotFoundError) as exc:
                    logger.warning("%s: not registered: %s", path, exc)
                    continue
                self._put(path, registration)
                with self._lock:
                    self._indexed.add(seen)


class DeterministicEngine:
    """Transcripts supplied by the test, laid out over the audio's real duration; see the module docstring."""

    def __init__(self, transcripts: Transcripts) -> None:
        self.transcripts = transcripts

    def transcribe(self, audio: AudioInput, options: Mapping[str, Any]) -> Transcription:
        registration = self.transcripts.find(audio)
        diarization = options.get("diarization") is True
        if registration is not None and registration.heard:
            return registration.transcription(audio.duration, diarization)
        addons = registration.addons if registration is not None else {}
        turns: Sequence[Turn]
        if self.transcripts.default is not None:
            turns, language = speaker_turns(self.transcripts.default), self.transcripts.default_language
        else:
            raise EngineError(
                f"No transcript registered for this audio ({audio.filename}, sha256 {audio.sha256[:12]}...): "
                "the emulator's deterministic engine does not listen to audio. Register one with "
                "emu.transcripts.add(audio, text), put a .txt next to the file, or set default_transcript."
            )
        if not diarization:
            turns = [(None, said) for _, said in turns]
        utterances = lay_out(turns, audio.duration, language)
        return Transcription(
            utterances=utterances, languages=(language,) if utterances else (), addons=addons
        )


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
        if registration is None or not registration.heard:
            heard = self.engine.transcribe(audio, options)
            if registration is not None and registration.addons:
                return attrs.evolve(heard, addons={**heard.addons, **registration.addons})
            return heard
        return registration.transcription(audio.duration, options.get("diarization") is True)


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


def _stream_key(audio: bytes | os.PathLike[str]) -> tuple[tuple[int, int, int, int, str], float] | None:
    """How a live stream of this PCM WAV recording starts (see `Transcripts.for_stream`), and its duration;
    None for audio that is not a PCM WAV file."""
    try:
        source: Any = io.BytesIO(audio) if isinstance(audio, bytes) else os.fspath(audio)
        with wave.open(source, "rb") as reader:
            rate, channels, width = reader.getframerate(), reader.getnchannels(), reader.getsampwidth()
            frames = reader.getnframes()
            first = reader.readframes(min(frames, int(rate * STREAM_MATCH_SECONDS)))
    except (wave.Error, EOFError, OSError, ValueError):
        return None
    if not first or rate <= 0:
        return None
    return (rate, channels, width, len(first), hashlib.sha256(first).hexdigest()), frames / rate


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


_SIDECARS = (".txt", ".json")
# The parts of a job's result that are not add-on blocks.
_NOT_ADDONS = frozenset({"metadata", "transcription"})


def _sidecar_registration(path: Path, language: str) -> Registration:
    """What the sidecars of `path` register: `NAME.txt` (the transcript) and/or `NAME.json` (a saved job, or
    add-on results)."""
    text_file, json_file = path.with_suffix(".txt"), path.with_suffix(".json")
    if not text_file.is_file() and not json_file.is_file():
        raise FileNotFoundError(
            f"no transcript given for {path.name} and no sidecar file {text_file.name} or {json_file.name} next to it"
        )
    registration = Registration(language=language)
    if json_file.is_file():
        try:
            data = json.loads(json_file.read_text(encoding="utf-8"))
        except ValueError as exc:
            raise ValueError(f"{json_file.name} is not JSON: {exc}") from None
        registration = (
            _from_job(data, json_file.name)
            if _is_job(data)
            else Registration(language=language, addons=_addon_map(data, json_file.name))
        )
    if text_file.is_file():
        typed = _registration(text_file.read_text(encoding="utf-8"), language, None)
        registration = (
            attrs.evolve(typed, addons=registration.addons)
            if registration.utterances is None
            else registration
        )
    return registration


def _is_job(data: object) -> bool:
    return isinstance(data, Mapping) and "status" in data and ("result" in data or "request_params" in data)


def _addon_map(data: object, where: str = "addons") -> dict[str, Any]:
    if not isinstance(data, Mapping) or not all(isinstance(key, str) for key in data):
        raise ValueError(f"{where} must map add-on names (summarization, translation, ...) to their results")
    return dict(data)


def _from_job(job: Mapping[str, Any], where: str) -> Registration:
    """The registration of a whole job Gladia returned: its utterances, languages and add-on blocks."""
    if job.get("status") != "done" or not isinstance(job.get("result"), Mapping):
        raise ValueError(f"{where} is a job that is not done (status {job.get('status')!r}): save a done job")
    result: Mapping[str, Any] = job["result"]
    transcription = result.get("transcription")
    if not isinstance(transcription, Mapping) or not isinstance(transcription.get("utterances"), list):
        raise ValueError(f"{where} has no result.transcription.utterances")
    languages = tuple(str(code) for code in transcription.get("languages") or ())
    fallback = languages[0] if languages else DEFAULT_LANGUAGE
    utterances = tuple(_utterance(u, fallback) for u in transcription["utterances"])
    addons = {
        key: value for key, value in result.items() if key not in _NOT_ADDONS and isinstance(value, Mapping)
    }
    text = str(transcription.get("full_transcript") or " ".join(u.text for u in utterances))
    return Registration(
        text=text, language=fallback, addons=addons, utterances=utterances, languages=languages
    )


def _utterance(item: Mapping[str, Any], language: str) -> Utterance:
    words = [
        Word(
            word=str(w.get("word", "")),
            start=float(w.get("start", 0)),
            end=float(w.get("end", 0)),
            confidence=float(w.get("confidence", 1)),
        )
        for w in item.get("words") or ()
    ]
    speaker = item.get("speaker")
    return Utterance(
        text=str(item.get("text", "")),
        start=float(item.get("start", words[0].start if words else 0)),
        end=float(item.get("end", words[-1].end if words else 0)),
        confidence=float(item.get("confidence", 1)),
        language=str(item.get("language") or language),
        words=words,
        channel=int(item.get("channel") or 0),
        speaker=int(speaker) if isinstance(speaker, (int, float)) and not isinstance(speaker, bool) else None,
    )


def _check_language(language: str) -> None:
    problems = schema_problems(language, "TranscriptionLanguageCodeEnum")
    if problems:
        raise ValueError(problems[0].replace("the body: ", "language: ", 1))
