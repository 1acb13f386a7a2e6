"""Standard output (and input) for the commands, and what happens when they cannot be used.

A reader that stops reading (`marketwatch stories | head`), a full disk (`> /dev/full`) and a
stream closed before marketwatch started (`>&-`, `<&-`) must each end as one line on stderr and
an exit status, never a traceback. Every write to stdout goes through `echo`, which turns the
OSError into a StdoutError; cli/__init__.py decides what the user reads.
"""

from __future__ import annotations

import errno
import io
import json
import os
import select
import stat
import sys

import click

CLOSED = "it is closed"


class StdoutError(Exception):
    """Standard output could not be written."""

    def __init__(self, code: int | None, reason: str) -> None:
        super().__init__(reason)
        self.errno = code
        self.reason = reason

    @classmethod
    def of(cls, exc: OSError) -> StdoutError:
        return exc if isinstance(exc, StdoutError) else cls(exc.errno, exc.strerror or str(exc))

    @property
    def line(self) -> str:
        return f"cannot write to standard output: {self.reason}"

    @property
    def broken_pipe(self) -> bool:
        """The reader went away (`| head`): not a failure of marketwatch's, so no message."""
        return self.errno == errno.EPIPE


def echo(text: str = "", *, nl: bool = True) -> None:
    """Write a line (or `text` as it is) to stdout, completely or with a StdoutError.

    Not click.echo over sys.stdout: with PYTHONUNBUFFERED set, sys.stdout writes straight to
    the file, and a short write (the last blocks of a nearly full disk) loses the rest of the
    text without an error. Written here to the byte stream, looping until all is written, so
    that a full disk is an error and not a truncated export or digest that looks fine."""
    stream = sys.stdout
    data = text + "\n" if nl else text
    try:
        if not stream.isatty():
            data = click.unstyle(data)  # what click.echo does: no colour codes in files and pipes
        binary = getattr(stream, "buffer", None)
        if binary is None:  # a text-only stream (a test's StringIO)
            stream.write(data)
            stream.flush()
            return
        stream.flush()  # whatever went through the text layer first
        encoding = stream.encoding or "utf-8"
        try:
            encoded = data.encode(encoding, stream.errors or "strict")
        except UnicodeEncodeError:  # PYTHONIOENCODING=ascii, a Latin-1 locale: "–" becomes "?"
            encoded = data.encode(encoding, "replace")
        _write_all(binary, encoded)
    except OSError as exc:
        raise StdoutError.of(exc) from None


def _write_all(binary, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = binary.write(view)
        if written is None:  # a non-blocking descriptor that is full
            raise OSError(errno.EAGAIN, "the reader is not keeping up")
        view = view[written:]
    binary.flush()


def json_text(value) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


def echo_json(value) -> None:
    echo(json_text(value))


class Lines:
    """Lines that must not stop the work they report on (refresh's progress): the first failure
    to write is kept and the lines after it are dropped, so the run finishes and its report,
    its log and its exit status still come."""

    def __init__(self) -> None:
        self.failure: StdoutError | None = None

    def echo(self, text: str = "", *, nl: bool = True) -> None:
        if self.failure is not None:
            return
        try:
            echo(text, nl=nl)
        except StdoutError as exc:
            self.failure = exc
            drop_stdout()


def warn(text: str) -> None:
    """A warning line on stderr: the run goes on, and its exit status is not changed by it."""
    say(f"marketwatch: warning: {text}")


def say(text: str) -> None:
    """A line (or the help) on stderr: an error, a warning, a hint. A stderr that cannot be
    written (its reader gone, a full disk) loses the line but not the exit status, which is
    then all the caller can go by: the OSError, let through, would end the run with a
    traceback nobody can read and exit status 1, which says that feeds failed."""
    try:
        click.echo(text, err=True)
    except OSError:
        _drop(sys.stderr, "stderr")


def drop_stdout() -> None:
    """After a failed write (a broken pipe, a full disk), stdout goes to /dev/null: what is still
    buffered, and Python's flush at exit, then have nowhere to fail (the recipe of Python's signal
    module documentation). Without it a full disk failed again at exit, unless PYTHONUNBUFFERED
    was set: "Exception ignored in: <stdout>" and status 120 instead of one line and status 3."""
    _drop(sys.stdout, "stdout")


def _drop(stream, name: str) -> None:
    """`sys.<name>` (and its file descriptor) to /dev/null, so that the writes after a failed
    one, and the flush at exit, cannot fail again."""
    try:
        fd = stream.fileno()
    except (AttributeError, OSError, ValueError):  # not a real file (a test runner's capture)
        setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - lives until exit
        return
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, fd)
    os.close(null)


