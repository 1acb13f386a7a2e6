"""Add and remove `[[feeds]]` entries in config.toml without disturbing anything else.

The user's config is hand-written: comments, blank lines, key order and quoting all matter.
tomlkit keeps them on a round trip, but it files a comment that stands above a table header
under the *previous* table, so deleting or appending tables through its object model moves
or drops those comments. Edits are therefore made on the lines of the file, located with a
small TOML-aware line scanner, with tomlkit rendering the new values; every edit is then
checked by parsing the old and the new text (tomllib) and comparing them: the result must
be the old document with exactly the intended change to `feeds`, and a valid config, or the
file is left as it was. Files are replaced atomically (write a sibling, then rename), and a
symlinked config is edited at its target. An edit holds a lock (`lock.edit_lock`) from reading
the file to renaming the new one into place: two edits at once would otherwise both start from
the old file, and the last rename would drop the other's feeds.
"""

from __future__ import annotations

import errno
import os
import stat
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import tomlkit

from marketwatch.config import ConfigError, parse_config
from marketwatch.files import replace_file
from marketwatch.lock import edit_lock
from marketwatch.text import one_line

NAME_MAX = 200


@dataclass(frozen=True)
class NewFeed:
    url: str
    name: str | None = None


@dataclass
class AddResult:
    added: list[NewFeed] = field(default_factory=list)
    already: list[NewFeed] = field(default_factory=list)  # in the config before
    repeated: list[NewFeed] = field(default_factory=list)  # twice in what was offered
    renamed: list[tuple[str, NewFeed]] = field(default_factory=list)  # (the name offered, the feed as added)


def feed_key(url: str) -> str:
    """What makes two feed URLs the same feed: case of scheme and host, a default port and a
    fragment do not matter; path and query do."""
    url = url.strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        host = f"{host}:{port}"
    if parts.username or parts.password:
        host = f"{parts.netloc.rsplit('@', 1)[0]}@{host}"
    return urlunsplit((scheme, host, parts.path or "/", parts.query, ""))


def clean_name(name: str | None) -> str | None:
    if not name:
        return None
    text = one_line(name)
    if len(text) > NAME_MAX:
        text = text[: NAME_MAX - 1].rstrip() + "…"
    return text or None


# -- the public edits ------------------------------------------------------------------------

def add_feeds(path: str | os.PathLike[str], feeds: Iterable[NewFeed], *, dry_run: bool = False,
              titles: Mapping[str, str] | None = None) -> AddResult:
    """Append feeds not yet in the config (compared with `feed_key`), after its last feed.
    `titles`: {URL: the name a feed of the config without one is shown under (its channel
    title)}, which a new feed's name must not take either.

    A dry run, or one that finds nothing new, takes no lock and writes nothing, so it works on
    a config the user cannot write."""
    target = _target(path)
    feeds = list(feeds)
    result = _sort_out(_loads(_read(target), target), feeds, target, titles)
    if not result.added or dry_run:
        return result
    with _editing(target) as (text, old):
        result = _sort_out(old, feeds, target, titles)  # again: an edit before this one may have added some
        if result.added:
            new_text = _append(text, old, result.added)
            expected = dict(old)
            expected["feeds"] = [*old.get("feeds", []), *(_as_dict(f) for f in result.added)]
            _check_and_write(target, text, new_text, expected)
    return result


def _sort_out(old: dict, feeds: list[NewFeed], target: Path, titles: Mapping[str, str] | None = None) -> AddResult:
    """Which of `feeds` are new, already in the config `old`, or offered twice."""
    listed = [f for f in _feed_list(old, target) if isinstance(f, dict)]
    existing = {feed_key(str(f.get("url", ""))) for f in listed}
    names = set(shown_names(listed, titles).values())
    result = AddResult()
    offered: set[str] = set()
    for feed in feeds:
        key = feed_key(feed.url)
        if key in existing:
            result.already.append(feed)
        elif key in offered:
            result.repeated.append(feed)
        else:
            offered.add(key)
            name = clean_name(feed.name)
            added = NewFeed(feed.url.strip(), _free_name(name, names))
            if added.name != name:
                result.renamed.append((name, added))
            if added.name:
                names.add(added.name)
            result.added.append(added)
    return result


