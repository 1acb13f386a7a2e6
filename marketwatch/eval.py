"""Measure tie-up detection against a labelled set: `python -m marketwatch.eval`.

Prints precision, recall and F1 at story level (is this an OEM-tech tie-up story?) and at pair
level (which OEM-tech pairs does it report?), then every miss and false alarm, so that a change
to the matcher or the config can be judged by numbers rather than by a few examples.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from marketwatch.config import Config, load_config
from marketwatch.match import Matcher

DEFAULT_SET = Path("tests/data/tieups.jsonl")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_json(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class Report:
    stories: Score = field(default_factory=Score)
    pairs: Score = field(default_factory=Score)
    deal_types_right: int = 0
    deal_types_total: int = 0
    misses: list[dict] = field(default_factory=list)
    false_alarms: list[dict] = field(default_factory=list)
    wrong_pairs: list[dict] = field(default_factory=list)

    def as_json(self) -> dict:
        return {
            "stories": self.stories.as_json(), "pairs": self.pairs.as_json(),
            "deal_type_accuracy": round(self.deal_types_right / self.deal_types_total, 4)
            if self.deal_types_total else None,
            "misses": self.misses, "false_alarms": self.false_alarms, "wrong_pairs": self.wrong_pairs,
        }


def load_labels(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def canonical_pairs(config: Config, pairs: list[list[str]]) -> set[tuple[str, str]]:
    out = set()
    for oem, tech in pairs:
        a, b = config.lookup(oem), config.lookup(tech)
        if a is None or b is None:
            raise ValueError(f"labelled company not in the config: {oem if a is None else tech!r}")
        out.add((a, b))
    return out


def evaluate(config: Config, labels: list[dict]) -> Report:
    matcher = Matcher(config)
    report = Report()
    for label in labels:
        found = matcher.match(label["title"], label.get("summary", ""))
        expected = canonical_pairs(config, label.get("pairs", [])) if label["tieup"] else set()
        got = set(found.pairs) if found.tieup else set()
        row = {"id": label["id"], "title": label["title"], "expected": sorted(expected), "got": sorted(got),
               "deal_type": found.deal_type, "sentence": found.sentence}
        if label["tieup"] and found.tieup:
            report.stories.tp += 1
            report.deal_types_total += 1
            report.deal_types_right += found.deal_type == label.get("deal_type")
        elif found.tieup:
            report.stories.fp += 1
            report.false_alarms.append(row)
        elif label["tieup"]:
            report.stories.fn += 1
            report.misses.append(row)
        report.pairs.tp += len(got & expected)
        report.pairs.fp += len(got - expected)
        report.pairs.fn += len(expected - got)
        if label["tieup"] and found.tieup and got != expected:
            report.wrong_pairs.append(row)
    return report


def format_report(report: Report, labels: int) -> str:
    lines = [f"{labels} labelled stories", "",
             f"{'level':<8} {'precision':>9} {'recall':>7} {'F1':>6} {'TP':>5} {'FP':>4} {'FN':>4}"]
    for name, score in (("story", report.stories), ("pair", report.pairs)):
        lines.append(f"{name:<8} {score.precision:>9.3f} {score.recall:>7.3f} {score.f1:>6.3f} "
                     f"{score.tp:>5} {score.fp:>4} {score.fn:>4}")
    if report.deal_types_total:
        lines.append(f"deal type right on {report.deal_types_right}/{report.deal_types_total} found tie-ups")
    for heading, rows in (("Misses", report.misses), ("False alarms", report.false_alarms),
                          ("Tie-ups with wrong pairs", report.wrong_pairs)):
        if rows:
            lines += ["", f"{heading} ({len(rows)}):"]
            for row in rows:
                lines.append(f"  {row['id']}: {row['title']}")
                lines.append(f"      expected {row['expected']}  got {row['got']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m marketwatch.eval", description=__doc__.splitlines()[0])
    parser.add_argument("labels", nargs="?", type=Path, default=DEFAULT_SET, help="labelled JSONL file")
    parser.add_argument("--config", help="config to evaluate (default: the shipped config.toml)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    from marketwatch.config import ConfigError
    from marketwatch.paths import default_config_file

    try:
        config = load_config(args.config or default_config_file())
        labels = load_labels(args.labels)
        report = evaluate(config, labels)
    except (ConfigError, OSError, ValueError) as exc:
        print(f"marketwatch.eval: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(report.as_json(), indent=2) if args.json else format_report(report, len(labels)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
