"""The command line's error boundary: every failure becomes one `error: ...` line and an exit code.

Exit codes: 0 success, 1 a failure (Gladia, the network, a job, a file), 2 bad usage or input refused
before anything was sent (offline: input the local emulator or its engine refused), 3 every transcript done but some add-on failed (`gladia transcribe`), 130
interrupted by Ctrl+C (143 by SIGTERM). The traceback is shown only with
`--debug`. Every line printed here has the API key removed, in case a message ever carried it.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from typing import Any, TypeVar
from urllib.parse import urlsplit

import click

from gladia._core import constants as C
from gladia.cli._shown import shown
from gladia.errors import (
    APIError,
    AuthenticationError,
    GladiaError,
    InvalidOptionsError,
    PollTimeoutError,
    TranscriptionError,
    ValidationError,
)
from gladia.prerecorded._outcome import job_error_reason

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_ADDONS_FAILED = 3  # every transcript is done, but at least one add-on (diarization, ...) failed
EXIT_SIGNAL_BASE = 128  # killed by signal N: 128 + N, as shells report it
EXIT_INTERRUPTED = EXIT_SIGNAL_BASE + 2  # SIGINT (Ctrl+C)

_DEBUG = "gladia.debug"
_SECRETS = "gladia.secrets"
_OFFLINE = "gladia.offline"


class CliError(Exception):
    """A failure the command reports as `error: <message>` (plus `details`, one per line) with `exit_code`."""

    def __init__(self, message: str, *, exit_code: int = EXIT_FAILED, details: Iterable[str] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code
        self.details = tuple(details)


def usage_error(message: str, details: Iterable[str] = ()) -> CliError:
    return CliError(message, exit_code=EXIT_USAGE, details=details)


F = TypeVar("F", bound=Callable[..., Any])


def debug_option(command: F) -> F:
    """The `--debug` option (accepted on the group and on every command)."""
    return click.option(
        "--debug",
        is_flag=True,
        expose_value=False,
        is_eager=True,
        callback=lambda ctx, param, value: set_debug(ctx) if value else None,
        help="Show tracebacks, and log every request on stderr (as GLADIA_LOG=debug does).",
    )(command)


def set_debug(ctx: click.Context) -> None:
    """Show tracebacks and log the SDK's requests for the rest of this invocation."""
    root = ctx.find_root()
    if root.meta.get(_DEBUG):
        return
    root.meta[_DEBUG] = True
    logger = logging.getLogger(C.LOGGER_NAME)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s gladia %(levelname)s %(message)s"))
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)

    def restore() -> None:  # the command may run in-process (tests): leave the logger as it was
        logger.removeHandler(handler)
        logger.setLevel(level)

    root.call_on_close(restore)


def is_debug(ctx: click.Context) -> bool:
    return bool(ctx.find_root().meta.get(_DEBUG))


def add_secret(ctx: click.Context, secret: str | None) -> None:
    """Never print `secret` (the API key) in any error line or traceback of this invocation."""
    if secret:
        ctx.find_root().meta.setdefault(_SECRETS, set()).add(secret)


def set_offline(ctx: click.Context) -> None:
    """This invocation talks to an emulator that ends with it: suggest no command that would need it later."""
    ctx.find_root().meta[_OFFLINE] = True


def _is_offline() -> bool:
    ctx = click.get_current_context(silent=True)
    return ctx is not None and bool(ctx.find_root().meta.get(_OFFLINE))


# Offline answers that are about the request, not the input: the key, a rate, a timeout.
_NOT_ABOUT_THE_INPUT = frozenset({401, 403, 408, 429})


def refused_offline(error: BaseException | None) -> bool:
    """Whether the local emulator, or its engine, refused the input itself (a 4xx): exit 2, as bad input is.

    Offline nothing reaches Gladia, so an input the local engine cannot take (not audio, nothing to decode,
    a language its model does not know) is the user's to fix, like a file that does not exist.
    """
    if error is None or not _is_offline():
        return False
    if isinstance(error, APIError):
        return 400 <= error.status_code < 500 and error.status_code not in _NOT_ABOUT_THE_INPUT
    if isinstance(error, TranscriptionError):
        return isinstance(error.error_code, int) and 400 <= error.error_code < 500
    return False


def redact(ctx: click.Context, text: str) -> str:
    for secret in ctx.find_root().meta.get(_SECRETS, ()):
        text = text.replace(secret, "<api key>")
    return text


