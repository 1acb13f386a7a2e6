"""The peer run for lemon24's `reader` library: add the feeds (once), update them all.

    python benchmarks/peer_reader.py DB URLS_FILE [--workers 16]

Prints the number of entries stored. `reader` is a benchmark peer only, never a dependency of
marketwatch; benchmarks/run.py skips this peer when `reader` is not installed.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("urls", type=Path)
    parser.add_argument("--workers", type=int, default=16)
    args = parser.parse_args()

    from reader import make_reader

    reader = make_reader(args.db)
    for url in args.urls.read_text().split():
        reader.add_feed(url, exist_ok=True)
    reader.update_feeds(workers=args.workers)
    print(reader.get_entry_counts().total)
    reader.close()


if __name__ == "__main__":
    main()
