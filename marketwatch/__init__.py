"""marketwatch: watch mobility news feeds for tie-ups between carmakers and tech companies.

The package root holds the core (config, fetch, parse, match, store, refresh), which never
imports Textual or Rich; the dashboard lives in `marketwatch.tui`.
"""

__version__ = "0.1.0"
