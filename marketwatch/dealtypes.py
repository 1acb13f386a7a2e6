"""The names of the deal types, in the matcher's order of precedence within a sentence.

A module of their own, imported by the matcher (marketwatch.deals), the config and the command
line: checking a config or an option needs the names, not the matcher's compiled patterns.
"""

DEAL_TYPES = (
    "ended", "talks", "mou", "joint-venture", "stake", "acquisition", "investment", "licensing",
    "supply", "partnership",
)
