"""The official SDK (`gladiaio-sdk` on PyPI) contender: each operation as its docs show, defaults kept.

Runs in its own virtual environment, with the same subcommands and output as gladia_sdk.py:

    python official_sdk.py upload FILE --warmup SMALL     upload_file()
    python official_sdk.py batch DIR --concurrency 64     pre_recorded_v2_async().transcribe() of every file
    python official_sdk.py parse JOB_JSON --rounds N      PreRecordedV2Response.from_dict(json.loads(raw)),
                                                          exactly what its get() does with a job's body
    python official_sdk.py poll FILE... --rounds N        transcribe() with its default poll interval (3 s)
    python official_sdk.py download JOB DEST --warmup JOB get_file() (it returns the audio as bytes)
    python official_sdk.py live --seconds S --speed X     live_v2().start_session(): send_audio(), events

Pointed at the emulator with its `api_url` option; the key and URL come from the environment.
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import _probe


def _client() -> Any:
    from gladiaio_sdk import GladiaClient  # noqa: PLC0415

    url, key = _probe.api()
    return GladiaClient(api_key=key, api_url=url)


def upload(args: argparse.Namespace) -> None:
    _probe.upload(args, _client().pre_recorded_v2().upload_file)


def download(args: argparse.Namespace) -> None:
    # get_file() has no destination: it returns the whole file as bytes, which is what this measures.
    # `dest` is accepted for the same command line as the other contenders, and left alone.
    client = _client().pre_recorded_v2()
    _probe.download(args, lambda job: len(client.get_file(job)))


def batch(args: argparse.Namespace) -> None:
    @contextlib.asynccontextmanager
    async def session() -> AsyncIterator[Callable[[Path], Awaitable[str]]]:
        client = _client().pre_recorded_v2_async()

        async def transcribe(path: Path) -> str:
            job = await client.transcribe(path)
            return str(job.result.transcription.full_transcript)

        yield transcribe

    _probe.batch(args, session)


def poll(args: argparse.Namespace) -> None:
    _probe.poll(args, _client().pre_recorded_v2().transcribe)


def parse(args: argparse.Namespace) -> None:
    from gladiaio_sdk.v2.prerecorded.generated_types import PreRecordedV2Response  # noqa: PLC0415

    _probe.parse_typed(args, PreRecordedV2Response.from_dict)


def live(args: argparse.Namespace) -> None:
    import threading  # noqa: PLC0415

    def start(on_final: Callable[[float], None]) -> tuple[Callable[[bytes], None], Callable[[], None]]:
        session = _client().live_v2().start_session({})
        ended = threading.Event()

        def on_message(message: Any) -> None:
            if message.type == "transcript" and message.data.is_final:
                on_final(message.data.utterance.end)

        session.on("message", on_message)
        session.on("ended", lambda _: ended.set())
        session.wait_until_ready(30)

        def finish() -> None:
            session.stop_recording()
            ended.wait(600)

        return session.send_audio, finish

    _probe.live(args, start)


if __name__ == "__main__":
    _probe.run(
        __doc__,
        {"upload": upload, "download": download, "batch": batch, "poll": poll, "parse": parse, "live": live},
    )
