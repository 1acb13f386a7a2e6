"""The checks of single values in `config.toml`: known keys, names and lists of names, feed URLs,
the numbers of [settings], the User-Agent and language codes, and the "did you mean" that a
mistyped name is told. `marketwatch.config` builds the config from them.

Each check raises what `fail(key, problem)` makes of its problem (a ConfigError naming the file),
so that every problem is one line naming the file, the key and what is wrong.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from marketwatch.wording import did_you_mean

if TYPE_CHECKING:
    from marketwatch.config import Config

# Upper bounds for settings that would otherwise break a run: a NaN or endless timeout, a
# retention beyond what dates can count, or a parser process pool that forks without end.
MAX_TIMEOUT_S = 3600
MAX_RETENTION_DAYS = 36_500
MAX_WORKERS = 64
MAX_AUTO_REFRESH = 7 * 24 * 60  # minutes: a week
# Requests at once, in all and to one site: each is an open socket, and Linux gives a process
# 1,024 files by default (concurrency = 1000000000 was taken, and left to fail on the network).
MAX_CONCURRENCY = 256
# An alias is a name (a 1 MB one crashed the process building the matcher).
MAX_ALIAS_CHARS = 200
_NUMBER_SETTINGS = ("timeout", "concurrency", "per_host", "max_bytes", "max_redirects", "retention_days",
                    "auto_refresh", "workers")
# An HTTP header value: httpx sends it as ASCII, and h11 refuses control characters.
_HEADER_TEXT = re.compile(r"[\x20-\x7e]*")
# The form of the codes dateparser takes (ISO 639, with a script for a few: "zh-Hans", "sr-Latn").
# The exact list is dateparser's, which takes ~150 ms to import: only `check-config` reads it
# (check_languages), so that a refresh does not wait for it.
_LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(?:-[A-Z][a-z]{3})?")
_LANGUAGE_FORM = 'use ISO 639 codes such as "en", "de" or "zh-Hans" (no region such as "-GB")'


def check_keys(table: dict, allowed: set[str], prefix: str, fail) -> None:
    for key in table:
        if key not in allowed:
            close = did_you_mean(key, allowed, n=1)  # "concurency": "did you mean 'concurrency'?"
            raise fail(f"{prefix}{quote_key(key)}", f"unknown key{close}" if close else
                       f"unknown key (expected one of: {', '.join(sorted(allowed))})")


def check_name(name: str, key: str, what: str, fail) -> None:
    """A table's name is what panes, pickers and options show and take: `[companies.""]` was a
    company no one could name."""
    if not name.strip():
        raise fail(key, f"{what} needs a name (this one is empty)")


def str_list(value: object, key: str, fail, *, names: bool = True) -> tuple[str, ...]:
    """`names`: a list of names, each at most MAX_ALIAS_CHARS (not notify URLs: a Teams workflow's
    is 230-300 characters, and a secret not to echo)."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise fail(key, "must be a list of non-empty strings")
    if names and (too_long := next((v for v in value if len(v.strip()) > MAX_ALIAS_CHARS), None)):
        raise fail(key, f"{too_long[:40]!r}... is {len(too_long.strip()):,} characters long; "
                        f"a name here takes at most {MAX_ALIAS_CHARS}")
    return tuple(v.strip() for v in value)


def check_numbers(values: dict, fail) -> None:
    """The numbers of [settings] (`values`: the table over its defaults), in their ranges."""
    for key in _NUMBER_SETTINGS:
        if isinstance(values[key], str):  # `timeout = "20"` was told "must be a positive number"
            raise fail(f"settings.{key}", _a_string(key, values[key]))
    timeout = values["timeout"]
    if not isinstance(timeout, int | float) or isinstance(timeout, bool) or not 0 < timeout <= MAX_TIMEOUT_S:
        raise fail("settings.timeout", f"must be a positive number of seconds, at most {MAX_TIMEOUT_S}")
    for key in ("concurrency", "per_host", "max_bytes", "max_redirects", "retention_days", "auto_refresh"):
        value = values[key]
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise fail(f"settings.{key}", "must be a whole number, 0 or more")
        if key in ("concurrency", "per_host") and not 1 <= value <= MAX_CONCURRENCY:
            raise fail(f"settings.{key}", f"must be a whole number from 1 to {MAX_CONCURRENCY}, not {value:,}")
        if key == "max_bytes" and value == 0:
            raise fail(f"settings.{key}", "must be at least 1")
    if values["retention_days"] > MAX_RETENTION_DAYS:
        raise fail("settings.retention_days", f"must be at most {MAX_RETENTION_DAYS} (100 years)")
    if values["auto_refresh"] > MAX_AUTO_REFRESH:
        raise fail("settings.auto_refresh", f"must be at most {MAX_AUTO_REFRESH} minutes (a week); 0 turns it off")
    workers = values["workers"]
    if workers is not None and (not isinstance(workers, int) or isinstance(workers, bool)
                                or not 0 <= workers <= MAX_WORKERS):
        raise fail("settings.workers", f"must be a whole number from 0 to {MAX_WORKERS}")


