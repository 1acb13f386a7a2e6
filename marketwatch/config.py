"""Load and validate `config.toml`: the feeds, companies, alliances and watchlists a user follows.

Validation is strict on purpose: a typo in a watchlist silently watching nothing is worse than
an error, so every problem is reported as one line naming the file, the key and what is wrong.
The checks of single values (names, URLs, numbers, "did you mean") are in `config_checks`.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from marketwatch import paths
from marketwatch.config_checks import (
    alias_owners,
    check_keys,
    check_name,
    check_numbers,
    feed_url_problem,
    language_codes,
    not_one_of,
    quote_key,
    str_list,
    user_agent,
)
from marketwatch.config_checks import check_languages as check_languages  # `check-config` imports it from here
from marketwatch.dealtypes import DEAL_TYPES, named

KINDS = ("oem", "tech")

_SETTINGS_DEFAULTS: dict[str, object] = {
    "db": None,
    "timeout": 20.0,
    "concurrency": 16,
    "per_host": 2,
    "max_bytes": 10_000_000,
    "max_redirects": 5,
    "retention_days": 90,
    "auto_refresh": 60,
    "languages": ["en"],
    "user_agent": None,
    "workers": None,
}
# A config is a page of text: a bigger "config" is the wrong file (`--config /dev/zero` was read
# until memory ran out).
MAX_CONFIG_BYTES = 10 * 1024 * 1024
_FEED_KEYS = {"url", "name"}
_COMPANY_KEYS = {"kind", "aliases", "exclude", "ambiguous", "context", "parents", "ignore_case"}
_ALLIANCE_KEYS = {"members", "aliases"}
_WATCHLIST_KEYS = {"companies"}
_NOTIFY_KEYS = {"urls", "alliance", "watchlist", "deals"}
_TOP_KEYS = {"settings", "feeds", "companies", "alliances", "watchlists", "notify"}


class ConfigError(Exception):
    """A config problem, already phrased as the one line the user will read."""


@dataclass(frozen=True)
class Settings:
    db: Path
    timeout: float = 20.0
    concurrency: int = 16
    per_host: int = 2
    max_bytes: int = 10_000_000
    max_redirects: int = 5
    retention_days: int = 90
    # Minutes: the dashboard refreshes once the newest fetch (its own or cron's) is older (0: never)
    auto_refresh: int = 60
    languages: tuple[str, ...] = ("en",)
    user_agent: str | None = None
    workers: int | None = None


@dataclass(frozen=True)
class Feed:
    url: str
    name: str | None = None


@dataclass(frozen=True)
class Company:
    name: str
    kinds: frozenset[str]
    aliases: tuple[str, ...]
    exclude: tuple[str, ...] = ()
    ambiguous: frozenset[str] = frozenset()
    context: tuple[str, ...] = ()
    parents: tuple[str, ...] = ()
    ignore_case: bool = False

    @property
    def is_oem(self) -> bool:
        return "oem" in self.kinds

    @property
    def is_tech(self) -> bool:
        return "tech" in self.kinds

    @property
    def kind_label(self) -> str:
        return "/".join(k.upper() if k == "oem" else k for k in KINDS if k in self.kinds)


@dataclass(frozen=True)
class Alliance:
    name: str
    members: tuple[str, ...]
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Notify:
    """Where a refresh sends the new OEM–tech tie-ups it stores ([notify]): Apprise URLs, and
    optionally an alliance or a watchlist whose companies' tie-ups are the only ones sent, and
    deal types (joint ventures and stakes only, say)."""

    urls: tuple[str, ...] = ()
    alliance: str | None = None
    watchlist: str | None = None
    deals: tuple[str, ...] = ()


@dataclass(frozen=True)
class Config:
    path: Path | None
    settings: Settings
    feeds: tuple[Feed, ...] = ()
    companies: dict[str, Company] = field(default_factory=dict)
    alliances: dict[str, Alliance] = field(default_factory=dict)
    watchlists: dict[str, tuple[str, ...]] = field(default_factory=dict)
    notify: Notify = field(default_factory=Notify)

    def alliance_members(self, name: str) -> tuple[str, ...]:
        return self.alliances[name].members

    def why_no_tieups(self) -> str | None:
        """Why no story can be an OEM–tech tie-up with this config, if that is so: a valid but
        empty or half-edited config otherwise finds nothing, and says nothing about it."""
        if not self.companies:
            return 'the config lists no companies ([companies."Name"]), so no story is a tie-up'
        for kind in ("oem", "tech"):
            if not any(getattr(c, f"is_{kind}") for c in self.companies.values()):
                return f'no company has kind = "{kind}", so no story is an OEM–tech tie-up'
        return None

    def watchlist_companies(self, name: str) -> tuple[str, ...]:
        """Companies of a watchlist, with alliances in it expanded to their members."""
        out: list[str] = []
        for entry in self.watchlists[name]:
            members = self.alliances[entry].members if entry in self.alliances else (entry,)
            out.extend(m for m in members if m not in out)
        return tuple(out)

    def units_of(self, company: str) -> frozenset[str]:
        """The companies `company` owns, at any depth (`parents`): Waymo for Alphabet; a
        story of a unit's tie-up is under its owner's pane too, with the unit's partners."""
        units: set[str] = set()
        owners = [company]
        while owners:
            owner = owners.pop()
            for unit in self.companies.values():
                if owner in unit.parents and unit.name != company and unit.name not in units:
                    units.add(unit.name)
                    owners.append(unit.name)
        return frozenset(units)

    def alliances_of(self, company: str) -> tuple[str, ...]:
        return tuple(a.name for a in self.alliances.values() if company in a.members)

    def lookup(self, name: str) -> str | None:
        """The canonical company name for a name or alias typed by a user, case-insensitively."""
        folded = name.casefold()
        for company in self.companies.values():
            if company.name.casefold() == folded:
                return company.name
        for company in self.companies.values():
            if any(alias.casefold() == folded for alias in company.aliases):
                return company.name
        return None

    def lookup_alliance(self, name: str) -> str | None:
        folded = name.casefold()
        for alliance in self.alliances.values():
            if alliance.name.casefold() == folded or any(
                a.casefold() == folded for a in alliance.aliases
            ):
                return alliance.name
        return None

    def lookup_watchlist(self, name: str) -> str | None:
        folded = name.casefold()
        return next((w for w in self.watchlists if w.casefold() == folded), None)


