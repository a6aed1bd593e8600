"""The job lifecycle over real HTTP: timings, failures a test injects, engines, and what the result holds."""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import httpx
import pytest

from gladia.testing import AudioInput, Emulator, EngineError, Transcription, Utterance, Word, emulator
from tests.conftest import Receiver, create, make_wav, upload, wait_for_job


def statuses_until_end(http: httpx.Client, job_id: str, timeout: float = 5.0) -> tuple[list[str], float]:
    """Every status seen while polling (deduplicated in order), and the seconds until the end."""
    seen: list[str] = []
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        status = http.get(f"/v2/pre-recorded/{job_id}").json()["status"]
        if not seen or seen[-1] != status:
            seen.append(status)
        if status in ("done", "error"):
            return seen, time.monotonic() - started
        time.sleep(0.01)
    raise AssertionError(f"job still {seen[-1]} after {timeout}s")


def test_instant_by_default(http: httpx.Client, emu: Emulator) -> None:
    data = make_wav(1.0)
    emu.transcripts.add(data, "Quick.")
    job_id = create(http, audio_url=upload(http, data)["audio_url"])
    _, elapsed = statuses_until_end(http, job_id)
    assert elapsed < 0.5


def test_with_zero_timings_a_fast_engine_is_done_when_create_answers(
    http: httpx.Client, emu: Emulator
) -> None:
    # So a client that looks at once finds the job done: no race between the answer and the engine.
    for text in ("One.", "Two.", "Three."):
        data = make_wav(1.0, tone=text == "Two.")
        emu.transcripts.add(data, text)
        job_id = create(http, audio_url=upload(http, data)["audio_url"])
        job = http.get(f"/v2/pre-recorded/{job_id}").json()
        assert job["status"] == "done", job["status"]
        assert job["result"]["transcription"]["full_transcript"] == text


def test_a_slow_engine_does_not_hold_the_create_answer(http: httpx.Client, emu: Emulator) -> None:
    release = threading.Event()

    class Slow:
        def transcribe(self, audio: AudioInput, params: Mapping[str, Any]) -> Transcription:
            release.wait(10)
            word = Word(word="Late.", start=0.0, end=0.5, confidence=1.0)
            late = Utterance(text="Late.", start=0.0, end=0.5, confidence=1.0, language="en", words=[word])
            return Transcription(utterances=[late], languages=["en"])

    with (
        emulator(engine=Slow()) as slow,
        httpx.Client(base_url=slow.url, headers={"x-gladia-key": slow.api_key}, timeout=10) as client,
    ):
        started = time.monotonic()
        job_id = create(client, audio_url=upload(client, make_wav(1.0))["audio_url"])
        answered = time.monotonic() - started
        assert client.get(f"/v2/pre-recorded/{job_id}").json()["status"] == "processing"
        release.set()
        assert wait_for_job(client, job_id)["status"] == "done"
    assert answered < 5  # the create answer did not wait for the engine (bounded at 0.5 s)


def test_queued_then_processing_then_done_with_configured_timings(http: httpx.Client, emu: Emulator) -> None:
    emu.configure(queued_seconds=0.2, processing_seconds=0.3)
    data = make_wav(1.0)
    emu.transcripts.add(data, "Slow.")
    job_id = create(http, audio_url=upload(http, data)["audio_url"])
    seen, elapsed = statuses_until_end(http, job_id)
    assert seen == ["queued", "processing", "done"]
    assert 0.45 <= elapsed < 1.5
    job = emu.job(job_id)
    assert job is not None
    assert job["completed_at"] is not None
    assert job["result"]["metadata"]["transcription_time"] >= 0.3


def test_processing_time_can_be_proportional_to_the_duration(http: httpx.Client, emu: Emulator) -> None:
    emu.configure(realtime_factor=0.1)
    data = make_wav(4.0)
    emu.transcripts.add(data, "Four seconds.")
    _, elapsed = statuses_until_end(http, create(http, audio_url=upload(http, data)["audio_url"]))
    assert 0.35 <= elapsed < 1.5


def test_a_test_can_make_a_job_fail_with_a_chosen_code(http: httpx.Client, emu: Emulator) -> None:
    data = make_wav(1.0)
    emu.transcripts.fail(data, error_code=503, message="the model is overloaded")
    job = wait_for_job(http, create(http, audio_url=upload(http, data)["audio_url"]))
    assert (job["status"], job["error_code"], job["result"]) == ("error", 503, None)
    assert job["completed_at"] is not None
    assert job["post_session_metadata"]["error"] == {"code": 503, "message": "the model is overloaded"}


