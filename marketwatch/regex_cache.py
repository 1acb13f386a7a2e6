"""The matcher's largest regexes, kept compiled on disk between runs.

Python compiles a regex in Python code (`re._parser`, `re._compiler`), about 3 µs a character of
pattern. The deal-word tables grouped by first letter (marketwatch.alternation) come to some
38,000 characters, which every process that matches pays again: each parser process of every
refresh spent ~100 ms on them, more than it then spent matching a thousand stories. What the
compiler produces, the engine's code (a list of integers), is what `_sre.compile` builds a
pattern from in about a millisecond, so it is kept in the user's cache directory, a file a
pattern (~370 KB for the four), named by a checksum of the pattern, its flags and the Python build.

A file is written only when the code built from it compares equal (`Pattern.__eq__` compares the
engine's code) to what `re.compile` gives in the same Python, and it is used only by that same
Python build on a machine of the same byte order, when its own checksum holds; `_sre.compile`
checks the code it is given as well. Anything unexpected (another Python, a damaged or foreign
file, a cache that cannot be read or written) costs only the compile the cache would have saved;
a Python whose compiler this module does not follow is written down as such, once, so that it
does not pay for the check again on every run. A file written more than 30 days ago is removed
when another is written (one still in use is then written again: a compile a month), so a pattern
that changes (a new release's deal words) leaves nothing behind for long.
"""

from __future__ import annotations

import marshal
import os
import re
import sys
import tempfile
import time
import zlib
from pathlib import Path

_FORMAT = 2
_PRUNE_AFTER_S = 30 * 86400
_MAX_FILE = 8 << 20  # far above any pattern's code (185 KB for the largest); a bigger file is not ours
_OTHERWISE = b""  # the engine's arguments of a Python that compiles otherwise than _engine_args knows


def compile(pattern: str, flags: int = 0, directory: Path | None = None) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, from the cache when this Python has compiled it before.
    `directory`: where the files are (the user's cache directory when None)."""
    flags = int(flags)  # re.IGNORECASE and the like are an enum marshal refuses
    path = _path(pattern, flags, directory)
    cached = _load(path, pattern, flags) if path is not None else None
    if isinstance(cached, re.Pattern):
        return cached
    compiled = re.compile(pattern, flags)
    if path is not None and cached is not _OTHERWISE:
        _store(path, pattern, flags, compiled)
    return compiled


def _path(pattern: str, flags: int, directory: Path | None) -> Path | None:
    if sys.version_info >= (3, 15):  # _engine_args follows re._compiler as of 3.11-3.14
        return None
    try:
        import _sre

        if directory is None:
            from marketwatch.paths import user_cache_dir

            directory = user_cache_dir() / "regex"
        key = f"{_FORMAT}\0{sys.version}\0{sys.byteorder}\0{_sre.MAGIC}\0{_sre.CODESIZE}\0{flags}\0{pattern}"
    except Exception:  # no cache: another Python's engine, no home directory
        return None
    if not directory.is_absolute():  # a home that could not be told ("~" left as it is)
        return None
    # A checksum, not a cryptographic hash (hashlib's import alone costs 4 ms): the file holds the
    # pattern and is used only when it is the same, so a collision costs a compile, nothing more.
    data = key.encode("utf-8", "surrogatepass")
    return directory / f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}{len(data):x}.re"


def _load(path: Path, pattern: str, flags: int) -> re.Pattern[str] | bytes | None:
    """The pattern from its file; `_OTHERWISE` when this Python compiles otherwise; else None."""
    try:
        import _sre

        with open(path, "rb") as file:
            data = file.read(_MAX_FILE + 1)
        if len(data) > _MAX_FILE:
            return None
        version, python, byteorder, stored_pattern, stored_flags, checksum, args = marshal.loads(data)
        if ((version, python, byteorder, stored_pattern, stored_flags)
                != (_FORMAT, sys.version, sys.byteorder, pattern, flags) or zlib.adler32(args) != checksum):
            return None
        if args == _OTHERWISE:
            return _OTHERWISE
        all_flags, code, groups, groupindex, indexgroup = marshal.loads(args)
        return _sre.compile(pattern, all_flags, code, groups, groupindex, indexgroup)
    except Exception:  # missing, damaged or foreign: compile as if there were no cache
        return None


def _store(path: Path, pattern: str, flags: int, compiled: re.Pattern[str]) -> None:
    try:
        # The file first: where none can be made (a read-only home), the pattern is not compiled twice.
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as file:
                args = _checked_args(pattern, flags, compiled)
                file.write(marshal.dumps((_FORMAT, sys.version, sys.byteorder, pattern, flags, zlib.adler32(args),
                                          args)))
            os.replace(temporary, path)  # whole or not at all, whoever writes the same file at once
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        _prune(path.parent, keep=path)
    except Exception:  # a full disk or a read-only home: the next run compiles again
        return


def _checked_args(pattern: str, flags: int, compiled: re.Pattern[str]) -> bytes:
    """The engine's arguments for `pattern`, marshalled, if they make what `re.compile` made;
    else `_OTHERWISE`."""
    import _sre

    try:
        args = _engine_args(pattern, flags)
        same = _sre.compile(pattern, *args) == compiled and args[3] == compiled.groupindex
    except Exception:  # re._parser or re._compiler changed their names or their ways
        same = False
    return marshal.dumps(args) if same else _OTHERWISE


def _engine_args(pattern: str, flags: int) -> tuple:
    """What `re._compiler.compile` hands `_sre.compile` after the pattern (Python 3.11-3.14)."""
    from re import _compiler, _parser

    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]  # opcodes are an int subclass marshal refuses
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup)


def _prune(directory: Path, keep: Path) -> None:
    cutoff = time.time() - _PRUNE_AFTER_S
    for entry in os.scandir(directory):
        try:
            if entry.name != keep.name and entry.name.endswith((".re", ".tmp")) and entry.stat().st_mtime < cutoff:
                os.unlink(entry.path)
        except OSError:
            continue
