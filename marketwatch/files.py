"""Replacing a file all or nothing, for the config edits and the exports: a full disk or an
error half-way must leave the file there as it was, and no partial new one."""

from __future__ import annotations

import os
import secrets
import stat
from collections.abc import Iterable
from contextlib import suppress
from pathlib import Path


def replace_file(target: Path, chunks: Iterable[str], info: os.stat_result | None) -> None:
    """Write `chunks` to a new file beside `target`, synced, then rename it over `target`.

    `info` is the old file's stat: the new file keeps its mode, and its owner and group where
    this process may set them (root editing a user's file must not hand it to root). Without
    one (a new file) the mode is what open() would give, the umask applied by the kernel. Hard
    links to the old file keep the old text: the rename gives the name a new inode."""
    fd, tmp = _create_beside(target, keep_private=info is not None)
    try:
        if info is not None:
            with suppress(PermissionError):  # not root, and that owner or group is not ours to give
                os.fchown(fd, info.st_uid, info.st_gid)
            # Before a byte is written: a 0600 config may hold [notify] passwords.
            os.fchmod(fd, stat.S_IMODE(info.st_mode))
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.writelines(chunks)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _create_beside(target: Path, *, keep_private: bool) -> tuple[int, Path]:
    """A new, hidden file in the target's folder (a rename must not cross file systems)."""
    while True:
        tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            # A copy of an existing file starts owner-only (replace_file gives it the old file's
            # mode before writing); a new file gets 0666 less the umask, as open() would.
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600 if keep_private else 0o666), tmp
        except FileExistsError:
            continue
