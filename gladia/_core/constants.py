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

# --- Overall deadlines. httpx's timeouts bound each wait (connect, one read, one write), never a whole
# exchange: a server dripping a byte a second would hold a request forever. So every request also has an
# overall deadline, retries and their waits included. A client made with `timeout=T` (a number) gives
# every request T seconds in all; otherwise each kind of request gets the default below. Uploads and
# downloads have none by default (a large file on a slow link legitimately takes long; their silences are
# still bounded by the timeouts above): pass `timeout=` to bound them too.
REQUEST_DEADLINE_FAST = 120.0  # get, list, delete
REQUEST_DEADLINE_CREATE = 180.0  # create, the upload of a URL (Gladia fetches it), other raw calls
# A look at a job inside poll() may end this long after poll's own deadline, so a look begun just before
# it still gets an answer: poll(timeout=T) returns or raises by T plus this.
DEADLINE_GRACE = 2.0
POLL_MIN_LOOK = 1.0  # the least time a look inside poll() gets, within that grace

# --- Memory. A JSON answer (a job, a page of jobs, an error) is read whole, so it is capped; the largest
# real one, a 4-hour transcript with words, is about 4 MB. Decompressed bytes count, and a compressed body
# is never inflated past the cap.
MAX_RESPONSE_BYTES = 64 * 1024 * 1024
# download_bytes() holds a job's audio in memory: never more than Gladia accepts as an upload (plus slack).
MAX_DOWNLOAD_BYTES_IN_MEMORY = 1100 * 1024 * 1024
# A JSON body the SDK sends is refused before sending when nested deeper than this: Gladia's options are a few
# levels deep, and how deep the json module can go depends on the Python version (3.13 encodes 5,000 levels).
MAX_JSON_DEPTH = 100

# --- Retries of one HTTP request (made in the transport, so raw generated calls get them too).
DEFAULT_MAX_RETRIES = 4
RETRY_INITIAL_DELAY = 0.5
RETRY_MAX_DELAY = 8.0
RETRY_MULTIPLIER = 2.0
# Honour Retry-After up to this long; beyond it, give up at once and surface the error (RateLimitError
# with `retry_after`) instead of blocking the caller for minutes. Zero, negative or unreadable values get
# the normal backoff.
RETRY_AFTER_CAP = 60.0
# Statuses worth another try of a request that is safe to repeat.
RETRYABLE_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
# Statuses that prove the server did not start the work: the only ones after which a job creation
# (which is not idempotent) is repeated at once. A 503 is not one: proxies answer 503 for a request the
# backend did handle.
NOT_STARTED_STATUSES = frozenset({429})

# --- Creating a job: after an ambiguous failure the SDK looks for the job (see gladia/prerecorded/_idempotency.py) and
# tries again, within the same retry budget, only when it was not created.
# The job list may show a new job only seconds after it was made: a lookup looks again after each of these
# delays before concluding the job does not exist.
RECONCILE_LOOK_DELAYS = (1.0, 2.0)
RECONCILE_PAGE_SIZE = 100
RECONCILE_MAX_PAGES = 10  # a lookup reads at most this many pages per look, else it cannot tell
# A job listed as created more than this before the first attempt cannot be the one looked for: reading a
# list that ignores the filter stops there. Wide, because the server's clock may be hours off ours.
RECONCILE_CLOCK_SKEW = 24 * 60 * 60.0
# Sent with every create; the tag in custom_metadata stays the proof (the API's support is unknown).
IDEMPOTENCY_KEY_HEADER = "Idempotency-Key"

# --- Polling a job until it is done or failed: look at once (a fast backend, such as the emulator or a
# cached result, is done already), then after 2 s and 2.5 s, then every 3 s: looks at 0, 2, 4.5, 7.5 s...
# By any moment this is at most one look more than a poller looking every 3 s from the start, and the
# extra looks come early, where they shorten the wait for a short job (bench/RESULTS.md, row 5).
POLL_INITIAL_DELAY = 2.0
POLL_MULTIPLIER = 1.25
POLL_MAX_DELAY = 3.0
POLL_JITTER = 0.1  # +/- 10 %, so many clients started together do not poll in lockstep
POLL_TIMEOUT = 2 * 60 * 60.0  # the longest a transcribe() or poll() waits by default
# Looks in a row that fail with an error the transport already retried, after which poll() raises it
# instead of waiting on: a job that cannot be read is not a job that keeps running.
POLL_MAX_FAILED_LOOKS = 3
# Looks in a row answered with a body that is not a job (never valid JSON, say), after which poll() raises.
POLL_MAX_UNREADABLE_LOOKS = 2

# --- Uploads
UPLOAD_CHUNK_BYTES = 1024 * 1024
# The async client reads a local file this small whole, in the worker-thread call that checks it: one
# thread hop per upload instead of one per chunk (plus open and close), which dominated small uploads.
ASYNC_PRELOAD_BYTES = UPLOAD_CHUNK_BYTES
# The sync client streams every file from disk (its generated twin of the async code reads this name).
SYNC_PRELOAD_BYTES = 0
# Gladia's documented per-file upload limit; checked before sending so a too-large file fails at once.
MAX_UPLOAD_BYTES = 1000 * 1024 * 1024

# --- Listing jobs
LIST_PAGE_SIZE = 50

# --- Live sessions (the audio buffer's defaults are in gladia/live/_buffer.py)
# The messages a live session keeps for iteration while the caller has not read them, by the memory they
# take once read (gladia.live._messages.message_cost: an upper bound, 256 bytes per message at least, so
# tiny messages count too): about an hour of acknowledgments of 100 ms frames (~1.9 KB each by that count,
# ~0.8 KB really). Past it the oldest partial transcripts are dropped, then the session fails with
# LiveQueueFullError.
LIVE_MAX_UNREAD_BYTES = 64 * 1024 * 1024
# How long after stop_recording() a session may take to end (its `end_session`) before it fails with
# LiveIncompleteError: the default of `start_session(end_timeout=)`, and of wait_until_ended().
LIVE_END_WAIT_SECONDS = 60.0
# The WebSocket handshake (TCP, TLS, HTTP upgrade) must be done within this many seconds.
LIVE_OPEN_TIMEOUT = 10.0
# A ping every LIVE_PING_INTERVAL seconds; no pong within LIVE_PING_TIMEOUT and the connection counts as
# lost (then resumed on a new one, as any drop).
LIVE_PING_INTERVAL = 20.0
LIVE_PING_TIMEOUT = 20.0
# How long closing waits for the server's close frame before dropping the TCP connection; also how long a
# connection may stay open after a close frame (the server's, or the SDK's refusing a message) before the
# SDK drops it.
LIVE_CLOSE_TIMEOUT = 5.0
# Leaving a session on an exception (Ctrl-C, a task cancelled, an error in the `with` block): the server
# gets this long to answer the close frame (it ends the session as Gladia ends a closed connection), then
# the TCP connection is dropped, so the caller is free within a second.
LIVE_INTERRUPT_CLOSE_TIMEOUT = 0.5
# Messages (frames) the WebSocket library may hold read and not yet taken by the session's reader: with
# messages of up to MAX_INCOMING_BYTES, this bounds what waits there.
LIVE_MAX_QUEUED_FRAMES = 4
# How often the sync session's threads look at the time while they wait for a message, room in the buffer
# or the end (deadlines are kept on gladia._core.clock; the waits in between are on events).
LIVE_WAKE_SECONDS = 0.25
