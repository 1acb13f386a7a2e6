"""marketwatch.regex_cache: a pattern read back from the cache is the pattern re.compile makes,
and a cache that is damaged, foreign or out of reach only costs the compile."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from marketwatch import deals, regex_cache

PATTERNS = [
    r"(?<![\w-])(?:(?=[ab])(?:(?:ab)(?P<deal__1>)|(?:b\w+)(?P<stake__2>))|(?![ab])(?:\d+%))(?![\w])",
    r"(?i)stra(?:ß|ss)e|(?P<word>\w+)\s+(?P=word)",
    "[\u0e00-\u0e7f]+|合作|提携",
]


def _no_compiling(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("compiled although cached")

    monkeypatch.setattr(regex_cache.re, "compile", refuse)


def _same(a: re.Pattern[str], b: re.Pattern[str]) -> None:
    assert a == b  # Pattern equality compares the engine's code
    assert (a.pattern, a.flags, a.groups, a.groupindex) == (b.pattern, b.flags, b.groups, b.groupindex)


@pytest.mark.parametrize("pattern", PATTERNS)
def test_a_second_compile_reads_the_first_ones_file(tmp_path: Path, monkeypatch, pattern):
    first = regex_cache.compile(pattern, 0, tmp_path)
    assert len(list(tmp_path.glob("*.re"))) == 1
    _no_compiling(monkeypatch)
    second = regex_cache.compile(pattern, 0, tmp_path)
    monkeypatch.undo()
    _same(first, re.compile(pattern))
    _same(second, re.compile(pattern))
    text = "ab bxy 12% straSSe Strasse word word ไทย 合作"
    assert [(m.span(), m.lastgroup) for m in second.finditer(text)] == \
        [(m.span(), m.lastgroup) for m in re.compile(pattern).finditer(text)]


def test_the_matchers_deal_words_come_back_the_same(tmp_path: Path, monkeypatch):
    """The patterns the cache is for: the grouped deal-word tables (~38,000 characters)."""
    patterns = [deals._STRONG_RE, deals._WEAK_RE, deals._CJK_RE, deals._DAMPERS]
    for pattern in patterns:
        regex_cache.compile(pattern.pattern, pattern.flags & ~re.UNICODE, tmp_path)
    _no_compiling(monkeypatch)
    for pattern in patterns:
        _same(regex_cache.compile(pattern.pattern, pattern.flags & ~re.UNICODE, tmp_path), pattern)


def test_flags_make_another_entry(tmp_path: Path):
    plain = regex_cache.compile("deal", 0, tmp_path)
    folded = regex_cache.compile("deal", re.IGNORECASE, tmp_path)
    assert folded.match("DEAL") and not plain.match("DEAL")
    assert len(list(tmp_path.glob("*.re"))) == 2


@pytest.mark.parametrize("damage", [b"", b"\x00garbage", "truncated", "another pattern's", "another Python's"])
def test_a_damaged_or_foreign_file_is_compiled_again_and_replaced(tmp_path: Path, damage):
    pattern = PATTERNS[0]
    regex_cache.compile(pattern, 0, tmp_path)
    (path,) = tmp_path.glob("*.re")
    good = path.read_bytes()
    if damage == "truncated":
        path.write_bytes(good[: len(good) // 2])
    elif damage == "another pattern's":
        regex_cache.compile(PATTERNS[1], 0, tmp_path)
        other = next(p for p in tmp_path.glob("*.re") if p != path)
        path.write_bytes(other.read_bytes())
    elif damage == "another Python's":
        # the same length, so that the marshalled data stays valid
        other_python = b"2.7.18 (default)"[: len(sys.version)].ljust(len(sys.version))
        path.write_bytes(good.replace(sys.version.encode(), other_python))
    else:
        path.write_bytes(damage)
    _same(regex_cache.compile(pattern, 0, tmp_path), re.compile(pattern))
    assert path.read_bytes() == good


def _rewrite(path: Path, change, checksum_too: bool = True) -> None:
    """Rewrite a cache file's engine arguments with `change`, and its checksum to hold again."""
    import marshal
    import zlib

    fmt, python, byteorder, stored, flags, checksum, args = marshal.loads(path.read_bytes())
    args = marshal.dumps(change(marshal.loads(args)))
    checksum = zlib.adler32(args) if checksum_too else checksum
    path.write_bytes(marshal.dumps((fmt, python, byteorder, stored, flags, checksum, args)))


def test_code_the_engine_refuses_is_compiled_again(tmp_path: Path):
    """A file whose code is not valid engine code, its checksum right (written so on purpose)."""
    pattern = PATTERNS[0]
    regex_cache.compile(pattern, 0, tmp_path)
    (path,) = tmp_path.glob("*.re")
    _rewrite(path, lambda args: (args[0], [c ^ 0x55 for c in args[1]], *args[2:]))
    _same(regex_cache.compile(pattern, 0, tmp_path), re.compile(pattern))


