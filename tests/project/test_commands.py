"""Every shell command the README, DEVELOPERS.md, RELEASING.md and docs/ give runs, as written, in a copy of
this checkout, with the emulator (or the local engine) standing in for Gladia.

Each block of ```bash is found by its first command line and has a `Spec` below: what it needs set up (a
file it names, a job id for `JOB_ID`), or the short reason it is not run here. A block that is new or
changed has no spec, and fails `test_every_block_has_a_spec` until it gets one: a README command that
fails is a failing test. Placeholders (`JOB_ID`, `PATH_OR_URL_...`) are the only words replaced.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import attrs
import pytest

from gladia.testing import Emulator, EmulatorConfig
from tests._reference import UPSTREAM_SPEC
from tests.conftest import make_wav

pytestmark = [pytest.mark.once, pytest.mark.slow, pytest.mark.timeout(900)]

ROOT = Path(__file__).resolve().parents[2]
PAGES = [
    ROOT / "README.md",
    ROOT / "DEVELOPERS.md",
    ROOT / "RELEASING.md",
    *sorted((ROOT / "docs").rglob("*.md")),
]
FENCE = re.compile(r"^( *)```(bash|sh|shell|console)\n(.*?)^\1```", re.S | re.M)
KEY = "local-key"
EMULATOR = "http://127.0.0.1:8765"


@attrs.frozen
class Block:
    page: str
    line: int
    text: str

    @property
    def first(self) -> str:
        """Its first command line: the block's name in SPECS."""
        lines = [" ".join(re.sub(r"\s+#\s.*$", "", line).split()) for line in self.text.splitlines()]
        return next(line for line in lines if line and not line.startswith("#"))


def blocks() -> list[Block]:
    found = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for match in FENCE.finditer(text):
            body = "\n".join(line[len(match[1]) :] for line in match[3].splitlines())
            found.append(Block(str(page.relative_to(ROOT)), text[: match.start()].count("\n") + 1, body))
    return found


@attrs.frozen
class Context:
    repo: Path  # the checkout's copy, where the commands run
    env: Mapping[str, str]
    work: Path  # a folder for the files a block names


@attrs.frozen
class Spec:
    """How a block runs: `why_not` skips it whole; `skip` skips lines by their start, each with its reason;
    `cwd` "work" runs it in a folder with the files `setup` made; `serves` says it is a server (started,
    checked to answer, then stopped), `then` a block run while it serves; `check` judges the output."""

    why_not: str | None = None
    skip: Mapping[str, str] = attrs.field(factory=dict)
    cwd: str = "repo"
    setup: Callable[[Context, Emulator | None], dict[str, str]] | None = None
    emulator: bool = False  # the block talks to Gladia: an emulator stands in (GLADIA_API_URL/KEY)
    serves: str | None = None
    then: str | None = None
    check: Callable[[str], object] | None = None
    needs_reference: bool = False


def _no_stale_env(ctx: Context, emu: Emulator | None) -> dict[str, str]:
    """The install block makes /tmp/gladia-env, as on a new machine: one an earlier run left there, made by
    another Python, would be reused half-way (venv keeps the old interpreter's files) and fail ensurepip."""
    shutil.rmtree("/tmp/gladia-env", ignore_errors=True)
    return {}


def _files(ctx: Context, emu: Emulator | None) -> dict[str, str]:
    """What the CLI examples name: meeting.wav, talk.mp4, calls/ (and calls/**/*.mp3), a URL, a job id."""
    assert emu is not None
    meeting = (ROOT / "samples" / "meeting.wav").read_bytes()
    (ctx.work / "meeting.wav").write_bytes(meeting)
    emu.transcripts.add(meeting, "Good morning, everyone.")
    talk = make_wav(2.0, tone=True)
    (ctx.work / "talk.mp4").write_bytes(talk)
    emu.transcripts.add(talk, "A talk.")
    for index, folder in enumerate(("calls", "calls/monday")):
        (ctx.work / folder).mkdir(parents=True, exist_ok=True)
        for kind in ("wav", "mp3"):
            audio = make_wav(1.0 + index / 10 + (kind == "mp3") / 20, tone=True)
            (ctx.work / folder / f"call{index}.{kind}").write_bytes(audio)
            emu.transcripts.add(audio, f"Call {index}.")
    emu.transcripts.add("https://example.com/podcast.mp3", "A podcast.")
    with urllib.request.urlopen(
        urllib.request.Request(f"{emu.url}/v2/upload", data=_multipart(talk), headers=_MULTIPART | _auth(emu))
    ) as answer:
        url = json.load(answer)["audio_url"]
    with urllib.request.urlopen(
        urllib.request.Request(
            f"{emu.url}/v2/pre-recorded",
            data=json.dumps({"audio_url": url}).encode(),
            headers={"Content-Type": "application/json"} | _auth(emu),
        )
    ) as answer:
        return {"JOB_ID": json.load(answer)["id"]}


