"""Which Gladia a command talks to, and with which key: `--api-key`/`--api-url`, the environment, or offline.

`gladia transcribe` runs offline (an in-process emulator with a local engine) with `--local`, or when no
key and no URL are given at all, and says so; `gladia jobs` needs a key, since the jobs of an offline run
end with it. The key is registered with the error boundary so that no error line can ever show it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import attrs
import click

from gladia._core import constants as C
from gladia.cli._errors import add_secret, usage_error

F = TypeVar("F", bound=Callable[..., Any])


def api_options(command: F) -> F:
    """The `--api-key` and `--api-url` options."""
    command = click.option(
        "--api-url",
        metavar="URL",
        help=f"Gladia's API (or an emulator's URL). Default: ${C.API_URL_ENV}, else {C.DEFAULT_API_URL}.",
    )(command)
    return click.option(
        "--api-key",
        metavar="KEY",
        help=f"Your Gladia API key. Default: ${C.API_KEY_ENV} (prefer it: a flag shows in `ps`).",
    )(command)


@attrs.frozen(repr=False)
class Api:
    """Where to send requests: Gladia (or an emulator) with a key, or `local` (offline)."""

    local: bool
    api_key: str | None = None
    api_url: str | None = None
    fallback: bool = False
    """Offline only because no key was given: say so before starting."""

    def __repr__(self) -> str:
        return f"Api(local={self.local}, api_url={self.api_url!r}, api_key=<hidden>)"


def _given(value: str | None) -> str | None:
    return value.strip() if value and value.strip() else None


def for_transcribe(
    ctx: click.Context,
    *,
    api_key: str | None,
    api_url: str | None,
    local: bool,
    environ: Mapping[str, str] | None = None,
) -> Api:
    """Where `gladia transcribe` sends its work.

    Raises:
        CliError: (exit 2) `--local` with a key or URL, or a URL without a key.
    """
    env = os.environ if environ is None else environ
    add_secret(ctx, _given(env.get(C.API_KEY_ENV)))
    if local:
        if _given(api_key) or _given(api_url):
            raise usage_error("--local transcribes offline: leave out --api-key and --api-url")
        return Api(local=True)
    key = _given(api_key) or _given(env.get(C.API_KEY_ENV))
    url = _given(api_url) or _given(env.get(C.API_URL_ENV))
    add_secret(ctx, key)
    if key is not None:
        return Api(local=False, api_key=key, api_url=url)
    if url is not None:
        raise usage_error(f"no API key for {url}: pass --api-key or set {C.API_KEY_ENV}")
    return Api(local=True, fallback=True)


def fallback_notice(model_name: str) -> str:
    """Why `gladia transcribe` runs offline when it was not asked to."""
    return (
        f"No {C.API_KEY_ENV} set: transcribing offline with the local engine (Whisper {model_name}). "
        f"Set {C.API_KEY_ENV} to use Gladia."
    )


def for_jobs(
    ctx: click.Context,
    *,
    api_key: str | None,
    api_url: str | None,
    environ: Mapping[str, str] | None = None,
) -> Api:
    """Where `gladia jobs` looks: Gladia (or an emulator) with a key; never offline.

    Raises:
        CliError: (exit 2) no key.
    """
    env = os.environ if environ is None else environ
    key = _given(api_key) or _given(env.get(C.API_KEY_ENV))
    add_secret(ctx, key)
    if key is None:
        raise usage_error(
            f"gladia jobs needs an API key: pass --api-key or set {C.API_KEY_ENV} (the jobs of an offline "
            "`gladia transcribe` end with it, so there is nothing to list offline)"
        )
    return Api(local=False, api_key=key, api_url=_given(api_url) or _given(env.get(C.API_URL_ENV)))
