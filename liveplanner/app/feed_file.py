"""A file that a screen logger or export tool keeps appending, read as it grows: only complete
lines, from where the last read stopped, at most MAX_READ_BYTES a poll. A file truncated below
that point, replaced by another (a new inode) or rewritten from its start (its first bytes
differ) is read again from its start.

Lines are text in UTF-8 (with or without a BOM) or GBK/GB18030, each decoded on its own: a
growing file is read a line at a time, so UTF-16 (whose newline is two bytes) is refused whole.
"""

import codecs
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from liveplanner.core.live_feed import MAX_LINE_CHARS, FeedProblem, problem, shown

MAX_READ_BYTES = 512 * 1024  # a poll's read: some 10,000 lines of a logger's CSV
MAX_LINE_BYTES = MAX_LINE_CHARS * 4  # UTF-8 takes up to 4 bytes a character
_HEAD_BYTES = 64  # the start of the file, compared on each poll to see it rewritten


@dataclass
class TailRead:
    lines: list[tuple[int, str]] = field(default_factory=list)  # (line number, text)
    problems: list[FeedProblem] = field(default_factory=list)
    restarted: bool = False  # read from the start again: what was read before is another file's


@dataclass
class FileTail:
    path: Path
    offset: int = 0
    line: int = 0  # lines read so far (the next is line + 1)
    _identity: tuple[int, int] | None = None
    _head: bytes = b""
    _skipping: bool = False  # inside a line too long to keep
    _failed: str = ""  # why the file cannot be read now (said once until it changes)
    _refused: bool = False  # UTF-16: nothing read until the file starts over

    def read(self) -> TailRead:
        result = TailRead()
        try:
            with self.path.open("rb") as handle:
                status = os.fstat(handle.fileno())
                if self._starts_over(handle, status):
                    self._restart()
                    result.restarted = True
                if self._refused:
                    return result
                handle.seek(self.offset)
                chunk = handle.read(min(MAX_READ_BYTES, max(status.st_size - self.offset, 0)))
        except OSError as error:
            reason = error.strerror or type(error).__name__
            if reason != self._failed:
                self._failed = reason
                result.problems.append(
                    problem(0, "feed.file_unreadable", file=self.path.name, reason=reason)
                )
            return result
        self._failed = ""
        self._take(chunk, result)
        return result

    def _starts_over(self, handle: BinaryIO, status: os.stat_result) -> bool:
        identity = (status.st_dev, status.st_ino)
        if identity != self._identity or status.st_size < self.offset:
            self._identity = identity
            return True
        if self._head:
            handle.seek(0)
            return handle.read(len(self._head)) != self._head
        return False

    def _restart(self) -> None:
        self.offset, self.line, self._head = 0, 0, b""
        self._skipping, self._refused = False, False

    def _take(self, chunk: bytes, result: TailRead) -> None:
        start = 0
        if self.offset == 0:
            self._head = chunk[:_HEAD_BYTES]
            if chunk.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                self._refused = True
                result.problems.append(problem(0, "feed.file_utf16", file=self.path.name))
                return
            if chunk.startswith(codecs.BOM_UTF8):
                start = len(codecs.BOM_UTF8)
        end = chunk.rfind(b"\n")
        if end >= 0:
            self._lines(chunk[start:end], result)
        # What follows the last line end is a line still being written: read once it ends,
        # unless it is already past a line's bound, when it is refused now and passed over.
        rest = len(chunk) - (end + 1)
        self.offset += end + 1
        if rest >= MAX_LINE_BYTES:
            if not self._skipping:
                self.line += 1
                result.problems.append(_too_long(self.line))
            self._skipping = True
            self.offset += rest

    def _lines(self, block: bytes, result: TailRead) -> None:
        for raw in block.split(b"\n"):
            if self._skipping:  # the rest of a line refused already
                self._skipping = False
                continue
            self.line += 1
            raw = raw.removesuffix(b"\r")
            if len(raw) > MAX_LINE_BYTES:
                result.problems.append(_too_long(self.line))
                continue
            text = line_text(raw)
            if text is None:
                result.problems.append(
                    problem(self.line, "feed.not_text", value=shown(raw[:40].hex(" ")))
                )
            elif len(text) > MAX_LINE_CHARS:
                result.problems.append(_too_long(self.line))
            else:
                result.lines.append((self.line, text))


def _too_long(line: int) -> FeedProblem:
    return problem(line, "feed.line_too_long", most=MAX_LINE_CHARS)


def line_text(raw: bytes) -> str | None:
    """A line's bytes as text (UTF-8, else GBK/GB18030), or None when they are no text."""
    if b"\x00" in raw:
        return None
    for codec in ("utf-8", "gb18030"):
        try:
            return raw.decode(codec)
        except UnicodeDecodeError:
            continue
    return None