def describe(error: BaseException) -> tuple[str, tuple[str, ...]]:
    """The one line that says what went wrong and what to do, and the detail lines worth listing under it."""
    if isinstance(error, CliError):
        return error.message, error.details
    if isinstance(error, InvalidOptionsError):
        count = len(error.problems)
        head = "1 problem" if count == 1 else f"{count} problems"
        return f"invalid transcription options ({head}); nothing was sent:", error.problems
    if isinstance(error, APIError) and _is_offline():
        # Not "Gladia answered 422 to POST http://127.0.0.1:PORT/...": nothing was sent to Gladia.
        step = f"{error.method} {urlsplit(error.url).path}" if error.method else "a request"
        verb = "refused it" if refused_offline(error) else "failed"
        return f"the local emulator {verb} (HTTP {error.status_code} to {step}): {error.message}", (
            error.validation_errors
        )
    if isinstance(error, AuthenticationError):
        first = str(error).splitlines()[0]
        return f"{first}. Check --api-key or GLADIA_API_KEY (keys are at app.gladia.io).", ()
    if isinstance(error, APIError):
        line = str(error).splitlines()[0]
        if error.advice and error.advice not in line:
            line = f"{line}. {error.advice}"
        return line, error.validation_errors
    if isinstance(error, TranscriptionError):
        code = f" (code {error.error_code})" if error.error_code is not None else ""
        reason = job_error_reason(error.job)
        because = f": {reason}" if reason else ""
        if _is_offline():
            # The local emulator, and the job with it, end with this command: `gladia jobs get` could not
            # find it, so the reason is all there is to say.
            if refused_offline(error):
                return f"the local engine refused it{code}{because}", ()
            return f"could not transcribe it offline{code}{because}", ()
        return (
            f"Gladia could not transcribe it: job {error.job_id} ended in error{code}{because}; "
            f"see it with: gladia jobs get {error.job_id}",
            (),
        )
    if isinstance(error, PollTimeoutError) and _is_offline():
        return f"the local job was still {error.last_status or 'running'} after {error.waited:.0f} s", ()
    if isinstance(error, PollTimeoutError):
        return (
            f"job {error.job_id} was still {error.last_status or 'running'} after {error.waited:.0f} s; "
            "it keeps running: run the same command again to pick it up",
            (),
        )
    if isinstance(error, GladiaError):
        return str(error).splitlines()[0], ()
    if isinstance(error, OSError) and error.strerror:
        return (f"{error.strerror}: {error.filename}" if error.filename else error.strerror), ()
    return f"unexpected {type(error).__name__}: {error} (run with --debug for the traceback)", ()


def one_line(error: BaseException) -> str:
    """`describe(error)`'s line alone, for summaries that give each failure one line."""
    return describe(error)[0]


def exit_code_of(error: BaseException) -> int:
    if isinstance(error, CliError):
        return error.exit_code
    if isinstance(error, ValidationError) or refused_offline(error):
        return EXIT_USAGE
    return EXIT_FAILED


def report(ctx: click.Context, error: BaseException) -> None:
    """Print `error` as the command line shows every failure (with its traceback under --debug)."""
    if is_debug(ctx):
        text = "".join(traceback.format_exception(type(error), error, error.__traceback__))
        click.echo(redact(ctx, text), err=True, nl=False)
    line, details = describe(error)
    # Names in messages come from the file system or the server: escape what a terminal would act on.
    click.echo(redact(ctx, f"error: {shown(line)}"), err=True)
    for detail in details:
        click.echo(redact(ctx, f"  - {shown(detail)}"), err=True)


def _discard_stdout() -> None:
    """Point stdout at the null device, so flushing it at exit does not fail again on the broken pipe."""
    with suppress(OSError, ValueError):  # no real file descriptor (tests): nothing to redirect
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


@contextmanager
def error_boundary(ctx: click.Context) -> Iterator[None]:
    """Turn whatever the command raises into one line on stderr and an exit code."""
    try:
        yield
    except (click.exceptions.Exit, click.ClickException, click.Abort):
        raise
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        ctx.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        # The reader went away (`gladia jobs list | head -1`): stop quietly, as other command line tools do.
        _discard_stdout()
        ctx.exit(EXIT_FAILED)
    except Exception as error:  # noqa: BLE001  (the boundary: every failure ends here, as one line)
        report(ctx, error)
        sys.stderr.flush()
        ctx.exit(exit_code_of(error))
