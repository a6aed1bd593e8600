"""The emulator's live sessions and what a test reads and changes about them (`emu.live`).

Sessions are changed only in the server's event loop; a test reads them from its own thread through the
snapshots here, taken under a lock. The byte counters let a test prove that a resumed stream lost nothing
and repeated nothing: the audio a session kept is exactly the audio the client meant to send.
"""

from __future__ import annotations

import datetime
import secrets
import struct
import threading
import uuid
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from gladia.testing import _addons
from gladia.testing._config import EmulatorConfig
from gladia.testing._errors import utc_timestamp
from gladia.testing._live_engine import Event, LiveEngine, Transcriber, script
from gladia.testing._live_windows import WindowedEngine
from gladia.testing._rules import bytes_per_second
from gladia.testing.engines import STREAM_MATCH_SECONDS, Engine, Registration, Transcripts, Utterance

#: The largest WebSocket message the emulator accepts, as Gladia: a larger one is closed with 1009.
MAX_MESSAGE_BYTES = 1024 * 1024

_DROP_REASON = "connection dropped by the emulator (fault injected by the test)"
# WAV format tags by live encoding, for the stored audio file.
_WAV_FORMATS = {"wav/pcm": 1, "wav/alaw": 6, "wav/ulaw": 7}


@attrs.frozen(kw_only=True)
class Drop:
    """A fault: a connection is closed with `code` once it has received `after_bytes` of audio.

    The frame that would pass the mark is neither kept nor acknowledged, as when a connection dies with a
    frame in flight; the client must send it again on a new connection.
    """

    after_bytes: int
    code: int = 1011
    reason: str = _DROP_REASON


@attrs.define(kw_only=True)
class LiveCounters:
    """Audio bytes as the server saw them, over every session and connection."""

    connections: int = 0
    bytes_received: int = 0
    """Every byte of audio that arrived, kept or not."""
    bytes_discarded: int = 0
    """Audio that arrived but was never kept nor acknowledged, so a client resends it on its next connection:
    read by a connection before a fault closed it, or before it was lost or replaced by a newer one (while
    the engine was busy); also audio sent after `stop_recording`."""
    messages_sent: int = 0