def test_audio_with_no_transcript_ends_in_error_saying_so(http: httpx.Client) -> None:
    job = wait_for_job(http, create(http, audio_url=upload(http, make_wav(1.0))["audio_url"]))
    assert job["status"] == "error"
    assert "No transcript registered" in job["post_session_metadata"]["error"]["message"]


def test_the_default_transcript_is_used_when_set(http: httpx.Client, emu: Emulator) -> None:
    emu.configure(default_transcript="Bonjour à tous.", default_language="fr")
    job = wait_for_job(http, create(http, audio_url=upload(http, make_wav(1.0))["audio_url"]))
    assert job["result"]["transcription"]["full_transcript"] == "Bonjour à tous."
    assert job["result"]["transcription"]["languages"] == ["fr"]


def test_transcripts_by_path_and_sidecar(http: httpx.Client, emu: Emulator, tmp_path: Path) -> None:
    audio = tmp_path / "meeting.wav"
    audio.write_bytes(make_wav(2.0, tone=True))
    audio.with_suffix(".txt").write_text("From the sidecar.", encoding="utf-8")
    emu.transcripts.add(audio)
    job = wait_for_job(http, create(http, audio_url=upload(http, audio.read_bytes())["audio_url"]))
    assert job["result"]["transcription"]["full_transcript"] == "From the sidecar."


def test_a_transcripts_directory_is_indexed_including_files_added_later(
    http: httpx.Client, emu: Emulator, tmp_path: Path
) -> None:
    emu.transcripts.add_directory(tmp_path, language="de")
    audio = tmp_path / "later.wav"
    audio.write_bytes(make_wav(1.0, tone=True, rate=8000))
    audio.with_suffix(".txt").write_text("Guten Tag.", encoding="utf-8")
    job = wait_for_job(http, create(http, audio_url=upload(http, audio.read_bytes())["audio_url"]))
    assert job["result"]["transcription"]["full_transcript"] == "Guten Tag."
    assert job["result"]["transcription"]["utterances"][0]["language"] == "de"


def test_an_audio_url_on_loopback_is_downloaded(
    http: httpx.Client, emu: Emulator, receiver: Receiver
) -> None:
    data = make_wav(1.5)
    emu.transcripts.add(data, "Downloaded.")
    url = receiver.serve("/audio/x.wav", data)
    job = wait_for_job(http, create(http, audio_url=url))
    assert job["status"] == "done"
    assert job["file"]["source"] == url
    assert job["file"]["filename"] == "x.wav"


def test_a_failed_download_ends_the_job_in_error(http: httpx.Client, receiver: Receiver) -> None:
    job = wait_for_job(http, create(http, audio_url=receiver.url + "/gone.wav"))
    assert (job["status"], job["error_code"], job["file"]) == ("error", 400, None)


def test_a_registered_remote_url_needs_no_network(http: httpx.Client, emu: Emulator) -> None:
    emu.transcripts.add("https://cdn.example.com/ep1.mp3", "Welcome to the show. Today, emulators.")
    job = wait_for_job(http, create(http, audio_url="https://cdn.example.com/ep1.mp3"))
    assert job["status"] == "done"
    assert job["result"]["transcription"]["full_transcript"] == "Welcome to the show. Today, emulators."
    assert job["file"]["source"] == "https://cdn.example.com/ep1.mp3"


def test_an_unregistered_remote_url_fails_offline(http: httpx.Client) -> None:
    job = wait_for_job(http, create(http, audio_url="https://cdn.example.com/unknown.mp3"))
    assert (job["status"], job["error_code"]) == ("error", 400)


def test_audio_longer_than_the_limit_fails_the_job(http: httpx.Client, emu: Emulator) -> None:
    url = upload(http, make_wav(3.0))["audio_url"]
    emu.configure(max_audio_seconds=2.0, default_transcript="Too long.")
    job = wait_for_job(http, create(http, audio_url=url))
    assert (job["status"], job["error_code"]) == ("error", 413)


def test_an_own_file_url_that_was_deleted_fails_the_job(http: httpx.Client, emu: Emulator) -> None:
    job = wait_for_job(http, create(http, audio_url=f"{emu.url}/file/00000000-0000-4000-8000-000000000000"))
    assert (job["status"], job["error_code"]) == ("error", 400)


# ------------------------------------------------------------------------------------------------ the result


