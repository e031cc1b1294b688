"""``WholeLines``: a text stream for command output that only ever hands whole lines to the operating
system, so that a run stopped at any moment — Ctrl-C, ``kill -9``, a full disk, a reader that went
away — leaves an output that is valid line by line (JSONL, CSV, GDELT TSV).

Lines are gathered in memory and written with one ``os.write`` per chunk of whole lines (a chunk of at
most ``chunk`` characters plus the rest of its last line), straight to the file descriptor, never
through a buffer that could flush half a line. Text is encoded as UTF-8; a character that cannot be
encoded (a lone surrogate that escaped every reader) becomes ``?`` rather than invalid UTF-8.

What it does not do: make a write atomic across processes, or fsync.
"""

from __future__ import annotations

import io
import os
from contextlib import contextmanager
from typing import IO, Iterator


class WholeLines(io.TextIOBase):
    def __init__(self, fd: int, chunk: int = 1 << 16) -> None:
        self._fd = fd
        self._chunk = chunk
        self._parts: list[str] = []
        self._size = 0

    @classmethod
    @contextmanager
    def over(cls, stream: IO[str]) -> Iterator[IO[str]]:
        """A ``WholeLines`` over ``stream``'s file descriptor (``stream`` itself when it has none, as a
        test's captured stdout); whole lines are written out on the way out, even on an exception, and a
        last unfinished line only when the block ends normally."""
        try:
            stream.flush()
            fd = stream.fileno()
        except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
            yield stream
            stream.flush()
            return
        out = cls(fd)
        try:
            yield out
        except BaseException:
            out.flush()
            raise
        out.close()

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self._parts.append(text)
        self._size += len(text)
        if self._size >= self._chunk and "\n" in text:
            self._emit(final=False)
        return len(text)

    def flush(self) -> None:
        """Write the whole lines gathered so far (a last unfinished line waits)."""
        self._emit(final=False)

    def close(self) -> None:
        if not self.closed:
            self._emit(final=True)
        super().close()

    def _emit(self, final: bool) -> None:
        if not self._parts:
            return
        text = "".join(self._parts)
        cut = len(text) if final else text.rfind("\n") + 1
        rest = text[cut:]
        self._parts = [rest] if rest else []
        self._size = len(rest)
        data = memoryview(text[:cut].encode("utf-8", errors="replace"))
        while data:
            written = os.write(self._fd, data)
            data = data[written:]