def _a_string(key: str, value: str) -> str:
    """What a number written in quotes is told: TOML reads `timeout = "20"` as text, and "must be
    a positive number" left the user looking at a 20."""
    number = value.strip()
    bare = f": {key} = {number}" if re.fullmatch(r"[+-]?\d+(\.\d+)?", number) else ""
    return f"{json.dumps(value, ensure_ascii=False)} is a string; write a number, without quotes{bare}"


def user_agent(value: object, fail) -> str | None:
    """settings.user_agent without its surrounding spaces, or None for none."""
    if value is None:
        return None
    if not isinstance(value, str) or not _HEADER_TEXT.fullmatch(value.strip()):
        raise fail("settings.user_agent", "must be printable ASCII text (it is sent as the User-Agent HTTP header)")
    return value.strip() or None


def language_codes(value: object, fail) -> tuple[str, ...]:
    """settings.languages, each of the form of a language code (check_languages knows them all)."""
    languages = str_list(value, "settings.languages", fail)
    for code in languages:
        if not _LANGUAGE_CODE.fullmatch(code):
            raise fail("settings.languages", f"{code!r} is not a language code: {_LANGUAGE_FORM}")
    return languages


def check_languages(config: Config) -> None:
    """Raise ConfigError for a code of settings.languages that has the form of one but is not
    a language dateparser knows ("xx"): it would reject it whenever it is asked to read a date,
    so that every --since fails and feeds' unusual dates are lost. Not part of load_config,
    which only checks the form: importing dateparser would slow every command's start."""
    import dateparser

    from marketwatch.config import ConfigError  # (here: marketwatch.config imports this module)

    for code in config.settings.languages:
        try:
            dateparser.parse("2020-01-01", languages=[code])
        except ValueError:
            raise ConfigError(f"{config.path or '<config>'}: settings.languages: {code!r} is not a language "
                              f"dateparser knows: {_LANGUAGE_FORM}") from None


def feed_url_problem(url: str) -> str | None:
    """Why a feed URL cannot be fetched, or None. Checked here, once, because a URL that
    urlsplit or the socket layer rejects would otherwise fail every command that reads the
    config (a malformed [IPv6] host) or every refresh (a port past 65535)."""
    if not url.isprintable():  # first: urlsplit's complaints quote the URL
        return "not an http(s) or file URL"
    try:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme not in ("http", "https", "file") or (scheme != "file" and " " in url):
            return "not an http(s) or file URL"
        if scheme == "file":
            return None
        host = parts.hostname
    except ValueError as exc:  # brackets that do not hold an IPv6 address, odd Unicode in the host
        return f"not a valid URL ({exc})"
    if not host:
        return "not an http(s) or file URL (no host name)"
    try:
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number in 0-65535
    except ValueError:
        return "the port must be a number from 0 to 65535"
    return None


def not_one_of(typed: str, what: str, names, aliases: dict[str, str] | None = None) -> str:
    """`'Fjord' is not a company; did you mean 'Ford'?`: the closest names, as `--company Toyta`
    and a mistyped key are told them."""
    return f"{typed!r} is not {what}{did_you_mean(typed, names, n=1, aliases=aliases)}"  # one, as for a key


def alias_owners(owners) -> dict[str, str]:
    """Each alias and the company or alliance it stands for (a suggestion names the owner)."""
    return {alias: owner.name for owner in owners for alias in owner.aliases}


def quote_key(name: str) -> str:
    """A table name as TOML writes it; escaped (as JSON and TOML agree) so that the error line
    stays one line whatever the name holds."""
    if name.replace("_", "").replace("-", "").isalnum() and name.isascii():
        return name
    return json.dumps(name, ensure_ascii=not name.isprintable())