def done(
    http: httpx.Client, emu: Emulator, text: str, seconds: float = 6.0, **options: Any
) -> dict[str, Any]:
    data = make_wav(seconds, tone=True)
    emu.transcripts.add(data, text)
    job = wait_for_job(http, create(http, audio_url=upload(http, data)["audio_url"], **options))
    assert job["status"] == "done", job
    result: dict[str, Any] = job["result"]
    return result


def test_utterances_and_words_are_spread_over_the_audio(http: httpx.Client, emu: Emulator) -> None:
    result = done(http, emu, "The first sentence. And the second one!", seconds=6.0)
    transcription = result["transcription"]
    assert transcription["full_transcript"] == "The first sentence. And the second one!"
    assert [u["text"] for u in transcription["utterances"]] == ["The first sentence.", "And the second one!"]
    words = [w for u in transcription["utterances"] for w in u["words"]]
    assert [w["word"] for w in words][:3] == ["The", " first", " sentence."]
    assert all(a["end"] <= b["start"] for a, b in itertools.pairwise(words))
    assert 0 < words[0]["start"] < 0.5
    assert 5.5 < words[-1]["end"] <= 6.0
    assert all(0.8 <= w["confidence"] <= 1.0 for w in words)
    assert result["metadata"] == {
        "audio_duration": 6.0,
        "number_of_distinct_channels": 1,
        "billing_time": 6.0,
        "transcription_time": result["metadata"]["transcription_time"],
    }


def test_the_same_input_gives_the_same_result(http: httpx.Client, emu: Emulator) -> None:
    first = done(http, emu, "Repeatable results, please.")
    second = done(http, emu, "Repeatable results, please.")
    assert first["transcription"] == second["transcription"]


def test_subtitles_when_asked(http: httpx.Client, emu: Emulator) -> None:
    config = {"formats": ["srt", "vtt"], "maximum_characters_per_row": 20}
    result = done(
        http,
        emu,
        "Subtitles are built from the words. Two sentences.",
        subtitles=True,
        subtitles_config=config,
    )
    produced = {s["format"]: s["subtitles"] for s in result["transcription"]["subtitles"]}
    words = [w for u in result["transcription"]["utterances"] for w in u["words"]]
    # As Gladia writes them (capture done_05): cues cut from the words across utterances, from the first
    # word's start to the last word's end, `.` before the milliseconds in both formats.
    cue = (
        "1\n00:00:00.250 --> 00:00:04.569\nSubtitles are built\nfrom the words. Two\n\n"
        "2\n00:00:04.630 --> 00:00:05.582\nsentences.\n"
    )
    assert produced == {"srt": cue, "vtt": "WEBVTT\n\n" + cue}
    assert (words[0]["start"], words[-1]["end"]) == (0.25, 5.582)


def test_sentences_when_asked(http: httpx.Client, emu: Emulator) -> None:
    result = done(http, emu, "One. Two? Three!", sentences=True)
    assert result["transcription"]["sentences"] == [
        {
            "success": True,
            "is_empty": False,
            "exec_time": 0,
            "error": None,
            "results": ["One.", "Two?", "Three!"],
        }
    ]


def test_no_optional_blocks_unless_asked(http: httpx.Client, emu: Emulator) -> None:
    result = done(http, emu, "Plain.")
    assert set(result) == {"metadata", "transcription"}
    assert set(result["transcription"]) == {"full_transcript", "languages", "utterances"}


def test_add_ons_the_engine_cannot_run_come_back_as_add_on_errors_with_addons_fail(
    http: httpx.Client, emu: Emulator
) -> None:
    emu.configure(addons="fail")
    result = done(
        http,
        emu,
        "Nothing invented.",
        diarization=True,
        summarization=True,
        audio_to_llm=True,
        audio_to_llm_config={"prompts": ["Summarize"]},
        pii_redaction=True,
    )
    # `results` is empty but of the type Gladia's document declares: never null where it is not nullable.
    empty: dict[str, object] = {
        "diarization": [],
        "summarization": "",
        "audio_to_llm": [],
    }
    for addon, nothing in empty.items():
        block = result[addon]
        assert block["success"] is False
        assert block["is_empty"] is True
        assert block["results"] == nothing
        assert block["error"]["status_code"] == 501
        assert addon in block["error"]["message"] or "speaker" in block["error"]["message"]
    # With diarization, every utterance says who speaks: one speaker when the transcript names none.
    assert [u["speaker"] for u in result["transcription"]["utterances"]] == [0]
    # PII redaction needs no model: it is applied (here there is nothing to redact), with no block of its own.
    assert "pii_redaction" not in result


