"""Names and messages made safe to show: what a terminal would act on, or could not encode, is escaped.

A file name may hold any byte but `/` and NUL, and a job's file name comes from the server: printed raw, an
escape sequence in it recolours or rewrites the terminal, a newline forges a line of the summary, a
right-to-left override reverses what follows, and a lone surrogate (a name that is not UTF-8, as Python
decodes it) fails the write. Each such character is shown as Python writes it in a string literal
(`\\n`, `\\x1b`, `\\u202e`, `\\udcff`), as `ls -b` does for file names.
"""

from __future__ import annotations

import re

# C0 and C1 controls and DEL; the bidirectional controls and the line and paragraph separators (text
# that reorders or breaks what surrounds it); surrogates (undecodable bytes of a file name).
_OTHERS = "\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff"
_UNSAFE = re.compile(f"[\x00-\x1f{_OTHERS}]")
# The same but the C0 controls: json.dumps escapes those in strings, and writes newlines between tokens.
_UNSAFE_IN_JSON = re.compile(f"[{_OTHERS}]")


def _escape(match: re.Match[str]) -> str:
    return repr(match.group())[1:-1]


def shown(text: str) -> str:
    """`text` with every control, bidirectional override and surrogate escaped (`\\x1b`, `\\u202e`, ...)."""
    return _UNSAFE.sub(_escape, text)


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def json_safe(text: str) -> str:
    """A JSON text (from `json.dumps(..., ensure_ascii=False)`) with those characters as `\\uXXXX` escapes.

    json.dumps escapes only the C0 controls; the others would reach the terminal or pipe raw (and a
    surrogate would fail the write). Inside a JSON string `\\uXXXX` means the same character.
    """
    return _UNSAFE_IN_JSON.sub(_json_escape, text)