_MULTIPART = {"Content-Type": "multipart/form-data; boundary=b0undary"}


def _multipart(data: bytes) -> bytes:
    head = b'--b0undary\r\nContent-Disposition: form-data; name="audio"; filename="talk.wav"\r\n\r\n'
    return head + data + b"\r\n--b0undary--\r\n"


def _auth(emu: Emulator) -> dict[str, str]:
    return {"x-gladia-key": emu.api_key}


def _transcript(text: str) -> Callable[[str], None]:
    def check(out: str) -> None:
        assert text in out, out[-2000:]

    return check


def _reference(_: Context, __: Emulator | None) -> dict[str, str]:
    return {"PATH_OR_URL_OF_GLADIAS_OPENAPI": str(UPSTREAM_SPEC)}


SUITE = "it is the command that runs this test suite (CI runs it as its test step)"
FULL_BENCH = "the full benchmark takes about 7 minutes on its own; the --quick line runs the same code here"
RELEASE = "CI runs it as its release step (it builds the wheel and runs it on every Python from 3.10 to 3.13)"

SPECS: dict[str, Spec] = {
    # README: the Quickstart (offline: no key, no network).
    "./scripts/uv run --no-dev --extra local gladia transcribe samples/meeting.wav": Spec(
        skip={"./scripts/uv run --all-extras pytest": SUITE},
        check=_transcript("launch plan"),
    ),
    # README, docs/index.md, docs/guides/quickstart.md: install the built wheel.
    "./scripts/uv build": Spec(setup=_no_stale_env, check=_transcript("launch plan")),
    # README and docs/guides/cli.md: the command line, against the emulator.
    "gladia transcribe meeting.wav": Spec(
        cwd="work", setup=_files, emulator=True, check=_transcript("A podcast.")
    ),
    "gladia transcribe samples/meeting.wav --local": Spec(check=_transcript("launch plan")),
    "gladia jobs list --status done --limit 20": Spec(cwd="work", setup=_files, emulator=True),
    'gladia emulator --api-key local-key --default-transcript "Hello." &': Spec(
        check=_transcript("Hello."), emulator=False
    ),
    'gladia emulator --api-key local-key --default-transcript "Hello from the Gladia emulator."': Spec(
        serves=EMULATOR
    ),
    # README: the documentation site.
    "./scripts/uv run --group docs mkdocs serve": Spec(
        skip={"./scripts/uv run --group docs mkdocs serve": "a server: the line after builds the same site"}
    ),
    # README: when Gladia's API changes.
    "./scripts/uv run python scripts/regenerate.py --compare PATH_OR_URL_OF_GLADIAS_OPENAPI": Spec(
        setup=_reference, needs_reference=True
    ),
    # README: the emulator, then curl against it.
    './scripts/uv run --extra emulator gladia emulator --api-key local-key --default-transcript "Hello from the Gladia emulator."': Spec(
        serves=EMULATOR, then="GLADIA_URL=http://127.0.0.1:8765"
    ),
    "GLADIA_URL=http://127.0.0.1:8765": Spec(
        why_not="run by the block that starts the emulator it talks to (its `then`)", cwd="work"
    ),
    "./scripts/uv run --extra local gladia emulator --engine whisper": Spec(serves=EMULATOR),
    # README: benchmarks.
    "./scripts/uv run --all-extras python bench/run.py": Spec(
        skip={"./scripts/uv run --all-extras python bench/run.py  ": FULL_BENCH}
    ),
    # RELEASING.md
    "./scripts/uv run --group release python scripts/check_release.py": Spec(why_not=RELEASE),
}


def test_every_block_has_a_spec() -> None:
    names = {block.first for block in blocks()}
    assert sorted(names - set(SPECS)) == [], (
        "blocks without a spec: add one to SPECS (or a reason not to run)"
    )
    assert sorted(set(SPECS) - names) == [], "specs of blocks that no page has any more"


# --------------------------------------------------------------------------------------------- running