def find_config_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The config a run uses: --config, else $MARKETWATCH_CONFIG, else ./config.toml, else the
    user config dir (created from the shipped default on first use, so `pip install` then
    `marketwatch refresh` just works)."""
    if explicit:
        return Path(explicit).expanduser().absolute()
    env = os.environ.get("MARKETWATCH_CONFIG")
    if env:
        return Path(env).expanduser().absolute()
    local = Path.cwd() / "config.toml"
    if local.is_file():
        return local
    user = paths.user_config_file()
    if not user.exists():
        from marketwatch.files import replace_file

        user.parent.mkdir(parents=True, exist_ok=True)
        # All or nothing: a copy cut short by a full disk would be the config of every later run.
        replace_file(user, [_user_copy(paths.default_config_file().read_text(encoding="utf-8"))], None)
    return user


def _user_copy(default: str) -> str:
    """The shipped config keeps its database beside itself (handy in a checkout); a user's copy
    in the config dir leaves `db` unset so the database goes to the XDG data dir instead."""
    return re.sub(r'(?m)^db = "marketwatch.db"', "# db = \"marketwatch.db\"  # default: the user data dir", default)


def load_config(
    path: str | os.PathLike[str] | None = None, *, db_override: str | None = None, allow_empty: bool = False
) -> Config:
    """`allow_empty`: for the commands that write feeds into the config (`add-feed` into an empty
    file is how one may start); any other reads an empty one as a save cut short."""
    cfg_path = find_config_path(path)
    raw = _read_config(cfg_path)
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")  # (Windows Notepad's byte-order mark)
        if not text.strip() and not allow_empty:
            raise ConfigError(f"{cfg_path}: the config file is empty (a save cut short?); restore it, or write at "
                              "least its [settings] db and [[feeds]] into it")
        data = tomllib.loads(text)
    except UnicodeDecodeError:
        raise ConfigError(f"{cfg_path}: config is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{cfg_path}: not valid TOML: {exc}") from None
    except RecursionError:  # tomllib descends into nested arrays and tables recursively
        raise ConfigError(f"{cfg_path}: not valid TOML: arrays or tables nested too deeply") from None
    return parse_config(data, cfg_path, db_override=db_override)


def _read_config(cfg_path: Path) -> bytes:
    """The config file's bytes, at most a config's size: `--config /dev/zero` was read until memory
    ran out. A pipe is read as a file (`--config <(sops -d config.toml)` keeps notify URLs secret)."""
    try:
        with cfg_path.open("rb") as file:
            raw = file.read(MAX_CONFIG_BYTES + 1)
    except FileNotFoundError:
        raise ConfigError(f"{cfg_path}: config file not found") from None
    except OSError as exc:
        raise ConfigError(f"{cfg_path}: cannot read config: {exc.strerror or exc}") from None
    if len(raw) > MAX_CONFIG_BYTES:
        raise ConfigError(f"{cfg_path}: more than {MAX_CONFIG_BYTES:,} bytes: too big to be a config; "
                          "is it the right file?")
    return raw


def parse_config(
    data: dict, path: Path | None = None, *, db_override: str | None = None
) -> Config:
    """Validate a decoded TOML document; `path` anchors relative paths and names the file."""
    where = str(path) if path else "<config>"

    def fail(key: str, problem: str) -> ConfigError:
        return ConfigError(f"{where}: {key}: {problem}")

    check_keys(data, _TOP_KEYS, "", fail)
    settings = _parse_settings(_table(data, "settings", fail), path, db_override, fail)
    feeds = _parse_feeds(data.get("feeds", []), fail)
    companies = _parse_companies(_table(data, "companies", fail), fail)
    alliances = _parse_alliances(_table(data, "alliances", fail), companies, fail)
    _check_alias_owners(companies, alliances, fail)
    watchlists = _parse_watchlists(_table(data, "watchlists", fail), companies, alliances, fail)
    notify = _parse_notify(_table(data, "notify", fail), alliances, watchlists, fail)
    return Config(path, settings, feeds, companies, alliances, watchlists, notify)


def _table(data: dict, key: str, fail) -> dict:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise fail(key, "must be a table")
    return value


def _parse_settings(table: dict, path: Path | None, db_override: str | None, fail) -> Settings:
    check_keys(table, set(_SETTINGS_DEFAULTS), "settings.", fail)
    values = {**_SETTINGS_DEFAULTS, **table}
    check_numbers(values, fail)
    ua = user_agent(values["user_agent"], fail)
    languages = language_codes(values["languages"], fail)
    return Settings(
        db=_resolve_db(values["db"], path, db_override, fail),
        timeout=float(values["timeout"]),
        concurrency=values["concurrency"],
        per_host=values["per_host"],
        max_bytes=values["max_bytes"],
        max_redirects=values["max_redirects"],
        retention_days=values["retention_days"],
        auto_refresh=values["auto_refresh"],
        languages=languages,
        user_agent=ua,
        workers=values["workers"],
    )


def _resolve_db(value: object, path: Path | None, override: str | None, fail) -> Path:
    if override:
        return Path(override).expanduser()
    if value is None:
        return paths.user_data_dir() / "marketwatch.db"
    if not isinstance(value, str) or not value.strip():
        raise fail("settings.db", "must be a file path")
    if "\x00" in value:  # (accepted, then every refresh ended in "embedded null byte")
        raise fail("settings.db", "must be a file path (it holds a NUL character)")
    db = Path(value).expanduser()
    if not db.is_absolute() and path is not None:
        db = path.parent / db
    return db


def _parse_feeds(value: object, fail) -> tuple[Feed, ...]:
    if not isinstance(value, list):
        raise fail("feeds", "must be an array of tables ([[feeds]])")
    feeds: list[Feed] = []
    seen: set[str] = set()
    for i, entry in enumerate(value, 1):
        key = f"feeds[{i}]"
        if not isinstance(entry, dict):
            raise fail(key, "must be a table with a url")
        check_keys(entry, _FEED_KEYS, f"{key}.", fail)
        url = entry.get("url")
        if not isinstance(url, str) or not url.strip():
            raise fail(f"{key}.url", "missing feed URL")
        url = url.strip()
        problem = feed_url_problem(url)
        if problem:
            raise fail(f"{key}.url", f"{problem}: {url!r}")
        name = entry.get("name")
        if name is not None and not isinstance(name, str):
            raise fail(f"{key}.name", "must be a string")
        if url in seen:
            raise fail(f"{key}.url", f"feed listed twice: {url}")
        seen.add(url)
        feeds.append(Feed(url=url, name=name or None))
    return tuple(feeds)


def _parse_companies(table: dict, fail) -> dict[str, Company]:
    companies: dict[str, Company] = {}
    for name, entry in table.items():
        key = f"companies.{quote_key(name)}"
        check_name(name, key, "a company", fail)
        if not isinstance(entry, dict):
            raise fail(key, "must be a table")
        check_keys(entry, _COMPANY_KEYS, f"{key}.", fail)
        kind = entry.get("kind")
        kinds = frozenset([kind] if isinstance(kind, str) else kind if isinstance(kind, list)
                          and all(isinstance(k, str) for k in kind) else [])
        if not kinds or not kinds <= set(KINDS):
            raise fail(f"{key}.kind", f'must be "oem", "tech" or ["oem", "tech"], not {kind!r}')
        aliases = str_list(entry.get("aliases", [name]), f"{key}.aliases", fail)
        ambiguous = str_list(entry.get("ambiguous", []), f"{key}.ambiguous", fail)
        for alias in ambiguous:
            if alias not in aliases:
                raise fail(f"{key}.ambiguous", not_one_of(alias, "one of the company's aliases", aliases))
        ignore_case = entry.get("ignore_case", False)
        if not isinstance(ignore_case, bool):
            raise fail(f"{key}.ignore_case", "must be true or false")
        companies[name] = Company(
            name=name,
            kinds=kinds,
            aliases=aliases,
            exclude=str_list(entry.get("exclude", []), f"{key}.exclude", fail),
            ambiguous=frozenset(ambiguous),
            context=str_list(entry.get("context", []), f"{key}.context", fail),
            parents=str_list(entry.get("parents", []), f"{key}.parents", fail),
            ignore_case=ignore_case,
        )
    for company in companies.values():
        for parent in company.parents:
            if parent not in companies:
                raise fail(f"companies.{quote_key(company.name)}.parents",
                           not_one_of(parent, "a company", companies, alias_owners(companies.values())))
    _check_no_cycle(companies, fail)
    return companies


def _check_no_cycle(companies: dict[str, Company], fail) -> None:
    """A company its own owner, at any depth (Ford over Ford, or Toyota over Waymo over Toyota),
    would make each the other's unit: the matcher never pairs a unit with its owner, so their
    tie-ups would silently vanish."""
    for company in companies.values():
        path = [company.name]
        seen = {company.name}
        stack = [(company.name, iter(company.parents))]
        while stack:
            _name, parents = stack[-1]
            parent = next(parents, None)
            if parent is None:
                stack.pop()
                path.pop()
                continue
            if parent == company.name:
                loop = " -> ".join([*path, parent])
                raise fail(f"companies.{quote_key(company.name)}.parents",
                           f"makes the company its own owner ({loop})")
            if parent not in seen:
                seen.add(parent)
                path.append(parent)
                stack.append((parent, iter(companies[parent].parents)))


def _parse_alliances(table: dict, companies: dict[str, Company], fail) -> dict[str, Alliance]:
    alliances: dict[str, Alliance] = {}
    for name, entry in table.items():
        key = f"alliances.{quote_key(name)}"
        check_name(name, key, "an alliance", fail)
        company = next((c for c in companies if c.casefold() == name.casefold()), None)
        if company is not None:  # `--alliance` and `--company`, a watchlist's names, would each mean either
            raise fail(key, f"{company!r} is already a company's name; give the alliance another")
        if not isinstance(entry, dict):
            raise fail(key, "must be a table")
        check_keys(entry, _ALLIANCE_KEYS, f"{key}.", fail)
        members = str_list(entry.get("members", []), f"{key}.members", fail)
        if not members:
            raise fail(f"{key}.members", "an alliance needs at least one member")
        for member in members:
            if member not in companies:
                raise fail(f"{key}.members", not_one_of(member, "a company", companies,
                                                        alias_owners(companies.values())))
        aliases = str_list(entry.get("aliases", []), f"{key}.aliases", fail)
        alliances[name] = Alliance(name=name, members=members, aliases=aliases)
    return alliances


def _check_alias_owners(companies: dict[str, Company], alliances: dict[str, Alliance], fail) -> None:
    owners: dict[str, str] = {}
    entries = [(f"companies.{quote_key(c.name)}", c.aliases) for c in companies.values()]
    entries += [(f"alliances.{quote_key(a.name)}", a.aliases) for a in alliances.values()]
    for key, aliases in entries:
        for alias in aliases:
            owner = owners.setdefault(alias, key)
            if owner != key:
                raise fail(f"{key}.aliases", f"alias {alias!r} is already claimed by {owner}")


def _parse_watchlists(table: dict, companies, alliances, fail) -> dict[str, tuple[str, ...]]:
    watchlists: dict[str, tuple[str, ...]] = {}
    for name, entry in table.items():
        key = f"watchlists.{quote_key(name)}"
        check_name(name, key, "a watchlist", fail)
        if not isinstance(entry, dict):
            raise fail(key, "must be a table with a companies list")
        check_keys(entry, _WATCHLIST_KEYS, f"{key}.", fail)
        members = str_list(entry.get("companies", []), f"{key}.companies", fail)
        for member in members:
            if member not in companies and member not in alliances:
                raise fail(f"{key}.companies", not_one_of(
                    member, "a company or alliance", [*companies, *alliances],
                    alias_owners([*companies.values(), *alliances.values()])))
        watchlists[name] = members
    return watchlists


def _parse_notify(table: dict, alliances, watchlists, fail) -> Notify:
    check_keys(table, _NOTIFY_KEYS, "notify.", fail)
    urls = str_list(table.get("urls", []), "notify.urls", fail, names=False)
    alliance, watchlist = table.get("alliance"), table.get("watchlist")
    for key, value in (("alliance", alliance), ("watchlist", watchlist)):
        if value is not None and not isinstance(value, str):
            raise fail(f"notify.{key}", "must be a name (a string)")
    if alliance is not None and watchlist is not None:
        raise fail("notify", "give an alliance or a watchlist, not both")
    if alliance is not None and alliance not in alliances:
        raise fail("notify.alliance", not_one_of(alliance, "an alliance of [alliances]", alliances,
                                                 alias_owners(alliances.values())))
    if watchlist is not None and watchlist not in watchlists:
        raise fail("notify.watchlist", not_one_of(watchlist, "a watchlist of [watchlists]", watchlists))
    deals = []
    for written in str_list(table.get("deals", []), "notify.deals", fail):
        deal = named(written)  # "MoU" and "joint venture", as notifications write them, too
        if deal is None:
            raise fail("notify.deals", f"{written!r} is not a deal type (one of {', '.join(DEAL_TYPES)})")
        deals.append(deal)
    if (alliance is not None or watchlist is not None or deals) and not urls:
        raise fail("notify.urls", "missing: where to send the tie-ups (Apprise URLs)")
    return Notify(urls, alliance, watchlist, tuple(dict.fromkeys(deals)))
