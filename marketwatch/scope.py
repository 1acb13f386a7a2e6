"""What a view is narrowed to: everything, one alliance, one watchlist or some companies."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from marketwatch.config import Config, ConfigError
from marketwatch.wording import did_you_mean


@dataclass(frozen=True)
class Scope:
    label: str  # shown to the user: "All", "Alliance: …", "Watchlist: …"
    companies: tuple[str, ...] | None  # None: no narrowing
    kind: str | None = None  # "company", "alliance" or "watchlist": what `name` is in the config
    name: str | None = None  # as the config spells it
    deal: str | None = None  # a deal type (`marketwatch.dealtypes`): each company's own deals of it

    @property
    def is_all(self) -> bool:
        """Not narrowed to companies (it may still be to a deal type)."""
        return self.companies is None


ALL = Scope("All", None)


def resolve_scope(config: Config, *, company: str | None = None, alliance: str | None = None,
                  watchlist: str | None = None) -> Scope:
    """Names typed by a user, matched case-insensitively (aliases too); unknown names are errors."""
    if company:
        name = config.lookup(company)
        if name is None:
            aliases = _aliases((c.name, c.aliases) for c in config.companies.values())
            raise ConfigError(f"no company {company!r} in the config"
                              + (did_you_mean(company, config.companies, aliases=aliases)
                                 or " (see `marketwatch check-config`)"))
        return Scope(f"Company: {name}", (name,), "company", name)
    if alliance:
        name = config.lookup_alliance(alliance)
        if name is None:
            aliases = _aliases((a.name, a.aliases) for a in config.alliances.values())
            raise ConfigError(f"no alliance {alliance!r} in the config"
                              + _unknown(alliance, config.alliances, aliases))
        return Scope(f"Alliance: {name}", config.alliance_members(name), "alliance", name)
    if watchlist:
        name = config.lookup_watchlist(watchlist)
        if name is None:
            raise ConfigError(f"no watchlist {watchlist!r} in the config"
                              + _unknown(watchlist, config.watchlists))
        return Scope(f"Watchlist: {name}", config.watchlist_companies(name), "watchlist", name)
    return ALL


def _aliases(owners: Iterable[tuple[str, Iterable[str]]]) -> dict[str, str]:
    """Each alias and the name it stands for: a suggestion names a company or an alliance
    once, not three of its aliases."""
    return {alias: name for name, aliases in owners for alias in aliases}


def _unknown(typed: str, names: Collection[str], aliases: Mapping[str, str] | None = None) -> str:
    """The closest names to a mistyped one, or else all there are (a config has a few)."""
    return did_you_mean(typed, names, aliases=aliases) or f" (known: {', '.join(names) or 'none configured'})"

