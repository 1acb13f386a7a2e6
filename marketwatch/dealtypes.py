"""The names of the deal types, in the matcher's order of precedence within a sentence.

A module of their own, imported by the matcher (marketwatch.deals), the config and the command
line: checking a config or an option needs the names, not the matcher's compiled patterns.
"""

DEAL_TYPES = (
    "ended", "talks", "mou", "joint-venture", "stake", "acquisition", "investment", "licensing",
    "supply", "partnership",
)

# The names as people write them, for what people read (the dashboard, Markdown exports,
# digests, notifications, the command line's lists); JSON and CSV keep the names above, which
# scripts and `--deal` take.
READABLE = {"mou": "MoU", "joint-venture": "joint venture"}


def readable(deal_type: str | None) -> str:
    """`MoU`, `joint venture`, `stake`; '' for no deal."""
    if not deal_type:
        return ""
    return READABLE.get(deal_type, deal_type.replace("-", " "))


def named(value: str) -> str | None:
    """The deal type a person wrote, as the outputs write it or as stored: "MoU", "joint venture",
    "Joint-Venture" and "joint-venture" are all `joint-venture`; None for no deal type."""
    key = "-".join(value.casefold().split())
    return key if key in DEAL_TYPES else None