def _free_name(name: str | None, taken: set[str]) -> str | None:
    """`name`, or "name (2)", "name (3)"… when another feed has it: an OPML list often names
    several feeds of one site alike ("Reuters"), and two feeds of one name could neither be
    told apart on the feed health screen nor removed by name."""
    if name is None or name not in taken:
        return name
    n = 2
    while True:
        suffix = f" ({n})"
        candidate = (name if len(name) + len(suffix) <= NAME_MAX
                     else name[: NAME_MAX - len(suffix) - 1].rstrip() + "…") + suffix
        if candidate not in taken:
            return candidate
        n += 1


def shown_names(feeds: Iterable, titles: Mapping[str, str] | None = None) -> dict[int, str]:
    """{index in `feeds` (the config's [[feeds]] tables): the name the feed is shown under}: its
    `name`, or for a feed without one its title from `titles` ({URL: channel title}, as
    `marketwatch feeds` shows it). Feeds shown by their URL are left out."""
    by_key = {feed_key(url): title for url, title in (titles or {}).items()}
    out = {}
    for i, feed in enumerate(feeds):
        if not isinstance(feed, dict):
            continue
        name = feed.get("name")
        if isinstance(name, str) and name:
            out[i] = name
        elif title := by_key.get(feed_key(str(feed.get("url", "")))):
            out[i] = title
    return out


def remove_feed(path: str | os.PathLike[str], url_or_name: str, *, titles: Mapping[str, str] | None = None) -> dict:
    """Remove the one feed with this URL (or, failing that, this name: its `name`, or the
    channel title in `titles` that a feed without one is shown under); returns its table."""
    target = _target(path)
    with _editing(target) as (text, old):
        return _remove_from(target, text, old, url_or_name, titles)


def _remove_from(target: Path, text: str, old: dict, url_or_name: str, titles: Mapping[str, str] | None) -> dict:
    feeds = _feed_list(old, target)
    key = feed_key(url_or_name)
    hits = [i for i, f in enumerate(feeds) if isinstance(f, dict) and feed_key(str(f.get("url", ""))) == key]
    if not hits:
        hits = [i for i, name in shown_names(feeds, titles).items() if name == url_or_name]
        if len(hits) > 1:
            # It took the first, silently: a feed under its channel title and one named alike
            # (an OPML import) are two rows of one name in `marketwatch feeds`.
            urls = [str(feeds[i].get("url")) for i in hits]
            raise ConfigError(f"{target}: {len(hits)} feeds are named {url_or_name!r}; remove one by its URL: "
                              + (", ".join(urls[:-1]) + " or " + urls[-1]))
    if not hits:
        raise ConfigError(f"{target}: no feed {url_or_name!r} in the config (see `marketwatch feeds`)")
    index = hits[0]
    new_text = _remove(text, index, target)
    expected = dict(old)
    expected["feeds"] = [f for i, f in enumerate(feeds) if i != index]
    if not expected["feeds"]:
        expected.pop("feeds")
    _check_and_write(target, text, new_text, expected)
    return feeds[index]


# -- reading and writing ----------------------------------------------------------------------

def _target(path: str | os.PathLike[str]) -> Path:
    """The file an edit goes to, its links followed; a regular file, as an edit renames a new file
    over it (a config linked to /dev/null had the device replaced, as root)."""
    target = Path(path).expanduser().resolve()
    with suppress(FileNotFoundError):  # (said by the read that follows)
        if not stat.S_ISREG(target.stat().st_mode):
            raise ConfigError(f"{target}: not a regular file (a pipe or a device); nothing was changed")
    return target