@attrs.define(kw_only=True, eq=False)
class LiveJob:
    """One live session, as the emulator stores it."""

    id: str
    token: str
    created_at: datetime.datetime
    params: dict[str, Any]
    custom_metadata: dict[str, Any] | None
    utterances: tuple[Utterance, ...]
    status: str = "queued"
    completed_at: datetime.datetime | None = None
    audio: bytearray = attrs.field(factory=bytearray)
    messages: list[str] = attrs.field(factory=list)
    session_started: bool = False
    recording_started: bool = False
    ended: bool = False
    connections: int = 0
    """How many connections the session has had; the newest is the only one whose audio is kept."""
    socket: Any = attrs.field(default=None, repr=False)
    """The newest connection's WebSocket, where the session's messages go (the server's loop only)."""
    engine: Transcriber = attrs.field(init=False)
    problem_sent: bool = False
    header_bytes: int = 0
    """The WAV header the stream began with (Gladia accepts one): not audio, never transcribed or timed."""
    recognizer: Recognizer | None = None
    """Without a script (`say()`), what recognises registered recordings in the stream (then a speech engine,
    if any, hears what is not one)."""
    owner: str | None = None
    """The API key (account) that created the session; to any other key it does not exist."""
    addons_mode: str = _addons.FIXTURES
    """What its add-ons answer when nothing is registered (see `EmulatorConfig.addons`)."""
    speech_engine: Engine | None = None
    """A pre-recorded engine to transcribe the stream with, window by window, when it is not a registered
    recording; None: the registered transcripts (or the default one) only."""

    def __attrs_post_init__(self) -> None:
        if self.recognizer is None:
            self.engine = LiveEngine(self.utterances, endpointing=float(self.params["endpointing"]))
            return
        self.engine = self.recognizer
        self.recognizer.audio = self.pcm
        if self.speech_engine is not None:
            self.recognizer.listener = self._listener

    def _listener(self) -> Transcriber:
        """The speech engine, hearing the session's stream window by window."""
        assert self.speech_engine is not None
        return WindowedEngine(
            self.speech_engine,
            wav=self.wav,
            bytes_per_second=self.bytes_per_second,
            block=self._block,
            channels=int(self.params["channels"]),
            options={"language_config": self.params.get("language_config") or {}},
        )

    @property
    def _block(self) -> int:
        bits = 8 if self.params["encoding"] != "wav/pcm" else int(self.params["bit_depth"])
        return int(self.params["channels"]) * bits // 8

    @property
    def bytes_per_second(self) -> int:
        return bytes_per_second(self.params)

    @property
    def duration(self) -> float:
        """Seconds of audio kept so far (a WAV header the stream began with is not audio)."""
        return round(self.samples / self.bytes_per_second, 6)

    @property
    def samples(self) -> int:
        """Bytes of audio kept so far, without the WAV header."""
        return max(0, len(self.audio) - self.header_bytes)

    def seconds_at(self, offset: int) -> float:
        """The time in the audio at stream byte `offset` (bytes of the WAV header count for nothing)."""
        return round(max(0, offset - self.header_bytes) / self.bytes_per_second, 6)

    def pcm(self, start: int = 0, end: int | None = None) -> bytes:
        """The audio kept (or its bytes from `start` to `end`, counted without the header)."""
        stop = None if end is None else self.header_bytes + end
        return bytes(self.audio[self.header_bytes + start : stop])

    @property
    def finished(self) -> bool:
        return self.status in ("done", "error")

    def wav(self, start: int = 0, end: int | None = None) -> bytes:
        """The audio kept (or its bytes from `start` to `end`, counted without any header sent), as a WAV file."""
        params = self.params
        encoding = params["encoding"]
        bits = 8 if encoding != "wav/pcm" else int(params["bit_depth"])
        channels, rate = int(params["channels"]), int(params["sample_rate"])
        block = self._block
        data = self.pcm(start, end)
        header = b"RIFF" + struct.pack("<I", 36 + len(data)) + b"WAVE"
        header += b"fmt " + struct.pack(
            "<IHHIIHH", 16, _WAV_FORMATS[encoding], channels, rate, rate * block, block, bits
        )
        return header + b"data" + struct.pack("<I", len(data)) + data

    @property
    def registered_addons(self) -> Mapping[str, Any]:
        """Add-on results registered for the recording this session was recognised as."""
        registration = self.recognizer.registration if self.recognizer is not None else None
        return registration.addons if registration is not None else {}

    @property
    def problem(self) -> str | None:
        """Why the session's audio cannot be transcribed, once known."""
        return self.recognizer.problem if self.recognizer is not None else None

    def addon_blocks(self) -> dict[str, Any]:
        """The blocks of the add-ons the session asked for, from its final utterances."""
        finals = [u.to_dict() for u in self.engine.finals]
        return _addons.live_blocks(
            self.params, finals, registered=self.registered_addons, mode=self.addons_mode
        )

    def transcription(self) -> dict[str, Any]:
        """The whole transcript so far, as a TranscriptionDTO."""
        finals = self.engine.finals
        return {
            "full_transcript": " ".join(u.text for u in finals),
            "languages": sorted({u.language for u in finals}),
            "utterances": [u.to_dict() for u in finals],
        }

    def metadata(self) -> dict[str, Any]:
        """The result's TranscriptionMetadataDTO."""
        channels = int(self.params["channels"])
        return {
            "audio_duration": self.duration,
            "number_of_distinct_channels": channels,
            "billing_time": round(self.duration * channels, 6),
            "transcription_time": self.duration,
        }

    def to_json(self) -> dict[str, Any]:
        """The session as `GET /v2/live/{id}` returns it."""
        done = self.status == "done"
        metadata = self.metadata()
        return {
            "id": self.id,
            "request_id": f"G-{self.id[:8]}",
            "version": 2,
            "status": self.status,
            "created_at": utc_timestamp(self.created_at),
            "completed_at": utc_timestamp(self.completed_at) if self.completed_at else None,
            "custom_metadata": self.custom_metadata or {},
            "error_code": None,
            "post_session_metadata": {"error": {"code": 422, "message": self.problem}}
            if self.problem
            else {},
            "kind": "live",
            "file": {
                "id": self.id,
                "filename": f"{self.id}.wav",
                "source": None,
                "audio_duration": self.duration,
                "number_of_channels": int(self.params["channels"]),
            }
            if self.ended
            else None,
            "request_params": dict(self.params),
            "result": {
                "metadata": metadata,
                "transcription": self.transcription(),
                **self.addon_blocks(),
                "messages": list(self.messages),
            }
            if done
            else None,
        }


