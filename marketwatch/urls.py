"""Canonical story links, so the same article carried by two feeds is stored once."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

_TRACKING = re.compile(
    r"^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|yclid|_hsenc|_hsmi|"
    r"mkt_tok|ref|ref_src|cmpid|ncid|sr_share|guccounter|guce_\w+|ito|taid|at_\w+|oly_\w+)$",
    re.IGNORECASE,
)


def safe_link(url: str | None) -> str | None:
    """The link if it is http(s) and printable; anything else (javascript:, file:) is dropped."""
    if not url:
        return None
    url = url.strip()
    if any(ord(c) < 33 or ord(c) == 127 for c in url) or len(url) > 2000:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def canonical_url(url: str) -> str:
    """Lower-case host, sorted query without tracking parameters, no fragment."""
    from w3lib.url import canonicalize_url, url_query_cleaner

    parts = urlsplit(url)
    query_keys = [kv.split("=", 1)[0] for kv in parts.query.split("&") if kv]
    tracking = [k for k in query_keys if _TRACKING.match(k)]
    if tracking:
        url = url_query_cleaner(url, tracking, remove=True, keep_fragments=False)
    canonical = canonicalize_url(url, keep_fragments=False)
    return canonical.rstrip("?")
