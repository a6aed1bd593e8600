"""The emulator is a judge independent of the SDK: it reads the spec with jsonschema, signs webhooks with its own
code, and imports nothing private of the SDK, so a request the SDK's own checks let through is still refused."""

from __future__ import annotations

import ast
from pathlib import Path

import httpx
import pytest

from gladia import GladiaClient
from gladia.errors import BadRequestError
from gladia.testing import Emulator
from gladia.testing import _schema as judge
from gladia.testing._signing import signature
from gladia.webhooks import verify
from gladia_api import models

TESTING = Path(__file__).resolve().parents[2] / "gladia" / "testing"
# The SDK's private layers: the emulator judges them, so it must not share their code.
PRIVATE = ("gladia._core", "gladia.prerecorded", "gladia.live", "gladia.webhooks", "gladia.errors")


def _imports(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.append(node.module)
        elif isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
    return found


@pytest.mark.parametrize("module", sorted(p.name for p in TESTING.glob("*.py")))
def test_the_emulator_imports_nothing_private_of_the_sdk(module: str) -> None:
    shared = [name for name in _imports(TESTING / module) if name.startswith(PRIVATE)]
    assert shared == []


def test_a_body_the_sdk_lets_through_in_extra_body_is_refused_by_the_emulator(emu: Emulator) -> None:
    # extra_body is merged unchecked by the SDK: only the emulator's own reading of the spec can refuse it.
    with GladiaClient(api_key=emu.api_key, api_url=emu.url, max_retries=0) as client:
        gladia = client.prerecorded()
        with pytest.raises(BadRequestError) as caught:
            gladia.create(
                {"audio_url": f"{emu.url}/file/00000000-0000-4000-8000-000000000000"},
                extra_body={"diarization": "yes", "summarisation": True, "model": "solaria-9"},
            )
    error = caught.value
    assert error.status_code == 400
    assert sorted(p.split(":", 1)[0] for p in error.validation_errors or []) == [
        "diarization",
        "model",
        "summarisation",
    ]
    assert any("did you mean 'summarization'" in p for p in error.validation_errors or [])
    assert models.BadRequestErrorResponse.from_dict(error.body).validation_errors == list(
        error.validation_errors or ()
    )


def test_a_raw_generated_call_is_judged_by_the_spec_too(emu: Emulator) -> None:
    # Through client.raw the SDK's option checks never run; the emulator answers as Gladia's document says.
    with httpx.Client(base_url=emu.url, headers={"x-gladia-key": emu.api_key}) as http:
        response = http.post(
            "/v2/pre-recorded",
            json={"audio_url": "https://example.com/a.wav", "language_config": {"languages": ["english"]}},
        )
    assert response.status_code == 400
    body = models.BadRequestErrorResponse.from_dict(response.json())
    assert isinstance(body.validation_errors, list) and len(body.validation_errors) == 1
    assert body.validation_errors[0].startswith(
        "language_config.languages[0]: 'english' is not a language code"
    )


def test_the_schema_checks_what_the_sdks_checker_does_not_read() -> None:
    # Every keyword of JSON Schema counts, not only the ones a hand-written checker knows.
    assert judge.problems({"audio_url": "https://example.com/a.wav"}, "InitTranscriptionRequest") == []
    assert judge.problems({"audio_url": "ftp://example.com/a.wav"}, "InitTranscriptionRequest") == [
        "audio_url: 'ftp://example.com/a.wav' is not an http(s) URL"
    ]
    assert judge.problems({}, "InitTranscriptionRequest") == ["audio_url: required but missing"]


def test_webhook_signatures_are_the_emulators_own_and_verify_with_the_sdk() -> None:
    secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    body = b'{"event": "transcription.created", "payload": {"id": "x"}}'
    headers = {"webhook-id": "msg_1", "webhook-timestamp": "1700000000", "webhook-signature": ""}
    headers["webhook-signature"] = signature(secret, "msg_1", 1700000000, body)
    assert verify(body, headers, secret, now=1700000001) == "msg_1"