@contextmanager
def _editing(target: Path) -> Iterator[tuple[str, dict]]:
    """The config's text and data, read under its edit lock, held until the edit is written.

    A config the user cannot write is refused, and so is one with no write permission for
    anyone even when running as root: renaming a new file over it would quietly overrule that.
    The error is an OSError, like any other failure to write the config (the CLI's exit 3)."""
    try:
        info = target.stat()
    except FileNotFoundError:
        raise ConfigError(f"{target}: config file not found") from None
    if not os.access(target, os.W_OK) or not info.st_mode & 0o222:
        raise PermissionError(errno.EACCES, "config is read-only; nothing was changed", str(target))
    with edit_lock(target, owner=(info.st_uid, info.st_gid)):
        text = _read(target)
        yield text, _loads(text, target)


def _read(path: Path) -> str:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return handle.read()
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: config is not UTF-8 text") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config: {exc.strerror or exc}") from None


def _loads(text: str, path: Path) -> dict:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None


def _feed_list(data: dict, path: Path) -> list:
    feeds = data.get("feeds", [])
    if not isinstance(feeds, list):
        raise ConfigError(f"{path}: feeds: must be an array of tables ([[feeds]])")
    return feeds


def _as_dict(feed: NewFeed) -> dict:
    return {"url": feed.url, **({"name": feed.name} if feed.name else {})}


def _check_and_write(path: Path, old_text: str, new_text: str, expected: dict) -> None:
    try:
        new = tomllib.loads(new_text)
    except tomllib.TOMLDecodeError:
        new = None
    if new != expected:
        raise ConfigError(f"{path}: could not edit the feeds of this config safely; "
                          "nothing was changed (edit it by hand)")
    parse_config(new, path)  # still a valid config (raises ConfigError otherwise)
    replace_file(path, [new_text], path.stat())


# -- the line scanner ------------------------------------------------------------------------

@dataclass(frozen=True)
class _Line:
    kind: str  # "blank", "comment", "header", "value" (a key line or the rest of a multi-line value)
    feeds_header: bool = False  # a [[feeds]] line
    name: str | None = None  # a header's table name, as TOML reads it


def _scan(lines: list[str]) -> list[_Line]:
    """Classify each line, following strings and brackets that span lines."""
    out: list[_Line] = []
    state = _ScanState()
    for raw in lines:
        line = raw.rstrip("\r\n")
        if state.busy:
            state.feed(line, 0)
            out.append(_Line("value"))
            continue
        stripped = line.strip()
        if not stripped:
            out.append(_Line("blank"))
        elif stripped.startswith("#"):
            out.append(_Line("comment"))
        elif stripped.startswith("["):
            out.append(_header(stripped))
        else:
            state.feed(line, 0)
            out.append(_Line("value"))
    return out


def _header(stripped: str) -> _Line:
    try:
        data = tomllib.loads(stripped)
    except tomllib.TOMLDecodeError:
        return _Line("header")
    is_feeds = stripped.startswith("[[") and data == {"feeds": [{}]}
    name = next(iter(data), None)
    return _Line("header", feeds_header=is_feeds, name=name)


class _ScanState:
    """Where a scan stands after a line: inside a multi-line string, or inside brackets."""

    def __init__(self) -> None:
        self.string: str | None = None  # '"""' or "'''" while inside one
        self.depth = 0

    @property
    def busy(self) -> bool:
        return self.string is not None or self.depth > 0

    def feed(self, line: str, i: int) -> None:
        n = len(line)
        while i < n:
            if self.string:
                i = self._close_multiline(line, i)
                continue
            c = line[i]
            if c == "#":
                return
            if line.startswith('"""', i) or line.startswith("'''", i):
                self.string = line[i:i + 3]
                i += 3
            elif c == '"':
                i = _skip_basic(line, i + 1)
            elif c == "'":
                end = line.find("'", i + 1)
                i = n if end < 0 else end + 1
            elif c in "[{":
                self.depth += 1
                i += 1
            elif c in "]}":
                self.depth = max(0, self.depth - 1)
                i += 1
            else:
                i += 1

    def _close_multiline(self, line: str, i: int) -> int:
        quote = self.string
        while i < len(line):
            if quote == '"""' and line[i] == "\\":
                i += 2
                continue
            if line.startswith(quote, i):
                # Up to two more quote characters may end the string's content.
                end = i + 3
                while end < len(line) and line[end] == quote[0] and end - i < 5:
                    end += 1
                self.string = None
                return end
            i += 1
        return i