def all_read() -> bool:
    """Whether everything written to stdout has reached its reader, as far as can be known.

    A write to a pipe succeeds as soon as the bytes are in the pipe's buffer, so `marketwatch
    digest | head -c 100` would look like a success although the reader saw 100 bytes. On a
    pipe this waits until the reader has taken every byte (True) or has gone with bytes unread
    (False). A regular file is synced, so that a full disk shows now; a terminal is as good as
    read. Call it after the last write, with the output flushed."""
    try:
        fd = sys.stdout.fileno()
        mode = os.fstat(fd).st_mode
    except (AttributeError, OSError, ValueError):
        return True  # not a real file (a test runner's capture)
    if stat.S_ISREG(mode):
        try:
            os.fsync(fd)
        except OSError as exc:
            raise StdoutError.of(exc) from None
        return True
    if not stat.S_ISFIFO(mode):
        return True
    return _pipe_drained(fd)


DRAIN_WAIT_S = 10.0  # a reader that takes no more for this long is taken as one that will not


def _pipe_drained(fd: int) -> bool:
    """True once the pipe is empty; False if its reader went away with bytes unread, or took
    nothing more for DRAIN_WAIT_S (a caller that reads only after marketwatch exits would
    otherwise wait for ever)."""
    import fcntl
    import termios
    import time

    poller = select.poll()
    poller.register(fd, 0)  # POLLERR (the reader closed its end) is reported whatever is asked
    buf = bytearray(4)
    left, since = None, time.monotonic()
    while True:
        try:
            fcntl.ioctl(fd, termios.FIONREAD, buf)
        except OSError:
            return True  # cannot tell on this system: the write itself succeeded
        unread = int.from_bytes(buf, sys.byteorder)
        if unread == 0:
            return True
        if unread != left:
            left, since = unread, time.monotonic()
        elif time.monotonic() - since > DRAIN_WAIT_S:
            return False
        if poller.poll(50):
            fcntl.ioctl(fd, termios.FIONREAD, buf)
            return int.from_bytes(buf, sys.byteorder) == 0


class ClosedStream(io.TextIOBase):
    """Stands in for a standard stream that was closed when marketwatch started: Python leaves
    None there, which fails with AttributeError deep inside whatever uses it; this fails as a
    stream that cannot be read or written."""

    encoding = "utf-8"

    def _closed(self) -> OSError:
        return OSError(errno.EBADF, CLOSED)

    def readable(self) -> bool:
        return True

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return False

    def write(self, text: str) -> int:
        raise self._closed()

    def read(self, size: int | None = -1) -> str:
        raise self._closed()

    def readline(self, size: int | None = -1) -> str:
        raise self._closed()

    @property
    def buffer(self):
        raise self._closed()


def guard_std_streams() -> None:
    """Run before anything else. A standard descriptor the caller closed gets /dev/null, so that
    no file marketwatch opens (the database, an export) takes its number and receives what is
    meant for the terminal; stdin and stdout then fail on use, and stderr discards."""
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            null = os.open(os.devnull, os.O_RDWR)
            if null != fd:
                os.dup2(null, fd)
                os.close(null)
    if sys.stdin is None:
        sys.stdin = ClosedStream()
    if sys.stdout is None:
        sys.stdout = ClosedStream()
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives until exit
