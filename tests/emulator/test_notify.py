"""Callbacks and webhooks, received by a real HTTP server on loopback; webhooks signed and verified."""

from __future__ import annotations

import base64
import json
import time

import httpx
import pytest

from gladia.testing import Emulator
from gladia.webhooks import sign
from gladia_api import models
from tests.conftest import Receiver, create, make_wav, upload, wait_for_job

SECRET = "whsec_" + base64.b64encode(b"emulator test secret!").decode()


def finished_job(http: httpx.Client, emu: Emulator, *, fail: bool = False, **options: object) -> str:
    data = make_wav(1.0)
    if fail:
        emu.transcripts.fail(data, error_code=500, message="boom")
    else:
        emu.transcripts.add(data, "Called back.")
    job_id = create(http, audio_url=upload(http, data)["audio_url"], **options)
    wait_for_job(http, job_id)
    return job_id


# ------------------------------------------------------------------------------------------------ callbacks


@pytest.mark.parametrize("method", ["POST", "PUT"])
def test_success_callback_carries_the_result(
    http: httpx.Client, emu: Emulator, receiver: Receiver, method: str
) -> None:
    job_id = finished_job(
        http,
        emu,
        callback=True,
        callback_config={"url": receiver.url + "/hook?source=gladia", "method": method},
        custom_metadata={"order": 42},
    )
    [request] = receiver.wait(1)
    assert (request.method, request.path) == (method, "/hook?source=gladia")
    assert request.headers["content-type"] == "application/json"
    payload = json.loads(request.body)
    assert payload["id"] == job_id
    assert payload["event"] == "transcription.success"
    assert payload["custom_metadata"] == {"order": 42}
    assert payload["payload"] == emu.job(job_id)["result"]  # type: ignore[index]
    parsed = models.CallbackTranscriptionSuccessPayload.from_dict(payload)
    assert isinstance(parsed.payload, models.TranscriptionResultDTO)


def test_error_callback_carries_the_code_and_message(
    http: httpx.Client, emu: Emulator, receiver: Receiver
) -> None:
    job_id = finished_job(
        http, emu, fail=True, callback=True, callback_config={"url": receiver.url + "/hook"}
    )
    [request] = receiver.wait(1)
    payload = json.loads(request.body)
    assert payload == {
        "id": job_id,
        "event": "transcription.error",
        "error": {"code": 500, "message": "boom"},
        "custom_metadata": None,
    }
    models.CallbackTranscriptionErrorPayload.from_dict(payload)


def test_the_deprecated_callback_url_gets_a_post(
    http: httpx.Client, emu: Emulator, receiver: Receiver
) -> None:
    finished_job(http, emu, callback_url=receiver.url + "/old")
    [request] = receiver.wait(1)
    assert (request.method, request.path) == ("POST", "/old")


def test_no_callback_unless_asked(http: httpx.Client, emu: Emulator, receiver: Receiver) -> None:
    finished_job(http, emu, callback_config={"url": receiver.url + "/hook"})
    time.sleep(0.1)
    assert receiver.received == []
    assert emu.deliveries == []


def test_failed_deliveries_are_retried_and_recorded(
    http: httpx.Client, emu: Emulator, receiver: Receiver
) -> None:
    receiver.statuses = [500, 503]
    finished_job(http, emu, callback=True, callback_config={"url": receiver.url + "/hook"})
    deliveries = emu.wait_for_deliveries(3, kind="callback")
    assert [(d.attempt, d.status) for d in deliveries] == [(1, 500), (2, 503), (3, 200)]
    assert deliveries[-1].ok
    assert len(receiver.received) == 3


def test_an_unreachable_receiver_is_recorded_and_does_not_hold_the_job(
    http: httpx.Client, emu: Emulator
) -> None:
    emu.configure(delivery_attempts=2)
    job_id = finished_job(http, emu, callback=True, callback_config={"url": "http://127.0.0.1:9/hook"})
    assert emu.job(job_id)["status"] == "done"  # type: ignore[index]
    deliveries = emu.wait_for_deliveries(2)
    assert all(d.status is None and d.error for d in deliveries)


def test_other_hosts_are_not_contacted_unless_allowed(http: httpx.Client, emu: Emulator) -> None:
    finished_job(http, emu, callback=True, callback_config={"url": "https://example.com/hook"})
    [delivery] = emu.wait_for_deliveries(1)
    assert (delivery.url, delivery.status) == ("https://example.com/hook", None)
    assert delivery.error is not None
    assert "only contacts loopback hosts" in delivery.error
    assert delivery.json()["event"] == "transcription.success"


# ------------------------------------------------------------------------------------------------ webhooks


def test_webhooks_for_created_and_success(http: httpx.Client, emu: Emulator, receiver: Receiver) -> None:
    emu.configure(webhook_urls=(receiver.url + "/a", receiver.url + "/b"))
    job_id = finished_job(http, emu)
    requests = receiver.wait(4)
    bodies = sorted((r.path, r.body) for r in requests)
    created = json.dumps({"event": "transcription.created", "payload": {"id": job_id}}).encode()
    success = json.dumps({"event": "transcription.success", "payload": {"id": job_id}}).encode()
    assert sorted(bodies) == sorted([("/a", created), ("/b", created), ("/a", success), ("/b", success)])
    for path in ("/a", "/b"):  # in order for each receiver, though the job ended at once
        assert [r.body for r in requests if r.path == path] == [created, success]
    assert all("webhook-signature" not in r.headers for r in requests)
    models.WebhookTranscriptionCreatedPayload.from_dict(json.loads(created))
    models.WebhookTranscriptionSuccessPayload.from_dict(json.loads(success))


def test_error_webhook(http: httpx.Client, emu: Emulator, receiver: Receiver) -> None:
    emu.configure(webhook_urls=(receiver.url,))
    job_id = finished_job(http, emu, fail=True)
    events = [json.loads(r.body) for r in receiver.wait(2)]
    assert {"event": "transcription.error", "payload": {"id": job_id}} in events
    models.WebhookTranscriptionErrorPayload.from_dict(events[-1])


def test_webhooks_are_signed_with_the_standard_webhooks_scheme(
    http: httpx.Client, emu: Emulator, receiver: Receiver
) -> None:
    emu.configure(webhook_urls=(receiver.url + "/signed",), webhook_secret=SECRET)
    finished_job(http, emu)
    requests = receiver.wait(2)
    ids = set()
    for request in requests:
        msg_id, timestamp = request.headers["webhook-id"], int(request.headers["webhook-timestamp"])
        assert msg_id.startswith("msg_")
        assert abs(time.time() - timestamp) < 60
        assert request.headers["webhook-signature"] == sign(SECRET, msg_id, timestamp, request.body)
        ids.add(msg_id)
    assert len(ids) == 2  # one id per event


def test_a_redelivered_webhook_keeps_its_id(http: httpx.Client, emu: Emulator, receiver: Receiver) -> None:
    emu.configure(webhook_urls=(receiver.url,), webhook_secret=SECRET)
    receiver.statuses = [500]
    finished_job(http, emu)
    emu.wait_for_deliveries(3)  # created and success, one of them twice
    [refused] = [d for d in emu.deliveries if d.status == 500]
    attempts = [d for d in emu.deliveries if d.event == refused.event]
    assert [(d.attempt, d.status) for d in attempts] == [(1, 500), (2, 200)]
    assert attempts[0].headers["webhook-id"] == attempts[1].headers["webhook-id"]


def test_an_invalid_secret_is_refused(emu: Emulator) -> None:
    with pytest.raises(ValueError, match="base64"):
        emu.configure(webhook_secret="whsec_not base64!")
