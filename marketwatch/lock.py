"""Locks between processes: one refresh at a time per database (a second one waits for the
first instead of racing it), one [notify] catch-up, and one edit of a config file at a time."""

from __future__ import annotations

import fcntl
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path


class Stopped(Exception):
    """The `stop` event was set while waiting for the lock."""


@contextmanager
def refresh_lock(db_path: Path, on_wait: Callable[[], None] | None = None,
                 stop: threading.Event | None = None) -> Iterator[None]:
    """Waits for a refresh already running, unless `stop` is set meanwhile (raises Stopped)."""
    with _file_lock(db_path.with_name(db_path.name + ".lock"), on_wait, stop):
        yield


@contextmanager
def notify_lock(db_path: Path) -> Iterator[None]:
    """One [notify] catch-up at a time (a refresh's lock is released before it sends, so that
    a slow service never holds up the next refresh)."""
    with _file_lock(db_path.with_name(db_path.name + ".notify.lock"), None):
        yield


@contextmanager
def _file_lock(lock_path: Path, on_wait: Callable[[], None] | None,
               stop: threading.Event | None = None) -> Iterator[None]:
    lock_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    with _holding(os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600), on_wait, stop):
        yield


@contextmanager
def _holding(fd: int, on_wait: Callable[[], None] | None = None,
             stop: threading.Event | None = None) -> Iterator[None]:
    """An exclusive lock on the open file `fd`, held until the block ends; `on_wait` is told
    when another process holds it first."""
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait:
                on_wait()
            _wait(fd, stop)
        yield
    finally:
        os.close(fd)  # closing releases the lock, also when the process is killed


def _wait(fd: int, stop: threading.Event | None) -> None:
    if stop is None:
        fcntl.flock(fd, fcntl.LOCK_EX)
        return
    while True:  # flock cannot be interrupted from another thread: try again ten times a second
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if stop.wait(0.1):
                raise Stopped from None


@contextmanager
def edit_lock(path: Path, owner: tuple[int, int] | None = None) -> Iterator[None]:
    """One edit of `path` at a time. An edit replaces the file by rename, so a lock on the file
    itself would be on the old inode: the lock is a sidecar beside it, `.<name>.lock` (0600).
    A lock this process creates is given to `owner` (uid, gid) if it can be, so that root
    editing a user's file does not leave a lock that user's own edits cannot open."""
    lock_path = path.with_name(f".{path.name}.lock")
    while True:
        try:
            fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        except FileExistsError:
            try:
                fd = os.open(lock_path, os.O_RDWR | os.O_NOFOLLOW)
            except FileNotFoundError:
                continue  # removed in between: create it again
            break
        if owner is not None:
            with suppress(PermissionError):
                os.fchown(fd, *owner)
        break
    with _holding(fd):
        yield
