"""Drives Gladia's official Python SDK (`gladiaio-sdk`) against a Gladia emulator, sync and async.

Run by `tests/official/test_python_sdk.py` with the SDK's own virtual environment and `python -W error`,
so any warning the SDK raises while reading an answer fails the run. Only the SDK and the standard library
are importable here: the emulator is judged by Gladia's own client, not by this project's code.

Usage: python -W error python_driver.py CONFIG.json
CONFIG holds `url`, `key`, `audio` (a WAV path) and `text` (its registered transcript), `remote_url` and
`remote_text` (a URL registered with the emulator), `failing` and `failing_code` (audio whose jobs fail).
Prints one JSON line: the SDK version and how many checks passed per mode.
"""

from __future__ import annotations

import ast
import asyncio
import datetime
import importlib.metadata
import io
import json
import sys
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from gladiaio_sdk import GladiaClient, HttpError

POLL = {"interval": 0.05, "timeout": 30}


class Checks:
    def __init__(self, mode: str) -> None:
        self.mode = mode
        self.passed = 0

    def __call__(self, condition: object, what: str) -> None:
        if not condition:
            raise AssertionError(f"[{self.mode}] {what}")
        self.passed += 1


class Synced:
    """The sync client behind awaitable methods, so one scenario drives both clients."""

    def __init__(self, client: Any) -> None:
        self._client = client

    def __getattr__(self, name: str) -> Callable[..., Awaitable[Any]]:
        method = getattr(self._client, name)

        async def call(*args: Any, **kwargs: Any) -> Any:
            return method(*args, **kwargs)

        return call


async def raises_http_error(call: Awaitable[Any]) -> HttpError:
    try:
        await call
    except HttpError as error:
        return error
    raise AssertionError("expected an HttpError")


