"""Transcribe every audio file in a folder, a few at a time, with the async client.

    GLADIA_API_KEY=... python examples/transcribe_folder.py recordings/ transcripts/ --concurrency 4

Each file's transcript is written to `transcripts/<name>.txt`. At most `--concurrency` files are in flight at
once (upload, job, wait), and a file that fails is reported without stopping the others. The client reads
`GLADIA_API_KEY` (and `GLADIA_API_URL`, e.g. a local emulator's) from the environment.

For large batches that must survive an interruption, `gladia transcribe recordings/ -o transcripts/ -c 4`
does the same and also resumes where it stopped, without uploading or creating anything twice.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

from gladia import AsyncGladiaClient, AsyncPreRecordedClient
from gladia.errors import GladiaError

AUDIO_SUFFIXES = {".wav", ".mp3", ".m4a", ".flac", ".ogg", ".opus", ".webm", ".mp4"}


async def transcribe_one(
    client: AsyncPreRecordedClient, audio: Path, out: Path, slots: asyncio.Semaphore
) -> str | None:
    """Transcribe `audio` into `out`; None when it worked, else why not."""
    async with slots:  # waits here while `concurrency` files are in flight
        try:
            job = await client.transcribe(audio, {"language_config": {"languages": ["en"]}})
        except GladiaError as error:
            return f"{audio.name}: {str(error).splitlines()[0]}"
    text = job.result.transcription.full_transcript
    await asyncio.to_thread((out / f"{audio.stem}.txt").write_text, text + "\n", encoding="utf-8")
    print(f"{audio.name}: done ({len(text.split())} words)")
    return None


async def main(folder: Path, out: Path, concurrency: int) -> int:
    files = sorted(path for path in folder.iterdir() if path.suffix.lower() in AUDIO_SUFFIXES)
    out.mkdir(parents=True, exist_ok=True)
    slots = asyncio.Semaphore(concurrency)
    async with AsyncGladiaClient() as gladia:  # one connection pool for the whole batch
        client = gladia.prerecorded()
        results = await asyncio.gather(*(transcribe_one(client, path, out, slots) for path in files))
    failures = [failure for failure in results if failure is not None]
    for failure in failures:
        print(failure, file=sys.stderr)
    print(f"{len(files) - len(failures)} of {len(files)} files transcribed into {out}")
    return 1 if failures else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Transcribe every audio file in a folder.")
    parser.add_argument("folder", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--concurrency", type=int, default=4)
    args = parser.parse_args()
    sys.exit(asyncio.run(main(args.folder, args.out, args.concurrency)))
