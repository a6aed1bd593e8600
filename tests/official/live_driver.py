"""Run by the interpreter of a virtual environment holding Gladia's official SDK (gladiaio-sdk), never by ours.

    python live_driver.py CONFIG.json

CONFIG holds `url`, `key`, `audio` (a file of raw PCM in the session's format) and `options` (the session's
options). The audio is streamed with each of the official SDK's live clients in turn, the sync one
(`live_v2()`) and the async one (`live_v2_async()`), in frames of 100 ms; each stops the recording once its
socket is open, and waits for the session to end. (Not before: gladiaio-sdk 2.2.1 loses a stop_recording given
while its socket opens, since its `connecting` state overwrites `ending`; the async client, whose session is
created in the background, then never stops.) One JSON object is printed: for each client, whether the session ended, its id, the
final transcripts, the type of every message, the errors the SDK reported, for each add-on message whether
it carried data and no error, and the fields of the messages the SDK's own types do not know.
"""

import asyncio
import dataclasses
import json
import sys
import threading

from gladiaio_sdk import GladiaClient

FRAME_SECONDS = 0.1
END_WAIT = 30
ADDON_TYPES = ("translation", "named_entity_recognition", "sentiment_analysis", "post_summarization")


class Report:
    """What one session showed, from the SDK's events."""

    def __init__(self) -> None:
        self.finals, self.types, self.errors, self.addons, self.unknown = [], [], [], [], set()
        self.samples = {}

    def on_message(self, message) -> None:
        kind = message.type
        self.types.append(kind)
        _unknown_fields(message, kind, self.unknown)
        data = getattr(message, "data", None)
        if kind == "transcript" and data.is_final:
            self.finals.append(data.utterance.text)
        if kind in ADDON_TYPES:
            self.addons.append([kind, data is not None and message.error is None])
            if data is not None and kind not in self.samples:
                self.samples[kind] = data.to_dict()

    def on_error(self, error) -> None:
        self.errors.append(repr(error))

    def result(self, ended: bool, session_id) -> dict:
        return {
            "ended": ended,
            "session_id": session_id,
            "finals": self.finals,
            "types": self.types,
            "errors": self.errors,
            "addons": self.addons,
            "unknown_fields": sorted(self.unknown),
            "samples": self.samples,
        }


def _unknown_fields(value, path: str, found: set) -> None:
    """Collect the paths of the keys the SDK's dataclasses kept as unknown (`_unknown_fields`)."""
    if dataclasses.is_dataclass(value):
        for key in getattr(value, "_unknown_fields", None) or {}:
            found.add(f"{path}.{key}")
        for field in dataclasses.fields(value):
            if field.name != "_unknown_fields":
                _unknown_fields(getattr(value, field.name), f"{path}.{field.name}", found)
    elif isinstance(value, list):
        for item in value:
            _unknown_fields(item, f"{path}[]", found)


def _frames(config: dict):
    with open(config["audio"], "rb") as file:
        audio = file.read()
    options = config["options"]
    size = int(options["sample_rate"] * FRAME_SECONDS) * options["channels"] * options["bit_depth"] // 8
    return [audio[start : start + size] for start in range(0, len(audio), size)]


def stream_sync(config: dict) -> dict:
    live = GladiaClient(api_key=config["key"], api_url=config["url"]).live_v2()
    session = live.start_session(config["options"])
    report, connected, ended = Report(), threading.Event(), threading.Event()
    session.on("message", report.on_message)
    session.on("error", report.on_error)
    session.on("connected", lambda _: connected.set())
    session.on("ended", lambda _: ended.set())
    for frame in _frames(config):
        session.send_audio(frame)
    if session.status == "connected" or connected.wait(END_WAIT):
        session.stop_recording()
    result = report.result(ended.wait(END_WAIT), session.session_id)
    # The live clients of 2.2.1 have no close(); without this their pooled HTTP sockets are reported as
    # unclosed (a ResourceWarning) at exit, which says nothing about the server.
    live._http_client.close()
    return result


async def stream_async(config: dict) -> dict:
    live = GladiaClient(api_key=config["key"], api_url=config["url"]).live_v2_async()
    session = live.start_session(config["options"])
    report, connected, ended = Report(), asyncio.Event(), asyncio.Event()
    session.on("message", report.on_message)
    session.on("error", report.on_error)
    session.on("connected", lambda _: connected.set())
    session.on("ended", lambda _: ended.set())
    for frame in _frames(config):
        session.send_audio(frame)
        await asyncio.sleep(0)  # as an application streaming audio would: the loop runs meanwhile
    try:
        if session.status != "connected":
            await asyncio.wait_for(connected.wait(), END_WAIT)
        session.stop_recording()
        await asyncio.wait_for(ended.wait(), END_WAIT)
    except asyncio.TimeoutError:
        return report.result(False, session.session_id)
    finally:
        await live._http_client.close()  # as in stream_sync
        # As an application's loop would keep running: the SDK's own tasks finish closing the socket.
        others = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
        if others:
            await asyncio.wait(others, timeout=5)
    return report.result(True, session.session_id)


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as file:
        config = json.load(file)
    result = {"sync": stream_sync(config), "async": asyncio.run(stream_async(config))}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