async def scenario(client: Any, config: dict[str, Any], check: Checks) -> None:
    path = Path(config["audio"])
    data = path.read_bytes()
    text = config["text"]
    run = f"{check.mode}-{uuid.uuid4().hex[:8]}"

    # Upload: a path, a str path, an open file, and bytes (as a file-like object).
    by_path = await client.upload_file(path)
    check(by_path.audio_metadata.filename == path.name, "upload by path keeps the file name")
    check(by_path.audio_metadata.size == len(data), "upload by path counts every byte")
    check(by_path.audio_metadata.number_of_channels == 1, "upload reads the channels")
    check(by_path.audio_metadata.audio_duration > 0, "upload reads the duration")
    by_name = await client.upload_file(str(path))
    check(by_name.audio_metadata.size == len(data), "upload by str path")
    with path.open("rb") as file:  # noqa: ASYNC230  (the sync client reads it as it sends)
        by_file = await client.upload_file(file)
    check(by_file.audio_metadata.filename == path.name, "upload of a file object keeps its name")
    by_bytes = await client.upload_file(io.BytesIO(data))
    check(by_bytes.audio_metadata.size == len(data), "upload of bytes")

    # Create, get, poll: with add-ons the emulator cannot run, which must still parse without a warning.
    metadata = {"run": run}
    job = await client.create(
        {
            "audio_url": by_path.audio_url,
            "custom_metadata": metadata,
            "model": "solaria-fusion",
            "diarization": True,
            "sentiment_analysis": True,
            "summarization": True,
            "translation": True,
            "translation_config": {"target_languages": ["fr"]},
            "named_entity_recognition": True,
            "audio_to_llm": True,
            "audio_to_llm_config": {"prompts": [["Summarize the call"]]},  # the SDK's type: lists
            "pii_redaction": True,
            "custom_spelling": True,
            "custom_spelling_config": {"spelling_dictionary": {"SDK": ["sdk"]}},
            "sentences": True,
            "subtitles": True,
            "subtitles_config": {"formats": ["srt", "vtt"]},
        }
    )
    check(job.result_url.endswith(job.id), "create answers the result URL")
    first = await client.get(job.id)
    check(first.status in ("queued", "processing", "done"), "get answers a live status")
    done = await client.poll(job.id, **POLL)
    check(done.status == "done" and done.kind == "pre-recorded", "poll ends done")
    check(done.custom_metadata == metadata, "custom metadata is kept")
    transcription = done.result.transcription
    check(transcription.full_transcript == text, "the registered transcript comes back")
    check(all(isinstance(u.speaker, int) for u in transcription.utterances), "every utterance has a speaker")
    check({s.format for s in transcription.subtitles} == {"srt", "vtt"}, "subtitles in both formats")
    check(done.request_params.model == "solaria-fusion", "Gladia's newest model is accepted")
    result = done.result
    for name in (
        "sentiment_analysis",
        "summarization",
        "translation",
        "named_entity_recognition",
        "audio_to_llm",
    ):
        block = getattr(result, name)
        check(block.success is True and block.error is None, f"{name} answers data")
    # As Gladia's sentiment sample reads it: a list literal, each item with speaker, sentiment and emotion.
    sentiments = ast.literal_eval(result.sentiment_analysis.results)
    check(
        all({"speaker", "sentiment", "emotion", "text", "start", "end"} <= set(s) for s in sentiments),
        "sentiments",
    )
    check(isinstance(result.summarization.results, str) and result.summarization.results, "a summary")
    # As Gladia's translation sample reads it.
    check(result.translation.results[0].full_transcript.startswith("[fr] "), "a (fixture) translation")
    check(isinstance(result.audio_to_llm.results[0].results.response, str), "an audio-to-LLM answer")
    check(transcription.sentences[0].results, "sentences")
    check(done.request_params.diarization is True, "request_params echo the options")

    created = await client.create_and_poll(
        {"audio_url": by_file.audio_url, "custom_metadata": metadata}, **POLL
    )
    check(created.result.transcription.full_transcript == text, "create_and_poll")
    by_local = await client.transcribe(path, {"language_config": {"languages": ["en"]}}, **POLL)
    check(by_local.result.transcription.full_transcript == text, "transcribe a local path")
    check(by_local.request_params.language_config.languages == ["en"], "transcribe passes its options")
    by_url = await client.transcribe(config["remote_url"], {"custom_metadata": metadata}, **POLL)
    check(by_url.result.transcription.full_transcript == config["remote_text"], "transcribe a URL")
    check(by_url.request_params.audio_url == config["remote_url"], "a URL job keeps its audio_url")

    # List: the metadata filter, pagination by the answer's links, status and dates.
    mine = {job.id, created.id, by_url.id}
    page = await client.list({"limit": 2, "custom_metadata": metadata})
    check(len(page.items) == 2 and page.next, "the first page is full and links to the next")
    seen = [item.id for item in page.items]
    while page.next:
        page = await client.list({"url": page.next})
        seen += [item.id for item in page.items]
    check(sorted(seen) == sorted(mine), "pages hold exactly the jobs with this metadata")
    newest = await client.list({"custom_metadata": metadata, "status": ["done"]})
    check([item.id for item in newest.items] == [by_url.id, created.id, job.id], "newest first, done")
    queued = await client.list({"custom_metadata": metadata, "status": ["queued", "processing"]})
    check(queued.items == [], "a status filter")
    today = datetime.datetime.now(datetime.timezone.utc)
    later = (today + datetime.timedelta(hours=1)).isoformat()
    dated = await client.list({"custom_metadata": metadata, "date": today.date().isoformat()})
    check(len(dated.items) == 3, "a date filter")
    check(
        len((await client.list({"custom_metadata": metadata, "before_date": later})).items) == 3,
        "before_date",
    )
    check((await client.list({"custom_metadata": metadata, "after_date": later})).items == [], "after_date")
    other = await client.list({"custom_metadata": {"run": run + "-other"}})
    check(other.items == [], "another metadata value matches nothing")

    # The audio of a job, then its deletion.
    check(await client.get_file(job.id) == data, "get_file returns the uploaded bytes")
    check(await client.delete(job.id) is True, "delete answers 202")
    gone = await raises_http_error(client.get(job.id))
    check(gone.status == 404, "a deleted job is gone")
    check(bool(gone.id), "errors carry the x-aipi-call-id as their id")

    # A job that fails, and a body the API refuses.
    failing = await client.upload_file(Path(config["failing"]))
    doomed = await client.create({"audio_url": failing.audio_url})
    try:
        await client.poll(doomed.id, **POLL)
    except HttpError:
        raise
    except Exception as error:  # noqa: BLE001  (the SDK raises a bare Exception for a job in error)
        check(str(config["failing_code"]) in str(error), "poll raises with the job's error code")
    else:
        raise AssertionError("poll of a failing job returned")
    failed = await client.get(doomed.id)
    check(failed.status == "error" and failed.error_code == config["failing_code"], "an error job")
    check(failed.post_session_metadata["error"]["code"] == config["failing_code"], "it says why")
    refused = await raises_http_error(client.create({"audio_url": "not a url", "diarization": "yes"}))
    check(refused.status == 400, "an invalid body is a 400")
    check(len(refused.validation_errors) == 2, "with one validation error per field")


async def main(config: dict[str, Any]) -> dict[str, Any]:
    gladia = GladiaClient(api_key=config["key"], api_url=config["url"])
    passed = {}
    sync_client, async_client = gladia.pre_recorded_v2(), gladia.pre_recorded_v2_async()
    try:
        sync_checks = Checks("sync")
        await scenario(Synced(sync_client), config, sync_checks)
        passed["sync"] = sync_checks.passed
        async_checks = Checks("async")
        await scenario(async_client, config, async_checks)
        passed["async"] = async_checks.passed
    finally:
        # The pre-recorded clients of 2.2.1 have no close(); without this their pooled sockets are
        # reported as unclosed (a ResourceWarning) at exit, which says nothing about the server.
        sync_client._http_client.close()
        await async_client._http_client.close()
    return {"sdk": importlib.metadata.version("gladiaio-sdk"), "checks": passed}


if __name__ == "__main__":
    settings = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    print(json.dumps(asyncio.run(main(settings))))
