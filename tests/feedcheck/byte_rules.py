"""Byte-level rules of RFC 5545 section 3.1, and the size at which clients give up.

Each function takes a feed's raw bytes and returns finding messages (str, one line each, without
the feed's name); an empty list when the rule holds.
"""

from __future__ import annotations

import re

LINE_LIMIT = 75  # octets per physical line, CRLF not counted (RFC 5545 3.1)
SIZE_LIMIT = 1_000_000  # bytes: Google Calendar drops events of subscribed feeds above ~1 MB

_LINE_BREAK = re.compile(rb"\r\n|\n|\r")


def byte_findings(data: bytes) -> list[str]:
    """Every byte-level finding of a feed: UTF-8, CRLF, folding, size."""
    return [*utf8(data), *crlf(data), *folding(data), *size(data)]


def physical_lines(data: bytes) -> list[bytes]:
    """The lines of data as bytes, split at CRLF and also at a bare LF or CR (so that a file
    with the wrong line ends is still measured line by line); the part after the last break is
    included (empty when the data ends with a break)."""
    return _LINE_BREAK.split(data)


def utf8(data: bytes) -> list[str]:
    """The content is UTF-8 (RFC 5545 3.1.4: the default charset is UTF-8). Judged on the
    unfolded content: a character split by a fold is the folding rule's finding."""
    try:
        unfolded(data).decode("utf-8")
    except UnicodeDecodeError as err:
        return [f"bytes: not UTF-8: {err.reason} (RFC 5545 3.1.4)"]
    return []


def unfolded(data: bytes) -> bytes:
    """data without its folds (a CRLF, or a bare LF, followed by a space or a tab; RFC 5545 3.1)."""
    return re.sub(rb"\r?\n[ \t]", b"", data)


def crlf(data: bytes) -> list[str]:
    """Every line ends with CRLF, the last one included (RFC 5545 3.1: "delimited by a line
    break, which is a CRLF sequence")."""
    problems = []
    bare = [m.start() for m in re.finditer(rb"(?<!\r)\n|\r(?!\n)", data)]
    if bare:
        line = len(_LINE_BREAK.findall(data, 0, bare[0])) + 1
        problems.append(
            f"bytes: {len(bare)} bare LF or CR line break(s), the first ending line {line}: "
            "lines must end with CRLF (RFC 5545 3.1)"
        )
    if data and not data.endswith(b"\r\n"):
        problems.append("bytes: the file does not end with CRLF (RFC 5545 3.1)")
    return problems


def folding(data: bytes) -> list[str]:
    """Lines are at most 75 octets, CRLF excluded, and folding never splits a UTF-8 character:
    every physical line is valid UTF-8 by itself (RFC 5545 3.1: "Lines of text SHOULD NOT be
    longer than 75 octets" and "Multi-octet characters MUST NOT be split")."""
    lines = physical_lines(data)
    long_lines = [(n, len(line)) for n, line in enumerate(lines, 1) if len(line) > LINE_LIMIT]
    problems = []
    if long_lines:
        number, length = long_lines[0]
        problems.append(
            f"bytes: {len(long_lines)} line(s) longer than {LINE_LIMIT} octets, the first is "
            f"line {number} ({length} octets): fold them (RFC 5545 3.1)"
        )
    if not utf8(data):  # only then can a line's own encoding be blamed on the folding
        split = [n for n, line in enumerate(lines, 1) if not _is_utf8(line)]
        if split:
            problems.append(
                f"bytes: {len(split)} line(s) split inside a UTF-8 character, the first is line "
                f"{split[0]}: fold between characters (RFC 5545 3.1)"
            )
    return problems


def size(data: bytes) -> list[str]:
    """At most 1,000,000 bytes: Google Calendar drops the events of a subscribed feed above about
    1 MB, without saying so."""
    if len(data) > SIZE_LIMIT:
        return [
            f"size: {len(data):,} bytes, over {SIZE_LIMIT:,}: Google Calendar drops the events "
            "of subscribed feeds above about 1 MB"
        ]
    return []


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