def _skip_basic(line: str, i: int) -> int:
    while i < len(line):
        if line[i] == "\\":
            i += 2
        elif line[i] == '"':
            return i + 1
        else:
            i += 1
    return i


def _content_end(kinds: list[_Line], header: int) -> int:
    """The last line of the table that starts at `header`: its last value line, and comment
    lines right below that when a blank line follows them. Comments that run straight into
    the next header introduce that header, and so do lines after a blank line."""
    end = header
    i = header + 1
    while i < len(kinds) and kinds[i].kind != "header":
        if kinds[i].kind == "value":
            end = i
        i += 1
    j = end + 1
    while j < len(kinds) and kinds[j].kind == "comment":
        j += 1
    if j > end + 1 and (j == len(kinds) or kinds[j].kind == "blank"):
        end = j - 1
    return end


def _newline(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


def _render(feed: NewFeed, nl: str) -> list[str]:
    lines = ["[[feeds]]", f"url = {tomlkit.string(feed.url).as_string()}"]
    if feed.name:
        lines.append(f"name = {tomlkit.string(feed.name).as_string()}")
    return [line + nl for line in lines]


def _append(text: str, data: dict, feeds: list[NewFeed]) -> str:
    nl = _newline(text)
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith(("\n", "\r")):
        lines[-1] += nl
    kinds = _scan(lines)
    headers = [i for i, k in enumerate(kinds) if k.feeds_header]
    if not headers and "feeds" in data:
        return _append_inline(text, feeds)
    block: list[str] = []
    for feed in feeds:
        block += [nl, *_render(feed, nl)]
    if headers:
        at = _content_end(kinds, headers[-1]) + 1
    else:
        settings = [i for i, k in enumerate(kinds) if k.kind == "header" and k.name == "settings"
                    and not k.feeds_header]
        at = _content_end(kinds, settings[0]) + 1 if settings else len(lines)
        if at == len(lines) and (not lines or kinds[-1].kind == "blank"):
            block = block[1:]  # the file is empty or already ends with a blank line
        elif at < len(lines) and kinds[at].kind != "blank":
            block.append(nl)  # a blank line before what follows [settings]
    return "".join(lines[:at] + block + lines[at:])


def _append_inline(text: str, feeds: list[NewFeed]) -> str:
    """`feeds = [{url = …}]` written inline: let tomlkit append to the array."""
    doc = tomlkit.parse(text)
    array = doc["feeds"]
    for feed in feeds:
        entry = tomlkit.inline_table()
        entry.update(_as_dict(feed))
        array.append(entry)
    return tomlkit.dumps(doc)


def _remove(text: str, index: int, path: Path) -> str:
    lines = text.splitlines(keepends=True)
    kinds = _scan(lines)
    headers = [i for i, k in enumerate(kinds) if k.feeds_header]
    if index >= len(headers):
        raise ConfigError(f"{path}: feeds are written inline; remove the feed by hand")
    header = headers[index]
    end = _content_end(kinds, header)
    start = header
    if index > 0:
        # Comments right above a [[feeds]] that is not the first are about that feed.
        while start > 0 and kinds[start - 1].kind == "comment":
            start -= 1
    after = end + 1 < len(lines) and kinds[end + 1].kind == "blank"
    following = end + 2
    while following < len(lines) and kinds[following].kind == "comment":
        following += 1
    next_is_feed = following < len(lines) and kinds[following].feeds_header
    if after and (start == 0 or kinds[start - 1].kind == "blank"
                  or (kinds[start - 1].kind == "comment" and next_is_feed)):
        # One blank line stays between what was around the feed, not two; and the next feed
        # moves up under a comment that headed the removed one.
        end += 1
    elif start > 0 and kinds[start - 1].kind == "blank" and end + 1 >= len(lines):
        start -= 1  # no blank line left dangling at the end of the file
    return "".join(lines[:start] + lines[end + 1:])