class LiveState:
    """Every live session of one emulator, the faults to inject into them, and the byte counters."""

    def __init__(self, transcripts: Transcripts, settings: Callable[[], EmulatorConfig]) -> None:
        self._transcripts = transcripts
        self._settings = settings
        self.lock = threading.Lock()
        self._jobs: dict[str, LiveJob] = {}
        self._drops: list[Drop] = []
        self.counters = LiveCounters()
        self._text: tuple[str, str, float | None] | None = None

    # ------------------------------------------------------------------------------------ what a test does

    def say(self, text: str, *, language: str = "en", duration: float | None = None) -> None:
        """What every new session will transcribe: `text`, laid out over `duration` seconds of audio (by
        default, about as long as saying it takes). Without it, sessions use the default transcript."""
        with self.lock:
            self._text = (text, language, duration)

    def drop_after(
        self, after_bytes: int, *, code: int = 1011, times: int = 1, reason: str | None = None
    ) -> None:
        """Close each of the next `times` connections with `code` once it has received `after_bytes`."""
        if after_bytes < 0 or times < 1:
            raise ValueError("after_bytes must be >= 0 and times >= 1")
        drop = Drop(after_bytes=after_bytes, code=code, reason=reason or _DROP_REASON)
        with self.lock:
            self._drops.extend([drop] * times)

    def session(self, session_id: str) -> dict[str, Any] | None:
        """The session as `GET /v2/live/{id}` would return it, or None."""
        with self.lock:
            job = self._jobs.get(session_id)
            return job.to_json() if job else None

    def sessions(self) -> list[dict[str, Any]]:
        """Every session, newest first, as `GET /v2/live` lists them."""
        return [job.to_json() for job in self.jobs()]

    def audio(self, session_id: str) -> bytes:
        """The audio a session kept, in order: what the client sent, once each, when nothing was lost."""
        with self.lock:
            return bytes(self._jobs[session_id].audio)

    def clear(self) -> None:
        """Forget every session, fault and count."""
        with self.lock:
            self._jobs.clear()
            self._drops.clear()
            self._text = None
            self.counters = LiveCounters()

    # ------------------------------------------------------------------------------------ the server's side

    def create(
        self, params: dict[str, Any], custom_metadata: dict[str, Any] | None, owner: str | None = None
    ) -> LiveJob:
        with self.lock:
            chosen = self._text
        text, language, duration = chosen if chosen is not None else ("", "en", None)
        speech_engine = self._settings().engine
        recognizer = None
        if chosen is None:
            # A speech engine hears audio nothing is registered for: the default transcript is not used.
            default = self._transcripts.default if speech_engine is None else None
            recognizer = Recognizer(
                self._transcripts,
                params,
                default=(default, self._transcripts.default_language) if default is not None else None,
            )
        job = LiveJob(
            id=str(uuid.uuid4()),
            token=secrets.token_urlsafe(24),
            created_at=datetime.datetime.now(datetime.timezone.utc),
            params=params,
            custom_metadata=custom_metadata,
            utterances=script(text, language, duration),
            owner=owner,
            addons_mode=self._settings().addons_mode,
            recognizer=recognizer,
            speech_engine=speech_engine,
        )
        with self.lock:
            self._jobs[job.id] = job
        return job

    def job(self, session_id: str) -> LiveJob | None:
        with self.lock:
            return self._jobs.get(session_id)

    def by_token(self, token: str) -> LiveJob | None:
        with self.lock:
            return next((j for j in self._jobs.values() if secrets.compare_digest(j.token, token)), None)

    def jobs(self) -> list[LiveJob]:
        """Every session, newest first."""
        with self.lock:
            return sorted(self._jobs.values(), key=lambda j: j.created_at, reverse=True)

    def remove(self, session_id: str) -> None:
        with self.lock:
            self._jobs.pop(session_id, None)

    def next_drop(self) -> Drop | None:
        """The fault the connection opening now will meet, if any."""
        with self.lock:
            self.counters.connections += 1
            return self._drops.pop(0) if self._drops else None


