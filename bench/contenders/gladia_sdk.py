"""The `gladia` contender: each benchmarked operation done with this SDK as its README shows, defaults kept.

    python gladia_sdk.py upload FILE --warmup SMALL     row 1: upload_file() of a large file
    python gladia_sdk.py batch DIR --concurrency 64     row 3: async transcribe() of every file in DIR
    python gladia_sdk.py parse JOB_JSON --rounds N      row 4: PreRecordedResponse.from_dict(json.loads(raw))
    python gladia_sdk.py poll FILE... --rounds N        row 5: transcribe() with the default poll schedule
    python gladia_sdk.py download JOB --warmup JOB DEST row 6: download() of a job's audio to a file
    python gladia_sdk.py live --seconds S --speed X     row 7: a live session: send_audio(), `for message`

The emulator's URL and key come from the environment (BENCH_API_URL, BENCH_API_KEY). Prints one JSON line.
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import _probe


def upload(args: argparse.Namespace) -> None:
    from gladia import GladiaClient  # noqa: PLC0415

    url, key = _probe.api()
    # The 1 GiB file is above Gladia's 1000 MiB per-file limit, which the client checks before sending;
    # max_upload_bytes=None lifts that local check (the emulator's own limit is raised by the runner).
    _probe.upload(
        args, GladiaClient(api_key=key, api_url=url, max_upload_bytes=None).prerecorded().upload_file
    )


def download(args: argparse.Namespace) -> None:
    from gladia import GladiaClient  # noqa: PLC0415

    url, key = _probe.api()
    client = GladiaClient(api_key=key, api_url=url).prerecorded()
    _probe.download(args, lambda job: client.download(job, args.dest))


def batch(args: argparse.Namespace) -> None:
    from gladia import AsyncGladiaClient  # noqa: PLC0415

    url, key = _probe.api()

    @contextlib.asynccontextmanager
    async def session() -> AsyncIterator[Callable[[Path], Awaitable[str]]]:
        async with AsyncGladiaClient(api_key=key, api_url=url) as gladia_client:
            client = gladia_client.prerecorded()

            async def transcribe(path: Path) -> str:
                job = await client.transcribe(path)
                return str(job.result.transcription.full_transcript)

            yield transcribe

    _probe.batch(args, session)


def poll(args: argparse.Namespace) -> None:
    from gladia import GladiaClient  # noqa: PLC0415

    url, key = _probe.api()
    _probe.poll(args, GladiaClient(api_key=key, api_url=url).prerecorded().transcribe)


def parse(args: argparse.Namespace) -> None:
    from gladia_api.models import PreRecordedResponse  # noqa: PLC0415

    _probe.parse_typed(args, PreRecordedResponse.from_dict)


def live(args: argparse.Namespace) -> None:
    import threading  # noqa: PLC0415

    from gladia import GladiaClient  # noqa: PLC0415
    from gladia_api.models import TranscriptMessage  # noqa: PLC0415

    url, key = _probe.api()

    def start(on_final: Callable[[float], None]) -> tuple[Callable[[bytes], None], Callable[[], None]]:
        session = GladiaClient(api_key=key, api_url=url).live().start_session()

        def read() -> None:
            for message in session:
                if isinstance(message, TranscriptMessage) and message.data.is_final:
                    on_final(message.data.utterance.end)

        reader = threading.Thread(target=read)
        reader.start()

        def finish() -> None:
            session.stop_recording()
            reader.join()
            session.close()

        return session.send_audio, finish

    _probe.live(args, start)


if __name__ == "__main__":
    _probe.run(
        __doc__,
        {"upload": upload, "download": download, "batch": batch, "poll": poll, "parse": parse, "live": live},
    )
