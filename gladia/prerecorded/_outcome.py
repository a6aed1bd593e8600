"""What became of a finished job, beyond its transcript: the add-ons that failed, and why a job ended in error.

    job = client.transcribe("meeting.wav", {"diarization": True, "summarization": True})
    for addon in gladia.failed_addons(job):
        print(f"{addon.name} failed: {addon.reason}")

A job can be `done` with some of its add-ons failed: Gladia then gives each failed add-on's block
`success: false`, `results: null` and an `error` (`AddonErrorDTO`: `status_code`, `exception`, `message`).
A job that ended in `error` has an `error_code`; its reason, where the server gives one, is in
`post_session_metadata["error"]` (`{"code": int, "message": str}`), or, from older emulators, in
`post_session_metadata["emulator"]["error_message"]`.

Both take the typed job (`PreRecordedResponse`, as the clients return it) or its plain JSON dict.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

__all__ = ["FailedAddon", "failed_addons", "job_error_reason"]


@attrs.frozen
class FailedAddon:
    """One add-on of a job that did not succeed."""

    name: str
    """Its key in the job's `result`: "diarization", "translation", "summarization", ..."""
    reason: str
    """The server's message, or a line saying it gave none."""
    status_code: int | None = None
    exception: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "reason": self.reason,
            "status_code": self.status_code,
            "exception": self.exception,
        }


def failed_addons(job: object) -> tuple[FailedAddon, ...]:
    """The add-ons of `job` that failed, in the order the job lists them (none for a job without a result)."""
    result = _as_dict(job).get("result")
    if not isinstance(result, Mapping):
        return ()
    found = []
    for name, block in result.items():
        if not _is_addon(block) or block.get("success") is not False:
            continue
        error = block.get("error")
        error = error if isinstance(error, Mapping) else {}
        message = error.get("message")
        status = error.get("status_code")
        exception = error.get("exception")
        found.append(
            FailedAddon(
                name=str(name),
                reason=message.strip()
                if isinstance(message, str) and message.strip()
                else "the server gave no reason",
                status_code=status if isinstance(status, int) and not isinstance(status, bool) else None,
                exception=exception if isinstance(exception, str) and exception else None,
            )
        )
    return tuple(found)


def job_error_reason(job: object) -> str | None:
    """Why `job` ended in error, when the server said; None when it gave none."""
    metadata = _as_dict(job).get("post_session_metadata")
    if not isinstance(metadata, Mapping):
        return None
    error = metadata.get("error")
    if isinstance(error, Mapping) and isinstance(error.get("message"), str) and error["message"].strip():
        return str(error["message"]).strip()
    emulator = metadata.get("emulator")
    if isinstance(emulator, Mapping):
        message = emulator.get("error_message")
        if isinstance(message, str) and message.strip():
            return message.strip()
    return None


def _is_addon(block: object) -> bool:
    # Add-on blocks are the result's entries shaped like AddonErrorDTO's parent: `success` and `error`
    # (`metadata` and `transcription` have neither).
    return isinstance(block, Mapping) and "success" in block and "error" in block


def _as_dict(job: object) -> Mapping[str, Any]:
    if isinstance(job, Mapping):
        return job
    to_dict = getattr(job, "to_dict", None)
    if callable(to_dict):
        value = to_dict()
        if isinstance(value, Mapping):
            return value
    raise TypeError(f"expected a job (PreRecordedResponse or its dict), got {type(job).__name__}")