def test_a_file_changed_since_it_was_written_is_compiled_again(tmp_path: Path):
    """Code the engine accepts but that no longer finds what the pattern finds ("mergex" for
    "merger"): the file's checksum tells."""
    regex_cache.compile("deal|merger", 0, tmp_path)
    (path,) = tmp_path.glob("*.re")

    def last_r_to_x(args):
        code = list(args[1])
        at = len(code) - 1 - code[::-1].index(ord("r"))
        code[at] = ord("x")
        return (args[0], code, *args[2:])

    _rewrite(path, last_r_to_x, checksum_too=False)
    assert regex_cache.compile("deal|merger", 0, tmp_path).search("a merger")


def test_a_python_that_compiles_otherwise_is_checked_once(tmp_path: Path, monkeypatch):
    """When the engine's arguments this module builds are not what re.compile builds (a future
    Python), the file says so, and later runs neither use them nor build them again."""
    calls = []

    def otherwise(pattern, flags):
        calls.append(pattern)
        raise AttributeError("re._compiler has changed")

    monkeypatch.setattr(regex_cache, "_engine_args", otherwise)
    for _ in range(3):
        _same(regex_cache.compile(PATTERNS[0], 0, tmp_path), re.compile(PATTERNS[0]))
    assert len(calls) == 1 and len(list(tmp_path.glob("*.re"))) == 1


def test_no_cache_where_the_home_cannot_be_told(monkeypatch):
    """platformdirs raises without a home, or older versions give "~/.cache" as it is."""
    import marketwatch.paths

    def no_home():
        raise RuntimeError("Could not determine home directory")

    monkeypatch.setattr(marketwatch.paths, "user_cache_dir", no_home)
    assert regex_cache._path("deal", 0, None) is None
    monkeypatch.setattr(marketwatch.paths, "user_cache_dir", lambda: Path("~/.cache/marketwatch"))
    assert regex_cache._path("deal", 0, None) is None
    _same(regex_cache.compile("deal", 0), re.compile("deal"))


def test_a_cache_that_cannot_be_written_only_costs_the_compile(tmp_path: Path):
    blocked = tmp_path / "file"
    blocked.write_text("not a directory")
    _same(regex_cache.compile(PATTERNS[0], 0, blocked / "regex"), re.compile(PATTERNS[0]))
    assert blocked.read_text() == "not a directory"


def test_an_invalid_pattern_raises_as_re_compile_does(tmp_path: Path):
    with pytest.raises(re.error):
        regex_cache.compile("(unclosed", 0, tmp_path)
    assert not list(tmp_path.iterdir())


def test_files_written_over_a_month_ago_go_when_another_is_written(tmp_path: Path):
    regex_cache.compile("old", 0, tmp_path)
    regex_cache.compile("recent", 0, tmp_path)
    old, recent = (p for p in sorted(tmp_path.glob("*.re"), key=lambda p: p.stat().st_mtime))
    month_ago = time.time() - 31 * 86400
    os.utime(tmp_path / old.name, (month_ago, month_ago))
    (tmp_path / "notes.txt").write_text("not the cache's")
    os.utime(tmp_path / "notes.txt", (month_ago, month_ago))
    regex_cache.compile("new", 0, tmp_path)
    names = {p.name for p in tmp_path.iterdir()}
    assert old.name not in names and recent.name in names and "notes.txt" in names and len(names) == 3


def test_the_matcher_writes_its_patterns_to_the_users_cache_and_reads_them_back(tmp_path: Path):
    """End to end, as a refresh's parser process loads the matcher: the first run writes the cache
    under XDG_CACHE_HOME, the second compiles none of the deal-word tables."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    probe = ("import re, marketwatch.regex_cache as c; from re import _parser; calls = []; "
             "parse = _parser.parse; _parser.parse = lambda p, f=0: (calls.append(p), parse(p, f))[1]; "
             "import marketwatch.match; print(repr(calls))")
    first = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True)
    files = list((tmp_path / "marketwatch" / "regex").glob("*.re"))
    second = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True)
    compiled_first, compiled_second = ast.literal_eval(first.stdout), ast.literal_eval(second.stdout)
    assert len(files) == 4
    tables = sorted(compiled_first, key=len)[-4:]  # the four grouped tables, the largest patterns
    assert len(tables[-1]) > 15_000  # the strong deal words were compiled ...
    assert not set(tables) & set(compiled_second)  # ... and then read back, as were the other tables
