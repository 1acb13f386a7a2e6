"""Replacing a file all or nothing (marketwatch.files), as the config edits and exports do."""

from __future__ import annotations

import os
import stat

import pytest

from marketwatch.files import replace_file


def test_a_new_file_gets_the_mode_open_would_give_it(tmp_path):
    old = os.umask(0o027)
    try:
        replace_file(tmp_path / "new.csv", ["a,b\n"], None)
    finally:
        os.umask(old)
    assert (tmp_path / "new.csv").read_text() == "a,b\n"
    assert stat.S_IMODE((tmp_path / "new.csv").stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["new.csv"]  # no temporary file left


def test_a_replaced_file_keeps_its_mode_and_a_failure_leaves_it_as_it_was(tmp_path):
    target = tmp_path / "config.toml"
    target.write_text("old\n")
    target.chmod(0o600)
    replace_file(target, ["new\n"], target.stat())
    assert target.read_text() == "new\n" and stat.S_IMODE(target.stat().st_mode) == 0o600

    def failing():
        yield "half"
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space left"):
        replace_file(target, failing(), target.stat())
    assert target.read_text() == "new\n" and [p.name for p in tmp_path.iterdir()] == ["config.toml"]


def test_the_copy_of_a_private_file_is_never_readable_by_others(tmp_path, monkeypatch):
    """A 0600 config may hold [notify] passwords: its copy is 0600 while they are written."""
    import marketwatch.files as files

    target = tmp_path / "config.toml"
    target.write_text("old\n")
    target.chmod(0o600)
    modes = []
    real = files.os.fsync

    def watching(fd):
        modes.append(stat.S_IMODE(os.fstat(fd).st_mode))
        return real(fd)

    monkeypatch.setattr(files.os, "fsync", watching)
    replace_file(target, ["password\n"], target.stat())
    assert modes == [0o600] and stat.S_IMODE(target.stat().st_mode) == 0o600
