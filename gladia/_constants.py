"""Every default of the SDK, in one place. Times are in seconds, sizes in bytes."""

from __future__ import annotations

from gladia._version import __version__

DEFAULT_API_URL = "https://api.gladia.io"
API_KEY_ENV = "GLADIA_API_KEY"
API_URL_ENV = "GLADIA_API_URL"
LOG_ENV = "GLADIA_LOG"
API_KEY_HEADER = "x-gladia-key"
USER_AGENT = f"gladia-python/{__version__}"
LOGGER_NAME = "gladia"

# --- HTTP timeouts, per kind of operation. `connect` is how long to wait for a TCP/TLS connection,
# `read` the longest silence while waiting for bytes, `write` the longest stall while sending.
CONNECT_TIMEOUT = 10.0
POOL_TIMEOUT = 30.0  # waiting for a free connection when many calls share the pool
# Reading a job or a page of jobs: small bodies, so a silent server is a broken one.
READ_TIMEOUT_FAST = 30.0
# Creating or deleting a job: Gladia checks the request and the audio URL before answering.
READ_TIMEOUT_CREATE = 60.0
# Uploading: after the last byte, Gladia reads the whole file to measure it before answering.
WRITE_TIMEOUT_UPLOAD = 300.0
READ_TIMEOUT_UPLOAD = 600.0
# Downloading a job's audio: the body may be large and arrive slowly.
READ_TIMEOUT_DOWNLOAD = 300.0
WRITE_TIMEOUT = 60.0

# --- Retries of one HTTP request (made in the transport, so raw generated calls get them too).
DEFAULT_MAX_RETRIES = 4
RETRY_INITIAL_DELAY = 0.5
RETRY_MAX_DELAY = 8.0
RETRY_MULTIPLIER = 2.0
# Honour Retry-After up to this long; beyond it, give up and surface the RateLimitError instead of
# blocking the caller for minutes.
RETRY_AFTER_CAP = 60.0
# Statuses worth another try of a request that is safe to repeat.
RETRYABLE_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
# Statuses that prove the server did not start the work: the only ones after which a job creation
# (which is not idempotent) is repeated.
NOT_STARTED_STATUSES = frozenset({429, 503})

# --- Creating a job: after an ambiguous failure the SDK looks for the job among the newest ones (see
# gladia/_idempotency.py) and tries again (up to max_retries times) only when it was not created.
RECONCILE_SCAN = 50  # newest jobs searched for the one a failed request may have created

# --- Polling a job until it is done or failed: look at once (a fast backend, such as the emulator or a
# cached result, is done already), then after 2 s and 2.5 s, then every 3 s: looks at 0, 2, 4.5, 7.5 s...
# By any moment this is at most one look more than a poller looking every 3 s from the start, and the
# extra looks come early, where they shorten the wait for a short job (bench/RESULTS.md, row 5).
POLL_INITIAL_DELAY = 2.0
POLL_MULTIPLIER = 1.25
POLL_MAX_DELAY = 3.0
POLL_JITTER = 0.1  # +/- 10 %, so many clients started together do not poll in lockstep
POLL_TIMEOUT = 2 * 60 * 60.0  # the longest a transcribe() or poll() waits by default

# --- Uploads
UPLOAD_CHUNK_BYTES = 1024 * 1024
# The async client reads a local file this small whole, in the worker-thread call that checks it: one
# thread hop per upload instead of one per chunk (plus open and close), which dominated small uploads.
ASYNC_PRELOAD_BYTES = UPLOAD_CHUNK_BYTES
# Gladia's documented per-file upload limit; checked before sending so a too-large file fails at once.
MAX_UPLOAD_BYTES = 1000 * 1024 * 1024

# --- Listing jobs
LIST_PAGE_SIZE = 50
