"""Canonical story links, so the same article carried by two feeds is stored once."""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit, urlunsplit

_TRACKING = re.compile(
    r"^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|yclid|_hsenc|_hsmi|"
    r"mkt_tok|ref|ref_src|cmpid|ncid|sr_share|guccounter|guce_\w+|ito|taid|at_\w+|oly_\w+)$",
    re.IGNORECASE,
)


_CONTROL = re.compile("[\x00-\x20\x7f-\x9f\ud800-\udfff]")
# http(s), a host of letters, digits, dots and hyphens, an optional port, then printable ASCII.
_PLAIN_LINK = re.compile(r"[Hh][Tt][Tt][Pp][Ss]?://[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::([0-9]{1,5}))?"
                         r"(?:[/?#][!-~]*)?")


MAX_LINK = 2000  # characters: longer is no link anyone typed or a feed meant


def too_long(url: str) -> bool:
    """Is `url` an http(s) URL longer than MAX_LINK? Such a URL is told as too long (with its
    length and the limit) rather than as no usable URL, which sent the user looking for a typo
    in it; safe_link refuses it either way."""
    url = url.strip()
    return len(url) > MAX_LINK and url.lower().startswith(("http://", "https://"))


_FEED_SCHEME = re.compile(r"feed:(?://)?", re.IGNORECASE)


def from_feed_scheme(url: str) -> str:
    """A feed:// URL (the scheme browsers and old pages used to hand a link to a feed reader) as
    the http(s) URL it stands for, as browsers read it: feed:https://host/x and feed://https://…
    are the URL after "feed:", feed://host/x is https://host/x. Anything else is returned as it is."""
    text = url.strip()
    prefix = _FEED_SCHEME.match(text)
    if not prefix:
        return url
    rest = text[prefix.end():]
    if rest.lower().startswith(("http://", "https://")):
        return rest
    if prefix.group(0).endswith("//") and rest and not rest.startswith("/"):
        return "https://" + rest
    return url


def safe_link(url: str | None) -> str | None:
    """The link if it is a well-formed http(s) URL; anything else (javascript:, file:, data:, a
    bad port, control characters) is dropped. Invisible or look-alike characters a display could
    be tricked by (bidi overrides, zero-width and odd spaces) are percent-encoded, which is what a
    browser sends for them anyway."""
    if not url:
        return None
    url = url.strip()
    plain = _PLAIN_LINK.fullmatch(url)
    if plain and len(url) <= MAX_LINK and (plain.group(1) is None or int(plain.group(1)) <= 65535):
        return url  # what _checked_link would give back unchanged; most links look like this
    return _checked_link(url)


def _checked_link(url: str) -> str | None:
    if _CONTROL.search(url) or len(url) > MAX_LINK:
        return None
    if not url.isprintable():
        url = "".join(c if c.isprintable() else quote(c, safe="") for c in url)
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number in 0-65535
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


def clean_link(url: str | None) -> str | None:
    """The link to give a reader (exports, digests, `stories --json`, notifications): the stored one without its
    tracking parameters (utm_*, fbclid... the ones canonical_url drops, so that a link written is
    always one the store takes for the same story). Nothing else is touched: the other
    parameters keep their order and spelling, and the fragment stays (it may be an anchor).
    What is stored, and the keys stories are told apart by, stay as they are."""
    if not url or "?" not in url:
        return url
    rest, hash_, fragment = url.partition("#")
    base, _, query = rest.partition("?")
    tracking = [bool(_TRACKING.match(kv.split("=", 1)[0])) for kv in query.split("&")]
    if not any(tracking):
        return url
    kept = [kv for kv, drop in zip(query.split("&"), tracking, strict=True) if kv and not drop]
    return base + ("?" + "&".join(kept) if kept else "") + hash_ + fragment


def canonical_url(url: str) -> str:
    """Lower-case host, sorted query without tracking parameters, no fragment. Never raises: a
    URL w3lib cannot handle is its own canonical form."""
    try:
        return _canonical(url)
    except ValueError:  # also UnicodeError (IDNA) and w3lib's own complaints
        return url


# A link whose canonical form w3lib would make by percent-encoding its non-ASCII characters as
# UTF-8 (and adding a "/" to an empty path): lower-case host, no port, a path of unreserved
# characters, the sub-delimiters but ";" (w3lib splits parameters there), ":" and "@", and any
# non-ASCII character but a lone surrogate, without "." or ".." segments. Most feed links are
# like this once their tracking parameters are gone (slugs in Chinese, Japanese or with accents
# included), and w3lib costs ~0.1 ms a link.
_SIMPLE = re.compile("https?://[a-z0-9-]+(?:\\.[a-z0-9-]+)*"
                     "(/[A-Za-z0-9._~/!$&'()*+,:=@\u00a0-\ud7ff\ue000-\U0010ffff-]*)?")
_PATH_KEPT = "/!$&'()*+,:=@"  # with letters, digits and "_.-~", what w3lib leaves unencoded
_DOT_SEGMENT = re.compile(r"/\.\.?(?:/|$)")


def _canonical(url: str) -> str:
    base, _, query = url.partition("#")[0].partition("?")
    if not any(kv and not _TRACKING.match(kv.split("=", 1)[0]) for kv in query.split("&")):
        simple = _SIMPLE.fullmatch(base)
        path = simple.group(1) if simple else None
        if path is None:
            return base + "/" if simple else _canonical_w3lib(url)
        if not _DOT_SEGMENT.search(path):
            return base if path.isascii() else base[:simple.start(1)] + quote(path, safe=_PATH_KEPT)
    return _canonical_w3lib(url)


def _canonical_w3lib(url: str) -> str:
    from w3lib.url import canonicalize_url, url_query_cleaner

    parts = urlsplit(url)
    query_keys = [kv.split("=", 1)[0] for kv in parts.query.split("&") if kv]
    tracking = [k for k in query_keys if _TRACKING.match(k)]
    if tracking:
        url = url_query_cleaner(url, tracking, remove=True, keep_fragments=False)
    canonical = canonicalize_url(url, keep_fragments=False).rstrip("?")
    parts = urlsplit(canonical)
    if (parts.scheme, parts.port) in (("http", 80), ("https", 443)):  # w3lib keeps a default port
        canonical = urlunsplit(parts._replace(netloc=parts.netloc.rsplit(":", 1)[0]))
    return canonical