class Recognizer:
    """The live engine of a session with no script: it recognises a registered recording first.

    Once the first second of samples has arrived (or the recording ended sooner), they are looked up among
    the registered PCM WAV recordings (`Transcripts.for_stream`): a match reveals that recording's transcript
    (laid out over its real duration, or a saved job's own utterances) paced by the audio, as `say()` does;
    whatever the chunking, header or reconnections, since the session's audio is kept whole. Otherwise, with
    a speech engine (`listener`), the engine hears the stream, as a pre-recorded job of unregistered audio
    is heard; without one, the default transcript is said, if one is set; silence says nothing; other audio
    gets `problem`, which the session sends as an error message, saying how to register a transcript.
    """

    def __init__(
        self, transcripts: Transcripts, params: Mapping[str, Any], *, default: tuple[str, str] | None
    ) -> None:
        self._transcripts = transcripts
        self._params = params
        self._default = default
        self._inner: Transcriber | None = None
        self.audio: Callable[[], bytes] = bytes
        self.listener: Callable[[], Transcriber] | None = None
        """Makes the speech engine's live transcriber, for a stream that is not a registered recording."""
        self.registration: Registration | None = None
        self.problem: str | None = None

    @property
    def finals(self) -> list[Utterance]:
        return self._inner.finals if self._inner is not None else []

    async def advance(self, now: float) -> list[Event]:
        if self._inner is None and not self._decide(finishing=False):
            return []
        assert self._inner is not None
        return await self._inner.advance(now)

    async def finish(self, now: float) -> list[Event]:
        if self._inner is None:
            self._decide(finishing=True)
        assert self._inner is not None
        return await self._inner.finish(now)

    def _decide(self, *, finishing: bool) -> bool:
        params = self._params
        pcm = self.audio()
        rate, channels = int(params["sample_rate"]), int(params["channels"])
        width = int(params["bit_depth"]) // 8
        needed = int(rate * STREAM_MATCH_SECONDS) * channels * width
        if len(pcm) < needed and not finishing:
            return False
        sample = pcm[:needed]
        found = None
        if params.get("encoding") == "wav/pcm" and sample:
            found = self._transcripts.for_stream(sample, rate=rate, channels=channels, width=width)
        utterances: tuple[Utterance, ...] = ()
        registration, duration = found if found is not None else (None, 0.0)
        self.registration = registration
        if self.listener is not None and (registration is None or not registration.heard):
            self._inner = self.listener()  # its add-ons, if any were registered, are still served
            return True
        if registration is not None:
            utterances = registration.transcription(duration, diarization=False).utterances
        elif self._default is not None:
            utterances = script(self._default[0], self._default[1])
        elif any(sample):
            self.problem = (
                "No transcript is registered for the audio of this session: the emulator's deterministic "
                "engine does not listen to audio. Register the recording (emu.transcripts.add(Path('x.wav'), "
                "text), or a .txt/.json next to it in --transcripts DIR; it is recognised from its first second "
                "of PCM samples), script the session with emu.live.say(text), or set a default transcript."
            )
        self._inner = LiveEngine(utterances, endpointing=float(params["endpointing"]))
        return True