def test_diarization_follows_the_speakers_the_transcript_names(http: httpx.Client, emu: Emulator) -> None:
    said = "Speaker 0: Hello there.\nSpeaker 1: Hi. How are you?\nSpeaker 0: Fine."
    result = done(http, emu, said, diarization=True)
    utterances = result["transcription"]["utterances"]
    assert [(u["speaker"], u["text"]) for u in utterances] == [
        (0, "Hello there."),
        (1, "Hi."),
        (1, "How are you?"),
        (0, "Fine."),
    ]
    assert result["transcription"]["full_transcript"] == "Hello there. Hi. How are you? Fine."
    assert result["diarization"] == {
        "success": True,
        "is_empty": False,
        "exec_time": 0,
        "error": None,
        "results": utterances,
    }
    plain = done(http, emu, said)
    assert all("speaker" not in u for u in plain["transcription"]["utterances"])
    assert "diarization" not in plain


def test_custom_spelling_is_applied(http: httpx.Client, emu: Emulator) -> None:
    result = done(
        http,
        emu,
        "We use gladia and glad ia daily.",
        custom_spelling=True,
        custom_spelling_config={"spelling_dictionary": {"Gladia": ["gladia"], "every day": ["daily"]}},
    )
    assert result["transcription"]["full_transcript"] == "We use Gladia and glad ia every day."


class RecordingEngine:
    """A custom engine: sees what the emulator gives it and says something fixed."""

    def __init__(self) -> None:
        self.seen: list[tuple[AudioInput, Mapping[str, Any]]] = []
        self.thread: str | None = None

    def transcribe(self, audio: AudioInput, options: Mapping[str, Any]) -> Transcription:
        self.seen.append((audio, options))
        self.thread = threading.current_thread().name
        if options.get("custom_metadata") is not None or audio.duration > 100:
            raise EngineError("unexpected", code=500)
        if audio.filename == "refuse.wav":
            raise EngineError("this engine refuses that file", code=422)
        words = [
            Word(word="Custom", start=0.1, end=0.5, confidence=0.9),
            Word(word=" engine.", start=0.6, end=0.9, confidence=0.8),
        ]
        utterance = Utterance(
            text="Custom engine.", start=0.1, end=0.9, confidence=0.85, language="en", words=words, speaker=0
        )
        diarization = {
            "success": True,
            "is_empty": False,
            "exec_time": 0.1,
            "error": None,
            "results": [utterance.to_dict()],
        }
        return Transcription(utterances=[utterance], languages=["en"], addons={"diarization": diarization})


def test_a_custom_engine_plugs_in() -> None:
    engine = RecordingEngine()
    with (
        emulator(engine=engine) as emu,
        httpx.Client(base_url=emu.url, headers={"x-gladia-key": emu.api_key}) as http,
    ):
        data = make_wav(1.0)
        job = wait_for_job(
            http,
            create(
                http,
                audio_url=upload(http, data, "talk.wav")["audio_url"],
                diarization=True,
                summarization=True,
            ),
        )
        assert job["result"]["transcription"]["full_transcript"] == "Custom engine."
        assert job["result"]["diarization"]["success"] is True
        assert job["result"]["summarization"]["success"] is False
        assert job["result"]["transcription"]["utterances"][0]["speaker"] == 0
        audio, options = engine.seen[0]
        assert (audio.filename, audio.duration, audio.channels, audio.path.is_file()) == (
            "talk.wav",
            1.0,
            1,
            True,
        )
        assert options["diarization"] is True
        assert engine.thread != threading.current_thread().name
        refused = wait_for_job(http, create(http, audio_url=upload(http, data, "refuse.wav")["audio_url"]))
        assert (refused["status"], refused["error_code"]) == ("error", 422)


@pytest.mark.parametrize("bad", ["xx", "english"])
def test_registering_an_unknown_language_is_refused(emu: Emulator, bad: str) -> None:
    with pytest.raises(ValueError, match="not a language code"):
        emu.transcripts.add(b"audio", "text", language=bad)


def test_registering_needs_text_or_a_sidecar(emu: Emulator, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="give the text"):
        emu.transcripts.add(b"audio")
    with pytest.raises(FileNotFoundError, match="sidecar"):
        emu.transcripts.add(tmp_path / "nothing.wav")
    with pytest.raises(ValueError, match="not an http"):
        emu.transcripts.add("relative/path.wav", "text")
