"""`--log-file`: one timestamped line per run and per failed feed, for cron and systemd users."""

from __future__ import annotations

import os
from pathlib import Path

from marketwatch import dates


def _private(path: str, flags: int) -> int:
    return os.open(path, flags, 0o600)


class LogError(Exception):
    """The log could not be written, phrased as the one line the user will read."""


class RunLog:
    def __init__(self, path: str | None) -> None:
        self.path = Path(path).expanduser() if path else None

    def write_report(self, report, notes: tuple[str, ...] = ()) -> None:
        """`notes`: lines about the run beyond its feeds (a notification that failed). Raises
        LogError; the caller reports the run itself first, since a log that cannot be written
        must not hide which feeds failed."""
        if self.path is None:
            return
        stamp = dates.to_iso(report.finished or report.started)
        lines = [
            f"{stamp} refresh: {len(report.feeds)} feeds, {len(report.failed)} failed, "
            f"{report.new_stories} new stories, {len(report.new_tieups)} new tie-ups"
        ]
        lines += [f"{stamp} failed: {report.label(o)}: {o.error}" for o in report.failed]
        lines += [f"{stamp} tie-up: {title}" for _id, title in report.new_tieups]
        lines += [f"{stamp} {note}" for note in notes]
        self._append(lines)

    def check(self) -> None:
        """Raises LogError now if the log cannot be written (a read-only folder, a folder where the
        file should be): said before a run, not after it has fetched every feed."""
        if self.path is not None:
            self._append([])

    def _append(self, lines: list[str]) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # Private as the database is (0600): it names the stories of what the user watches.
            with open(self.path, "a", encoding="utf-8", opener=_private) as handle:
                if lines:
                    handle.write("\n".join(lines) + "\n")
        except (FileExistsError, NotADirectoryError):
            raise LogError(f"{self.path}: cannot write the log: a file is where a folder should be") from None
        except OSError as exc:  # a read-only or full disk, a folder where the file should be
            raise LogError(f"{self.path}: cannot write the log: {exc.strerror or exc}") from None