@pytest.fixture(scope="module")
def checkout(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Context]:
    """A copy of this checkout (what git tracks, and the files it does not ignore) with its own environment,
    as a new user's clone would be."""
    base = tmp_path_factory.mktemp("commands")
    repo = base / "gladia"
    listed = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.split(b"\0")
    for name in filter(None, (entry.decode() for entry in listed)):
        source = ROOT / name
        if source.is_file():
            (repo / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, repo / name)
    (repo / "scripts" / "uv").chmod(0o755)
    env = {
        **os.environ,
        "UV_PROJECT_ENVIRONMENT": str(base / "venv"),
        "PATH": f"{base / 'venv' / 'bin'}{os.pathsep}{os.environ['PATH']}",
        "NO_MKDOCS_2_WARNING": "1",
    }
    for name in ("GLADIA_API_KEY", "GLADIA_API_URL", "VIRTUAL_ENV", "PYTHONPATH"):
        env.pop(name, None)
    # Everything the pages' commands may use, installed once (as the Quickstart's `./scripts/uv run` would).
    subprocess.run(
        ["./scripts/uv", "sync", "--all-extras", "--group", "docs", "--quiet"], cwd=repo, env=env, check=True
    )
    work = base / "work"
    work.mkdir()
    return Context(repo=repo, env=env, work=work)


def _script(block: Block, spec: Spec, values: Mapping[str, str]) -> str:
    lines = []
    for line in block.text.splitlines():
        reason = next((why for start, why in spec.skip.items() if line.strip().startswith(start)), None)
        lines.append(f"# not run here: {reason}" if reason else line)
    text = "\n".join(lines)
    for placeholder, value in values.items():
        text = text.replace(placeholder, value)
    return "set -eo pipefail\n" + text + "\n"


def _answers(url: str, seconds: float) -> bool:
    """Whether something answers HTTP at `url` (any status) within `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).close()
        except urllib.error.HTTPError:
            return True  # an answer, if not a 200
        except OSError:
            time.sleep(0.2)
        else:
            return True
    return False


def _run(ctx: Context, block: Block, spec: Spec, emu: Emulator | None) -> str:
    values = spec.setup(ctx, emu) if spec.setup else {}
    env = dict(ctx.env)
    if emu is not None:
        env |= {"GLADIA_API_URL": emu.url, "GLADIA_API_KEY": emu.api_key}
    cwd = ctx.work if spec.cwd == "work" else ctx.repo
    if spec.cwd == "work":
        env["PATH"] = f"{ctx.repo / 'scripts'}{os.pathsep}{env['PATH']}"
    script = _script(block, spec, values)
    log = ctx.work / f"{Path(block.page).stem}-{block.line}.log"
    # In a session of its own: whatever it leaves running in the background (`gladia emulator ... &`) is
    # stopped with it, and its output goes to a file, so a server it started cannot hold a pipe open.
    with log.open("w") as sink:
        process = subprocess.Popen(
            ["bash", "-c", script],
            cwd=cwd,
            env=env,
            stdout=sink,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        if spec.serves is None:
            code = process.wait(600)
            output = log.read_text(errors="replace")
            assert code == 0, f"{block.page}:{block.line} failed ({code}):\n{output[-4000:]}"
            return output
        assert _answers(spec.serves, 120), (
            f"{block.page}:{block.line} never answered at {spec.serves}:\n{log.read_text(errors='replace')[-4000:]}"
        )
        if spec.then is not None:
            (after,) = (b for b in blocks() if b.first == spec.then)
            return _run(ctx, after, attrs.evolve(SPECS[after.first], why_not=None), None)
        return log.read_text(errors="replace")
    finally:
        _stop(process)


def _stop(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGINT)
    try:
        process.wait(15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(15)
    with contextlib.suppress(ProcessLookupError):  # what it left behind in its session
        os.killpg(process.pid, signal.SIGKILL)


@pytest.mark.parametrize("block", blocks(), ids=lambda b: f"{b.page}:{b.line}")
def test_the_block_runs_as_written(block: Block, checkout: Context) -> None:
    spec = SPECS.get(block.first)
    assert spec is not None, f"no spec for {block.first!r}"
    if spec.why_not:
        pytest.skip(spec.why_not)
    # A block the docs repeat runs once, where it first stands: decided from the pages, not from what this
    # worker ran, so two workers never run the same commands at once (they share paths such as /tmp/gladia-env).
    first = next(b for b in blocks() if b.text == block.text)
    if (first.page, first.line) != (block.page, block.line):
        pytest.skip(f"the same commands as {first.page}:{first.line}, run there")
    if spec.needs_reference and not UPSTREAM_SPEC.is_file():
        pytest.skip(f"Gladia's document is not beside this checkout ({UPSTREAM_SPEC})")
    if spec.emulator:
        config = EmulatorConfig(api_keys=(KEY,), allow_remote_urls=False)
        with Emulator(config) as emu:
            output = _run(checkout, block, spec, emu)
    else:
        output = _run(checkout, block, spec, None)
    if spec.check is not None:
        spec.check(output)
