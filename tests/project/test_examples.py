"""Every example in examples/ runs here, against the Gladia emulator, as its docstring says to run it.

The scripts run as processes (`python examples/X.py ...`) with GLADIA_API_KEY and GLADIA_API_URL pointing at
the emulator; the Starlette apps are served in-process and called over HTTP; the pytest example runs its own
pytest. A new example must get a test here (the first test says which have none).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from gladia import GladiaClient
from gladia.testing import Emulator
from gladia.webhooks import callback_url_with_token

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
SAMPLES = ROOT / "samples"
MEETING = SAMPLES / "meeting.wav"
MEETING_TEXT = (SAMPLES / "meeting.txt").read_text(encoding="utf-8").strip()

# Each example, and the test below that runs it.
#: Examples whose tests live beside the feature they show (a path, which must name the example).
TESTED_ELSEWHERE = {
    "live_file.py": "tests/live/test_examples.py",
    "live_microphone.py": "tests/live/test_examples.py",
}
TESTED = {
    "transcribe_folder.py": "test_transcribe_folder",
    "subtitles.py": "test_subtitles",
    "web_upload.py": "test_web_upload",
    "webhook_receiver.py": "test_webhook_receiver",
    "testing_with_the_emulator": "test_testing_with_the_emulator",
}


@pytest.fixture
def samples(emu: Emulator) -> Emulator:
    """The emulator, knowing what each sample recording says (its sidecar .txt)."""
    emu.transcripts.add_directory(SAMPLES)
    return emu


def run_example(emu: Emulator, *args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GLADIA_")}
    env.update(GLADIA_API_KEY=emu.api_key, GLADIA_API_URL=emu.url, PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120, check=False
    )


def test_every_example_has_a_test() -> None:
    found = {path.name for path in EXAMPLES.iterdir() if path.name not in ("__init__.py", "__pycache__")}
    tested = set(TESTED) | set(TESTED_ELSEWHERE)
    assert found == tested, f"examples without a test: {sorted(found - tested)}"
    for test in TESTED.values():
        assert callable(globals()[test])
    root = EXAMPLES.parent
    for example, where in TESTED_ELSEWHERE.items():
        assert example in (root / where).read_text(encoding="utf-8"), f"{where} does not run {example}"


def test_transcribe_folder(samples: Emulator, tmp_path: Path) -> None:
    done = run_example(
        samples, str(EXAMPLES / "transcribe_folder.py"), str(SAMPLES), str(tmp_path), "--concurrency", "3"
    )
    assert done.returncode == 0, done.stderr
    wavs = sorted(SAMPLES.glob("*.wav"))
    assert done.stdout.splitlines()[-1] == f"{len(wavs)} of {len(wavs)} files transcribed into {tmp_path}"
    for wav in wavs:
        expected = wav.with_suffix(".txt").read_text(encoding="utf-8").strip()
        assert (tmp_path / f"{wav.stem}.txt").read_text(encoding="utf-8") == expected + "\n"
    assert samples.counters.jobs_created == len(wavs)


@pytest.mark.parametrize("local", [False, True], ids=["gladias", "built-here"])
def test_subtitles(samples: Emulator, tmp_path: Path, local: bool) -> None:
    audio = tmp_path / "meeting.wav"
    audio.write_bytes(MEETING.read_bytes())
    done = run_example(samples, str(EXAMPLES / "subtitles.py"), str(audio), *(["--local"] if local else []))
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [str(tmp_path / "meeting.srt"), str(tmp_path / "meeting.vtt")]
    srt = (tmp_path / "meeting.srt").read_text(encoding="utf-8")
    vtt = (tmp_path / "meeting.vtt").read_text(encoding="utf-8")
    assert srt.startswith("1\n00:00:") and "launch plan before Friday" in srt
    assert vtt.startswith("WEBVTT") and "launch plan before Friday" in vtt
    # Gladia's subtitles put '.' before the milliseconds; gladia.subtitles writes standard SubRip (',').
    assert (" --> 00:00:0" in srt) and (("," in srt.split("\n")[1]) == local)
    asked = samples.jobs()[0]["request_params"]["subtitles"]
    assert asked is (not local)


def test_web_upload(samples: Emulator) -> None:
    from examples.web_upload import create_app

    with TestClient(create_app(api_key=samples.api_key, api_url=samples.url)) as browser:
        page = browser.get("/")
        assert page.status_code == 200 and 'name="audio"' in page.text
        answer = browser.post(
            "/transcribe", files={"audio": ("meeting.wav", MEETING.read_bytes(), "audio/wav")}
        )
        assert answer.status_code == 200, answer.text
        assert answer.json()["transcript"] == MEETING_TEXT
        refused = browser.post(
            "/transcribe", files={"audio": ("notes.txt", b"just words, not audio", "text/plain")}
        )
        assert refused.status_code == 400
        assert "audio" in refused.json()["error"]
        missing = browser.post("/transcribe", data={"other": "field"})
        assert missing.status_code == 400
    assert samples.counters.jobs_created == 1  # the refused upload never reached Gladia


def test_webhook_receiver(samples: Emulator, tmp_path: Path) -> None:
    # tests/webhooks/test_e2e.py drives it end to end (signed webhooks, tampering, live events); here, a
    # callback for a real job is fetched from the emulator and stored.
    from examples.webhook_receiver import create_app

    with GladiaClient(api_key=samples.api_key, api_url=samples.url) as client:
        job = client.prerecorded().transcribe(MEETING)
    app = create_app(
        webhook_secret="whsec_" + "c2VjcmV0",
        callback_token="t0k3n",
        store_dir=tmp_path,
        api_key=samples.api_key,
        api_url=samples.url,
    )
    with TestClient(app) as receiver:
        url = callback_url_with_token("http://testserver/gladia/callback", "t0k3n")
        body = {"id": job.id, "event": "transcription.success", "payload": {"transcription": {}}}
        answer = receiver.post(url, content=json.dumps(body))
        assert answer.status_code == 200, answer.text
        assert receiver.post("/gladia/callback", content=json.dumps(body)).status_code == 401  # no token
    assert (tmp_path / f"{job.id}.txt").read_text(encoding="utf-8") == MEETING_TEXT


@pytest.mark.slow
def test_testing_with_the_emulator() -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            # Without this checkout's addopts (its -n 4 would start four workers for three tests).
            "-o",
            "addopts=",
            "examples/testing_with_the_emulator",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "3 passed" in done.stdout
